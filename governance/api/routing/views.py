"""API resources for county profiles, matters, initiatives, routing rules, goals and milestones."""

from __future__ import annotations

from django_filters import rest_framework as filters

from agreements.models import Agreement, Clause
from bodies.filters import by_county
from bodies.models import Body, Organisation, Principal
from governance.api.routing.serializers import (
    GoalSerializer,
    InitiativeSerializer,
    MatterSerializer,
    MilestoneSerializer,
    RoutingRuleSerializer,
)
from governance.core.api import (
    RegistryFilterSet,
    RegistryViewSet,
    as_of_filter,
    by_slug,
    year_filter,
)
from governance.routing.models import Goal, Initiative, Matter, Milestone, RoutingRule
from governance.routing.services import routing_for_initiatives, rules_in_force_on


class MatterFilter(RegistryFilterSet):
    class Meta:
        model = Matter
        fields = []


class MatterViewSet(RegistryViewSet):
    """Kinds of matters that routing rules speak of."""

    queryset = Matter.objects.select_related("source").order_by("order", "name", "pk")
    serializer_class = MatterSerializer
    filterset_class = MatterFilter
    search_fields = ["name", "description"]
    ordering_fields = ["order", "name", "modified_at"]


class InitiativeFilter(RegistryFilterSet):
    concerns = filters.ChoiceFilter(
        choices=Principal.choices, help_text="Which principals it concerns."
    )
    year = year_filter()
    county = by_county()
    matter = by_slug(Matter, "matter")
    source_agreement = by_slug(Agreement, "source_agreement")

    class Meta:
        model = Initiative
        fields = ["concerns", "year", "county", "matter", "source_agreement"]


class InitiativeViewSet(RegistryViewSet):
    """National initiatives (nationella satsningar) that reach the counties."""

    queryset = Initiative.objects.select_related(
        "source_agreement", "county", "matter", "source"
    ).order_by("-year", "title", "pk")
    serializer_class = InitiativeSerializer
    filterset_class = InitiativeFilter
    search_fields = ["title", "short_name", "subject", "description"]
    ordering_fields = ["year", "title", "modified_at"]

    def get_serializer(self, *args, **kwargs):
        # A page of initiatives is routed with one read of the rules, not one per row.
        if kwargs.get("many") and args:
            rows = list(args[0])
            context = kwargs.setdefault("context", self.get_serializer_context())
            context["routing"] = routing_for_initiatives(rows)
            args = (rows, *args[1:])
        return super().get_serializer(*args, **kwargs)


class RoutingRuleFilter(RegistryFilterSet):
    matter = by_slug(Matter, "matter")
    concerns = filters.ChoiceFilter(choices=Principal.choices)
    county = by_county()
    deciding_body = by_slug(Body, "deciding_body")
    handler = by_slug(Organisation, "handlers", "Slug of a handling organisation.")
    clause = by_slug(Clause, "clause")
    on = as_of_filter(
        lambda qs, day: rules_in_force_on(day, qs),
        "Only rules that apply on this date (their own dates, else their agreement's).",
    )

    class Meta:
        model = RoutingRule
        fields = ["matter", "concerns", "county", "deciding_body", "handler", "clause", "on"]


class RoutingRuleViewSet(RegistryViewSet):
    """Rules from agreements' clauses: who handles and who decides a kind of matter."""

    queryset = (
        RoutingRule.objects.select_related("matter", "county", "deciding_body", "clause", "source")
        .prefetch_related("handlers")
        .order_by("county__code", "matter__order", "priority", "pk")
    )
    serializer_class = RoutingRuleSerializer
    filterset_class = RoutingRuleFilter
    search_fields = ["explanation", "matter__name"]
    ordering_fields = ["priority", "valid_from", "modified_at"]


class GoalFilter(RegistryFilterSet):
    framing = filters.BooleanFilter()

    class Meta:
        model = Goal
        fields = ["framing"]


class GoalViewSet(RegistryViewSet):
    """The goals of the regional support structures."""

    queryset = Goal.objects.select_related("source").order_by("number")
    serializer_class = GoalSerializer
    filterset_class = GoalFilter
    search_fields = ["text"]
    ordering_fields = ["number", "modified_at"]


class MilestoneFilter(RegistryFilterSet):
    year = year_filter()

    class Meta:
        model = Milestone
        fields = ["year"]


class MilestoneViewSet(RegistryViewSet):
    """National milestones (the timeline)."""

    queryset = Milestone.objects.select_related("source").order_by("year", "pk")
    serializer_class = MilestoneSerializer
    filterset_class = MilestoneFilter
    search_fields = ["title", "text"]
    ordering_fields = ["year", "modified_at"]
