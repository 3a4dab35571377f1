"""No lost updates, no rule broken by two writers at once.

Every ``RegistryRecord`` has a ``version`` that a database trigger raises on each
update. Whoever edits a record (the admin form, an API client with ``If-Match``)
says which version they started from; ``save_if_unchanged`` locks the row,
compares, and either saves or raises ``StaleVersion`` with what changed in between
(``RecordGone`` when someone deleted it meanwhile). ``delete_if_unchanged`` does the
same for a delete.

Some rules span several rows: no body gets its mandate from itself through others,
no organisation is part of itself, no agreement is its own predecessor, no two
routing rules contradict each other. Checking such a rule and then writing is safe
only if nobody else checks and writes in between, so every writer of those models
(admin, API, import, seed, services) first calls ``lock_writes``: a transaction-level
advisory lock per model that serialises those writes until commit. Two writers that
still collide (a deadlock, a serialisation failure) get ``is_write_collision`` → a
clear "try again", never a server error.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import OperationalError, connection, models, transaction
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


class RecordGone(StaleVersion):
    """The record was deleted after the editor loaded it."""

    def __init__(self, obj: models.Model, expected: int):
        super().__init__(obj, expected, None, [])

    def message(self) -> str:
        return _("Posten har tagits bort av någon annan sedan du öppnade den.")


def _display(value) -> str:
    return "" if value is None else str(value)


def changes_since(obj: models.Model, version: int) -> list[FieldChange]:
    """Fields whose value now differs from the snapshot of ``version`` in the history."""
    model = type(obj)
    current = model._default_manager.filter(pk=obj.pk).first()
    if current is None:
        return []
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


def lock_unchanged(obj: models.Model, *, expected_version: int, for_delete: bool = False) -> None:
    """Lock ``obj``'s row until the transaction ends; raise ``StaleVersion`` if it moved on
    (``RecordGone`` if it was deleted).

    For callers that validate before they save (the admin's form): the lock taken
    here holds until the surrounding transaction commits, so nobody can slip a
    change in between the check and the save. An update takes the weaker row lock
    that PostgreSQL's own UPDATE takes (it still lets others insert rows that refer
    to this one); a delete takes the full one.
    """
    model = type(obj)
    if not transaction.get_connection().in_atomic_block:
        raise transaction.TransactionManagementError("lock_unchanged needs a transaction")
    current = (
        model._default_manager.select_for_update(no_key=not for_delete)
        .only("version")
        .filter(pk=obj.pk)
        .first()
    )
    if current is None:
        raise RecordGone(obj, int(expected_version))
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


def delete_if_unchanged(obj: models.Model, *, expected_version: int | None, delete) -> None:
    """Lock ``obj``'s row, compare its version with ``expected_version`` (None: any),
    then call ``delete()`` — all in one transaction, so a delete never removes a version
    newer than the one the client saw."""
    with transaction.atomic():
        if expected_version is None:
            locked = type(obj)._default_manager.select_for_update().filter(pk=obj.pk).values("pk")
            if not list(locked):
                raise RecordGone(obj, getattr(obj, "version", 0))
        else:
            lock_unchanged(obj, expected_version=expected_version, for_delete=True)
        delete()


# Rules that span rows ------------------------------------------------------------

# Models whose writes are checked against other rows of the same model (see the
# module's docstring). Each is a lock of its own, so one check waits only for
# writers who could break the same rule.
WRITE_LOCKED_MODELS = frozenset(
    {
        "bodies.body",  # parent and commissioned_by: no cycles
        "bodies.organisation",  # parent: no cycles
        "agreements.agreementrelation",  # lineage and framework links: no cycles
        "governance.routingrule",  # no two contradicting rules
    }
)
# First key of the two-key advisory locks, so they meet no other user of advisory locks.
LOCK_NAMESPACE = 0x5352  # "SR"


def is_write_locked(model: type[models.Model]) -> bool:
    return model._meta.label_lower in WRITE_LOCKED_MODELS


def lock_writes(model: type[models.Model]) -> None:
    """Wait until no other transaction is writing ``model``; hold that until commit.

    Call it before checking a rule that spans rows of ``model`` and writing, inside
    the transaction that writes: what the check reads afterwards includes every
    write committed before, and no other writer's check can run until this one's
    write is committed or rolled back. Does nothing for other models.
    """
    if not is_write_locked(model):
        return
    if not connection.in_atomic_block:
        raise transaction.TransactionManagementError("lock_writes needs a transaction")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(%s, hashtext(%s))",
            [LOCK_NAMESPACE, model._meta.label_lower],
        )


# PostgreSQL's SQLSTATEs for a transaction that lost to a concurrent one.
DEADLOCK_DETECTED = "40P01"
SERIALIZATION_FAILURE = "40001"


def is_write_collision(exc: BaseException) -> bool:
    """Whether ``exc`` is PostgreSQL giving up on a transaction because of a concurrent one."""
    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__
    code = getattr(cause, "pgcode", None) or getattr(cause, "sqlstate", None)
    return code in (DEADLOCK_DETECTED, SERIALIZATION_FAILURE)


def write_collision_message() -> str:
    return _(
        "Någon annan ändrade samma poster samtidigt, så ändringen sparades inte. "
        "Hämta posten på nytt och försök igen."
    )
