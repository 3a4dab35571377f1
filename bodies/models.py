"""Counties, municipalities, organisations, people and the bodies they steer through."""

from __future__ import annotations

import datetime as dt
import re

import pgtrigger
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from governance.core.dates import date_in_range, validate_date
from governance.core.history import track_history
from governance.core.models import described_by_source_on
from governance.core.records import RegistryRecord
from governance.core.search import stored_vector_field, stored_vector_index
from governance.core.text import SingleLineFields, single_line


class Principal(models.TextChoices):
    """Which principals (huvudmän) a seat, rule or initiative speaks of."""

    MUNICIPALITIES = "municipalities", _("Kommunerna")
    REGION = "region", _("Regionen/landstinget")
    BOTH = "both", _("Både kommuner och region")
    ANY = "any", _("Alla/oavsett")


class CountyQuerySet(models.QuerySet):
    def named(self, key: str):
        """The county ``key`` names: its SCB code (``14``) or its slug (``vastra-gotalands-lan``)."""
        key = (key or "").strip()
        return self.filter(Q(code=key) | Q(slug=key))


@track_history
class County(RegistryRecord):
    """A county (län), identified by its SCB county code."""

    code = models.CharField(
        _("länskod"),
        max_length=2,
        unique=True,
        help_text=_("SCB:s länskod med inledande nolla, t.ex. '01' eller '14'."),
    )
    name = models.CharField(_("namn"), max_length=100, unique=True)

    objects = CountyQuerySet.as_manager()

    search_document = stored_vector_field("county")

    class Meta(RegistryRecord.Meta):
        verbose_name = _("län")
        verbose_name_plural = _("län")
        ordering = ["code"]
        indexes = [stored_vector_index("county")]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9]{2}$"), name="county_code_two_digits"
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("web:county-detail", kwargs={"slug": self.slug})


@track_history
class Municipality(RegistryRecord):
    """A municipality (kommun), identified by its four-digit SCB code."""

    code = models.CharField(_("kommunkod"), max_length=4, unique=True)
    name = models.CharField(_("namn"), max_length=100)
    county = models.ForeignKey(
        County, verbose_name=_("län"), on_delete=models.PROTECT, related_name="municipalities"
    )
    federation = models.ForeignKey(
        "Organisation",
        verbose_name=_("kommunalförbund"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="member_municipalities",
    )

    class Meta(RegistryRecord.Meta):
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9]{4}$"), name="municipality_code_four_digits"
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.county_id and self.code and not self.code.startswith(self.county.code):
            raise ValidationError(
                {
                    "code": _("Kommunkoden ska börja med länets kod (%(code)s).")
                    % {"code": self.county.code}
                }
            )


class OrganisationQuerySet(models.QuerySet):
    def by_identifier(self, scheme: str, value: str):
        """The organisation(s) carrying ``value`` under ``scheme`` (at most one: the pair is unique).

        ``value`` is compared as text, so SCB codes keep their leading zeros ('01' is
        not '1'). An unknown scheme raises ``ValueError`` (an API answers it with 400).
        """
        if scheme not in IdentifierScheme.values:
            raise ValueError(f"unknown identifier scheme {scheme!r}")
        return self.filter(
            identifiers__scheme=scheme, identifiers__value=normalise_identifier(scheme, value)
        ).distinct()


class OrganisationKind(models.TextChoices):
    GOVERNMENT = "government", _("Regeringen/staten")
    NATIONAL_ASSOCIATION = "national_association", _("Nationell intresseorganisation")
    NATIONAL_AGENCY = "national_agency", _("Nationell myndighet")
    REGION = "region", _("Region/landsting")
    MUNICIPALITY = "municipality", _("Kommun")
    MUNICIPAL_FEDERATION = "municipal_federation", _("Kommunalförbund")
    REGIONAL_FEDERATION = "regional_federation", _("Regionförbund")
    FOU = "fou", _("FoU-miljö")
    UNIVERSITY = "university", _("Universitet/högskola")
    DEPARTMENT = "department", _("Förvaltning/enhet inom organisation")
    OTHER = "other", _("Annan")


@track_history
class Organisation(RegistryRecord):
    """An organisation that is a party, principal, host or owner: VGR, VästKom, SKL …"""

    name = models.CharField(_("namn"), max_length=200)
    short_name = models.CharField(_("kortnamn"), max_length=60, blank=True)
    kind = models.CharField(_("typ"), max_length=30, choices=OrganisationKind.choices)
    county = models.ForeignKey(
        County,
        verbose_name=_("län"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        help_text=_("Tomt för nationella organisationer."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("del av"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="parts",
        help_text=_("T.ex. Koncernkontoret inom Västra Götalandsregionen."),
    )
    description = models.TextField(_("beskrivning"), blank=True)
    website = models.URLField(_("webbplats"), blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta(RegistryRecord.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="organisation_not_own_parent"
            ),
            single_line("name"),
        ]

    def __str__(self):
        return f"{self.name} ({self.short_name})" if self.short_name else self.name

    @property
    def display_name(self):
        return self.short_name or self.name

    def get_absolute_url(self):
        return reverse("web:organisation-detail", kwargs={"slug": self.slug})

    def name_on(self, day: dt.date) -> str:
        """The name the organisation went by on ``day``: a former name, or the current one."""
        for former in self.former_names.all():
            if (former.used_from is None or former.used_from <= day) and (
                former.used_until is not None and day <= former.used_until
            ):
                return former.name
        return self.name

    def clean(self):
        node, seen = self.parent, set()
        while node is not None and node.pk not in seen:
            if self.pk and node.pk == self.pk:
                raise ValidationError(
                    {"parent": _("En organisation kan inte vara del av sig själv.")}
                )
            seen.add(node.pk)
            node = node.parent


@track_history
class Person(RegistryRecord):
    """A person who signs, chairs or sits in a body."""

    name = models.CharField(_("namn"), max_length=200)

    class Meta(RegistryRecord.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        ordering = ["name"]
        constraints = [single_line("name")]

    def __str__(self):
        return self.name


def term_at_least_a_month(model: str) -> models.CheckConstraint:
    """A term of office (``term_months``), when stated, lasts a month or more."""
    return models.CheckConstraint(
        condition=Q(term_months__isnull=True) | Q(term_months__gte=1),
        name=f"{model}_term_months_positive",
        violation_error_message=_("Mandattiden måste vara minst en månad."),
    )


class BodyKind(models.TextChoices):
    POLITICAL = "political", _("Politiskt organ")
    OFFICIALS_LEADERSHIP = "officials_leadership", _("Tjänstemannaledning")
    STEERING_GROUP = "steering_group", _("Styrgrupp")
    WORKING_GROUP = "working_group", _("Arbetsgrupp")
    NETWORK = "network", _("Nätverk")
    DEPARTMENT = "department", _("Avdelning/enhet")
    NATIONAL_GROUP = "national_group", _("Nationell grupp")


class BodyLevel(models.TextChoices):
    NATIONAL = "national", _("Nationell")
    COUNTY = "county", _("Länsnivå")
    SUB_REGIONAL = "sub_regional", _("Delregional")
    LOCAL = "local", _("Lokal")


class BodyStatus(models.TextChoices):
    IN_OPERATION = "in_operation", _("Verksam")
    PROPOSED = "proposed", _("Föreslagen")
    DISSOLVED = "dissolved", _("Upplöst")


class BodyQuerySet(models.QuerySet):
    def active_on(self, day: dt.date):
        return self.filter(
            Q(established_on__isnull=True) | Q(established_on__lte=day),
            Q(dissolved_on__isnull=True) | Q(dissolved_on__gte=day),
        )

    def with_ancestors(self, depth: int = 6):
        """Join the chain of mandate-giving bodies, so ``ancestors()`` needs no further query.

        Deeper chains than ``depth`` still work; they cost a query per extra level.
        """
        return self.select_related("__".join(["parent"] * depth))


@track_history
class Body(RegistryRecord):
    """A decision body or forum: a political council, a leadership group, a network …"""

    name = models.CharField(_("namn"), max_length=200)
    short_name = models.CharField(_("kortnamn"), max_length=60, blank=True)
    kind = models.CharField(_("typ"), max_length=30, choices=BodyKind.choices)
    level = models.CharField(_("nivå"), max_length=20, choices=BodyLevel.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=BodyStatus.choices, default=BodyStatus.IN_OPERATION
    )
    county = models.ForeignKey(
        County,
        verbose_name=_("län"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
        help_text=_("Tomt för nationella organ."),
    )
    owners = models.ManyToManyField(
        Organisation, verbose_name=_("huvudmän/ägare"), blank=True, related_name="owned_bodies"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("får mandat från"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    # Three values: yes, no (it only recommends), or the sources do not say.
    has_decision_mandate = models.BooleanField(
        _("har beslutsmandat"),
        null=True,
        blank=True,
        default=None,
        help_text=_("Nej: organet ger endast rekommendationer. Okänt: källan säger inget."),
    )
    mandate = models.TextField(_("mandat och syfte"), blank=True)
    composition = models.TextField(_("sammansättning (enligt dokumentet)"), blank=True)
    meetings_per_year = models.PositiveSmallIntegerField(_("möten per år"), null=True, blank=True)
    summer_break = models.BooleanField(_("uppehåll under sommarmånaderna"), default=False)
    chair_election = models.TextField(_("val av ordförande och vice ordförande"), blank=True)
    term_months = models.PositiveSmallIntegerField(
        _("mandattid (månader)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    rotation = models.TextField(_("växling mellan huvudmän"), blank=True)
    minutes_kept = models.BooleanField(_("minnesanteckningar förs"), default=False)
    personal_participation = models.BooleanField(
        _("personligt deltagande, inga ersättare"), default=False
    )
    preparatory_meetings = models.TextField(_("förmöten"), blank=True)
    established_on = models.DateField(
        _("inrättad"), null=True, blank=True, validators=[validate_date]
    )
    dissolved_on = models.DateField(_("upplöst"), null=True, blank=True, validators=[validate_date])
    # For time-bound working groups.
    commissioned_by = models.ForeignKey(
        "self",
        verbose_name=_("uppdragsgivare"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="commissioned_groups",
    )
    commission_description = models.TextField(_("uppdragsbeskrivning"), blank=True)
    commission_starts_on = models.DateField(
        _("uppdraget börjar"), null=True, blank=True, validators=[validate_date]
    )
    commission_ends_on = models.DateField(
        _("uppdraget slutar"), null=True, blank=True, validators=[validate_date]
    )

    objects = BodyQuerySet.as_manager()

    search_document = stored_vector_field("body")

    class Meta(RegistryRecord.Meta):
        verbose_name = _("beslutsorgan")
        verbose_name_plural = _("beslutsorgan")
        ordering = ["name"]
        indexes = [stored_vector_index("body")]
        constraints = [
            models.CheckConstraint(
                condition=Q(dissolved_on__isnull=True)
                | Q(established_on__isnull=True)
                | Q(dissolved_on__gte=models.F("established_on")),
                name="body_dissolved_after_established",
                violation_error_message=_("Upplöst kan inte vara före inrättad."),
            ),
            models.CheckConstraint(
                condition=Q(commission_ends_on__isnull=True)
                | Q(commission_starts_on__isnull=True)
                | Q(commission_ends_on__gte=models.F("commission_starts_on")),
                name="body_commission_ends_after_start",
                violation_error_message=_("Uppdraget kan inte sluta innan det börjar."),
            ),
            models.CheckConstraint(condition=~Q(parent=models.F("pk")), name="body_not_own_parent"),
            models.CheckConstraint(
                condition=~Q(commissioned_by=models.F("pk")),
                name="body_not_own_commissioner",
                violation_error_message=_("Ett organ kan inte vara sin egen uppdragsgivare."),
            ),
            single_line("name"),
            term_at_least_a_month("body"),
            date_in_range("established_on"),
            date_in_range("dissolved_on"),
            date_in_range("commission_starts_on"),
            date_in_range("commission_ends_on"),
        ]

    def __str__(self):
        return self.short_name or self.name

    def get_absolute_url(self):
        return reverse("web:body-detail", kwargs={"slug": self.slug})

    # The day a page shows this body as of (``?per=``); today when not set.
    as_of_day: dt.date | None = None

    @property
    def coming_chair_periods(self):
        """Current and coming chair/vice-chair periods, for the body page (from ``as_of_day``,
        else today)."""
        from django.utils import timezone

        from bodies.services import chair_periods

        return chair_periods(self, from_day=self.as_of_day or timezone.localdate())

    def status_on(self, day: dt.date | None = None):
        """The status words of the body on ``day`` (default today): see bodies.status."""
        from bodies.status import body_status

        return body_status(self, day)

    def ancestors(self) -> list[Body]:
        """The bodies this one gets its mandate from, nearest first."""
        chain, seen, node = [], {self.pk}, self.parent
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return chain

    def clean(self):
        if self._reaches_itself("parent"):
            raise ValidationError(
                {
                    "parent": _(
                        "Ett organ kan inte få mandat från sig självt (direkt eller via andra organ)."
                    )
                }
            )
        if self.commissioned_by_id is not None and (
            self.commissioned_by_id == self.pk or self._reaches_itself("commissioned_by")
        ):
            raise ValidationError(
                {
                    "commissioned_by": _(
                        "Ett organ kan inte ge uppdrag åt sig självt (direkt eller via andra organ)."
                    )
                }
            )

    def _reaches_itself(self, link: str) -> bool:
        """Following ``link`` (parent, commissioned_by) from this body leads back to it."""
        node, seen = getattr(self, link), set()
        while node is not None and node.pk not in seen:
            if self.pk and node.pk == self.pk:
                return True
            seen.add(node.pk)
            node = getattr(node, link)
        return False


@track_history
class Responsibility(models.Model):
    """One item of a body's list of responsibilities, in the document's order."""

    body = models.ForeignKey(
        Body, verbose_name=_("organ"), on_delete=models.CASCADE, related_name="responsibilities"
    )
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    text = models.TextField(_("ansvar"))

    class Meta:
        verbose_name = _("ansvarsområde")
        verbose_name_plural = _("ansvarsområden")
        ordering = ["body", "order", "id"]

    def __str__(self):
        return self.text[:80]


class SeatSide(models.TextChoices):
    MUNICIPALITIES = "municipalities", _("Kommunerna")
    REGION = "region", _("Regionen/landstinget")
    DEPARTMENT = "department", _("Avdelning/stödfunktion")
    OTHER = "other", _("Övriga")


class SeatQuerySet(models.QuerySet):
    def active_on(self, day: dt.date):
        """Seats of the bodies that existed on ``day`` (a seat has no dates of its own)."""
        return self.filter(body__in=Body.objects.active_on(day))


@track_history
class Seat(RegistryRecord):
    """A seat as a body's statutes define it: who appoints, how many, on what terms."""

    body = models.ForeignKey(
        Body, verbose_name=_("organ"), on_delete=models.CASCADE, related_name="seats"
    )
    side = models.CharField(_("part"), max_length=20, choices=SeatSide.choices)
    appointing_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("utses av"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointed_seats",
    )
    role = models.CharField(_("roll/representation"), max_length=300)
    count = models.PositiveSmallIntegerField(
        _("antal"), null=True, blank=True, help_text=_("Tomt när dokumentet inte anger antal.")
    )
    requirements = models.TextField(_("krav"), blank=True)
    term_months = models.PositiveSmallIntegerField(
        _("mandattid (månader)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    voting = models.BooleanField(
        _("rösträtt"),
        null=True,
        blank=True,
        default=None,
        help_text=_("Nej: adjungerad/rådgivande. Okänt: källan säger inget."),
    )
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    objects = SeatQuerySet.as_manager()

    class Meta(RegistryRecord.Meta):
        verbose_name = _("plats")
        verbose_name_plural = _("platser")
        ordering = ["body", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(count__isnull=True) | Q(count__gte=1), name="seat_count_positive"
            ),
            term_at_least_a_month("seat"),
        ]

    def __str__(self):
        return f"{self.body}: {self.role}"

    def slug_text(self):
        return f"{self.body.slug} {self.get_side_display()} {self.role[:40]}"


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Ledamot")
    CHAIR = "chair", _("Ordförande")
    VICE_CHAIR = "vice_chair", _("Vice ordförande")
    DEVELOPMENT_LEADER = "development_leader", _("Utvecklingsledare")
    SECRETARY = "secretary", _("Sekreterare")


# Roles that one person at a time holds on a seat, whatever the seat's count.
SINGLE_HOLDER_ROLES = ("chair", "vice_chair", "secretary")

# Succession ("until a successor is appointed") is a database rule, so that every
# write path honours it: the admin, the API, the seed loader, bulk_create and raw
# SQL alike. When a membership is inserted and the seat+role then has more holders
# on its start date than the seat allows (one for chair, vice chair and secretary;
# the seat's count otherwise; no limit when the count is unknown), the oldest
# open-ended holders serving until_successor end the day before the newcomer starts.
CLOSE_PREDECESSOR_SQL = """
DECLARE
    capacity integer;
    overflow integer;
BEGIN
    IF NEW.starts_on IS NULL THEN
        RETURN NULL;
    END IF;
    IF NEW.role IN ('chair', 'vice_chair', 'secretary') THEN
        capacity := 1;
    ELSE
        SELECT s."count" INTO capacity FROM bodies_seat s WHERE s.id = NEW.seat_id;
    END IF;
    IF capacity IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT count(*) - capacity INTO overflow FROM bodies_membership m
     WHERE m.seat_id = NEW.seat_id AND m.role = NEW.role
       AND (m.starts_on IS NULL OR m.starts_on <= NEW.starts_on)
       AND (m.ends_on IS NULL OR m.ends_on >= NEW.starts_on);
    IF overflow <= 0 THEN
        RETURN NULL;
    END IF;
    UPDATE bodies_membership SET ends_on = NEW.starts_on - 1
     WHERE id IN (
        SELECT m.id FROM bodies_membership m
         WHERE m.seat_id = NEW.seat_id AND m.role = NEW.role AND m.id <> NEW.id
           AND m.until_successor AND m.ends_on IS NULL
           AND (m.starts_on IS NULL OR m.starts_on < NEW.starts_on)
         ORDER BY m.starts_on NULLS FIRST, m.id
         LIMIT overflow
     );
    RETURN NULL;
END;
"""


class MembershipQuerySet(models.QuerySet):
    def on(self, day: dt.date):
        """Memberships in effect on ``day``."""
        return self.filter(Q(starts_on__isnull=True) | Q(starts_on__lte=day)).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=day)
        )

    def past(self, day: dt.date):
        return self.filter(ends_on__lt=day)

    def future(self, day: dt.date):
        return self.filter(starts_on__gt=day)


@track_history
class Membership(RegistryRecord):
    """A person actually holding a seat, from a date to a date (never deleted, only ended)."""

    seat = models.ForeignKey(
        Seat, verbose_name=_("plats"), on_delete=models.PROTECT, related_name="memberships"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(
        _("roll"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    represents = models.ForeignKey(
        Organisation,
        verbose_name=_("företräder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
    )
    starts_on = models.DateField(_("från"), null=True, blank=True, validators=[validate_date])
    ends_on = models.DateField(_("till och med"), null=True, blank=True, validators=[validate_date])
    until_successor = models.BooleanField(
        _("tills efterträdare utsetts"),
        default=False,
        help_text=_("Slutdatum sätts när en efterträdare på samma plats och roll tillträder."),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta(RegistryRecord.Meta):
        verbose_name = _("ledamotskap")
        verbose_name_plural = _("ledamotskap")
        ordering = ["seat", "-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="membership_ends_after_start",
                violation_error_message=_("Slutdatum kan inte vara före startdatum."),
            ),
            date_in_range("starts_on"),
            date_in_range("ends_on"),
        ]
        triggers = [
            *RegistryRecord.Meta.triggers,
            pgtrigger.Trigger(
                name="close_predecessor",
                when=pgtrigger.After,
                operation=pgtrigger.Insert,
                func=CLOSE_PREDECESSOR_SQL,
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.seat}"

    @property
    def capacity(self) -> int | None:
        """How many may hold this seat in this role at once (None: not stated)."""
        if self.role in SINGLE_HOLDER_ROLES:
            return 1
        return self.seat.count if self.seat_id else None

    def clean(self):
        super().clean()
        if not (self.seat_id and self.starts_on) or self.capacity is None:
            return
        if self.ends_on and self.ends_on < self.starts_on:
            return  # the check constraint reports it
        holders = (
            Membership.objects.filter(seat_id=self.seat_id, role=self.role)
            .on(self.starts_on)
            .exclude(pk=self.pk)
        )
        if not self.pk:
            # Those serving until a successor is appointed make room for this one.
            holders = holders.exclude(
                until_successor=True, ends_on__isnull=True, starts_on__lt=self.starts_on
            ).exclude(until_successor=True, ends_on__isnull=True, starts_on__isnull=True)
        if holders.count() >= self.capacity:
            raise ValidationError(
                {
                    "starts_on": _(
                        "Platsen har redan %(n)s innehavare i rollen %(role)s den %(day)s; "
                        "avsluta en av dem först."
                    )
                    % {
                        "n": holders.count(),
                        "role": self.get_role_display(),
                        "day": self.starts_on.isoformat(),
                    }
                }
            )

    def slug_text(self):
        return f"{self.seat.body.slug} {self.person.name} {self.starts_on or ''}"


@track_history
class Meeting(RegistryRecord):
    """A meeting of a body, with its minutes when they are published."""

    body = models.ForeignKey(
        Body, verbose_name=_("organ"), on_delete=models.PROTECT, related_name="meetings"
    )
    date = models.DateField(_("datum"), validators=[validate_date])
    minutes_url = models.URLField(_("länk till minnesanteckningar/protokoll"), blank=True)
    minutes_reference = models.CharField(_("protokoll/diarienummer"), max_length=100, blank=True)
    notes = models.TextField(_("anteckning"), blank=True)

    class Meta(RegistryRecord.Meta):
        verbose_name = _("möte")
        verbose_name_plural = _("möten")
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["body", "date"], name="meeting_one_per_body_and_day"),
            date_in_range("date"),
        ]

    def __str__(self):
        return f"{self.body} {self.date}"

    def slug_text(self):
        return f"{self.body.slug} {self.date}"


class IdentifierScheme(models.TextChoices):
    SCB_COUNTY = "scb_county", _("SCB länskod")
    SCB_MUNICIPALITY = "scb_municipality", _("SCB kommunkod")
    ORGANISATION_NUMBER = "org_number", _("Organisationsnummer")
    DIARY_NUMBER = "diary_number", _("Diarienummer")
    KOLADA = "kolada", _("Kolada-id")


# Identifier formats the database enforces, per scheme (SCB codes as text, with leading zeros).
IDENTIFIER_FORMATS = {
    IdentifierScheme.SCB_COUNTY: (
        r"^[0-9]{2}$",
        _("Länskoden är två siffror, t.ex. '01' eller '20'."),
    ),
    IdentifierScheme.SCB_MUNICIPALITY: (
        r"^[0-9]{4}$",
        _("Kommunkoden är fyra siffror, t.ex. '0180' eller '2080'."),
    ),
    IdentifierScheme.ORGANISATION_NUMBER: (
        r"^[0-9]{6}-[0-9]{4}$",
        _("Organisationsnumret skrivs NNNNNN-NNNN, t.ex. '232100-0131'."),
    ),
}


def normalise_identifier(scheme: str, value: str) -> str:
    """The stored form of ``value``: trimmed; an organisation number gets its hyphen."""
    value = (value or "").strip()
    if scheme == IdentifierScheme.ORGANISATION_NUMBER and re.fullmatch(r"[0-9]{10}", value):
        value = f"{value[:6]}-{value[6:]}"
    return value


@track_history
class Identifier(SingleLineFields, models.Model):
    """An identifier of an organisation or a body under a named scheme."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="identifiers",
    )
    body = models.ForeignKey(
        Body,
        verbose_name=_("organ"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="identifiers",
    )
    scheme = models.CharField(_("schema"), max_length=20, choices=IdentifierScheme.choices)
    value = models.CharField(
        _("värde"), max_length=100, help_text=_("Som text: inledande nollor behålls.")
    )

    class Meta:
        verbose_name = _("identifierare")
        verbose_name_plural = _("identifierare")
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "value"], name="identifier_unique_per_scheme"
            ),
            models.CheckConstraint(
                condition=Q(organisation__isnull=False, body__isnull=True)
                | Q(organisation__isnull=True, body__isnull=False),
                name="identifier_names_one_owner",
                violation_error_message=_(
                    "En identifierare hör till antingen en organisation eller ett organ."
                ),
            ),
            *[
                models.CheckConstraint(
                    condition=~Q(scheme=scheme) | Q(value__regex=pattern),
                    name=f"identifier_{scheme}_format",
                    violation_error_message=message,
                )
                for scheme, (pattern, message) in IDENTIFIER_FORMATS.items()
            ],
        ]

    def __str__(self):
        return f"{self.get_scheme_display()}: {self.value}"

    def save(self, *args, **kwargs):
        self.value = normalise_identifier(self.scheme, self.value)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.value = normalise_identifier(self.scheme, self.value)
        pattern, message = IDENTIFIER_FORMATS.get(self.scheme, (None, None))
        if pattern and not re.fullmatch(pattern.strip("^$"), self.value):
            raise ValidationError({"value": message})


@track_history
class FormerName(SingleLineFields, models.Model):
    """A name an organisation or a body went by before, with the dates it was used."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="former_names",
    )
    body = models.ForeignKey(
        Body,
        verbose_name=_("organ"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="former_names",
    )
    name = models.CharField(_("namn"), max_length=200)
    used_from = models.DateField(_("från"), null=True, blank=True, validators=[validate_date])
    used_until = models.DateField(
        _("till och med"), null=True, blank=True, validators=[validate_date]
    )

    class Meta:
        verbose_name = _("tidigare namn")
        verbose_name_plural = _("tidigare namn")
        ordering = ["-used_until"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False, body__isnull=True)
                | Q(organisation__isnull=True, body__isnull=False),
                name="former_name_names_one_owner",
            ),
            models.CheckConstraint(
                condition=Q(used_until__isnull=True)
                | Q(used_from__isnull=True)
                | Q(used_until__gte=models.F("used_from")),
                name="former_name_dates_ordered",
            ),
            date_in_range("used_from"),
            date_in_range("used_until"),
        ]

    def __str__(self):
        return self.name


@track_history
class ChairRotationRule(models.Model):
    """How a body's chair and vice chair rotate between principals (e.g. yearly, kommun ↔ region)."""

    body = models.OneToOneField(
        Body, verbose_name=_("organ"), on_delete=models.CASCADE, related_name="rotation_rule"
    )
    term_months = models.PositiveSmallIntegerField(
        _("mandattid (månader)"), default=12, validators=[MinValueValidator(1)]
    )
    first_term_starts_on = models.DateField(
        _("första mandatperioden börjar"), validators=[validate_date]
    )
    first_chair_side = models.CharField(
        _("första ordförandens part"),
        max_length=20,
        choices=SeatSide.choices[:2],
        default=SeatSide.MUNICIPALITIES,
    )
    vice_chair_from_other_side = models.BooleanField(
        _("vice ordförande från den andra parten"), default=True
    )

    class Meta:
        verbose_name = _("rotationsregel för ordförandeskap")
        verbose_name_plural = _("rotationsregler för ordförandeskap")
        constraints = [
            models.CheckConstraint(condition=Q(term_months__gte=1), name="rotation_term_positive"),
            date_in_range("first_term_starts_on"),
        ]

    def __str__(self):
        return f"{self.body}: {self.term_months} mån"


class ChairTermQuerySet(models.QuerySet):
    def on(self, day: dt.date):
        """Chair and vice-chair terms running on ``day``."""
        return self.filter(starts_on__lte=day, ends_on__gte=day)


@track_history
class ChairTerm(models.Model):
    """A dated chair or vice-chair term, generated from the rotation rule or entered by hand."""

    body = models.ForeignKey(
        Body, verbose_name=_("organ"), on_delete=models.CASCADE, related_name="chair_terms"
    )
    role = models.CharField(
        _("roll"),
        max_length=20,
        choices=[
            (MembershipRole.CHAIR.value, MembershipRole.CHAIR.label),
            (MembershipRole.VICE_CHAIR.value, MembershipRole.VICE_CHAIR.label),
        ],
    )
    side = models.CharField(_("part"), max_length=20, choices=SeatSide.choices)
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chair_terms",
    )
    starts_on = models.DateField(_("från"), validators=[validate_date])
    ends_on = models.DateField(_("till och med"), validators=[validate_date])
    generated = models.BooleanField(
        _("genererad från regeln"),
        default=True,
        help_text=_("Av när perioden ändrats för hand; då skrivs den inte över."),
    )

    objects = ChairTermQuerySet.as_manager()

    class Meta:
        verbose_name = _("ordförandeperiod")
        verbose_name_plural = _("ordförandeperioder")
        ordering = ["body", "starts_on", "role"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="chair_term_ends_after_start"
            ),
            models.UniqueConstraint(
                fields=["body", "role", "starts_on"], name="chair_term_unique_start"
            ),
            date_in_range("starts_on"),
            date_in_range("ends_on"),
        ]

    def __str__(self):
        return f"{self.body} {self.get_role_display()} {self.starts_on}–{self.ends_on}"


# The links of many-to-many fields are rows too: proxies let the history record them.
@track_history
class BodyOwner(Body.owners.through):
    """A link between a body and an owning organisation, as a row the history records."""

    class Meta:
        proxy = True
        verbose_name = _("huvudman för organ")
        verbose_name_plural = _("huvudmän för organ")


# The county's regional support structure and named roles (app label "governance",
# see Meta) ---------------------------------------------------------------------


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

    search_document = stored_vector_field("supportstructure")

    class Meta(RegistryRecord.Meta):
        app_label = "governance"  # see governance.core.apps
        verbose_name = _("stödstruktur")
        verbose_name_plural = _("stödstrukturer")
        ordering = ["county__code"]
        indexes = [stored_vector_index("supportstructure")]

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
        app_label = "governance"  # see governance.core.apps
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
        app_label = "governance"  # see governance.core.apps
        verbose_name = _("namngiven roll")
        verbose_name_plural = _("namngivna roller")
        ordering = ["person__name", "id"]

    def __str__(self):
        return f"{self.person}: {self.role}"

    def slug_text(self):
        return f"{self.person.name} {self.role[:60]}"
