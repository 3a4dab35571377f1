"""API representations of county profiles, matters, initiatives, routing rules, goals, milestones."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from governance.api import BASE_FIELDS, RECORD_FIELDS, ReadRefField, RegistrySerializer
from governance.api.known_as_of import KnownAsOfField
from governance.models import (
    Goal,
    Initiative,
    Matter,
    Milestone,
    PersonRole,
    PlatformHost,
    RoutingRule,
    Statement,
    SupportStructure,
)
from governance.routing import routing_for_initiative, save_routing_rule
from governance.routing_api import RoutingAnswerSerializer, answer_data


class PlatformHostSerializer(serializers.ModelSerializer):
    organisation = ReadRefField()

    class Meta:
        model = PlatformHost
        fields = ["kind", "organisation", "note"]
        read_only_fields = fields


class SupportStructureSerializer(RegistrySerializer):
    known_as_of = KnownAsOfField()
    hosts = PlatformHostSerializer(
        many=True, read_only=True, help_text="Where the county's platform leaders are employed."
    )

    class Meta:
        model = SupportStructure
        fields = [
            *BASE_FIELDS,
            "county",
            "in_fou_environment",
            "hosts",
            "plan_signed_by",
            "plan_decided_by",
            "plan_decision_level",
            "has_political_arena",
            "political_arena",
            "decisions_needed",
            "national_dialogue",
            "university_collaboration",
            "user_involvement",
            "source",
            "known_as_of",
            *RECORD_FIELDS,
        ]


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
        # refusals become 400, 403 and 412 in governance.api.errors.
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


class StatementSubjectSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="The kind of record, e.g. 'bodies.body'.")
    slug = serializers.CharField()
    name = serializers.CharField()


class StatementSerializer(RegistrySerializer):
    subject = serializers.SerializerMethodField(
        help_text="The record the statement is about; null for a statement about the "
        "documents themselves."
    )

    class Meta:
        model = Statement
        fields = [
            *BASE_FIELDS,
            "kind",
            "topic",
            "text",
            "is_quotation",
            "section",
            "event_on",
            "event_year",
            "subject",
            "order",
            "source",
            *RECORD_FIELDS,
        ]

    @extend_schema_field(StatementSubjectSerializer(allow_null=True))
    def get_subject(self, obj):
        subject = obj.subject
        if subject is None:
            return None
        return {
            "type": subject._meta.label_lower,
            "slug": getattr(subject, "slug", ""),
            "name": str(subject),
        }


class PersonRoleSerializer(RegistrySerializer):
    class Meta:
        model = PersonRole
        fields = [
            *BASE_FIELDS,
            "person",
            "role",
            "organisation",
            "section",
            "source",
            *RECORD_FIELDS,
        ]
