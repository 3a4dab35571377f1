"""Loads the seed data into the database, creating only what is missing.

Each step is a function in a module of this package that creates the records
of one part of the documents and returns how many it created. Steps run in
order, in one transaction: a failing step leaves the database as it was.
"""

from __future__ import annotations

from importlib import import_module

import pghistory
from django.db import transaction

# (name, "module:function"); later steps may refer to records of earlier ones.
STEPS: list[tuple[str, str]] = [
    ("groups", "governance.seed.groups:ensure_groups"),
    ("counties", "governance.seed.counties:load"),
    ("sources", "governance.seed.sources:load"),
    ("matters", "governance.seed.matters:load"),
    ("national", "governance.seed.national:load"),
    ("vastra_gotaland", "governance.seed.vastra_gotaland:load"),
    ("dalarna", "governance.seed.dalarna:load"),
    ("support_structures", "governance.seed.support_structures:load"),
    ("routing", "governance.seed.routing:load"),
    ("statements", "governance.seed.statements:load"),
]


def _resolve(target: str):
    module, _, func = target.partition(":")
    return getattr(import_module(module), func)


@transaction.atomic
def load() -> dict[str, int]:
    """Load every seed record that is not in the database yet; returns counts created."""
    created: dict[str, int] = {}
    with pghistory.context(source="load_registry"):
        for name, target in STEPS:
            created[name] = _resolve(target)() or 0
    return created
