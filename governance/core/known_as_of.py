"""Known as of: when a record was last confirmed, and the status words that follow from it.

Every registry record is known as of its last confirmation: the date a coordinator
confirmed it against a source (``confirmed_on`` / ``confirmed_source``), or else the
date of the source document it was taken from. A record with no known end is never
simply "Verksam": it is "Verksam enligt [källa] ([datum])" while that confirmation is
younger than the ``STATUS_CONFIRMATION_DAYS`` setting (two years by default), and
"Status okänd sedan [datum]" after. Pages, API, admin and open data all read the words
from here, for the day they are evaluated on (default today); a body's status words are
``bodies.status.body_status``, built on this.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _


def confirmation_days() -> int:
    """How long a confirmation counts (setting ``STATUS_CONFIRMATION_DAYS``)."""
    return settings.STATUS_CONFIRMATION_DAYS


@dataclass(frozen=True)
class KnownAsOf:
    """When and from which source a record is known."""

    date: dt.date | None  # for comparisons; the first day of the year when only that is known
    label: str  # as precisely as known: '2019-05-02', '2014' or ''
    source: object | None  # a SourceDocument
    confirmed: bool  # True when a coordinator confirmed it, not just its source's date

    @property
    def source_title(self) -> str:
        return self.source.display_title if self.source is not None else ""

    def is_stale(self, day: dt.date) -> bool:
        if self.date is None:
            return True
        return (day - self.date).days > confirmation_days()

    @property
    def sentence(self) -> str:
        """E.g. 'Känt per 2014 enligt SKL:s sammanställning av länsplanerna.'"""
        if not self.label:
            if self.source is None:
                return _("Ingen källa angiven.")
            return _("Enligt %(source)s (odaterad).") % {"source": self.source_title}
        if self.source is None:
            return _("Känt per %(date)s.") % {"date": self.label}
        return _("Känt per %(date)s enligt %(source)s.") % {
            "date": self.label,
            "source": self.source_title,
        }


def known_as_of(record) -> KnownAsOf:
    """When ``record`` was last confirmed, and by which source."""
    if record.confirmed_on is not None:
        source = record.confirmed_source if record.confirmed_source_id else record.source
        return KnownAsOf(record.confirmed_on, record.confirmed_on.isoformat(), source, True)
    source = record.source if record.source_id else None
    if source is None:
        return KnownAsOf(None, "", None, False)
    if source.published_on is not None:
        return KnownAsOf(source.published_on, source.published_on.isoformat(), source, False)
    if source.year:
        return KnownAsOf(dt.date(source.year, 1, 1), str(source.year), source, False)
    return KnownAsOf(None, "", source, False)


@transaction.atomic
def confirm(records, *, source, on: dt.date, today: dt.date | None = None) -> int:
    """Mark ``records`` as confirmed by ``source`` on ``on``; returns how many.

    A confirmation cannot lie in the future, nor before the source it rests on.
    """
    today = today or timezone.localdate()
    if source is None:
        raise ValidationError({"source": _("Ange källan som bekräftar uppgifterna.")})
    if on is None:
        raise ValidationError({"confirmed_on": _("Ange datum för bekräftelsen.")})
    if on > today:
        raise ValidationError({"confirmed_on": _("En bekräftelse kan inte ha ett framtida datum.")})
    if source.published_on and on < source.published_on:
        raise ValidationError(
            {
                "confirmed_on": _("Bekräftelsen kan inte vara äldre än källan (%(date)s).")
                % {"date": source.published_on.isoformat()}
            }
        )
    count = 0
    for record in records:
        record.confirmed_on = on
        record.confirmed_source = source
        record.save(update_fields=["confirmed_on", "confirmed_source"])
        count += 1
    return count
