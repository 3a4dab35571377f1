"""Loads the seed data into the database, creating only what is missing."""

from __future__ import annotations

import pghistory
from django.db import transaction

from bodies.models import County
from governance.seed.counties import COUNTIES
from governance.seed.groups import ensure_groups


def load_counties() -> int:
    created = 0
    for code, name in COUNTIES:
        _, was_created = County.objects.get_or_create(code=code, defaults={"name": name})
        created += was_created
    return created


@transaction.atomic
def load() -> dict[str, int]:
    """Load every seed record that is not in the database yet; returns counts created."""
    with pghistory.context(source="load_registry"):
        ensure_groups()
        return {"counties": load_counties()}
