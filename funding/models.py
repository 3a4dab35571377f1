"""Who pays: state grants, allocations, the principals' co-financing, distribution keys, positions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pgtrigger
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from agreements.models import Agreement
from bodies.models import County, Organisation
from governance.core.dates import validate_year, year_in_range
from governance.core.history import track_history
from governance.core.records import RegistryRecord
from governance.core.text import single_line

HUNDRED = Decimal("100")


class YearQuerySet(models.QuerySet):
    """Money given for a calendar year: as of a day, that day's year is the one that counts."""

    def on(self, day: dt.date):
        return self.filter(year=day.year)


class CofinancingQuerySet(models.QuerySet):
    def on(self, day: dt.date):
        """The share for ``day``'s year: that year's, or an earlier one that holds onwards."""
        return self.filter(Q(year=day.year) | Q(open_ended=True, year__lte=day.year))


class DistributionKeyQuerySet(models.QuerySet):
    def on(self, day: dt.date):
        """Keys set in an agreement in force on ``day``, and keys set in no agreement."""
        return self.filter(
            Q(agreement__isnull=True) | Q(agreement__in=Agreement.objects.in_force_on(day))
        )


class FundedPositionQuerySet(models.QuerySet):
    def funded_in(self, year: int):
        """Positions funded at some time during ``year`` (an open bound is open)."""
        return self.filter(Q(from_year__isnull=True) | Q(from_year__lte=year)).filter(
            Q(until_year__isnull=True) | Q(until_year__gte=year)
        )

    def on(self, day: dt.date):
        return self.funded_in(day.year)


@track_history
class StateGrant(RegistryRecord):
    """State money (statsbidrag) for a year under a national agreement."""

    year = models.PositiveSmallIntegerField(_("år"), validators=[validate_year])
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("överenskommelse"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="state_grants",
    )
    title = models.CharField(_("benämning"), max_length=200)
    amount_sek = models.DecimalField(
        _("belopp (kr)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    description = models.TextField(_("beskrivning"), blank=True)

    objects = YearQuerySet.as_manager()

    class Meta(RegistryRecord.Meta):
        verbose_name = _("statsbidrag")
        verbose_name_plural = _("statsbidrag")
        ordering = ["year", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_sek__isnull=True) | Q(amount_sek__gte=0),
                name="grant_amount_not_negative",
            ),
            year_in_range("year"),
            single_line("title"),
        ]

    def __str__(self):
        return f"{self.title} {self.year}"

    def slug_text(self):
        return f"{self.title} {self.year}"


@track_history
class Allocation(RegistryRecord):
    """Money allotted to a county, sub-region or organisation for a year and purpose."""

    grant = models.ForeignKey(
        StateGrant,
        verbose_name=_("statsbidrag"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allocations",
    )
    year = models.PositiveSmallIntegerField(
        _("år"), null=True, blank=True, validators=[validate_year]
    )
    county = models.ForeignKey(
        County,
        verbose_name=_("län"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allocations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("mottagare"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allocations",
    )
    sub_region = models.CharField(_("delregion"), max_length=100, blank=True)
    amount_sek = models.DecimalField(
        _("belopp (kr)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    purpose = models.TextField(_("syfte"))
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("fastställd i"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allocations",
    )

    objects = YearQuerySet.as_manager()

    class Meta(RegistryRecord.Meta):
        verbose_name = _("tilldelning")
        verbose_name_plural = _("tilldelningar")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_sek__isnull=True) | Q(amount_sek__gte=0),
                name="allocation_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(county__isnull=False)
                | Q(organisation__isnull=False)
                | ~Q(sub_region=""),
                name="allocation_names_recipient",
                violation_error_message=_("Ange län, delregion eller mottagande organisation."),
            ),
            year_in_range("year"),
        ]

    def __str__(self):
        who = self.organisation or self.sub_region or self.county
        return f"{who} {self.year or ''}: {self.purpose[:50]}"

    def slug_text(self):
        who = (
            self.organisation.slug
            if self.organisation_id
            else (self.sub_region or (self.county.slug if self.county_id else ""))
        )
        return f"{who} {self.year or ''} {self.purpose[:30]}"


@track_history
class CofinancingShare(RegistryRecord):
    """The principals' share of the costs in a year; the state pays the rest."""

    year = models.PositiveSmallIntegerField(_("år"), validators=[validate_year])
    open_ended = models.BooleanField(
        _("gäller även följande år"), default=False, help_text=_("'från och med 2016'")
    )
    principals_share_percent = models.DecimalField(
        _("huvudmännens andel (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("fastställd i"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cofinancing_shares",
    )

    objects = CofinancingQuerySet.as_manager()

    class Meta(RegistryRecord.Meta):
        verbose_name = _("medfinansiering")
        verbose_name_plural = _("medfinansiering")
        ordering = ["year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(principals_share_percent__gte=0) & Q(principals_share_percent__lte=100),
                name="cofinancing_share_between_0_and_100",
                # No bare "%": a constraint formats its message with its name.
                violation_error_message=_("Andelen ska vara mellan 0 och 100 procent."),
            ),
            models.UniqueConstraint(
                fields=["year", "agreement"], name="cofinancing_one_per_year_and_agreement"
            ),
            year_in_range("year"),
        ]

    def __str__(self):
        return f"{self.year}: {self.principals_share_percent} %"

    def slug_text(self):
        return f"medfinansiering {self.year}"

    @property
    def state_share_percent(self) -> Decimal:
        return HUNDRED - self.principals_share_percent


@track_history
class DistributionKey(RegistryRecord):
    """How a joint cost is divided between principals."""

    name = models.CharField(_("namn"), max_length=200)
    county = models.ForeignKey(
        County,
        verbose_name=_("län"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="distribution_keys",
    )
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("fastställd i"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="distribution_keys",
    )
    basis = models.CharField(
        _("grund"),
        max_length=200,
        blank=True,
        help_text=_("T.ex. 'invånarantal' eller 'lika delar'."),
    )
    description = models.TextField(_("beskrivning"), blank=True)

    objects = DistributionKeyQuerySet.as_manager()

    class Meta(RegistryRecord.Meta):
        verbose_name = _("fördelningsnyckel")
        verbose_name_plural = _("fördelningsnycklar")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("web:funding")


@track_history
class DistributionShare(models.Model):
    """One principal's part of a distribution key.

    ``weight`` is what the key is computed from (inhabitants, a fixed number of
    parts …); ``share_percent`` is that weight's share of the key's total. A
    deferred constraint trigger holds every key's shares at exactly 100 % when a
    transaction commits, so the rows of a key can be edited together.
    """

    key = models.ForeignKey(
        DistributionKey,
        verbose_name=_("fördelningsnyckel"),
        on_delete=models.CASCADE,
        related_name="shares",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("huvudman"),
        on_delete=models.PROTECT,
        related_name="distribution_shares",
    )
    weight = models.DecimalField(_("underlag"), max_digits=14, decimal_places=2)
    share_percent = models.DecimalField(_("andel (%)"), max_digits=7, decimal_places=4)

    class Meta:
        verbose_name = _("andel")
        verbose_name_plural = _("andelar")
        ordering = ["key", "-share_percent"]
        constraints = [
            models.UniqueConstraint(fields=["key", "organisation"], name="share_once_per_key"),
            models.CheckConstraint(condition=Q(weight__gte=0), name="share_weight_not_negative"),
            models.CheckConstraint(
                condition=Q(share_percent__gte=0) & Q(share_percent__lte=100),
                name="share_percent_between_0_and_100",
            ),
        ]
        triggers = [
            pgtrigger.Trigger(
                name="shares_sum_to_100",
                when=pgtrigger.After,
                operation=pgtrigger.Insert | pgtrigger.Update | pgtrigger.Delete,
                timing=pgtrigger.Deferred,
                func="""
                DECLARE
                    k bigint := COALESCE(NEW.key_id, OLD.key_id);
                    n integer;
                    total numeric;
                BEGIN
                    SELECT count(*), COALESCE(sum(share_percent), 0) INTO n, total
                    FROM funding_distributionshare WHERE key_id = k;
                    IF n > 0 AND abs(total - 100) > 0.01 THEN
                        RAISE EXCEPTION 'distribution key % shares sum to % percent, not 100', k, total
                            USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NULL;
                END;
                """,
            )
        ]

    def __str__(self):
        return f"{self.organisation}: {self.share_percent} %"


@track_history
class FundedPosition(RegistryRecord):
    """Positions (tjänster) in the support structure and who pays for them."""

    title = models.CharField(_("benämning"), max_length=200)
    count = models.PositiveSmallIntegerField(_("antal tjänster"))
    host = models.ForeignKey(
        Organisation,
        verbose_name=_("placerade hos"),
        on_delete=models.PROTECT,
        related_name="hosted_positions",
    )
    county = models.ForeignKey(
        County,
        verbose_name=_("län"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funded_positions",
    )
    funders = models.ManyToManyField(
        Organisation, verbose_name=_("finansiärer"), blank=True, related_name="funded_positions"
    )
    funding_text = models.CharField(_("finansiering som det står"), max_length=300, blank=True)
    from_year = models.PositiveSmallIntegerField(
        _("från år"), null=True, blank=True, validators=[validate_year]
    )
    until_year = models.PositiveSmallIntegerField(
        _("till år"), null=True, blank=True, validators=[validate_year]
    )

    objects = FundedPositionQuerySet.as_manager()

    class Meta(RegistryRecord.Meta):
        verbose_name = _("finansierad tjänst")
        verbose_name_plural = _("finansierade tjänster")
        ordering = ["county", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(count__gte=1), name="position_count_positive"),
            models.CheckConstraint(
                condition=Q(until_year__isnull=True)
                | Q(from_year__isnull=True)
                | Q(until_year__gte=models.F("from_year")),
                name="position_years_ordered",
            ),
            year_in_range("from_year"),
            year_in_range("until_year"),
            single_line("title"),
        ]

    def __str__(self):
        return f"{self.count} × {self.title}"

    def slug_text(self):
        return f"{self.host.slug} {self.title}"


def compute_shares(weights: dict) -> dict:
    """Each weight's share of the total, in percent, rounded so the shares sum to 100."""
    total = sum(weights.values(), Decimal(0))
    if total <= 0:
        raise ValueError("a distribution key needs a positive total")
    q = Decimal("0.0001")
    shares = {k: (Decimal(w) * HUNDRED / total).quantize(q) for k, w in weights.items()}
    # Put the rounding remainder on the largest share so the sum is exactly 100.
    largest = max(shares, key=lambda k: shares[k])
    shares[largest] += HUNDRED - sum(shares.values())
    return shares


@track_history
class PositionFunder(FundedPosition.funders.through):
    """An organisation paying for a funded position (a many-to-many link the history records)."""

    class Meta:
        proxy = True
        verbose_name = _("finansiär av tjänst")
        verbose_name_plural = _("finansiärer av tjänster")
