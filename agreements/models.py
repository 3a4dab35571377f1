"""Agreements, their clauses, signatories, the decisions that adopt them, and their lineage."""

from __future__ import annotations

import datetime as dt

import pgtrigger
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from bodies.models import Body, County, Organisation, Person
from governance.core.dates import (
    add_days,
    date_in_range,
    validate_date,
    validate_year,
    year_in_range,
)
from governance.core.history import track_history
from governance.core.records import RegistryRecord, basis_field, basis_note_field, bump_version
from governance.core.search import stored_vector_field, stored_vector_index
from governance.core.text import SingleLineFields, single_line


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


# Status --------------------------------------------------------------------------
#
# An agreement's status on a day reads five of its own columns and nothing else:
# ``is_draft``, ``valid_from``, and two dates the database keeps for it from the other
# agreements that point at it (``AgreementRelation``):
#
# - ``in_force_until``: its last day, its extensions included: the latest ``valid_until``
#   among itself and every published agreement that extends it, directly or through
#   extensions of extensions, however long the chain; NULL when any of them runs until
#   replaced (no ``valid_until``).
# - ``superseded_from``: the earliest start (``valid_from``) of a published agreement that
#   replaces or renews it; NULL when there is none.
#
# Both are worked out by one SQL function, ``agreement_refresh_status_dates`` (migration
# 0012), which the triggers below call in the same transaction as every write that can
# move them: an agreement inserted, or its dates or draft flag changed; a relation
# inserted, changed or deleted. It recomputes the agreements concerned and, up the chain,
# those they extend. Whatever a client writes into the two columns is replaced, so no
# path (admin, API, import, seed, ``QuerySet.update()``, raw SQL) can leave them stale.
# ``status_of`` (Python) and ``status_condition`` (SQL) are then the same plain
# comparisons, and a test holds them equal.

STATUS_DATES = ("in_force_until", "superseded_from")


def status_of(
    day: dt.date, *, is_draft: bool, valid_from, superseded_from, in_force_until
) -> AgreementStatus:
    """Draft, upcoming, in force, expired or superseded, as of ``day``."""
    if is_draft:
        return AgreementStatus.DRAFT
    if valid_from is None or day < valid_from:
        return AgreementStatus.UPCOMING
    if superseded_from is not None and superseded_from <= day:
        return AgreementStatus.SUPERSEDED
    if in_force_until is not None and day > in_force_until:
        return AgreementStatus.EXPIRED
    return AgreementStatus.IN_FORCE


def supersedes_it(kind: str, source_is_draft: bool) -> bool:
    """A relation from a published agreement that replaces or renews the earlier one."""
    return kind in SUPERSEDING_RELATIONS and not source_is_draft


def runs_through(day: dt.date) -> Q:
    """Its last day, extensions included, is ``day`` or later (none: until replaced)."""
    return Q(in_force_until__isnull=True) | Q(in_force_until__gte=day)


def status_condition(status: str, day: dt.date) -> Q:
    """``status_of(day, …) == status`` as a filter: the same comparisons, in SQL."""
    if status == AgreementStatus.DRAFT:
        return Q(is_draft=True)
    published = Q(is_draft=False)
    if status == AgreementStatus.UPCOMING:
        return published & (Q(valid_from__isnull=True) | Q(valid_from__gt=day))
    started = published & Q(valid_from__lte=day)
    if status == AgreementStatus.SUPERSEDED:
        return started & Q(superseded_from__lte=day)
    current = started & (Q(superseded_from__isnull=True) | Q(superseded_from__gt=day))
    if status == AgreementStatus.IN_FORCE:
        return current & runs_through(day)
    if status == AgreementStatus.EXPIRED:
        return current & Q(in_force_until__lt=day)
    raise ValueError(f"unknown status {status!r}")


class AgreementQuerySet(models.QuerySet):
    def drafts(self):
        return self.filter(is_draft=True)

    def superseded_on(self, day: dt.date):
        """Agreements that a later agreement replaced or renewed with effect on ``day``."""
        return self.filter(superseded_from__lte=day)

    def in_force_on(self, day: dt.date):
        """Published, started, not past its (extended) end, not replaced or renewed."""
        return self.with_status(AgreementStatus.IN_FORCE, day)

    def with_status(self, status: str, day: dt.date):
        return self.filter(status_condition(status, day))

    def refresh_status_dates(self) -> None:
        """Work out ``in_force_until`` and ``superseded_from`` of these agreements again
        (and of those they extend): for rows written with the triggers held off, such as
        a bulk load under ``session_replication_role = replica``."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT agreement_refresh_status_dates(%s::bigint[])",
                [list(self.values_list("pk", flat=True))],
            )

    def with_lineage(self, depth: int = 4):
        """Prefetch relations ``depth`` steps back and forward, so that ``lineage()``,
        ``predecessor``, ``based_on`` and ``successors()`` of the agreements in the chain
        run without further queries."""
        back = ["outgoing_relations__target"]
        forward = ["incoming_relations__source"]
        for _level in range(depth - 1):
            back.append(back[-1] + "__outgoing_relations__target")
            forward.append(forward[-1] + "__incoming_relations__source")
        return self.prefetch_related(*back, *forward)

    def last_day_in_force(self, until: dt.date) -> dt.date | None:
        """The latest day up to ``until`` on which an agreement of these was in force
        (``in_force_on``), or None: where the registry's knowledge of the present ends."""
        candidates = set()
        started = self.filter(is_draft=False, valid_from__lte=until)
        for end, superseded_from in started.values_list(*STATUS_DATES):
            candidates.add(until if end is None else min(end, until))
            if superseded_from is not None:
                candidates.add(min(superseded_from - dt.timedelta(days=1), until))
        for day in sorted(candidates, reverse=True):
            if self.in_force_on(day).exists():
                return day
        return None

    def expiring_within(self, days: int, today: dt.date):
        """In force today and lapsing within ``days`` (an extension beyond that moves it out)."""
        return self.in_force_on(today).filter(in_force_until__lte=add_days(today, days))


# Keeps ``in_force_until`` and ``superseded_from`` (see "Status" above). A client's write
# of them is replaced: on insert, or when ``valid_until`` changes, ``in_force_until`` is
# cleared (so the constraint holds) and worked out again by the trigger after the row.
# Only the function's own update (it sets ``agreements.refreshing``) is let through.
KEEP_STATUS_DATES = """
IF current_setting('agreements.refreshing', true) = 'on' THEN
    RETURN NEW;
END IF;
IF TG_OP = 'UPDATE' THEN
    NEW.superseded_from := OLD.superseded_from;
    NEW.in_force_until := CASE WHEN NEW.valid_until IS NOT DISTINCT FROM OLD.valid_until
                               THEN OLD.in_force_until END;
ELSE
    NEW.superseded_from := NULL;
    NEW.in_force_until := NULL;
END IF;
RETURN NEW;
"""
# An agreement's own dates and draft flag move its own ``in_force_until`` and the status
# dates of the agreements it extends, replaces or renews.
REFRESH_AFTER_AGREEMENT = """
IF TG_OP = 'INSERT'
   OR NEW.valid_from IS DISTINCT FROM OLD.valid_from
   OR NEW.valid_until IS DISTINCT FROM OLD.valid_until
   OR NEW.is_draft IS DISTINCT FROM OLD.is_draft THEN
    PERFORM agreement_refresh_status_dates(
        ARRAY[NEW.id] || ARRAY(
            SELECT target_id FROM agreements_agreementrelation WHERE source_id = NEW.id
        )
    );
END IF;
RETURN NULL;
"""
# A relation moves the status dates of the agreement it points at (and, up the chain,
# of those that one extends).
REFRESH_AFTER_RELATION = """
PERFORM agreement_refresh_status_dates(
    CASE TG_OP
        WHEN 'INSERT' THEN ARRAY[NEW.target_id]
        WHEN 'DELETE' THEN ARRAY[OLD.target_id]
        ELSE ARRAY[OLD.target_id, NEW.target_id]
    END
);
RETURN NULL;
"""


@track_history(derived=STATUS_DATES)
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
    # Kept by the database from the agreements that extend, replace or renew this one
    # (see "Status" above); what Python writes here is replaced.
    in_force_until = models.DateField(
        _("gäller med förlängningar till och med"), null=True, blank=True, editable=False
    )
    superseded_from = models.DateField(_("ersatt från"), null=True, blank=True, editable=False)
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
            # Extensions only ever move the last day later; without an own end date the
            # agreement runs until replaced, whatever extends it.
            models.CheckConstraint(
                condition=Q(in_force_until__isnull=True)
                | Q(valid_until__isnull=False, in_force_until__gte=models.F("valid_until")),
                name="agreement_in_force_until_not_before_valid_until",
            ),
        ]
        triggers = [
            bump_version(derived=STATUS_DATES),
            pgtrigger.Trigger(
                name="keep_status_dates",
                when=pgtrigger.Before,
                operation=pgtrigger.Insert | pgtrigger.Update,
                func=KEEP_STATUS_DATES,
            ),
            pgtrigger.Trigger(
                name="refresh_status_dates",
                when=pgtrigger.After,
                operation=pgtrigger.Insert | pgtrigger.Update,
                func=REFRESH_AFTER_AGREEMENT,
            ),
        ]

    def __str__(self):
        return self.short_name or self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The database has worked the status dates out again: read them when next needed.
        for name in STATUS_DATES:
            self.__dict__.pop(name, None)

    def validate_constraints(self, exclude=None):
        # The status dates are the database's; an edited instance holds the old ones.
        super().validate_constraints(exclude={*(exclude or ()), *STATUS_DATES})

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
        """Draft, upcoming, in force, expired or superseded, as of ``day`` (``status_of``)."""
        return status_of(
            day,
            is_draft=self.is_draft,
            valid_from=self.valid_from,
            superseded_from=self.superseded_from,
            in_force_until=self.in_force_until,
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
        triggers = [
            pgtrigger.Trigger(
                name="refresh_status_dates",
                when=pgtrigger.After,
                operation=pgtrigger.Insert | pgtrigger.Update | pgtrigger.Delete,
                func=REFRESH_AFTER_RELATION,
            )
        ]
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
