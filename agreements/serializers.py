"""API representations of agreements (with their parts nested on read) and decisions."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agreements.models import (
    Agreement,
    AgreementParty,
    AgreementRelation,
    AgreementStatus,
    Clause,
    Decision,
    Signatory,
)
from governance.api import (
    BASE_FIELDS,
    RECORD_FIELDS,
    ReadRefField,
    ReadRefListField,
    RegistrySerializer,
)
from governance.api.fields import SelfUrlField


class PartySerializer(serializers.ModelSerializer):
    organisation = ReadRefField()

    class Meta:
        model = AgreementParty
        fields = ["organisation", "role", "order"]
        read_only_fields = fields


class ClauseSerializer(serializers.ModelSerializer):
    organisations = ReadRefListField(help_text="Organisations the clause names.")
    bodies = ReadRefListField(help_text="Bodies the clause names.")

    class Meta:
        model = Clause
        fields = ["id", "slug", "order", "heading", "text", "organisations", "bodies"]
        read_only_fields = fields


class SignatorySerializer(serializers.ModelSerializer):
    person = ReadRefField()
    organisation = ReadRefField()

    class Meta:
        model = Signatory
        fields = ["person", "title", "organisation", "signed_on", "order"]
        read_only_fields = fields


class AdoptionSerializer(serializers.ModelSerializer):
    """A decision that adopted the agreement."""

    url = SelfUrlField()
    body = ReadRefField()

    class Meta:
        model = Decision
        fields = ["slug", "url", "body", "decided_by_text", "date", "year", "reference"]
        read_only_fields = fields


class RelationSerializer(serializers.ModelSerializer):
    """A typed link from this agreement to an earlier or framework agreement."""

    agreement = ReadRefField(source="target")
    decision = ReadRefField()

    class Meta:
        model = AgreementRelation
        fields = ["kind", "agreement", "decision"]
        read_only_fields = fields


class AgreementSerializer(RegistrySerializer):
    status = serializers.SerializerMethodField(
        help_text="Status as of `status_date` (today, or the `on` query parameter)."
    )
    status_date = serializers.SerializerMethodField()
    parties = PartySerializer(source="party_links", many=True, read_only=True)
    clauses = ClauseSerializer(many=True, read_only=True)
    signatories = SignatorySerializer(many=True, read_only=True)
    adoptions = serializers.SerializerMethodField(help_text="Decisions that adopted it.")
    relations = RelationSerializer(source="outgoing_relations", many=True, read_only=True)
    predecessor = ReadRefField(help_text="The agreement this one replaces, renews or extends.")
    based_on = ReadRefField(help_text="The framework agreement this one rests on.")
    successors = ReadRefListField(help_text="Agreements that replace, renew or extend this one.")

    class Meta:
        model = Agreement
        fields = [
            *BASE_FIELDS,
            "title",
            "short_name",
            "kind",
            "status",
            "status_date",
            "reference_number",
            "county",
            "is_draft",
            "valid_from",
            "valid_until",
            "validity_text",
            "renewal_type",
            "notice_period_days",
            "renewal_body",
            "renewal_text",
            "background",
            "purpose",
            "parties",
            "clauses",
            "signatories",
            "adoptions",
            "relations",
            "predecessor",
            "based_on",
            "successors",
            "source",
            *RECORD_FIELDS,
        ]

    def _day(self) -> dt.date:
        return self.context.get("on") or timezone.localdate()

    @extend_schema_field(serializers.ChoiceField(choices=AgreementStatus.choices))
    def get_status(self, obj) -> str:
        return str(obj.status_on(self._day()))

    def get_status_date(self, obj) -> dt.date:
        return self._day()

    @extend_schema_field(AdoptionSerializer(many=True))
    def get_adoptions(self, obj):
        decisions = getattr(obj, "adoption_decisions", None)
        if decisions is None:
            decisions = obj.decisions.adoptions().select_related("body")
        return AdoptionSerializer(decisions, many=True, context=self.context).data


class DecisionSerializer(RegistrySerializer):
    class Meta:
        model = Decision
        fields = [
            *BASE_FIELDS,
            "body",
            "decided_by_text",
            "date",
            "year",
            "kind",
            "summary",
            "reference",
            "agreement",
            "initiative",
            "source",
            *RECORD_FIELDS,
        ]
