"""The one way seed modules write rows: create what is missing, never touch what exists.

* A record with a slug (``RegistryRecord``) is looked up by its slug; when it exists
  nothing is written, so a coordinator's edit survives a reload.
* A row without a slug (a responsibility, a party, a signatory …) is looked up by its
  natural key (e.g. body + order) and created only when missing.
* Many-to-many links (owners, the organisations a clause names …) are part of the
  record they belong to and are set only when that record is created.
"""

from __future__ import annotations

from django.db import models

from governance.concurrency import lock_writes
from governance.models import SourceDocument


class Seeder:
    """Creates the seed rows of one module and counts how many it created."""

    def __init__(self, source_slug: str):
        self.source = SourceDocument.objects.get(slug=source_slug)
        self.created = 0

    def use_source(self, source_slug: str) -> SourceDocument:
        return SourceDocument.objects.get(slug=source_slug)

    def record(
        self,
        model: type[models.Model],
        slug: str,
        *,
        source: SourceDocument | None = None,
        m2m: dict[str, list] | None = None,
        **fields,
    ):
        """The record with ``slug``; created (validated, with its source) when missing."""
        existing = model._default_manager.filter(slug=slug).first()
        if existing is not None:
            return existing
        lock_writes(model)
        obj = model(slug=slug, source=source or self.source, **fields)
        obj.full_clean()
        obj.save()
        for name, values in (m2m or {}).items():
            getattr(obj, name).set(values)
        self.created += 1
        return obj

    def child(self, model: type[models.Model], lookup: dict, **defaults):
        """A row without a slug, looked up by its natural key ``lookup``."""
        lock_writes(model)
        obj, created = model._default_manager.get_or_create(**lookup, defaults=defaults)
        self.created += created
        return obj

    def responsibilities(self, body, texts: list[str]) -> None:
        from bodies.models import Responsibility

        for order, text in enumerate(texts, start=1):
            self.child(Responsibility, {"body": body, "order": order}, text=text)
