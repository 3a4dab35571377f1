"""Filter building blocks: every list filters by ``modified_since``; related records by slug;
dates and years only within the registry's range (``governance.core.dates``).

An unknown slug, SCB code or choice is a 400 with a message (a ``ModelChoiceFilter``
validates against the table), never a silently empty list.
"""

from __future__ import annotations

import datetime as dt

from django_filters import rest_framework as filters
from django_filters.fields import DateRangeField
from rest_framework.exceptions import ValidationError

from governance.core.dates import EARLIEST_YEAR, LATEST_YEAR, validate_date


class RegistryFilterSet(filters.FilterSet):
    modified_since = filters.IsoDateTimeFilter(
        method="filter_modified_since",
        help_text="Only records changed at or after this time (ISO 8601, e.g. "
        "2026-01-31T12:00:00+01:00).",
    )

    def filter_modified_since(self, queryset, name, value):
        # In UTC, so an odd offset (PostgreSQL takes at most ±15:59) or a date at
        # the end of the calendar is our 400, not the database's error.
        try:
            value = value.astimezone(dt.UTC)
        except (OverflowError, ValueError) as exc:
            raise ValidationError(
                {"modified_since": ["Tidpunkten ligger utanför kalendern."]}
            ) from exc
        return queryset.filter(modified_at__gte=value)


def by_slug(model, field_name: str, help_text: str | None = None, **kwargs):
    """Filter on a related record given by its slug (unknown slug → 400)."""
    return filters.ModelChoiceFilter(
        field_name=field_name,
        to_field_name="slug",
        queryset=model.objects.all(),
        help_text=help_text or f"Slug of the {model._meta.model_name}.",
        **kwargs,
    )


def as_of_filter(rule, help_text: str):
    """The ``on`` filter of a resource with time: ``rule(queryset, day)`` is the one rule of
    its kind of record (``Body.objects.active_on`` …). The date itself is validated once per
    request (``governance.core.as_of``)."""
    return filters.DateFilter(
        method=lambda queryset, name, value: rule(queryset, value),
        input_formats=["%Y-%m-%d"],
        help_text=help_text + " `YYYY-MM-DD`, between 1900-01-01 and 2199-12-31.",
    )


def year_filter(field_name: str = "year", **kwargs):
    kwargs.setdefault("help_text", "Year, e.g. 2016.")
    return filters.NumberFilter(
        field_name=field_name, min_value=EARLIEST_YEAR, max_value=LATEST_YEAR, **kwargs
    )


def date_filter(**kwargs):
    """A date (``YYYY-MM-DD``) within the registry's range; outside it → 400."""
    return filters.DateFilter(validators=[validate_date], **kwargs)


class _RegistryDateRangeField(DateRangeField):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields:
            field.validators.append(validate_date)


class DateFromToFilter(filters.DateFromToRangeFilter):
    """``<name>_after`` and/or ``<name>_before`` (inclusive), each within the registry's range."""

    field_class = _RegistryDateRangeField
