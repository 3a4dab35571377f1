"""Single-line text: names, titles, references and the like hold no control characters.

A tab, a line break or an escape sequence in a title breaks CSV rows, calendar feeds and
the pages that show it, and no document has one. ``validate_single_line`` is the rule;
``SingleLineFields`` applies it to every ``CharField`` of a model in ``clean_fields()``
(so the admin, the API and imports all refuse them), and ``single_line(field)`` is the
database's copy for the fields that name a record.
"""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MESSAGE = _("Texten får inte innehålla radbrytningar, tabbar eller andra styrtecken.")


def has_control_character(value: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" for ch in value)


def validate_single_line(value) -> None:
    if isinstance(value, str) and has_control_character(value):
        raise ValidationError(MESSAGE, code="control_character")


class SingleLineFields:
    """Model mixin: every ``CharField`` (slugs and choices included) is single-line text."""

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        for field in self._meta.concrete_fields:
            if not isinstance(field, models.CharField) or field.name in (exclude or ()):
                continue
            if field.name in errors:
                continue
            try:
                validate_single_line(getattr(self, field.attname))
            except ValidationError as exc:
                errors[field.name] = exc.error_list
        if errors:
            raise ValidationError(errors)


def single_line(field: str) -> models.CheckConstraint:
    """The database's copy of ``validate_single_line`` for ``field`` (POSIX class ``cntrl``)."""
    return models.CheckConstraint(
        condition=~Q(**{f"{field}__regex": r"[[:cntrl:]]"}),
        name=f"%(app_label)s_%(class)s_{field}_single_line",
        violation_error_message=MESSAGE,
    )


def single_line_sql(table: str, column: str) -> str:
    """SQL that turns control characters already stored in ``column`` into spaces (for the
    migration that adds ``single_line``)."""
    return (
        f"UPDATE \"{table}\" SET \"{column}\" = regexp_replace(\"{column}\", '[[:cntrl:]]', ' ', 'g') "
        f"WHERE \"{column}\" ~ '[[:cntrl:]]'"
    )
