"""Agreements, their clauses, signatories, the decisions that adopt them, and their lineage."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from bodies.models import Body, County, Organisation, Person, track_history
from governance.dates import add_days, date_in_range, validate_date, validate_year, year_in_range
from governance.records import RegistryRecord, basis_field, basis_note_field
from governance.search import stored_vector_field, stored_vector_index
from governance.text import SingleLineFields, single_line


class AgreementKind(models.TextChoices):
    NATIONAL_AGREEMENT = "national_agreement", _("Nationell överenskommelse")
    DECLARATION_OF_INTENT = "declaration_of_intent", _("Avsiktsförklaring")
    COLLABORATION_AGREEMENT = "collaboration_agreement", _("Samverkansavtal")
    COUNTY_PLAN = "county_plan", _("Länsplan")
    ACTION_PLAN = "action_plan", _("Handlingsplan")
    ORGANISATION_PROPOSAL = "organisation_proposal", _("Organisationsförslag")


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    UPCOMING = "upcoming", _("Ej trätt i kraft")
    IN_FORCE = "in_force", _("Gäller")
    EXPIRED = "expired", _("Upphört")
    SUPERSEDED = "superseded", _("Ersatt")


class RenewalType(models.TextChoices):
    NONE = "none", _("Ingen förlängning")
    TACIT = "tacit", _("Förlängs automatiskt om ingen säger upp")
    EXPRESS = "express", _("Kräver uttryckligt beslut")


class RelationKind(models.TextChoices):
    """How one agreement relates to an earlier one (the lineage vocabulary)."""

    REPLACES = "replaces", _("ersätter")
    RENEWS = "renews", _("förnyar")
    EXTENDS = "extends", _("förlänger")
    BASED_ON = "based_on", _("utgår från (ramverk)")
    AMENDS = "amends", _("ändrar")


# Relations after which the earlier agreement no longer applies on its own.
SUPERSEDING_RELATIONS = (RelationKind.REPLACES, RelationKind.RENEWS)
# Relations that make the earlier agreement this one's predecessor in the lineage.
LINEAGE_RELATIONS = (RelationKind.REPLACES, RelationKind.RENEWS, RelationKind.EXTENDS)


# The status rules as functions of plain values: ``Agreement`` applies them to itself and
# its prefetched relations, the API list to ``.values()`` rows, so both follow one rule.


def extends_it(kind: str, source_is_draft: bool) -> bool:
    """A relation from a published agreement that moves the earlier one's last day."""
    return kind == RelationKind.EXTENDS and not source_is_draft


def supersedes_it(kind: str, source_is_draft: bool) -> bool:
    """A relation from a published agreement that replaces or renews the earlier one."""
    return kind in SUPERSEDING_RELATIONS and not source_is_draft


def last_day(node, extensions, _seen: frozenset = frozenset()) -> dt.date | None:
    """The last day ``node`` applies, its extensions (and theirs) included; None: until replaced.

    ``node`` has ``pk`` and ``valid_until``; ``extensions(node)`` gives the published
    agreements that extend it, as such nodes. Replacing and renewing agreements do not
    move the date; they make the earlier one superseded from their start instead.
    """
    if node.valid_until is None:
        return None
    ends = [node.valid_until]
    seen = _seen | {node.pk}
    for extension in extensions(node):
        if extension.pk in seen:
            continue
        extended = last_day(extension, extensions, seen)
        if extended is None:
            return None
        ends.append(extended)
    return max(ends)


def status_of(
    day: dt.date, *, is_draft: bool, valid_from, superseded_from, until
) -> AgreementStatus:
    """Draft, upcoming, in force, expired or superseded, as of ``day``.

    ``superseded_from``: the start days of the published agreements that replace or renew
    it; ``until``: a function giving its last day (``last_day``), called only when needed,
    since following extensions may read the database.
    """
    if is_draft:
        return AgreementStatus.DRAFT
    if valid_from is None or day < valid_from:
        return AgreementStatus.UPCOMING
    if any(start is not None and start <= day for start in superseded_from):
        return AgreementStatus.SUPERSEDED
    end = until()
    if end is not None and day > end:
        return AgreementStatus.EXPIRED
    return AgreementStatus.IN_FORCE


def _extension_reaches(day: dt.date, depth: int, outer: str = "pk"):
    """A published agreement extends the one at ``outer`` and itself runs until ``day`` or
    later (no end date counts), directly or through its own extension, ``depth`` links deep."""
    reaches = Q(source__valid_until__isnull=True) | Q(source__valid_until__gte=day)
    if depth > 1:
        reaches |= Q(_extension_reaches(day, depth - 1, outer="source"))
    return Exists(
        AgreementRelation.objects.filter(
            target=OuterRef(outer), kind=RelationKind.EXTENDS, source__is_draft=False
        ).filter(reaches)
    )


def runs_through(day: dt.date) -> Q:
    """Its own end date or an extension's covers ``day`` (no end date: until replaced)."""
    return (
        Q(valid_until__isnull=True)
        | Q(valid_until__gte=day)
        | Q(_extension_reaches(day, EXTENSION_DEPTH))
    )


def _superseded_on(day: dt.date) -> Exists:
    """A published agreement that replaces or renews it has started by ``day``.

    A correlated EXISTS on the relations, which PostgreSQL runs as a (anti-)join on
    their index, rather than ``pk IN (…)`` over all agreements.
    """
    return Exists(
        AgreementRelation.objects.filter(
            target=OuterRef("pk"),
            kind__in=SUPERSEDING_RELATIONS,
            source__is_draft=False,
            source__valid_from__lte=day,
        )
    )


# How many extensions of extensions the status queries follow.
EXTENSION_DEPTH = 3


class AgreementQuerySet(models.QuerySet):
    def drafts(self):
        return self.filter(is_draft=True)

    def superseded_on(self, day: dt.date):
        """Agreements that a later agreement replaced or renewed with effect on ``day``."""
        return self.filter(_superseded_on(day))

    def in_force_on(self, day: dt.date):
        """Published, started, not past its (extended) end, not replaced or renewed."""
        return (
            self.filter(is_draft=False, valid_from__lte=day)
            .filter(runs_through(day))
            .filter(~_superseded_on(day))
        )

    def with_status(self, status: str, day: dt.date):
        if status == AgreementStatus.DRAFT:
            return self.drafts()
        published = self.filter(is_draft=False)
        if status == AgreementStatus.UPCOMING:
            return published.filter(Q(valid_from__gt=day) | Q(valid_from__isnull=True))
        if status == AgreementStatus.IN_FORCE:
            return self.in_force_on(day)
        if status == AgreementStatus.SUPERSEDED:
            return published.filter(valid_from__lte=day).filter(_superseded_on(day))
        if status == AgreementStatus.EXPIRED:
            return (
                published.filter(valid_from__lte=day)
                .exclude(runs_through(day))
                .filter(~_superseded_on(day))
            )
        raise ValueError(f"unknown status {status!r}")

    def with_lineage(self, depth: int = 4):
        """Prefetch relations ``depth`` steps back and forward, so that ``lineage()``,
        ``predecessor``, ``based_on``, ``successors()`` and ``status_on()`` of the
        agreements in the chain run without further queries."""
        back = ["outgoing_relations__target"]
        forward = ["incoming_relations__source"]
        for _level in range(depth - 1):
            back.append(back[-1] + "__outgoing_relations__target")
            forward.append(forward[-1] + "__incoming_relations__source")
        status_of_chain = [path + "__incoming_relations__source" for path in back]
        return self.prefetch_related(*back, *forward, *status_of_chain)

    def last_day_in_force(self, until: dt.date) -> dt.date | None:
        """The latest day up to ``until`` on which an agreement of these was in force
        (``in_force_on``), or None: where the registry's knowledge of the present ends."""
        candidates = set()
        started = self.filter(is_draft=False, valid_from__lte=until).prefetch_related(
            "incoming_relations__source__incoming_relations__source"
        )
        for agreement in started:
            end = agreement.effective_until()
            candidates.add(until if end is None else min(end, until))
            for rel in agreement.incoming_relations.all():
                if supersedes_it(rel.kind, rel.source.is_draft) and rel.source.valid_from:
                    candidates.add(min(rel.source.valid_from - dt.timedelta(days=1), until))
        for day in sorted(candidates, reverse=True):
            if self.in_force_on(day).exists():
                return day
        return None

    def expiring_within(self, days: int, today: dt.date):
        """In force today and lapsing within ``days`` (an extension beyond that moves it out)."""
        return (
            self.in_force_on(today)
            .filter(valid_until__isnull=False)
            .exclude(runs_through(add_days(today, days + 1)))
        )


@track_history
class Agreement(RegistryRecord):
    """An agreement, declaration of intent, county plan or action plan."""

    title = models.CharField(_("titel"), max_length=300)
    short_name = models.CharField(_("kortnamn"), max_length=80, blank=True)
    kind = models.CharField(_("typ"), max_length=30, choices=AgreementKind.choices)
    reference_number = models.CharField(_("diarienummer/beteckning"), max_length=100, blank=True)
    county = models.ForeignKey(
        County,
        verbose_name=_("län"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
        help_text=_("Tomt för nationella överenskommelser."),
    )
    is_draft = models.BooleanField(_("utkast"), default=False)
    valid_from = models.DateField(
        _("gäller från"), null=True, blank=True, validators=[validate_date]
    )
    valid_from_basis = basis_field(_("grund för 'gäller från'"))
    valid_until = models.DateField(
        _("gäller till och med"),
        null=True,
        blank=True,
        validators=[validate_date],
        help_text=_("'t.o.m. utgången av 2018' är 2018-12-31. Tomt: gäller tills det ersätts."),
    )
    valid_until_basis = basis_field(_("grund för 'gäller till och med'"))
    basis_note = basis_note_field()
    validity_text = models.CharField(
        _("giltighet som det står i dokumentet"), max_length=300, blank=True
    )
    renewal_type = models.CharField(
        _("förlängning"), max_length=10, choices=RenewalType.choices, default=RenewalType.NONE
    )
    notice_period_days = models.PositiveSmallIntegerField(_("uppsägningstid (dagar)"), default=0)
    renewal_body = models.ForeignKey(
        Body,
        verbose_name=_("organ som beslutar om fortsättning"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements_to_renew",
    )
    renewal_text = models.TextField(_("vad som gäller efter giltighetstiden"), blank=True)
    background = models.TextField(_("bakgrund"), blank=True)
    purpose = models.TextField(_("syfte/saken"), blank=True)
    parties = models.ManyToManyField(
        Organisation, through="AgreementParty", verbose_name=_("parter"), related_name="agreements"
    )

    objects = AgreementQuerySet.as_manager()

    search_document = stored_vector_field("agreement")

    class Meta(RegistryRecord.Meta):
        verbose_name = _("överenskommelse")
        verbose_name_plural = _("överenskommelser")
        ordering = ["-valid_from", "title"]
        indexes = [
            stored_vector_index("agreement"),
            # The list order (pages and API): a page is read from the index, not a sort.
            models.Index(fields=["-valid_from", "title", "id"], name="agreement_list_order"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_until__gte=models.F("valid_from")),
                name="agreement_valid_until_after_valid_from",
                violation_error_message=_(
                    "'Gäller till och med' kan inte vara före 'gäller från'."
                ),
            ),
            date_in_range("valid_from"),
            date_in_range("valid_until"),
            single_line("title"),
        ]

    def __str__(self):
        return self.short_name or self.title

    def get_absolute_url(self):
        return reverse("web:agreement-detail", kwargs={"slug": self.slug})

    # Lineage -----------------------------------------------------------
    def _related(self, kind) -> Agreement | None:
        rel = next((r for r in self.outgoing_relations.all() if r.kind in kind), None)
        return rel.target if rel else None

    @property
    def predecessor(self) -> Agreement | None:
        """The agreement this one replaces, renews or extends."""
        return self._related(LINEAGE_RELATIONS)

    @property
    def based_on(self) -> Agreement | None:
        """The framework agreement (often national) this one rests on."""
        return self._related((RelationKind.BASED_ON,))

    def successors(self) -> list[Agreement]:
        return [r.source for r in self.incoming_relations.all() if r.kind in LINEAGE_RELATIONS]

    def lineage(self) -> list[Agreement]:
        """Predecessors oldest first, this agreement, then successors."""
        before, node, seen = [], self.predecessor, {self.pk}
        while node is not None and node.pk not in seen:
            before.insert(0, node)
            seen.add(node.pk)
            node = node.predecessor
        after, frontier = [], self.successors()
        while frontier:
            nxt = frontier.pop(0)
            if nxt.pk in seen:
                continue
            seen.add(nxt.pk)
            after.append(nxt)
            frontier.extend(nxt.successors())
        return [*before, self, *after]

    # Status --------------------------------------------------------------
    def effective_until(self, _seen: frozenset = frozenset()) -> dt.date | None:
        """The last day this agreement applies, extensions (and theirs) included.

        None: in force until replaced (see ``last_day``).
        """
        return last_day(self, Agreement._extensions, _seen)

    def _extensions(self) -> list[Agreement]:
        return [
            rel.source
            for rel in self.incoming_relations.all()
            if extends_it(rel.kind, rel.source.is_draft)
        ]

    @cached_property
    def renewal_deadline(self):
        """When the renewal body must decide at the latest (express renewals), or None."""
        from agreements.renewal import renewal_deadline

        return renewal_deadline(self)

    def superseding(self) -> list[Agreement]:
        """The published agreements that replace or renew this one (prefetch-friendly)."""
        return [
            rel.source
            for rel in self.incoming_relations.all()
            if supersedes_it(rel.kind, rel.source.is_draft)
        ]

    def superseded_by_on(self, day: dt.date) -> list[Agreement]:
        """Those of ``superseding()`` that had taken over by ``day``: what replaced it then."""
        return [a for a in self.superseding() if a.valid_from is not None and a.valid_from <= day]

    def status_on(self, day: dt.date) -> str:
        """Draft, upcoming, in force, expired or superseded, as of ``day`` (see ``status_of``)."""
        return status_of(
            day,
            is_draft=self.is_draft,
            valid_from=self.valid_from,
            superseded_from=(a.valid_from for a in self.superseding()),
            until=self.effective_until,
        )

    def get_status_on_display(self, day: dt.date) -> str:
        return AgreementStatus(self.status_on(day)).label


class PartyRole(models.TextChoices):
    PARTY = "party", _("Part")
    PRINCIPAL = "principal", _("Huvudman")
    COORDINATOR = "coordinator", _("Samordnande part")
    OBSERVER = "observer", _("Övrig berörd")


@track_history
class AgreementParty(models.Model):
    """An organisation that is party to an agreement, in a role."""

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("överenskommelse"),
        on_delete=models.CASCADE,
        related_name="party_links",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="party_links",
    )
    role = models.CharField(
        _("roll"), max_length=20, choices=PartyRole.choices, default=PartyRole.PARTY
    )
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta:
        verbose_name = _("part")
        verbose_name_plural = _("parter")
        ordering = ["agreement", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organisation"], name="party_once_per_agreement"
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


@track_history
class Clause(RegistryRecord):
    """One clause of an agreement, in order, with the organisations and bodies it names."""

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("överenskommelse"),
        on_delete=models.CASCADE,
        related_name="clauses",
    )
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    heading = models.CharField(_("rubrik/inledning"), max_length=200, blank=True)
    text = models.TextField(_("text"))
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("nämnda organisationer"), blank=True, related_name="clauses"
    )
    bodies = models.ManyToManyField(
        Body, verbose_name=_("nämnda organ"), blank=True, related_name="clauses"
    )

    search_document = stored_vector_field("clause")

    class Meta(RegistryRecord.Meta):
        verbose_name = _("klausul")
        verbose_name_plural = _("klausuler")
        ordering = ["agreement", "order", "id"]
        indexes = [stored_vector_index("clause")]

    def __str__(self):
        return f"{self.agreement} §{self.order}: {self.text[:60]}"

    def slug_text(self):
        return f"{self.agreement.slug} {self.order}"


@track_history
class Signatory(SingleLineFields, models.Model):
    """A person who signed an agreement, with the title as written in it."""

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("överenskommelse"),
        on_delete=models.CASCADE,
        related_name="signatories",
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="signatures"
    )
    title = models.CharField(_("titel som den står"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("för organisation"),
        on_delete=models.PROTECT,
        related_name="signatures",
    )
    signed_on = models.DateField(_("datum"), null=True, blank=True, validators=[validate_date])
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta:
        verbose_name = _("undertecknare")
        verbose_name_plural = _("undertecknare")
        ordering = ["agreement", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "person"], name="signatory_once_per_agreement"
            ),
            date_in_range("signed_on"),
            single_line("title"),
        ]

    def __str__(self):
        return f"{self.person}, {self.title}"


class DecisionKind(models.TextChoices):
    ADOPTION = "adoption", _("Antagande av överenskommelse")
    RENEWAL = "renewal", _("Förnyelse/förlängning")
    PLAN_DECISION = "plan_decision", _("Beslut om plan")
    FUNDING = "funding", _("Finansieringsbeslut")
    ORGANISATION = "organisation", _("Organisationsbeslut")
    OTHER = "other", _("Övrigt")


class DecisionQuerySet(models.QuerySet):
    def adoptions(self):
        return self.filter(kind=DecisionKind.ADOPTION)

    def taken_by(self, day: dt.date):
        """Decisions taken on or before ``day``; one known only by its year counts from
        that year's first day."""
        return self.filter(Q(date__lte=day) | Q(date__isnull=True, year__lte=day.year))


@track_history
class Decision(RegistryRecord):
    """A decision taken by a body on a date; an agreement's adoptions are decisions."""

    body = models.ForeignKey(
        Body,
        verbose_name=_("beslutande organ"),
        on_delete=models.PROTECT,
        related_name="decisions",
        null=True,
        blank=True,
    )
    decided_by_text = models.CharField(
        _("beslutande (som det står)"),
        max_length=300,
        blank=True,
        help_text=_(
            "När beslutsfattaren inte är ett organ i registret, t.ex. 'styrelser i länets samtliga kommuner'."
        ),
    )
    date = models.DateField(_("datum"), null=True, blank=True, validators=[validate_date])
    year = models.PositiveSmallIntegerField(
        _("år"),
        null=True,
        blank=True,
        validators=[validate_year],
        help_text=_("När endast året är känt."),
    )
    date_basis = basis_field(_("grund för datum/år"))
    basis_note = basis_note_field()
    kind = models.CharField(
        _("typ"), max_length=20, choices=DecisionKind.choices, default=DecisionKind.OTHER
    )
    summary = models.TextField(_("vad som beslutades"))
    reference = models.CharField(_("diarienummer/paragraf"), max_length=100, blank=True)
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("överenskommelse"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
    )
    initiative = models.ForeignKey(
        "governance.Initiative",
        verbose_name=_("nationell satsning"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
    )

    objects = DecisionQuerySet.as_manager()

    search_document = stored_vector_field("decision")

    class Meta(RegistryRecord.Meta):
        verbose_name = _("beslut")
        verbose_name_plural = _("beslut")
        ordering = ["-date", "-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(body__isnull=False) | ~Q(decided_by_text=""),
                name="decision_names_decider",
                violation_error_message=_("Ange beslutande organ eller beskriv vem som beslutade."),
            ),
            models.CheckConstraint(
                condition=Q(date__isnull=False) | Q(year__isnull=False),
                name="decision_has_date_or_year",
                violation_error_message=_("Ange datum eller åtminstone år."),
            ),
            models.CheckConstraint(
                condition=~Q(kind=DecisionKind.ADOPTION) | Q(agreement__isnull=False),
                name="adoption_names_agreement",
                violation_error_message=_("Ett antagande måste ange överenskommelsen."),
            ),
            date_in_range("date"),
            year_in_range("year"),
        ]
        indexes = [
            models.Index(fields=["date"]),
            stored_vector_index("decision"),
            # The start page's latest decisions: read from the index, not a sort of all.
            models.Index(
                models.F("date").desc(nulls_last=True),
                models.F("year").desc(),
                models.F("id").desc(),
                name="decision_latest_first",
            ),
        ]

    def __str__(self):
        who = self.body or self.decided_by_text
        return f"{who} {self.date or self.year}: {self.summary[:60]}"

    def slug_text(self):
        who = self.body.slug if self.body_id else self.decided_by_text[:30]
        return f"{who} {self.date or self.year} {self.summary[:40]}"

    def save(self, *args, **kwargs):
        if self.date and not self.year:
            self.year = self.date.year
        super().save(*args, **kwargs)


@track_history
class AgreementRelation(models.Model):
    """A typed link from a later agreement (source) to an earlier one (target)."""

    source = models.ForeignKey(
        Agreement,
        verbose_name=_("överenskommelse"),
        on_delete=models.CASCADE,
        related_name="outgoing_relations",
    )
    kind = models.CharField(_("relation"), max_length=10, choices=RelationKind.choices)
    target = models.ForeignKey(
        Agreement,
        verbose_name=_("tidigare/överordnad överenskommelse"),
        on_delete=models.PROTECT,
        related_name="incoming_relations",
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("beslut"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreement_relations",
    )

    class Meta:
        verbose_name = _("relation mellan överenskommelser")
        verbose_name_plural = _("relationer mellan överenskommelser")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "target"], name="agreement_relation_once"
            ),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")),
                name="agreement_not_related_to_itself",
                violation_error_message=_("En överenskommelse kan inte vara sin egen föregångare."),
            ),
        ]

    def __str__(self):
        return f"{self.source} {self.get_kind_display()} {self.target}"

    def clean(self):
        if self.source_id and self.target_id and self.source_id == self.target_id:
            raise ValidationError(_("En överenskommelse kan inte vara sin egen föregångare."))
        if not (self.source_id and self.target_id):
            return
        # Lineage and frameworks are two separate chains; neither may come back round.
        if self.kind == RelationKind.BASED_ON:
            kinds = [RelationKind.BASED_ON]
            message = _(
                "En överenskommelse kan inte utgå från sig själv (via andra överenskommelser)."
            )
        else:
            kinds = [k for k in RelationKind.values if k != RelationKind.BASED_ON]
            message = _(
                "En överenskommelse kan inte vara sin egen föregångare (via andra överenskommelser)."
            )
        # Walk back from the target: reaching the source would make a cycle.
        frontier, seen = [self.target_id], set()
        while frontier:
            pk = frontier.pop()
            if pk == self.source_id:
                raise ValidationError(message)
            if pk in seen:
                continue
            seen.add(pk)
            frontier.extend(
                AgreementRelation.objects.filter(source_id=pk, kind__in=kinds).values_list(
                    "target_id", flat=True
                )
            )


# The links of many-to-many fields are rows too: proxies let the history record them.
@track_history
class ClauseOrganisation(Clause.organisations.through):
    """A clause naming an organisation."""

    class Meta:
        proxy = True
        verbose_name = _("organisation nämnd i klausul")
        verbose_name_plural = _("organisationer nämnda i klausuler")


@track_history
class ClauseBody(Clause.bodies.through):
    """A clause naming a body."""

    class Meta:
        proxy = True
        verbose_name = _("organ nämnt i klausul")
        verbose_name_plural = _("organ nämnda i klausuler")
