"""API resources for the money: grants, allocations, co-financing, distribution keys, positions."""

from __future__ import annotations

from django.db.models import Prefetch

from agreements.models import Agreement
from bodies.filters import by_county
from bodies.models import Organisation
from funding.models import (
    Allocation,
    CofinancingShare,
    DistributionKey,
    DistributionShare,
    FundedPosition,
    StateGrant,
)
from governance.api.funding.serializers import (
    AllocationSerializer,
    CofinancingSerializer,
    DistributionKeySerializer,
    FundedPositionSerializer,
    StateGrantSerializer,
)
from governance.core.api import (
    RegistryFilterSet,
    RegistryViewSet,
    as_of_filter,
    by_slug,
    year_filter,
)


class StateGrantFilter(RegistryFilterSet):
    year = year_filter()
    on = as_of_filter(lambda qs, day: qs.on(day), "Only grants for this date's year.")
    agreement = by_slug(Agreement, "agreement")

    class Meta:
        model = StateGrant
        fields = ["year", "agreement", "on"]


class StateGrantViewSet(RegistryViewSet):
    """State grants (statsbidrag) per year under national agreements."""

    queryset = StateGrant.objects.select_related("agreement", "source").order_by(
        "year", "title", "pk"
    )
    serializer_class = StateGrantSerializer
    filterset_class = StateGrantFilter
    search_fields = ["title", "description"]
    ordering_fields = ["year", "title", "amount_sek", "modified_at"]


class AllocationFilter(RegistryFilterSet):
    year = year_filter()
    on = as_of_filter(lambda qs, day: qs.on(day), "Only allocations for this date's year.")
    county = by_county()
    organisation = by_slug(Organisation, "organisation", "Slug of the receiving organisation.")
    grant = by_slug(StateGrant, "grant")
    agreement = by_slug(Agreement, "agreement")

    class Meta:
        model = Allocation
        fields = ["year", "county", "organisation", "grant", "agreement", "on"]


class AllocationViewSet(RegistryViewSet):
    """Money allotted to a county, sub-region or organisation for a year and purpose."""

    queryset = Allocation.objects.select_related(
        "grant", "county", "organisation", "agreement", "source"
    ).order_by("-year", "pk")
    serializer_class = AllocationSerializer
    filterset_class = AllocationFilter
    search_fields = ["purpose", "sub_region"]
    ordering_fields = ["year", "amount_sek", "modified_at"]


class CofinancingFilter(RegistryFilterSet):
    year = year_filter()
    on = as_of_filter(
        lambda qs, day: qs.on(day),
        "Only the shares that hold in this date's year (that year's, or an earlier "
        "open-ended one).",
    )
    agreement = by_slug(Agreement, "agreement")

    class Meta:
        model = CofinancingShare
        fields = ["year", "agreement", "on"]


class CofinancingViewSet(RegistryViewSet):
    """The principals' share of the costs per year; the state pays the rest."""

    queryset = CofinancingShare.objects.select_related("agreement", "source").order_by("year", "pk")
    serializer_class = CofinancingSerializer
    filterset_class = CofinancingFilter
    ordering_fields = ["year", "principals_share_percent", "modified_at"]


class DistributionKeyFilter(RegistryFilterSet):
    county = by_county()
    agreement = by_slug(Agreement, "agreement")
    on = as_of_filter(
        lambda qs, day: qs.on(day),
        "Only keys set in an agreement in force on this date, and keys set in none.",
    )

    class Meta:
        model = DistributionKey
        fields = ["county", "agreement", "on"]


class DistributionKeyViewSet(RegistryViewSet):
    """How joint costs are divided between principals, with each principal's share."""

    queryset = (
        DistributionKey.objects.select_related("county", "agreement", "source")
        .prefetch_related(
            Prefetch(
                "shares",
                queryset=DistributionShare.objects.select_related("organisation").order_by(
                    "-share_percent", "pk"
                ),
            )
        )
        .order_by("name", "pk")
    )
    serializer_class = DistributionKeySerializer
    filterset_class = DistributionKeyFilter
    search_fields = ["name", "basis", "description"]
    ordering_fields = ["name", "modified_at"]


class FundedPositionFilter(RegistryFilterSet):
    county = by_county()
    host = by_slug(Organisation, "host", "Slug of the host organisation.")
    funder = by_slug(Organisation, "funders", "Slug of a funding organisation.")
    year = year_filter(method="filter_year", help_text="Funded at some time during this year.")
    on = as_of_filter(lambda qs, day: qs.on(day), "Only positions funded in this date's year.")

    class Meta:
        model = FundedPosition
        fields = ["county", "host", "funder", "year", "on"]

    def filter_year(self, queryset, name, value):
        return queryset.funded_in(int(value))


class FundedPositionViewSet(RegistryViewSet):
    """Positions (tjänster) in the support structures and who pays for them."""

    queryset = (
        FundedPosition.objects.select_related("host", "county", "source")
        .prefetch_related("funders")
        .order_by("county__code", "title", "pk")
    )
    serializer_class = FundedPositionSerializer
    filterset_class = FundedPositionFilter
    search_fields = ["title", "funding_text"]
    ordering_fields = ["title", "count", "from_year", "modified_at"]
