"""The change feed: every create, update and delete across the registry, in order.

It is read straight from the history tables that the database triggers fill
(django-pghistory), so nothing that writes to the registry can bypass it: the
admin, the API, management commands, imports and bulk ``QuerySet.update()`` all
appear.

Order and cursor. A change is identified by (time, model, event id), where time
is the start of the transaction that made it (``now()`` in the trigger). A
client pages with an opaque cursor that encodes the last change it saw.

Never missing a change. A transaction that is still running may commit later
with changes stamped *earlier* than ones already visible. The feed therefore
only hands out changes older than the start of the oldest transaction still
open on the database (the *horizon*); everything before it is committed or
will never exist. A long transaction makes the feed lag, never skip.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import pghistory.models
from django.apps import apps
from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime

ACTIONS = {"insert": "created", "update": "updated", "delete": "deleted"}
MAX_LIMIT = 500
# Records that are public only when a field of theirs says so (documents can hold
# personal data). To a reader who may not see them, such a change is a bare
# tombstone: a copy that had the record while it was public removes it.
PUBLIC_WHEN = {"documents.document": "public"}


class BadCursor(ValueError):
    """The cursor or timestamp given by a client cannot be read."""


@dataclass(frozen=True)
class Position:
    time: dt.datetime
    model: str
    event_id: int

    def encode(self) -> str:
        raw = json.dumps([self.time.isoformat(), self.model, self.event_id])
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, cursor: str) -> Position:
        try:
            padded = cursor + "=" * (-len(cursor) % 4)
            time, model, event_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
            parsed = dt.datetime.fromisoformat(time)
            if parsed.tzinfo is None or not isinstance(model, str) or not isinstance(event_id, int):
                raise ValueError
            return cls(parsed, model, event_id)
        except (ValueError, TypeError, json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise BadCursor("cursor is not one this feed handed out") from exc

    @classmethod
    def from_since(cls, since: str) -> Position:
        """``since`` is a cursor from an earlier page, or an ISO 8601 timestamp."""
        if "\x00" in since or len(since) > 200:
            raise BadCursor("since is too long or contains NUL")
        try:
            parsed = parse_datetime(since)
        except ValueError:
            parsed = None
        if parsed is not None:
            if timezone.is_naive(parsed):
                parsed = timezone.make_aware(parsed)
            # Every label sorts after "", so changes made at that instant are included.
            return cls(parsed, "", -1)
        return cls.decode(since)


@dataclass(frozen=True)
class Change:
    position: Position
    model: str  # e.g. "bodies.body"
    object_id: str
    action: str  # created | updated | deleted
    data: dict | None  # the row after the change; None for a delete (tombstone)
    slug: str | None

    @property
    def cursor(self) -> str:
        return self.position.encode()


@cache
def event_models() -> tuple[tuple[str, type, type], ...]:
    """(tracked model label, event model, tracked model) for every tracked table."""
    found = []
    for model in apps.get_models():
        if issubclass(model, pghistory.models.Event) and getattr(model, "pgh_tracked_model", None):
            tracked = model.pgh_tracked_model
            found.append((tracked._meta.label_lower, model, tracked))
    return tuple(sorted(found, key=lambda t: t[0]))


def tracked_labels() -> list[str]:
    return sorted({label for label, _, _ in event_models()})


def horizon() -> dt.datetime:
    """Changes stamped before this moment can no longer appear out of order."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT LEAST(now(), min(xact_start)) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()
              AND xact_start IS NOT NULL
            """
        )
        return cursor.fetchone()[0]


def _snapshot_columns(event_model) -> list[tuple[str, str]]:
    """(column, field name) of the snapshot part of an event row."""
    return [
        (f.column, f.attname)
        for f in event_model._meta.concrete_fields
        if not f.attname.startswith("pgh_")
    ]


def changes_after(
    position: Position | None,
    *,
    limit: int = 100,
    types: list[str] | None = None,
    include_private: bool = False,
) -> tuple[list[Change], Position | None]:
    """Up to ``limit`` changes after ``position``, and the position to continue from.

    ``include_private``: the full changes of records that are not public (signed-in staff).
    """
    limit = max(1, min(int(limit), MAX_LIMIT))
    start = position or Position(dt.datetime(1970, 1, 1, tzinfo=dt.UTC), "", 0)
    upto = horizon()
    selects, params = [], []
    for label, event_model, _ in event_models():
        if types and label not in types:
            continue
        columns = _snapshot_columns(event_model)
        data = ", ".join(f"'{name}', e.{connection.ops.quote_name(col)}" for col, name in columns)
        selects.append(
            f"""(SELECT %s AS model, e.pgh_id, e.pgh_created_at, e.pgh_label,
                        e.pgh_obj_id::text AS object_id, jsonb_build_object({data})::text AS data
                 FROM {connection.ops.quote_name(event_model._meta.db_table)} e
                 WHERE (e.pgh_created_at, %s, e.pgh_id) > (%s, %s, %s) AND e.pgh_created_at < %s
                 ORDER BY e.pgh_created_at, e.pgh_id LIMIT %s)"""
        )
        params += [label, label, start.time, start.model, start.event_id, upto, limit]
    if not selects:
        return [], None
    sql = f"SELECT * FROM ({' UNION ALL '.join(selects)}) AS changes ORDER BY 3, 1, 2 LIMIT %s"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit])
        rows = cursor.fetchall()
    changes = []
    for model, event_id, created_at, label, object_id, data in rows:
        data = json.loads(data, parse_float=Decimal)  # keep decimals exact
        action = ACTIONS.get(label, label)
        flag = PUBLIC_WHEN.get(model)
        if flag and not include_private and not (data or {}).get(flag):
            action, data = "deleted", None
        changes.append(
            Change(
                position=Position(created_at, model, event_id),
                model=model,
                object_id=object_id,
                action=action,
                data=None if action == "deleted" else data,
                slug=(data or {}).get("slug"),
            )
        )
    next_position = changes[-1].position if changes else None
    return changes, next_position
