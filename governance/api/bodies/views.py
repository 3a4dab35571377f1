"""API resources for counties, municipalities, organisations, people, bodies, seats and meetings."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from bodies.filters import by_county
from bodies.models import (
    Body,
    BodyKind,
    BodyLevel,
    BodyStatus,
    ChairTerm,
    County,
    IdentifierScheme,
    Meeting,
    Membership,
    MembershipRole,
    Municipality,
    Organisation,
    OrganisationKind,
    Person,
    PersonRole,
    Seat,
    SeatSide,
    SupportStructure,
    normalise_identifier,
)
from governance.api.bodies.serializers import (
    BodySerializer,
    ChairTermSerializer,
    CountySerializer,
    MeetingSerializer,
    MembershipSerializer,
    MunicipalitySerializer,
    OrganisationSerializer,
    PersonRoleSerializer,
    PersonSerializer,
    SeatSerializer,
    SupportStructureSerializer,
)
from governance.api.documents.serializers import with_documents
from governance.core.api import (
    DateFromToFilter,
    RegistryAPIMixin,
    RegistryFilterSet,
    RegistryPagination,
    RegistryViewSet,
    as_of_filter,
    by_slug,
)
from governance.core.read_cache import cached_read

IDENTIFIER_HELP = (
    "An identifier as `<scheme>:<value>`, e.g. `scb_county:14` or `org_number:232100-0131`. "
    "Schemes: " + ", ".join(IdentifierScheme.values) + ". SCB codes keep their leading zeros."
)


def parse_identifier(value: str, param: str = "identifier") -> tuple[str, str]:
    """``<scheme>:<value>`` as a scheme and a value in its stored form (see
    ``normalise_identifier``: an organisation number may be given with or without hyphen)."""
    scheme, sep, rest = (value or "").partition(":")
    if not sep or not rest:
        raise ValidationError(
            {param: ["Ange identifieraren som <schema>:<värde>, t.ex. scb_county:14."]}
        )
    if scheme not in IdentifierScheme.values:
        raise ValidationError(
            {param: [f"Okänt schema '{scheme}'. Giltiga: {', '.join(IdentifierScheme.values)}."]}
        )
    return scheme, normalise_identifier(scheme, rest)


class IdentifierFilterMixin(filters.FilterSet):
    identifier = filters.CharFilter(method="filter_identifier", help_text=IDENTIFIER_HELP)

    def filter_identifier(self, queryset, name, value):
        scheme, rest = parse_identifier(value)
        return queryset.filter(identifiers__scheme=scheme, identifiers__value=rest)


class IdentifierLookupMixin:
    """``GET …/by-identifier/?identifier=<scheme>:<value>``: the one record with that identifier."""

    @extend_schema(
        parameters=[
            OpenApiParameter("identifier", str, required=True, description=IDENTIFIER_HELP)
        ],
        filters=False,
    )
    @action(detail=False, url_path="by-identifier", pagination_class=None, filter_backends=[])
    @cached_read
    def by_identifier(self, request):
        raw = request.query_params.get("identifier")
        if not raw:
            raise ValidationError({"identifier": ["Parametern krävs."]})
        scheme, value = parse_identifier(raw)
        obj = get_object_or_404(
            self.get_queryset(), identifiers__scheme=scheme, identifiers__value=value
        )
        self._etag_obj = obj
        return Response(self.get_serializer(obj).data)


# Counties and municipalities ---------------------------------------------------------


class CountyFilter(RegistryFilterSet):
    code = filters.CharFilter(help_text="SCB county code, e.g. 14.")

    class Meta:
        model = County
        fields = ["code"]


class CountyViewSet(RegistryViewSet):
    """Sweden's counties (län) with their SCB codes."""

    queryset = County.objects.select_related("source").order_by("code")
    serializer_class = CountySerializer
    filterset_class = CountyFilter
    search_fields = ["name", "code"]
    ordering_fields = ["code", "name", "modified_at"]


class MunicipalityFilter(RegistryFilterSet):
    county = by_county()
    federation = by_slug(Organisation, "federation", "Slug of the municipal federation.")

    class Meta:
        model = Municipality
        fields = ["county", "federation"]


class MunicipalityViewSet(RegistryViewSet):
    """Municipalities (kommuner) with their four-digit SCB codes."""

    queryset = Municipality.objects.select_related("county", "federation", "source").order_by(
        "code"
    )
    serializer_class = MunicipalitySerializer
    filterset_class = MunicipalityFilter
    search_fields = ["name", "code"]
    ordering_fields = ["code", "name", "modified_at"]


# Organisations and people --------------------------------------------------------------


class OrganisationFilter(IdentifierFilterMixin, RegistryFilterSet):
    county = by_county()
    kind = filters.ChoiceFilter(choices=OrganisationKind.choices)
    parent = by_slug(Organisation, "parent", "Slug of the organisation this one is part of.")

    class Meta:
        model = Organisation
        fields = ["county", "kind", "parent", "identifier"]


class OrganisationViewSet(IdentifierLookupMixin, RegistryViewSet):
    """Organisations: parties, principals, hosts and owners (VGR, VästKom, SKL …)."""

    queryset = (
        Organisation.objects.select_related("county", "parent", "source")
        .prefetch_related("identifiers", "former_names")
        .order_by("name", "pk")
    )
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilter
    search_fields = ["name", "short_name", "slug"]
    ordering_fields = ["name", "short_name", "slug", "modified_at"]


class PersonFilter(RegistryFilterSet):
    class Meta:
        model = Person
        fields = []


class PersonViewSet(RegistryViewSet):
    """People who sign, chair or sit in bodies."""

    queryset = Person.objects.select_related("source").order_by("name", "pk")
    serializer_class = PersonSerializer
    filterset_class = PersonFilter
    search_fields = ["name"]
    ordering_fields = ["name", "modified_at"]


# Bodies -----------------------------------------------------------------------------


class BodyFilter(IdentifierFilterMixin, RegistryFilterSet):
    county = by_county()
    level = filters.ChoiceFilter(choices=BodyLevel.choices)
    kind = filters.ChoiceFilter(choices=BodyKind.choices)
    status = filters.ChoiceFilter(choices=BodyStatus.choices)
    parent = by_slug(Body, "parent", "Slug of the body this one gets its mandate from.")
    owner = by_slug(Organisation, "owners", "Slug of an owning organisation (principal).")
    on = as_of_filter(
        lambda qs, day: qs.active_on(day),
        "Only bodies that existed on this date (established by then, not yet dissolved).",
    )

    class Meta:
        model = Body
        fields = ["county", "level", "kind", "status", "parent", "owner", "identifier", "on"]


class BodyViewSet(IdentifierLookupMixin, RegistryViewSet):
    """Decision bodies and forums: political councils, leadership groups, networks …"""

    queryset = (
        Body.objects.select_related(
            "county", "parent", "commissioned_by", "source", "confirmed_source"
        )
        .prefetch_related("owners", "responsibilities", "identifiers", "former_names")
        .order_by("name", "pk")
    )
    serializer_class = BodySerializer
    filterset_class = BodyFilter
    search_fields = ["name", "short_name", "slug", "mandate"]
    ordering_fields = ["name", "short_name", "level", "kind", "established_on", "modified_at"]

    def get_queryset(self):
        return with_documents(super().get_queryset(), self.request)


class SeatFilter(RegistryFilterSet):
    body = by_slug(Body, "body")
    side = filters.ChoiceFilter(choices=SeatSide.choices)
    appointing_organisation = by_slug(Organisation, "appointing_organisation")
    on = as_of_filter(
        lambda qs, day: qs.active_on(day), "Only seats of bodies that existed on this date."
    )

    class Meta:
        model = Seat
        fields = ["body", "side", "appointing_organisation", "on"]


class SeatViewSet(RegistryViewSet):
    """Seats as a body's statutes define them."""

    queryset = Seat.objects.select_related("body", "appointing_organisation", "source").order_by(
        "body__name", "order", "pk"
    )
    serializer_class = SeatSerializer
    filterset_class = SeatFilter
    search_fields = ["role", "requirements"]
    ordering_fields = ["order", "role", "modified_at"]


class MembershipFilter(RegistryFilterSet):
    body = by_slug(Body, "seat__body", "Slug of the body.")
    seat = by_slug(Seat, "seat")
    person = by_slug(Person, "person")
    role = filters.ChoiceFilter(choices=MembershipRole.choices)
    on = as_of_filter(lambda qs, day: qs.on(day), "Only memberships in effect on this date.")

    class Meta:
        model = Membership
        fields = ["body", "seat", "person", "role", "on"]


class MembershipViewSet(RegistryViewSet):
    """People actually holding seats, from a date to a date."""

    queryset = Membership.objects.select_related(
        "seat__body", "person", "represents", "source"
    ).order_by("seat__body__name", "-starts_on", "pk")
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilter
    search_fields = ["person__name", "seat__role"]
    ordering_fields = ["starts_on", "ends_on", "modified_at"]


class MeetingFilter(RegistryFilterSet):
    body = by_slug(Body, "body")
    date = DateFromToFilter(help_text="Date range: `date_after` and/or `date_before` (inclusive).")

    class Meta:
        model = Meeting
        fields = ["body", "date"]


class MeetingViewSet(RegistryViewSet):
    """Meetings of bodies, with links to their minutes."""

    queryset = Meeting.objects.select_related("body", "source").order_by("-date", "pk")
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter
    search_fields = ["notes", "minutes_reference", "body__name"]
    ordering_fields = ["date", "modified_at"]


class ChairTermFilter(RegistryFilterSet):
    body = by_slug(Body, "body")
    role = filters.ChoiceFilter(
        choices=[
            (MembershipRole.CHAIR.value, MembershipRole.CHAIR.label),
            (MembershipRole.VICE_CHAIR.value, MembershipRole.VICE_CHAIR.label),
        ]
    )
    on = as_of_filter(lambda qs, day: qs.on(day), "Only terms running on this date.")
    # Terms keep no change time of their own; they follow their body's rotation rule.
    modified_since = None

    class Meta:
        model = ChairTerm
        fields = ["body", "role", "on"]


class ChairTermViewSet(RegistryAPIMixin, viewsets.ReadOnlyModelViewSet):
    """Who chairs a body when: the terms the rotation rule gives, or entered by hand.

    Read-only here: terms follow from a body's rotation rule and are kept in the admin.
    """

    queryset = ChairTerm.objects.select_related("body", "person").order_by(
        "body__name", "starts_on", "role"
    )
    serializer_class = ChairTermSerializer
    filterset_class = ChairTermFilter
    pagination_class = RegistryPagination
    filter_backends = [filters.DjangoFilterBackend]

    @cached_read
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)


class SupportStructureFilter(RegistryFilterSet):
    county = by_county()
    on = as_of_filter(
        lambda qs, day: qs.described_on(day),
        "Only county profiles from sources published by this date.",
    )

    class Meta:
        model = SupportStructure
        fields = ["county", "on"]


class SupportStructureViewSet(RegistryViewSet):
    """Each county's regional support structure (county profile)."""

    queryset = (
        SupportStructure.objects.select_related("county", "source", "confirmed_source")
        .prefetch_related("hosts__organisation")
        .order_by("county__code", "pk")
    )
    serializer_class = SupportStructureSerializer
    filterset_class = SupportStructureFilter
    search_fields = ["county__name", "political_arena", "plan_decided_by"]
    ordering_fields = ["county__code", "modified_at"]


class PersonRoleViewSet(RegistryViewSet):
    """People the sources name in a role (a foreword's author, a contact person …)."""

    queryset = PersonRole.objects.select_related("person", "organisation", "source").order_by(
        "person__name", "pk"
    )
    serializer_class = PersonRoleSerializer
    search_fields = ["person__name", "role"]
    ordering_fields = ["modified_at"]
