"""API representations of counties, municipalities, organisations, people and bodies."""

from __future__ import annotations

from rest_framework import serializers

from bodies.models import (
    Body,
    ChairTerm,
    County,
    FormerName,
    Identifier,
    Meeting,
    Membership,
    Municipality,
    Organisation,
    Person,
    PersonRole,
    PlatformHost,
    Responsibility,
    Seat,
    SupportStructure,
)
from governance.api.documents.serializers import DocumentsField
from governance.core.api import BASE_FIELDS, RECORD_FIELDS, ReadRefField, RegistrySerializer
from governance.core.api.known_as_of import BodyStatusField, KnownAsOfField


class IdentifierSerializer(serializers.ModelSerializer):
    class Meta:
        model = Identifier
        fields = ["scheme", "value"]
        read_only_fields = fields


class FormerNameSerializer(serializers.ModelSerializer):
    class Meta:
        model = FormerName
        fields = ["name", "used_from", "used_until"]
        read_only_fields = fields


class ResponsibilitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Responsibility
        fields = ["order", "text"]
        read_only_fields = fields


class CountySerializer(RegistrySerializer):
    class Meta:
        model = County
        fields = [*BASE_FIELDS, "code", "name", "source", *RECORD_FIELDS]


class MunicipalitySerializer(RegistrySerializer):
    class Meta:
        model = Municipality
        fields = [*BASE_FIELDS, "code", "name", "county", "federation", "source", *RECORD_FIELDS]


class OrganisationSerializer(RegistrySerializer):
    identifiers = IdentifierSerializer(many=True, read_only=True)
    former_names = FormerNameSerializer(many=True, read_only=True)

    class Meta:
        model = Organisation
        fields = [
            *BASE_FIELDS,
            "name",
            "short_name",
            "kind",
            "county",
            "parent",
            "description",
            "website",
            "identifiers",
            "former_names",
            "source",
            *RECORD_FIELDS,
        ]


class PersonSerializer(RegistrySerializer):
    class Meta:
        model = Person
        fields = [*BASE_FIELDS, "name", "source", *RECORD_FIELDS]


class BodySerializer(RegistrySerializer):
    status_words = BodyStatusField(
        help_text="What the status means on the day evaluated, given when the body was last "
        "confirmed: 'Verksam enligt [källa] ([datum])' or 'Status okänd sedan [datum]'."
    )
    known_as_of = KnownAsOfField()
    responsibilities = ResponsibilitySerializer(many=True, read_only=True)
    identifiers = IdentifierSerializer(many=True, read_only=True)
    former_names = FormerNameSerializer(many=True, read_only=True)
    documents = DocumentsField()

    class Meta:
        model = Body
        fields = [
            *BASE_FIELDS,
            "name",
            "short_name",
            "kind",
            "level",
            "status",
            "status_words",
            "county",
            "owners",
            "parent",
            "has_decision_mandate",
            "mandate",
            "composition",
            "responsibilities",
            "meetings_per_year",
            "summer_break",
            "chair_election",
            "term_months",
            "rotation",
            "minutes_kept",
            "personal_participation",
            "preparatory_meetings",
            "established_on",
            "dissolved_on",
            "commissioned_by",
            "commission_description",
            "commission_starts_on",
            "commission_ends_on",
            "identifiers",
            "former_names",
            "documents",
            "source",
            "known_as_of",
            *RECORD_FIELDS,
        ]
        extra_kwargs = {
            "has_decision_mandate": {
                "help_text": "true: it decides; false: it only recommends; null: the "
                "sources do not say."
            },
        }


class SeatSerializer(RegistrySerializer):
    class Meta:
        model = Seat
        fields = [
            *BASE_FIELDS,
            "body",
            "side",
            "appointing_organisation",
            "role",
            "count",
            "requirements",
            "term_months",
            "voting",
            "order",
            "source",
            *RECORD_FIELDS,
        ]


class MembershipSerializer(RegistrySerializer):
    body = ReadRefField(source="seat.body", help_text="The body of the seat.")

    class Meta:
        model = Membership
        fields = [
            *BASE_FIELDS,
            "body",
            "seat",
            "person",
            "role",
            "represents",
            "starts_on",
            "ends_on",
            "until_successor",
            "source",
            *RECORD_FIELDS,
        ]


class MeetingSerializer(RegistrySerializer):
    class Meta:
        model = Meeting
        fields = [
            *BASE_FIELDS,
            "body",
            "date",
            "minutes_url",
            "minutes_reference",
            "notes",
            "source",
            *RECORD_FIELDS,
        ]


class ChairTermSerializer(serializers.ModelSerializer):
    """A chair or vice-chair term: who chairs a body from a date to a date."""

    body = ReadRefField(help_text="The body chaired.")
    person = ReadRefField(help_text="Who holds the term; null when the sources name no one.")

    class Meta:
        model = ChairTerm
        fields = ["id", "body", "role", "side", "person", "starts_on", "ends_on", "generated"]
        read_only_fields = fields


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
