"""The registry's calendar: the one range every date and year of the registry lies in.

Python's dates end in year 9999 and begin in year 1, and the registry adds and subtracts
days and years (notice periods, meeting windows, timelines, calendar feeds) on what it
stores. A date near either end would make that arithmetic overflow on every page that
shows the record. So no stored date lies outside ``EARLIEST``–``LATEST``: each date field
carries ``validate_date`` (admin, API, import) and a CHECK constraint (``date_in_range``)
that holds for every other way of writing a row; query parameters and filters use the
same validator; and ``add_days`` keeps any arithmetic on dates inside Python's calendar.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.functional import lazy
from django.utils.translation import gettext as _

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2199, 12, 31)
EARLIEST_YEAR = EARLIEST.year
LATEST_YEAR = LATEST.year


def _date_message() -> str:
    return _("Datumet måste ligga mellan %(earliest)s och %(latest)s.") % {
        "earliest": EARLIEST.isoformat(),
        "latest": LATEST.isoformat(),
    }


def _year_message() -> str:
    return _("Året måste ligga mellan %(earliest)s och %(latest)s.") % {
        "earliest": EARLIEST_YEAR,
        "latest": LATEST_YEAR,
    }


# Translated when shown; with no "%" left in them, since a constraint formats its message.
DATE_MESSAGE = lazy(_date_message, str)()
YEAR_MESSAGE = lazy(_year_message, str)()


def in_range(day: dt.date) -> bool:
    return EARLIEST <= day <= LATEST


def validate_date(value: dt.date | None) -> None:
    """A validator for date fields, forms, filters and serializers."""
    if value is not None and not in_range(value):
        raise ValidationError(DATE_MESSAGE, code="date_out_of_range")


def validate_year(value: int | None) -> None:
    """A validator for fields holding a year."""
    if value is not None and not EARLIEST_YEAR <= value <= LATEST_YEAR:
        raise ValidationError(YEAR_MESSAGE, code="year_out_of_range")


def date_in_range(field: str) -> models.CheckConstraint:
    """The database's copy of ``validate_date`` for the date field ``field`` of a model."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__range": (EARLIEST, LATEST)}),
        name=f"%(app_label)s_%(class)s_{field}_in_range",
        violation_error_message=DATE_MESSAGE,
    )


def year_in_range(field: str) -> models.CheckConstraint:
    """The database's copy of ``validate_year`` for the year field ``field`` of a model."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True})
        | Q(**{f"{field}__range": (EARLIEST_YEAR, LATEST_YEAR)}),
        name=f"%(app_label)s_%(class)s_{field}_in_range",
        violation_error_message=YEAR_MESSAGE,
    )


def add_days(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days`` (negative: minus), held at the ends of Python's calendar.

    Stored dates lie far inside it; this keeps a computed day (a notice period back, a
    window before, the day after) from raising even for a date the range lets through
    by some other road, e.g. a query parameter.
    """
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def clamp_sql(table: str, *columns: str, year: bool = False) -> str:
    """SQL that moves stored values of ``columns`` outside the range to its nearest end.

    For the migrations that add the range's constraints: rows written before them keep
    their place. A row's columns move in one statement, so a from ≤ until pair stays in
    order (moving to the nearest end keeps it so) whenever the row is checked.
    """
    low, high = (EARLIEST_YEAR, LATEST_YEAR) if year else (f"'{EARLIEST}'", f"'{LATEST}'")
    sets = ", ".join(f'"{c}" = LEAST(GREATEST("{c}", {low}), {high})' for c in columns)
    outside = " OR ".join(f'"{c}" < {low} OR "{c}" > {high}' for c in columns)
    return f'UPDATE "{table}" SET {sets} WHERE {outside}'


def _hold_in_range(sender, **kwargs) -> None:
    """Give every date or year field that carries the range's validator the range's CHECK
    constraint too, when its model does not declare it: a field added later (to a model, or
    to ``RegistryRecord`` for all of them) cannot have the one without the other. History
    tables are left out: they copy what the records held when it was written."""
    meta = sender._meta
    if meta.abstract or meta.proxy or any(f.name == "pgh_id" for f in meta.local_fields):
        return
    declared = {c.name for c in meta.constraints}
    added = []
    for field in meta.local_concrete_fields:
        if validate_date in field.validators:
            constraint = date_in_range(field.name)
        elif validate_year in field.validators:
            constraint = year_in_range(field.name)
        else:
            continue
        constraint.name %= {"app_label": meta.app_label.lower(), "class": sender.__name__.lower()}
        if constraint.name not in declared:
            added.append(constraint)
    if added:
        meta.constraints = [*meta.constraints, *added]
        # Migrations read a model's constraints from what its Meta declared.
        meta.original_attrs["constraints"] = meta.constraints


models.signals.class_prepared.connect(_hold_in_range)
