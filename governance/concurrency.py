"""No lost updates: a save is refused when the row changed since the editor loaded it.

Every ``RegistryRecord`` has a ``version`` that a database trigger raises on each
update. Whoever edits a record (the admin form, an API client with ``If-Match``)
says which version they started from; ``save_if_unchanged`` locks the row,
compares, and either saves or raises ``StaleVersion`` with what changed in between.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models, transaction
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    before: str
    after: str


class StaleVersion(Exception):
    """The record changed after the editor loaded it."""

    def __init__(self, obj: models.Model, expected: int, current: int, changes: list[FieldChange]):
        self.obj, self.expected, self.current, self.changes = obj, expected, current, changes
        super().__init__(self.message())

    def message(self) -> str:
        head = _(
            "Posten har ändrats av någon annan sedan du öppnade den (version %(expected)s, nu %(current)s)."
        ) % {"expected": self.expected, "current": self.current}
        if not self.changes:
            return head
        lines = "; ".join(f"{c.label}: '{c.before}' → '{c.after}'" for c in self.changes)
        return f"{head} {_('Ändrat under tiden')}: {lines}"


def _display(value) -> str:
    return "" if value is None else str(value)


def changes_since(obj: models.Model, version: int) -> list[FieldChange]:
    """Fields whose value now differs from the snapshot of ``version`` in the history."""
    model = type(obj)
    current = model._default_manager.get(pk=obj.pk)
    snapshot = (
        current.events.filter(version=version).order_by("-pgh_id").first()
        if hasattr(current, "events")
        else None
    )
    if snapshot is None:
        return []
    skip = {"version", "modified_at", "created_at"}
    changes = []
    for field in model._meta.concrete_fields:
        if field.name in skip or not hasattr(snapshot, field.attname):
            continue
        before, after = getattr(snapshot, field.attname), getattr(current, field.attname)
        if before != after:
            if field.is_relation:
                rel = field.related_model._default_manager
                before = rel.filter(pk=before).first() if before is not None else None
                after = getattr(current, field.name)
            changes.append(
                FieldChange(field.name, str(field.verbose_name), _display(before), _display(after))
            )
    return changes


def lock_unchanged(obj: models.Model, *, expected_version: int) -> None:
    """Lock ``obj``'s row until the transaction ends; raise ``StaleVersion`` if it moved on.

    For callers that validate before they save (the admin's form): the lock taken
    here holds until the surrounding transaction commits, so nobody can slip a
    change in between the check and the save.
    """
    model = type(obj)
    if not transaction.get_connection().in_atomic_block:
        raise transaction.TransactionManagementError("lock_unchanged needs a transaction")
    current = model._default_manager.select_for_update().only("version").get(pk=obj.pk)
    if current.version != int(expected_version):
        raise StaleVersion(
            obj,
            int(expected_version),
            current.version,
            changes_since(obj, int(expected_version)),
        )


def save_if_unchanged(obj: models.Model, *, expected_version: int, **save_kwargs) -> None:
    """Save ``obj`` only if its row is still at ``expected_version``; refresh the new version."""
    with transaction.atomic():
        lock_unchanged(obj, expected_version=expected_version)
        obj.save(**save_kwargs)
    obj.refresh_from_db(fields=["version", "modified_at"])
