"""The base classes of every API endpoint: one place for what all of them share.

- ``RegistryAPIMixin`` (for any ``APIView``, e.g. the routing resolver): throttling
  counted atomically per client (``throttling.py``), refusal of NUL bytes in the path and query,
  ``ETag`` on every 200 and 304 on a matching ``If-None-Match`` (for answers from
  the read cache too), the OpenAPI documentation of all that.
- ``RegistryViewSet``: a model resource looked up by slug, with filters, search,
  ordering, page-number pagination, a CSV export (``?format=csv``), writes under
  the registry's write rule (``governance.core.scope``), ``If-Match`` → 412 (also when the
  record was deleted meanwhile), refused deletes → 409, each write in one transaction
  (``governance.core.concurrency``: row locks, and the write lock of models whose rules
  span rows), and the request's user recorded in the history of every write. Its list
  and detail reads come from the read cache (``governance.core.read_cache``) until the
  registry changes.
"""

from __future__ import annotations

import hashlib

import pghistory
from django.conf import settings
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404
from django.utils.cache import get_conditional_response
from django.utils.functional import cached_property
from django.utils.http import parse_etags
from django_filters import rest_framework as filters
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter, SearchFilter
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response

from governance.core import scope
from governance.core.as_of import as_of
from governance.core.concurrency import (
    RecordGone,
    StaleVersion,
    changes_since,
    delete_if_unchanged,
    lock_writes,
)
from governance.core.deletion import describe, referrers
from governance.core.read_cache import StoredResponse, cached_read, keep_read, per_version

from .errors import Conflict, PreconditionFailed
from .permissions import RegistryModelPermissions
from .renderers import CSVRenderer
from .schema import RegistryAutoSchema
from .throttling import AnonymousThrottle, AuthenticatedThrottle

MAX_VERSION_DIGITS = 12


# Pagination ------------------------------------------------------------------------


class CountedPerVersion(Paginator):
    """A paginator whose count (of the whole filtered list: 20,000 agreements are counted
    in milliseconds of database time on every page) is worked out once per registry
    version (``per_version``) for the list, filters, day, language and user ``key``."""

    def __init__(self, object_list, per_page, *, key: tuple[str, ...]):
        super().__init__(object_list, per_page)
        self.key = key

    @cached_property
    def count(self):
        return per_version("api-count", lambda: Paginator.count.func(self), *self.key)


class RegistryPagination(PageNumberPagination):
    """``?page=`` and ``?page_size=`` (at most ``max_page_size``)."""

    page_size_query_param = "page_size"

    def django_paginator_class(self, object_list, per_page):
        request = self.request
        query = request.GET.copy()
        query.pop(self.page_query_param, None)
        query.pop(self.page_size_query_param, None)
        user = getattr(request, "user", None)
        # The endpoint, its filters and the user (who may see more) make the list counted.
        key = (
            request.path,
            query.urlencode(),
            str(user.pk) if user is not None and user.is_authenticated else "",
        )
        return CountedPerVersion(object_list, per_page, key=key)

    @property
    def page_size(self):
        return getattr(settings, "API_PAGE_SIZE", 50)

    @property
    def max_page_size(self):
        return getattr(settings, "API_MAX_PAGE_SIZE", 200)


# ETags ------------------------------------------------------------------------------


def versions_in(header: str) -> list[int]:
    """The record versions named by an ``If-Match`` header (``"<version>-…"`` or ``"<version>"``).

    A write is conditional on the record's version, not on the bytes of one
    representation of it (a list page, another language): the ETag's first part.
    """
    found = []
    for tag in parse_etags(header):
        head = tag.removeprefix("W/").strip('"').split("-", 1)[0]
        if head.isdigit() and len(head) <= MAX_VERSION_DIGITS:
            found.append(int(head))
    return found


def _has_nul(value) -> bool:
    return isinstance(value, str) and "\x00" in value


# Base classes -------------------------------------------------------------------------


class RegistryAPIMixin:
    """What every API view shares: throttles, input hygiene, ETag and 304, the schema."""

    throttle_classes = [AnonymousThrottle, AuthenticatedThrottle]
    permission_classes = [RegistryModelPermissions]
    schema = RegistryAutoSchema()
    _etag_obj = None
    # A view whose own form validates ``on`` beside its other fields (the routing resolver)
    # reports all refused fields at once instead.
    validates_on_itself = False

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        params = request.query_params
        for key in params:
            if _has_nul(key) or any(_has_nul(v) for v in params.getlist(key)):
                raise ValidationError({key.replace("\x00", ""): ["NUL-tecken är inte tillåtna."]})
        for key, value in kwargs.items():
            if _has_nul(value):
                raise ValidationError({key: ["NUL-tecken är inte tillåtna."]})
        found = as_of(request)
        if found.error and not self.validates_on_itself:
            raise ValidationError({found.param: [found.error]})

    def etag_version(self):
        obj = self._etag_obj
        return getattr(obj, "version", None) if obj is not None else None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if isinstance(response, StoredResponse):  # rendered and tagged when it was kept
            etag = response["ETag"]
        elif (
            isinstance(response, Response)
            and response.status_code in (200, 201)
            and response.data is not None
            and request.method in ("GET", "HEAD", "POST", "PUT", "PATCH")
        ):
            response.render()
            digest = hashlib.sha256(response.content).hexdigest()[:20]
            version = self.etag_version()
            etag = f'"{version}-{digest}"' if version is not None else f'"{digest}"'
            response["ETag"] = etag
            keep_read(request, response)
        else:
            return response
        if request.method in ("GET", "HEAD"):
            # 304 on a matching If-None-Match (with the ETag and Vary of the answer).
            return get_conditional_response(request, etag=etag, response=response)
        return response


class RegistryFilterBackend(filters.DjangoFilterBackend):
    """django-filter's backend, passed by when the request names none of the list's filters.

    Building a filter set copies every filter and form field (querysets included) on each
    request; with no filter asked for, it would only give the queryset back. A query
    parameter that starts with a filter's name (``date_after`` for ``date``) counts as
    naming it, so a value to validate always goes through the filter set.
    """

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None:
            return queryset
        names = tuple(filterset_class.base_filters)
        if not any(param.startswith(names) for param in request.query_params):
            return queryset
        return super().filter_queryset(request, queryset, view)


class RegistryViewSet(RegistryAPIMixin, viewsets.ModelViewSet):
    """A registry resource: ``/api/v1/<resource>/`` and ``/api/v1/<resource>/<slug>/``."""

    lookup_field = "slug"
    pagination_class = RegistryPagination
    filter_backends = [RegistryFilterBackend, SearchFilter, OrderingFilter]
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer, CSVRenderer]
    ordering_fields = ["slug", "modified_at"]
    search_fields = ["slug"]
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    # Reading ----------------------------------------------------------------------
    @cached_read
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @cached_read
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    def get_object(self):
        # Once per request: a write reads the record once, so it cannot find it in one
        # step and miss it in the next (a concurrent delete is seen when locking it).
        obj = getattr(self, "_object", None)
        if obj is None:
            try:
                obj = self._object = super().get_object()
            except Http404:
                # A conditional write on a record that is gone (deleted since the
                # client read its ETag): the condition fails (RFC 9110 13.1.1).
                if self.request.method in ("PUT", "PATCH", "DELETE") and self.request.headers.get(
                    "If-Match"
                ):
                    raise RecordGone(self.queryset.model(), 0) from None
                raise
        self._etag_obj = obj
        return obj

    def is_csv(self) -> bool:
        renderer = getattr(self.request, "accepted_renderer", None)
        return getattr(renderer, "format", None) == "csv"

    def paginate_queryset(self, queryset):
        # The CSV export is the whole (filtered) list, not a page of it.
        if self.is_csv():
            return None
        return super().paginate_queryset(queryset)

    # Writing ----------------------------------------------------------------------
    def history_context(self):
        user = self.request.user
        return pghistory.context(
            user=user.pk if user.is_authenticated else None, url=self.request.path
        )

    def if_match_version(self, obj) -> int | None:
        """``check_if_match``, but None when the client gave no version to compare."""
        header = self.request.headers.get("If-Match")
        if not header or header.strip() == "*":
            return None
        return self.check_if_match(obj)

    def check_if_match(self, obj) -> int:
        """The version the client edits from; 412 when ``If-Match`` names an older one."""
        header = self.request.headers.get("If-Match")
        if not header or header.strip() == "*":
            return obj.version
        versions = versions_in(header)
        if obj.version in versions:
            return obj.version
        if not versions:
            raise PreconditionFailed(
                "If-Match anger ingen version av posten.", current_version=obj.version
            )
        stale = StaleVersion(obj, versions[0], obj.version, changes_since(obj, versions[0]))
        raise PreconditionFailed(
            stale.message(), current_version=obj.version, changes=stale.changes
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if getattr(self, "_expected_version", None) is not None:
            context["expected_version"] = self._expected_version
        return context

    # Each write is one transaction that first takes the model's write lock (if its
    # rules span rows), so what it validates is what it writes.
    def create(self, request, *args, **kwargs):
        with transaction.atomic():
            lock_writes(self.queryset.model)
            return super().create(request, *args, **kwargs)

    def update(self, request, *args, **kwargs):
        with transaction.atomic():
            lock_writes(self.queryset.model)
            self._expected_version = self.check_if_match(self.get_object())
            return super().update(request, *args, **kwargs)

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            lock_writes(self.queryset.model)
            return super().destroy(request, *args, **kwargs)

    def perform_create(self, serializer):
        with self.history_context():
            serializer.save()
        self._etag_obj = serializer.instance

    def perform_update(self, serializer):
        with self.history_context():
            serializer.save()
        self._etag_obj = serializer.instance

    def perform_destroy(self, instance):
        scope.check_write(self.request.user, instance, delete=True)
        expected = self.if_match_version(instance)

        def delete():
            blockers = referrers(instance)
            if blockers:
                raise Conflict(describe(blockers))
            with self.history_context():
                instance.delete()

        try:
            delete_if_unchanged(instance, expected_version=expected, delete=delete)
        except (ProtectedError, RestrictedError) as exc:
            objs = getattr(exc, "protected_objects", None) or getattr(exc, "restricted_objects", [])
            raise Conflict(describe(list(objs))) from exc
