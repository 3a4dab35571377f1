"""When a record is known, and a body's status words, as API fields (governance.core.known_as_of)."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from governance.core import known_as_of as known


class KnownAsOfSerializer(serializers.Serializer):
    date = serializers.CharField(
        allow_blank=True,
        help_text="When the record was last confirmed, as precisely as known: "
        "'2019-05-02', '2014', or '' for an undated source.",
    )
    source = serializers.CharField(
        allow_null=True, help_text="Slug of the source document it is known from."
    )
    confirmed = serializers.BooleanField(
        help_text="True when a coordinator confirmed it; false: as of its source's date."
    )
    stale = serializers.BooleanField(
        help_text="True when the confirmation is older than the registry's confirmation "
        "period (STATUS_CONFIRMATION_DAYS) on the day evaluated."
    )


def _day(context):
    return context.get("on") or timezone.localdate()


@extend_schema_field(KnownAsOfSerializer)
class KnownAsOfField(serializers.Field):
    """``{date, source, confirmed, stale}`` of the record (read-only)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, record):
        k = known.known_as_of(record)
        return {
            "date": k.label,
            "source": k.source.slug if k.source is not None else None,
            "confirmed": k.confirmed,
            "stale": k.is_stale(_day(self.context)),
        }


class StatusWordsSerializer(serializers.Serializer):
    code = serializers.ChoiceField(
        choices=["in_operation", "unknown", "proposed", "dissolved", "upcoming"]
    )
    text = serializers.CharField(
        help_text="E.g. 'Verksam enligt … (2014)' or 'Status okänd sedan 2014'."
    )


@extend_schema_field(StatusWordsSerializer)
class BodyStatusField(serializers.Field):
    """A body's status words on the day evaluated (today, or the context's ``on``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, body):
        words = body.status_on(_day(self.context))
        return {"code": words.code, "text": words.text}
