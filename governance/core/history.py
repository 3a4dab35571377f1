"""The registry's history: every insert, update and delete recorded by database triggers
(django-pghistory), so no write can bypass it."""

from __future__ import annotations

import pghistory

from governance.core.records import generated_fields


def track_history(model=None, *, derived: tuple[str, ...] = ()):
    """Record every insert, update and delete of ``model`` with database triggers.

    Left out of the history: generated columns (they follow from the recorded ones) and
    ``derived``, columns the database works out from other rows
    (``@track_history(derived=(…))``).
    """

    def track(model):
        return pghistory.track(
            pghistory.InsertEvent(),
            pghistory.UpdateEvent(),
            pghistory.DeleteEvent(),
            exclude=[*generated_fields(model), *derived] or None,
        )(model)

    return track if model is None else track(model)
