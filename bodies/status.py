"""A body's status in words on a day, with when the registry knew it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from bodies.models import BodyStatus
from governance.core.known_as_of import KnownAsOf, known_as_of


@dataclass(frozen=True)
class StatusWords:
    """What a page or the API says about a body's status on a day."""

    code: str  # in_operation, unknown, proposed, dissolved
    text: str
    known: KnownAsOf

    def __str__(self):
        return self.text


def body_status(body, day: dt.date | None = None) -> StatusWords:
    """The status words of ``body`` on ``day`` (default today)."""
    day = day or timezone.localdate()
    known = known_as_of(body)
    if body.status == BodyStatus.DISSOLVED or (body.dissolved_on and body.dissolved_on < day):
        if body.dissolved_on:
            text = _("Upplöst %(date)s") % {"date": body.dissolved_on.isoformat()}
        else:
            text = _("Upplöst")
        return StatusWords("dissolved", text, known)
    if body.status == BodyStatus.PROPOSED:
        text = _("Föreslagen enligt %(source)s") % {"source": known.source_title}
        if known.label:
            text += f" ({known.label})"
        return StatusWords("proposed", text if known.source else _("Föreslagen"), known)
    if body.established_on and body.established_on > day:
        return StatusWords(
            "upcoming",
            _("Inrättas %(date)s") % {"date": body.established_on.isoformat()},
            known,
        )
    if known.is_stale(day):
        if known.label:
            text = _("Status okänd sedan %(date)s") % {"date": known.label}
        else:
            text = _("Status okänd (källan är odaterad)")
        return StatusWords("unknown", text, known)
    text = _("Verksam enligt %(source)s (%(date)s)") % {
        "source": known.source_title,
        "date": known.label,
    }
    if body.dissolved_on:
        text += " " + _("– upplöses %(date)s") % {"date": body.dissolved_on.isoformat()}
    return StatusWords("in_operation", text, known)
