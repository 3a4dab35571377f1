"""Agreements' relations as plain rows, for read paths over many agreements at once.

The API list and the start page's renewal deadlines apply the lineage and renewal rules
to hundreds of agreements; building a model instance and prefetching relations for each
costs far more than the rules themselves. These rows carry what the rules read. (Status
needs none of them: it reads the agreement's own columns, ``models.status_of``.)
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from agreements.models import Agreement, AgreementRelation
from governance.core import prepared


@dataclass(frozen=True)
class Incoming:
    """A relation to an agreement from a later one, with what the rules read of the later one."""

    kind: str
    source_id: int
    source_slug: str
    source_title: str
    source_is_draft: bool


def incoming_relations(pks) -> dict[int, list[Incoming]]:
    """target pk → the relations to it, in the order they were entered: one query."""
    incoming: dict[int, list[Incoming]] = {}
    pks = list(pks)
    if not pks:
        return incoming
    # Plain SQL: compiling the ORM's query costs more than the database takes to answer it.
    with connection.cursor() as cursor:
        prepared.execute(
            cursor,
            f"""
            SELECT r.target_id, r.kind, s.id, s.slug, s.title, s.is_draft
            FROM {AgreementRelation._meta.db_table} r
            JOIN {Agreement._meta.db_table} s ON s.id = r.source_id
            WHERE r.target_id = ANY(%s) ORDER BY r.id
            """,
            [pks],
        )
        rows = cursor.fetchall()
    for target, kind, source, slug, title, is_draft in rows:
        incoming.setdefault(target, []).append(Incoming(kind, source, slug, title, is_draft))
    return incoming
