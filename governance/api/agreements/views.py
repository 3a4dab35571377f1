"""API resources for agreements and decisions."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.response import Response

from agreements.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Decision,
    DecisionKind,
)
from bodies.filters import by_county
from bodies.models import Body, Organisation
from governance.api.agreements.serializers import (
    AgreementSerializer,
    DecisionSerializer,
    agreement_rows,
    rows_of,
)
from governance.api.documents.serializers import with_documents
from governance.core.api import (
    DateFromToFilter,
    RegistryFilterSet,
    RegistryViewSet,
    as_of_filter,
    by_slug,
    date_filter,
    year_filter,
)
from governance.core.as_of import as_of
from governance.core.read_cache import cached_read
from governance.routing.models import Initiative

ON_PARAMETER = OpenApiParameter(
    "on",
    dt.date,
    description="The date `status` is computed for (default: today).",
)


class AgreementFilter(RegistryFilterSet):
    party = by_slug(Organisation, "parties", "Slug of an organisation that is party to it.")
    kind = filters.ChoiceFilter(choices=AgreementKind.choices)
    status = filters.ChoiceFilter(
        choices=AgreementStatus.choices,
        method="filter_status",
        help_text="Status as of `on` (default today).",
    )
    in_force_on = date_filter(method="filter_in_force_on", help_text="In force on this date.")
    county = by_county()
    year = year_filter(method="filter_year", help_text="Valid at some time during this year.")
    renewal_body = by_slug(Body, "renewal_body", "Slug of the body that decides on renewal.")
    on = date_filter(method="filter_nothing", help_text="The date `status` refers to.")

    class Meta:
        model = Agreement
        fields = ["party", "kind", "status", "in_force_on", "county", "year", "renewal_body", "on"]

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_status(self, queryset, name, value):
        day = self.form.cleaned_data.get("on") or timezone.localdate()
        return queryset.with_status(value, day)

    def filter_in_force_on(self, queryset, name, value):
        return queryset.in_force_on(value)

    def filter_year(self, queryset, name, value):
        year = int(value)
        return queryset.filter(valid_from__lte=dt.date(year, 12, 31)).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=dt.date(year, 1, 1))
        )


class CountedRows:
    """The rows of ``queryset`` (``agreement_rows``) for the paginator, counted without
    the joins the rows need: a COUNT over the filtered agreements alone, not over their
    outer joins to counties, bodies and sources (which never add rows)."""

    ordered = True  # the viewset's queryset is ordered

    def __init__(self, queryset):
        self.queryset = queryset
        self.rows = agreement_rows(queryset)

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            # The page's keys by the filtered, ordered queryset; its rows by ``rows_of``.
            return rows_of(list(self.queryset.values_list("pk", flat=True)[index]))
        return self.rows[index]

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return self.count()


@extend_schema_view(retrieve=extend_schema(parameters=[ON_PARAMETER]))
class AgreementViewSet(RegistryViewSet):
    """Agreements, declarations of intent, county and action plans, with their parts and lineage."""

    # List and detail read their items as rows (``represent_agreements``): the queryset
    # only selects and orders them.
    queryset = Agreement.objects.order_by("-valid_from", "title", "pk")
    serializer_class = AgreementSerializer
    filterset_class = AgreementFilter
    search_fields = ["title", "short_name", "reference_number", "purpose"]
    ordering_fields = ["title", "valid_from", "valid_until", "kind", "modified_at"]

    @cached_read
    def list(self, request, *args, **kwargs):
        # The list is built from plain rows (represent_agreements), not model instances:
        # filters, search and ordering apply to the queryset, the page is read as rows.
        queryset = CountedRows(self.filter_queryset(self.get_queryset()))
        page = self.paginate_queryset(queryset)
        if page is not None:
            return self.get_paginated_response(self.get_serializer(page, many=True).data)
        return Response(self.get_serializer(queryset, many=True).data)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.request is not None:
            # The request's ``on``, read once (governance.core.as_of); a date that cannot be
            # used was refused before the view ran, and the browsable API's forms of that
            # 400 page are built without it.
            found = as_of(self.request)
            context["on"] = found.day if found.given and not found.error else None
        return context


class DecisionFilter(RegistryFilterSet):
    body = by_slug(Body, "body", "Slug of the deciding body.")
    date = DateFromToFilter(help_text="Date range: `date_after` and/or `date_before` (inclusive).")
    year = year_filter()
    kind = filters.ChoiceFilter(choices=DecisionKind.choices)
    agreement = by_slug(Agreement, "agreement")
    initiative = by_slug(Initiative, "initiative")
    on = as_of_filter(
        lambda qs, day: qs.taken_by(day),
        "Only decisions taken on or before this date (one known only by its year counts "
        "from that year).",
    )

    class Meta:
        model = Decision
        fields = ["body", "date", "year", "kind", "agreement", "initiative", "on"]


class DecisionViewSet(RegistryViewSet):
    """Decisions taken by bodies; an agreement's adoptions are decisions."""

    queryset = Decision.objects.select_related(
        "body", "agreement", "initiative", "source"
    ).order_by("-date", "-year", "pk")
    serializer_class = DecisionSerializer
    filterset_class = DecisionFilter
    search_fields = ["summary", "reference", "decided_by_text"]
    ordering_fields = ["date", "year", "modified_at"]

    def get_queryset(self):
        return with_documents(super().get_queryset(), self.request)
