"""The funding page: who pays, year by year, and how joint costs are divided."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from funding.models import (
    Allocation,
    CofinancingShare,
    DistributionKey,
    DistributionShare,
    FundedPosition,
    StateGrant,
    compute_shares,
)
from governance.core.read_cache import CachedPage

CHART_LEFT, CHART_TOP, CHART_H, BAR_W, BAR_GAP = 60, 16, 220, 72, 24
# The chart is drawn at least this wide and scaled to the column (CSS), so a few bars fill
# their frame instead of sitting in a corner of it.
CHART_MIN_WIDTH = 480


@dataclass
class ShareBar:
    year: int
    open_ended: bool
    principals: Decimal
    state: Decimal
    x: float
    principals_y: float
    principals_h: float
    state_y: float
    state_h: float

    @property
    def centre(self):
        return self.x + BAR_W / 2

    @property
    def principals_label_y(self):
        return self.principals_y + self.principals_h / 2 + 5

    @property
    def state_label_y(self):
        return self.state_y + self.state_h / 2 + 5


@dataclass
class ShareChart:
    bars: list[ShareBar]
    width: float
    height: float
    gridlines: list[tuple[float, int]]
    baseline: float
    bar_width: float
    axis_x: float = CHART_LEFT - 4
    label_x: float = CHART_LEFT - 10


def share_chart(shares: list[CofinancingShare]) -> ShareChart | None:
    """A 100 % stacked bar per year: the principals' share below, the state's above."""
    per_year: dict[int, CofinancingShare] = {}
    for share in shares:
        per_year.setdefault(share.year, share)
    if not per_year:
        return None
    bars = []
    slot = max(BAR_W + BAR_GAP, (CHART_MIN_WIDTH - CHART_LEFT - 16) / len(per_year))
    for i, year in enumerate(sorted(per_year)):
        share = per_year[year]
        p = share.principals_share_percent
        s = share.state_share_percent
        x = CHART_LEFT + i * slot + (slot - BAR_W) / 2
        p_h = float(p) / 100 * CHART_H
        s_h = float(s) / 100 * CHART_H
        bars.append(
            ShareBar(
                year,
                share.open_ended,
                p,
                s,
                x,
                CHART_TOP + CHART_H - p_h,
                p_h,
                CHART_TOP,
                s_h,
            )
        )
    width = CHART_LEFT + len(bars) * slot + 16
    grid = [(CHART_TOP + CHART_H - CHART_H * pct / 100, pct) for pct in (0, 25, 50, 75, 100)]
    return ShareChart(bars, width, CHART_TOP + CHART_H + 40, grid, CHART_TOP + CHART_H, BAR_W)


@dataclass
class KeyRow:
    share: DistributionShare
    computed: Decimal


class FundingView(CachedPage, TemplateView):
    template_name = "funding/funding.html"
    allocations_per_page = 25

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shares = list(CofinancingShare.objects.select_related("agreement").order_by("year", "pk"))
        allocations = Allocation.objects.select_related(
            "county", "organisation", "agreement", "grant"
        ).order_by("-year", "county__code", "sub_region", "pk")
        page = Paginator(allocations, self.allocations_per_page).get_page(
            self.request.GET.get("sida")
        )
        keys = []
        for key in DistributionKey.objects.select_related("county", "agreement").prefetch_related(
            Prefetch("shares", DistributionShare.objects.select_related("organisation"))
        ):
            rows = list(key.shares.all())
            computed = (
                compute_shares({r.pk: r.weight for r in rows})
                if rows and sum(r.weight for r in rows) > 0
                else {}
            )
            keys.append((key, [KeyRow(r, computed.get(r.pk, r.share_percent)) for r in rows]))
        grants = list(StateGrant.objects.select_related("agreement").order_by("year", "title"))
        share_sources = {share.agreement for share in shares}
        context.update(
            shares=shares,
            chart=share_chart(shares),
            # One agreement behind every year is said once, under the table, not on each row.
            shares_source=share_sources.pop() if len(share_sources) == 1 else None,
            grants=grants,
            grants_have_amounts=any(g.amount_sek is not None for g in grants),
            allocations=page,
            allocations_have_amounts=allocations.filter(amount_sek__isnull=False).exists(),
            keys=keys,
            positions=FundedPosition.objects.select_related("host", "county").prefetch_related(
                "funders"
            ),
            breadcrumbs=[(_("Finansiering"), None)],
        )
        return context
