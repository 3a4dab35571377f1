"""National initiatives with their goals and milestones, the matters they raise, and the routing
rules saying who in a county handles a matter."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bodies.models import Body, County, Organisation, Principal
from governance.core.dates import date_in_range, validate_date, validate_year, year_in_range
from governance.core.history import track_history
from governance.core.records import RegistryRecord, basis_field, basis_note_field
from governance.core.search import stored_vector_field, stored_vector_index
from governance.core.text import single_line


@track_history
class Matter(RegistryRecord):
    """A kind of matter that routing rules speak of, e.g. 'handling of a national initiative'."""

    name = models.CharField(_("namn"), max_length=200, unique=True)
    description = models.TextField(_("beskrivning"), blank=True)
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta(RegistryRecord.Meta):
        app_label = "governance"  # see governance.core.apps
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

    search_document = stored_vector_field("initiative")

    class Meta(RegistryRecord.Meta):
        app_label = "governance"  # see governance.core.apps
        verbose_name = _("nationell satsning")
        verbose_name_plural = _("nationella satsningar")
        ordering = ["-year", "title"]
        indexes = [stored_vector_index("initiative")]
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
        app_label = "governance"  # see governance.core.apps
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
        from governance.routing.services import check_conflicts

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

    search_document = stored_vector_field("goal")

    class Meta(RegistryRecord.Meta):
        app_label = "governance"  # see governance.core.apps
        verbose_name = _("mål")
        verbose_name_plural = _("mål")
        ordering = ["number"]
        indexes = [stored_vector_index("goal")]

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

    search_document = stored_vector_field("milestone")

    class Meta(RegistryRecord.Meta):
        app_label = "governance"  # see governance.core.apps
        verbose_name = _("milstolpe")
        verbose_name_plural = _("milstolpar")
        ordering = ["year", "id"]
        indexes = [stored_vector_index("milestone")]
        constraints = [year_in_range("year"), single_line("title")]

    def __str__(self):
        return f"{self.year}: {self.title}"

    def slug_text(self):
        return f"{self.year} {self.title}"

    def get_absolute_url(self):
        return reverse("web:timeline") + f"#{self.slug}"


@track_history
class RoutingRuleHandler(RoutingRule.handlers.through):
    """An organisation handling what a routing rule routes (a link the history records)."""

    class Meta:
        app_label = "governance"  # see governance.core.apps
        proxy = True
        verbose_name = _("hanterare enligt regel")
        verbose_name_plural = _("hanterare enligt regler")
