"""The API of statements: what one source says on one question, about any record."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from governance.core.api import (
    BASE_FIELDS,
    RECORD_FIELDS,
    RegistryFilterSet,
    RegistrySerializer,
    RegistryViewSet,
)
from governance.core.models import Statement


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


class StatementFilter(RegistryFilterSet):
    class Meta:
        model = Statement
        fields = ["kind", "topic"]


class StatementViewSet(RegistryViewSet):
    """What the sources state, in the registry's words: announced changes, findings, and
    questions on which the documents disagree (one statement per source and topic)."""

    queryset = (
        Statement.objects.select_related("source")
        .prefetch_related("subject")
        .order_by("topic", "order", "pk")
    )
    serializer_class = StatementSerializer
    filterset_class = StatementFilter
    search_fields = ["topic", "text", "section"]
    ordering_fields = ["topic", "modified_at"]
