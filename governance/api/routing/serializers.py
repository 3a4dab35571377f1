"""API representations of county profiles, matters, initiatives, routing rules, goals, milestones."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from governance.api.routing.resolver import RoutingAnswerSerializer, answer_data
from governance.core.api import BASE_FIELDS, RECORD_FIELDS, RegistrySerializer
from governance.routing.models import Goal, Initiative, Matter, Milestone, RoutingRule
from governance.routing.services import routing_for_initiative, save_routing_rule


class MatterSerializer(RegistrySerializer):
    class Meta:
        model = Matter
        fields = [*BASE_FIELDS, "name", "description", "order", "source", *RECORD_FIELDS]


class InitiativeSerializer(RegistrySerializer):
    routing = serializers.SerializerMethodField(
        help_text="Where the initiative is routed: who handles and who decides it, per county "
        "it reaches, as of the end of its year (or today)."
    )

    class Meta:
        model = Initiative
        fields = [
            *BASE_FIELDS,
            "title",
            "short_name",
            "year",
            "source_agreement",
            "concerns",
            "concerns_basis",
            "basis_note",
            "county",
            "matter",
            "subject",
            "description",
            "routing",
            "source",
            *RECORD_FIELDS,
        ]

    @extend_schema_field(RoutingAnswerSerializer(many=True))
    def get_routing(self, obj):
        # A list view computes every row's routing at once (``routing`` in the context).
        answers = self.context.get("routing", {}).get(obj.pk)
        if answers is None:
            answers = routing_for_initiative(obj)
        request = self.context.get("request")
        return [answer_data(a, request) for a in answers]


class RoutingRuleSerializer(RegistrySerializer):
    def write(self, instance, m2m, *, expected_version):
        # The routing rules' one write service, as the admin and the seed use it; its
        # refusals become 400, 403 and 412 in governance.core.api.errors.
        request = self.context.get("request")
        save_routing_rule(
            instance,
            m2m.get("handlers"),
            user=getattr(request, "user", None),
            expected_version=expected_version,
        )

    class Meta:
        model = RoutingRule
        fields = [
            *BASE_FIELDS,
            "matter",
            "concerns",
            "county",
            "handlers",
            "deciding_body",
            "priority",
            "clause",
            "valid_from",
            "valid_from_basis",
            "basis_note",
            "valid_until",
            "explanation",
            "source",
            *RECORD_FIELDS,
        ]


class GoalSerializer(RegistrySerializer):
    class Meta:
        model = Goal
        fields = [*BASE_FIELDS, "number", "text", "framing", "source", *RECORD_FIELDS]


class MilestoneSerializer(RegistrySerializer):
    class Meta:
        model = Milestone
        fields = [*BASE_FIELDS, "year", "title", "text", "reference", "source", *RECORD_FIELDS]
