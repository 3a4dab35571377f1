"""Apply a run of change-feed entries to a database: what a syncing client does.

The last change of each object wins: a delete removes the row, anything else
writes the row exactly as the change carries it (version and timestamps
included), with raw SQL so that neither ``auto_now`` nor the version trigger
rewrites what the source database said. Foreign keys in PostgreSQL are
deferred to the end of the transaction, so the order of rows does not matter.
"""

from __future__ import annotations

from collections.abc import Iterable

import pgtrigger
from django.apps import apps
from django.db import connection, transaction

from governance.core.records import RegistryRecord
from governance.opendata.changes import Change


def _upsert(model, pk: str, data: dict) -> None:
    fields = [f for f in model._meta.concrete_fields if f.attname in data]
    columns = [connection.ops.quote_name(f.column) for f in fields]
    values = [f.get_db_prep_save(f.to_python(data[f.attname]), connection) for f in fields]
    pk_column = connection.ops.quote_name(model._meta.pk.column)
    table = connection.ops.quote_name(model._meta.db_table)
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c != pk_column)
    # The version trigger would bump the version the change carries on the update branch.
    ignore = [f"{model._meta.label}:bump_version"] if issubclass(model, RegistryRecord) else []
    with pgtrigger.ignore(*ignore), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(values))}) "
            f"ON CONFLICT ({pk_column}) DO UPDATE SET {updates}",
            values,
        )


def _delete(model, pk: str) -> None:
    table = connection.ops.quote_name(model._meta.db_table)
    pk_column = connection.ops.quote_name(model._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {pk_column} = %s", [pk])


@transaction.atomic
def apply_changes(changes: Iterable[Change]) -> int:
    """Bring the database to the state the changes describe; returns rows written."""
    final: dict[tuple[str, str], dict | None] = {}
    for change in changes:
        final[(change.model, change.object_id)] = change.data
    for (label, pk), data in final.items():
        model = apps.get_model(label)
        if data is None:
            _delete(model, pk)
        else:
            _upsert(model, pk, data)
    if any(label.startswith("agreements.agreement") for label, _pk in final):
        # Rows of tables that are not records were written with every trigger held off,
        # the agreement relations' among them: the status dates the feed does not carry
        # (the database's own, from those relations) are worked out again.
        from agreements.models import Agreement

        Agreement.objects.all().refresh_status_dates()
    return len(final)
