"""API representations of state grants, allocations, co-financing, distribution keys, positions."""

from __future__ import annotations

from rest_framework import serializers

from funding.models import (
    Allocation,
    CofinancingShare,
    DistributionKey,
    DistributionShare,
    FundedPosition,
    StateGrant,
)
from governance.core.api import BASE_FIELDS, RECORD_FIELDS, ReadRefField, RegistrySerializer


class StateGrantSerializer(RegistrySerializer):
    class Meta:
        model = StateGrant
        fields = [
            *BASE_FIELDS,
            "year",
            "title",
            "agreement",
            "amount_sek",
            "description",
            "source",
            *RECORD_FIELDS,
        ]


class AllocationSerializer(RegistrySerializer):
    class Meta:
        model = Allocation
        fields = [
            *BASE_FIELDS,
            "grant",
            "year",
            "county",
            "organisation",
            "sub_region",
            "amount_sek",
            "purpose",
            "agreement",
            "source",
            *RECORD_FIELDS,
        ]


class CofinancingSerializer(RegistrySerializer):
    state_share_percent = serializers.DecimalField(
        max_digits=5, decimal_places=2, read_only=True, help_text="100 minus the principals' share."
    )

    class Meta:
        model = CofinancingShare
        fields = [
            *BASE_FIELDS,
            "year",
            "open_ended",
            "principals_share_percent",
            "state_share_percent",
            "agreement",
            "source",
            *RECORD_FIELDS,
        ]


class DistributionShareSerializer(serializers.ModelSerializer):
    organisation = ReadRefField()

    class Meta:
        model = DistributionShare
        fields = ["organisation", "weight", "share_percent"]
        read_only_fields = fields


class DistributionKeySerializer(RegistrySerializer):
    shares = DistributionShareSerializer(
        many=True, read_only=True, help_text="Each principal's part; together 100 %."
    )

    class Meta:
        model = DistributionKey
        fields = [
            *BASE_FIELDS,
            "name",
            "county",
            "agreement",
            "basis",
            "description",
            "shares",
            "source",
            *RECORD_FIELDS,
        ]


class FundedPositionSerializer(RegistrySerializer):
    class Meta:
        model = FundedPosition
        fields = [
            *BASE_FIELDS,
            "title",
            "count",
            "host",
            "county",
            "funders",
            "funding_text",
            "from_year",
            "until_year",
            "source",
            *RECORD_FIELDS,
        ]
