"""Agreements' relations as plain rows, for read paths over many agreements at once.

The API list and the start page's renewal deadlines apply the lineage and renewal rules
to hundreds of agreements; building a model instance and prefetching relations for each
costs far more than the rules themselves. These rows carry what the rules read. (Status
needs none of them: it reads the agreement's own columns, ``models.status_of``.)
"""

from __future__ import annotations

from dataclasses import dataclass

from agreements.models import AgreementRelation


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
    rows = (
        AgreementRelation.objects.filter(target_id__in=pks)
        .order_by("pk")
        .values_list(
            "target_id", "kind", "source_id", "source__slug", "source__title", "source__is_draft"
        )
    )
    for target, kind, source, slug, title, is_draft in rows:
        incoming.setdefault(target, []).append(Incoming(kind, source, slug, title, is_draft))
    return incoming
