"""Shared machinery of the REST API: base viewset, serializer, fields, filters, errors, schema.

Resources live in each app's ``api.py`` / ``serializers.py`` and build on these.
"""

from .fields import ReadRefField, ReadRefListField, RefField, RefSerializer, ref
from .filters import (
    DateFromToFilter,
    RegistryFilterSet,
    as_of_filter,
    by_slug,
    date_filter,
    year_filter,
)
from .serializers import BASE_FIELDS, RECORD_FIELDS, RegistrySerializer
from .viewsets import RegistryAPIMixin, RegistryPagination, RegistryViewSet

__all__ = [
    "BASE_FIELDS",
    "RECORD_FIELDS",
    "DateFromToFilter",
    "ReadRefField",
    "ReadRefListField",
    "RefField",
    "RefSerializer",
    "RegistryAPIMixin",
    "RegistryFilterSet",
    "RegistryPagination",
    "RegistrySerializer",
    "RegistryViewSet",
    "as_of_filter",
    "by_slug",
    "date_filter",
    "ref",
    "year_filter",
]
