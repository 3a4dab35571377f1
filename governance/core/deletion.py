"""Deleting a record that others refer to is refused, with the list of what refers to it."""

from __future__ import annotations

from django.db import models, router
from django.db.models.deletion import Collector, ProtectedError, RestrictedError


def referrers(obj: models.Model) -> list[models.Model]:
    """The rows whose PROTECT foreign keys stop ``obj`` from being deleted."""
    collector = Collector(using=router.db_for_write(type(obj), instance=obj))
    try:
        collector.collect([obj])
    except (ProtectedError, RestrictedError) as exc:
        return list(
            getattr(exc, "protected_objects", None) or getattr(exc, "restricted_objects", [])
        )
    return []


def describe(objs: list[models.Model]) -> list[str]:
    """'Beslut: LiSA 2013-09-18 …' — type and name of each referrer, for messages."""
    return [f"{o._meta.verbose_name.capitalize()}: {o}" for o in objs]
