"""Cross-cutting governance: sources, county profiles, national initiatives, routing rules, goals."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bodies.models import Body, County, Organisation, Person, Principal, track_history
from governance.dates import date_in_range, validate_date, validate_year, year_in_range
from governance.opendata import signing
from governance.records import RegistryRecord, basis_field, basis_note_field
from governance.search import search_index
from governance.text import SingleLineFields, single_line


@track_history
class SourceDocument(SingleLineFields, models.Model):
    """A document the registry's facts are taken from."""

    slug = models.SlugField(_("kortnamn i adress"), max_length=120, unique=True)
    title = models.CharField(_("titel"), max_length=300)
    short_title = models.CharField(
        _("kort titel"),
        max_length=120,
        blank=True,
        help_text=_("Hur sidorna nämner källan, t.ex. 'SKL:s sammanställning av länsplanerna'."),
    )
    publisher = models.CharField(_("utgivare"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(
        _("år"), null=True, blank=True, validators=[validate_year]
    )
    published_on = models.DateField(
        _("daterad"),
        null=True,
        blank=True,
        validators=[validate_date],
        help_text=_("Dokumentets datum. Tomt när bara året (eller inget) är känt."),
    )
    reference = models.CharField(_("beteckning"), max_length=100, blank=True)
    url = models.URLField(_("länk"), blank=True)
    description = models.TextField(_("beskrivning"), blank=True)

    class Meta:
        verbose_name = _("källdokument")
        verbose_name_plural = _("källdokument")
        ordering = ["year", "title"]
        constraints = [year_in_range("year"), single_line("title")]

    def __str__(self):
        return self.title

    @property
    def display_title(self) -> str:
        return self.short_title or self.title

    @property
    def dated(self) -> str:
        """The document's date as precisely as it is known: '2016-03-01', '2014' or ''."""
        if self.published_on:
            return self.published_on.isoformat()
        return str(self.year) if self.year else ""


class HostKind(models.TextChoices):
    """Where a county's platform leaders (plattformsledare) are employed (seed 002)."""

    REGIONAL_FEDERATION = "regional_federation", _("Regionförbund eller regionkommun")
    MUNICIPAL = "municipal", _("Kommun eller kommunalförbund")
    COUNTY_COUNCIL = "county_council", _("Landsting")
    UNIVERSITY = "university", _("Universitet")
    FOU = "fou", _("FoU-miljö finansierad av kommuner")


class DecisionLevel(models.TextChoices):
    POLITICAL = "political", _("Politisk nivå")
    OFFICIALS = "officials", _("Tjänstemannanivå")
    MIXED = "mixed", _("Politisk och tjänstemannanivå")


def described_by_source_on(day: dt.date) -> Q:
    """Records whose source had been published by ``day``'s year (undated sources count
    as always known): what the registry can say about that day."""
    return Q(source__isnull=True) | Q(source__year__isnull=True) | Q(source__year__lte=day.year)


class SupportStructureQuerySet(models.QuerySet):
    def described_on(self, day: dt.date):
        """County profiles the registry has for ``day``: those from sources published by then."""
        return self.filter(described_by_source_on(day))


@track_history
class SupportStructure(RegistryRecord):
    """A county's regional support structure as its 2013 plan describes it (seed 002)."""

    county = models.OneToOneField(
        County, verbose_name=_("län"), on_delete=models.PROTECT, related_name="support_structure"
    )
    in_fou_environment = models.BooleanField(
        _("plattformsledaren placerad i FoU-miljö"), default=False
    )
    plan_signed_by = models.TextField(_("planen undertecknad av"), blank=True)
    plan_decided_by = models.TextField(_("planen beslutad av"), blank=True)
    plan_decision_level = models.CharField(
        _("beslutsnivå"), max_length=20, choices=DecisionLevel.choices, blank=True
    )
    has_political_arena = models.BooleanField(
        _("har politisk arena för välfärdsfrågor"), null=True, blank=True
    )
    political_arena = models.TextField(_("politisk arena"), blank=True)
    decisions_needed = models.TextField(_("beslut som behövs 2014–2015"), blank=True)
    national_dialogue = models.TextField(_("dialog med nationell nivå"), blank=True)
    university_collaboration = models.TextField(
        _("samverkan med universitet och högskolor"), blank=True
    )
    user_involvement = models.TextField(_("brukarmedverkan"), blank=True)

    objects = SupportStructureQuerySet.as_manager()

    class Meta(RegistryRecord.Meta):
        verbose_name = _("stödstruktur")
        verbose_name_plural = _("stödstrukturer")
        ordering = ["county__code"]
        indexes = [search_index("supportstructure")]

    def __str__(self):
        return str(self.county)

    def slug_text(self):
        return self.county.name

    def get_absolute_url(self):
        return reverse("web:county-detail", kwargs={"slug": self.county.slug})


@track_history
class PlatformHost(SingleLineFields, models.Model):
    """One host organisation of a county's platform leaders; a county may have several."""

    support_structure = models.ForeignKey(
        SupportStructure,
        verbose_name=_("stödstruktur"),
        on_delete=models.CASCADE,
        related_name="hosts",
    )
    kind = models.CharField(_("typ av värdorganisation"), max_length=30, choices=HostKind.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_platforms",
    )
    note = models.CharField(_("anmärkning"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("värdorganisation")
        verbose_name_plural = _("värdorganisationer")
        constraints = [
            models.UniqueConstraint(
                fields=["support_structure", "kind"], name="host_kind_once_per_county"
            )
        ]

    def __str__(self):
        return f"{self.support_structure}: {self.get_kind_display()}"


@track_history
class Matter(RegistryRecord):
    """A kind of matter that routing rules speak of, e.g. 'handling of a national initiative'."""

    name = models.CharField(_("namn"), max_length=200, unique=True)
    description = models.TextField(_("beskrivning"), blank=True)
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta(RegistryRecord.Meta):
        verbose_name = _("ärendetyp")
        verbose_name_plural = _("ärendetyper")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


@track_history
class Initiative(RegistryRecord):
    """A national initiative (nationell satsning) that reaches the counties."""

    title = models.CharField(_("titel"), max_length=300)
    short_name = models.CharField(_("kortnamn"), max_length=80, blank=True)
    year = models.PositiveSmallIntegerField(
        _("år"), null=True, blank=True, validators=[validate_year]
    )
    source_agreement = models.ForeignKey(
        "agreements.Agreement",
        verbose_name=_("nationell överenskommelse"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives",
    )
    concerns = models.CharField(_("berör"), max_length=20, choices=Principal.choices)
    concerns_basis = basis_field(_("grund för 'berör'"))
    basis_note = basis_note_field()
    county = models.ForeignKey(
        County,
        verbose_name=_("län"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives",
    )
    matter = models.ForeignKey(
        Matter, verbose_name=_("ärendetyp"), on_delete=models.PROTECT, related_name="initiatives"
    )
    subject = models.CharField(_("område"), max_length=200, blank=True)
    description = models.TextField(_("beskrivning"), blank=True)

    class Meta(RegistryRecord.Meta):
        verbose_name = _("nationell satsning")
        verbose_name_plural = _("nationella satsningar")
        ordering = ["-year", "title"]
        indexes = [search_index("initiative")]
        constraints = [year_in_range("year"), single_line("title")]

    def __str__(self):
        return self.short_name or self.title

    def slug_text(self):
        return self.short_name or self.title

    def get_absolute_url(self):
        return reverse("web:initiative-detail", kwargs={"slug": self.slug})


@track_history
class RoutingRule(RegistryRecord):
    """A rule from an agreement's clause: who handles and who decides a kind of matter."""

    matter = models.ForeignKey(
        Matter, verbose_name=_("ärendetyp"), on_delete=models.PROTECT, related_name="rules"
    )
    concerns = models.CharField(_("berör"), max_length=20, choices=Principal.choices)
    county = models.ForeignKey(
        County, verbose_name=_("län"), on_delete=models.PROTECT, related_name="routing_rules"
    )
    handlers = models.ManyToManyField(
        Organisation, verbose_name=_("hanteras av"), blank=True, related_name="routing_rules"
    )
    deciding_body = models.ForeignKey(
        Body,
        verbose_name=_("beslutande organ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="routing_rules",
    )
    priority = models.PositiveSmallIntegerField(
        _("ordning"), default=0, help_text=_("Lägre tal prövas först.")
    )
    clause = models.ForeignKey(
        "agreements.Clause",
        verbose_name=_("klausul"),
        on_delete=models.PROTECT,
        related_name="routing_rules",
    )
    valid_from = models.DateField(
        _("gäller från"),
        null=True,
        blank=True,
        validators=[validate_date],
        help_text=_("Tomt: överenskommelsens giltighet."),
    )
    valid_from_basis = basis_field(_("grund för 'gäller från'"))
    basis_note = basis_note_field()
    valid_until = models.DateField(
        _("gäller till och med"),
        null=True,
        blank=True,
        validators=[validate_date],
        help_text=_("Tomt: överenskommelsens giltighet."),
    )
    explanation = models.TextField(_("förklaring"), blank=True)

    class Meta(RegistryRecord.Meta):
        verbose_name = _("hanteringsregel")
        verbose_name_plural = _("hanteringsregler")
        ordering = ["county", "matter", "priority"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_until__gte=models.F("valid_from")),
                name="routing_rule_valid_until_after_valid_from",
                violation_error_message=_(
                    "'Gäller till och med' kan inte vara före 'gäller från'."
                ),
            ),
            date_in_range("valid_from"),
            date_in_range("valid_until"),
            # A rule that says again what another says. (One that says something else for
            # the same matter, county and time is a conflict: routing.check_conflicts.)
            models.UniqueConstraint(
                "matter",
                "concerns",
                "county",
                "clause",
                Coalesce("deciding_body", Value(0)),
                Coalesce("valid_from", Value(dt.date.min)),
                Coalesce("valid_until", Value(dt.date.max)),
                name="routing_rule_not_repeated",
                violation_error_message=_(
                    "Det finns redan en likadan regel för samma ärendetyp, län, klausul, "
                    "beslutande organ och giltighetstid."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.county}: {self.matter} ({self.get_concerns_display()})"

    def slug_text(self):
        return f"{self.county.slug} {self.matter.slug} {self.concerns}"

    def get_constraints(self):
        # A repeated rule is told from a contradicting one only with the handlers being
        # saved: routing.check_conflicts reports either, naming the other rule. The
        # constraint still holds for every write.
        return [
            (model, [c for c in constraints if c.name != "routing_rule_not_repeated"])
            for model, constraints in super().get_constraints()
        ]

    def clean(self):
        # Handlers are saved after the row: routing.save_routing_rule checks them too.
        from governance.routing import check_conflicts

        super().clean()
        check_conflicts(self)


@track_history
class Goal(RegistryRecord):
    """One of the goals of the regional support structures (national agreement 2015)."""

    number = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    text = models.TextField(_("mål"))
    framing = models.BooleanField(
        _("övergripande mål"),
        default=False,
        help_text=_("SKL:s broschyr lägger till ett övergripande mål."),
    )

    class Meta(RegistryRecord.Meta):
        verbose_name = _("mål")
        verbose_name_plural = _("mål")
        ordering = ["number"]
        indexes = [search_index("goal")]

    def __str__(self):
        return f"{self.number}. {self.text[:60]}"

    def slug_text(self):
        return f"mal {self.number}"

    def get_absolute_url(self):
        return reverse("web:timeline") + f"#mal-{self.number}"


@track_history
class Milestone(RegistryRecord):
    """A national milestone (seed 003's timeline)."""

    year = models.PositiveSmallIntegerField(_("år"), validators=[validate_year])
    title = models.CharField(_("rubrik"), max_length=200)
    text = models.TextField(_("text"))
    reference = models.CharField(_("beteckning"), max_length=100, blank=True)

    class Meta(RegistryRecord.Meta):
        verbose_name = _("milstolpe")
        verbose_name_plural = _("milstolpar")
        ordering = ["year", "id"]
        indexes = [search_index("milestone")]
        constraints = [year_in_range("year"), single_line("title")]

    def __str__(self):
        return f"{self.year}: {self.title}"

    def slug_text(self):
        return f"{self.year} {self.title}"

    def get_absolute_url(self):
        return reverse("web:timeline") + f"#{self.slug}"


class StatementKind(models.TextChoices):
    """What a statement of a source is to the registry."""

    ACCOUNT = "account", _("Uppgift enligt källan")
    ANNOUNCED_CHANGE = "announced_change", _("Aviserad förändring")
    FINDING = "finding", _("Resultat")


class StatementQuerySet(models.QuerySet):
    def about(self, record):
        """The statements attached to ``record`` (any registry record)."""
        return self.filter(
            subject_type=ContentType.objects.get_for_model(type(record)), subject_id=record.pk
        )


@track_history
class Statement(RegistryRecord):
    """What one source says on one question, in the registry's words, with its place.

    Several statements on the same ``topic`` from different sources are how the registry
    shows that documents disagree. An announced change with a date (or a year) is a
    dated event; without one it is a note. ``subject`` ties a statement to the record it
    is about (a body, an agreement, a county's support structure …); a statement about
    the documents themselves (SKL's figures on the county plans) has none.
    """

    kind = models.CharField(
        _("typ"), max_length=20, choices=StatementKind.choices, default=StatementKind.ACCOUNT
    )
    topic = models.CharField(
        _("fråga"),
        max_length=200,
        help_text=_("Samma fråga på flera uppgifter visar att källorna skiljer sig åt."),
    )
    text = models.TextField(_("uppgift"))
    is_quotation = models.BooleanField(
        _("citat"), default=False, help_text=_("Texten är källans egna ord.")
    )
    section = models.CharField(_("avsnitt eller sida i källan"), max_length=200, blank=True)
    event_on = models.DateField(
        _("datum för händelsen"), null=True, blank=True, validators=[validate_date]
    )
    event_year = models.PositiveSmallIntegerField(
        _("år för händelsen"), null=True, blank=True, validators=[validate_year]
    )
    subject_type = models.ForeignKey(
        ContentType,
        verbose_name=_("gäller posttyp"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    subject_id = models.PositiveBigIntegerField(_("gäller post-id"), null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    objects = StatementQuerySet.as_manager()

    class Meta(RegistryRecord.Meta):
        verbose_name = _("uppgift ur källa")
        verbose_name_plural = _("uppgifter ur källor")
        ordering = ["topic", "order", "id"]
        indexes = [
            search_index("statement"),
            models.Index(fields=["subject_type", "subject_id"], name="statement_subject"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(subject_type__isnull=True, subject_id__isnull=True)
                | Q(subject_type__isnull=False, subject_id__isnull=False),
                name="statement_subject_complete",
            )
        ]

    def __str__(self):
        return f"{self.topic}: {self.text[:60]}"

    def slug_text(self):
        return f"{self.topic} {self.source.slug if self.source_id else ''}"

    @property
    def is_event(self) -> bool:
        return self.event_on is not None or self.event_year is not None

    @property
    def when(self) -> str:
        if self.event_on:
            return self.event_on.isoformat()
        return str(self.event_year) if self.event_year else ""

    def get_absolute_url(self):
        subject = self.subject
        if subject is not None and hasattr(subject, "get_absolute_url"):
            return f"{subject.get_absolute_url()}#uppgift-{self.pk}"
        return reverse("web:timeline") + f"#uppgift-{self.pk}"


@track_history
class PersonRole(RegistryRecord):
    """A person a source names in a role: a foreword's author, a contact person …"""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="named_roles"
    )
    role = models.CharField(_("roll"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="named_roles",
    )
    section = models.CharField(_("avsnitt eller sida i källan"), max_length=200, blank=True)

    class Meta(RegistryRecord.Meta):
        verbose_name = _("namngiven roll")
        verbose_name_plural = _("namngivna roller")
        ordering = ["person__name", "id"]

    def __str__(self):
        return f"{self.person}: {self.role}"

    def slug_text(self):
        return f"{self.person.name} {self.role[:60]}"


class CoordinatorScope(models.Model):
    """The counties (and the national level) a coordinator may change records for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("användare"),
        on_delete=models.CASCADE,
        related_name="coordinator_scope",
    )
    counties = models.ManyToManyField(
        County, verbose_name=_("län"), blank=True, related_name="coordinators"
    )
    national = models.BooleanField(_("nationell nivå"), default=False)

    class Meta:
        verbose_name = _("samordnares ansvarsområde")
        verbose_name_plural = _("samordnares ansvarsområden")

    def __str__(self):
        return str(self.user)


class WebhookSubscription(models.Model):
    """A system that wants a signed POST for each change of the registry.

    Not tracked in the history on purpose: deliveries are about changes, and
    recording them as changes would feed the webhooks their own traffic.
    """

    name = models.CharField(_("namn"), max_length=200)
    url = models.URLField(
        _("mottagarens adress"),
        max_length=500,
        help_text=_("En https-adress som går att nå från internet."),
    )
    # Made by the registry, shown once when made; never typed or shown again.
    secret = models.CharField(
        _("hemlighet"),
        max_length=200,
        default=signing.new_secret,
        editable=False,
        help_text=_("Delas med mottagaren; varje anrop signeras enligt Standard Webhooks."),
    )
    types = models.JSONField(
        _("posttyper"),
        default=list,
        blank=True,
        help_text=_('T.ex. ["agreements.agreement", "bodies.body"]. Tom lista: alla ändringar.'),
    )
    active = models.BooleanField(_("aktiv"), default=True)
    cursor = models.CharField(_("senast köade ändring"), max_length=300, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skapad av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook-prenumeration")
        verbose_name_plural = _("webhook-prenumerationer")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        from governance.opendata.receivers import RefusedReceiver, resolve

        if self.url:
            try:
                resolve(self.url)
            except RefusedReceiver as exc:
                raise ValidationError({"url": str(exc)}) from exc

    @property
    def masked_secret(self) -> str:
        return f"{signing.SECRET_PREFIX}…{self.secret[-4:]}" if self.secret else ""


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Väntar")
    DELIVERED = "delivered", _("Levererad")
    FAILED = "failed", _("Misslyckad")


class WebhookDelivery(models.Model):
    """One change sent (or to be sent) to one subscription: the delivery log."""

    subscription = models.ForeignKey(
        WebhookSubscription,
        verbose_name=_("prenumeration"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    change_cursor = models.CharField(_("ändring"), max_length=300)
    model = models.CharField(_("posttyp"), max_length=100)
    object_id = models.CharField(_("post-id"), max_length=100)
    action = models.CharField(_("händelse"), max_length=20)
    payload = models.JSONField(_("innehåll"))
    status = models.CharField(
        _("status"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("försök"), default=0)
    next_attempt_at = models.DateTimeField(_("nästa försök"), db_index=True)
    # Set while a worker sends it (claimed and committed before the POST, so no
    # transaction stays open across it); a worker that dies leaves it to expire.
    leased_until = models.DateTimeField(_("skickas, reserverad till"), null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(
        _("senaste svarskod"), null=True, blank=True
    )
    last_error = models.TextField(_("senaste fel"), blank=True)
    created_at = models.DateTimeField(_("köad"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("levererad"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook-leverans")
        verbose_name_plural = _("webhook-leveranser")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "change_cursor"], name="delivery_once_per_change"
            )
        ]

    def __str__(self):
        return f"{self.subscription}: {self.model} {self.action} ({self.get_status_display()})"


@track_history
class RoutingRuleHandler(RoutingRule.handlers.through):
    """An organisation handling what a routing rule routes (a link the history records)."""

    class Meta:
        proxy = True
        verbose_name = _("hanterare enligt regel")
        verbose_name_plural = _("hanterare enligt regler")


class RegistryVersion(models.Model):
    """When the registry last changed: one row, moved on by every committed write.

    ``governance.read_cache`` keys its cached pages and API reads on this value. A
    deferred trigger on every table of the registry's apps (``InstallChangeTrigger`` in
    their migrations) updates it at commit, in the writing transaction, so a reader that
    sees the new value also sees the data it stands for, whoever wrote it: admin,
    API, import, management command or plain SQL.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    changed_at = models.DateTimeField(_("senast ändrat"))

    class Meta:
        verbose_name = _("registrets version")
        verbose_name_plural = _("registrets version")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="registry_version_single_row"),
        ]

    def __str__(self):
        return self.changed_at.isoformat()

    @classmethod
    def last_changed(cls) -> dt.datetime | None:
        """When the registry last changed (None before its first write): deletes included,
        which no ``modified_at`` shows. The footer, the DCAT catalogue and the read cache
        all ask this."""
        return cls.objects.filter(pk=1).values_list("changed_at", flat=True).first()
