"""Agreements' relations as plain rows, for read paths over many agreements at once.

The API list and the start page's renewal deadlines apply the status and renewal rules
(``models.status_of``, ``models.last_day``, ``renewal.renewal_days``) to hundreds of
agreements; building a model instance and prefetching relations for each costs far more
than the rules themselves. These rows carry what the rules read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connection

from agreements.models import Agreement, AgreementRelation, RelationKind, extends_it


@dataclass(frozen=True)
class Node:
    """An agreement as ``models.last_day`` sees it."""

    pk: int
    valid_until: dt.date | None


@dataclass(frozen=True)
class Incoming:
    """A relation to an agreement from a later one, with what the rules read of the later one."""

    kind: str
    source: Node
    source_slug: str
    source_title: str
    source_is_draft: bool
    source_valid_from: dt.date | None


def incoming_relations(pks) -> dict[int, list[Incoming]]:
    """target pk → relations to it, in the order they were entered, for the agreements
    ``pks`` and, as far as the chain goes, for the agreements extending them (what
    ``last_day`` follows): one recursive query, however long the chains."""
    incoming: dict[int, list[Incoming]] = {}
    pks = list(pks)
    if not pks:
        return incoming
    sql = f"""
        WITH RECURSIVE chain (id, target_id, kind, source_id) AS (
            SELECT r.id, r.target_id, r.kind, r.source_id
            FROM {AgreementRelation._meta.db_table} r WHERE r.target_id = ANY(%s)
          UNION
            SELECT r.id, r.target_id, r.kind, r.source_id
            FROM {AgreementRelation._meta.db_table} r JOIN chain c ON r.target_id = c.source_id
            WHERE c.kind = %s AND r.kind = %s
        )
        SELECT c.target_id, c.kind, c.source_id, a.slug, a.title, a.is_draft,
               a.valid_from, a.valid_until
        FROM chain c JOIN {Agreement._meta.db_table} a ON a.id = c.source_id
        ORDER BY c.id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [pks, RelationKind.EXTENDS, RelationKind.EXTENDS])
        for target, kind, source, slug, title, is_draft, valid_from, valid_until in cursor:
            incoming.setdefault(target, []).append(
                Incoming(
                    kind=kind,
                    source=Node(source, valid_until),
                    source_slug=slug,
                    source_title=title,
                    source_is_draft=is_draft,
                    source_valid_from=valid_from,
                )
            )
    return incoming


def extensions_in(incoming: dict[int, list[Incoming]]):
    """The ``extensions`` function ``models.last_day`` follows, over ``incoming_relations``."""

    def extensions(node: Node) -> list[Node]:
        return [
            r.source for r in incoming.get(node.pk, ()) if extends_it(r.kind, r.source_is_draft)
        ]

    return extensions
