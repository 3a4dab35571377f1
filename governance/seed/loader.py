"""Loads the seed data files (``data/*.yaml``) into the database, creating only what is missing.

Every file is a list of ``records``; each names its ``model`` (``app_label.model``), its
``source`` (the slug of a source document in ``sources.yaml``) and its ``fields``. A field
that refers to another record holds that record's slug (a county: its SCB code, a
statement's ``subject``: ``app_label.model:slug``); a many-to-many field holds a list of
them. ``groups.yaml`` gives the admin's user groups their permissions.

The rules, the same for every record:

* A record is looked up by its slug, or, for a row without one (a party, a host, a
  responsibility …), by its natural key: the fields of the model's unique constraint
  (``NATURAL_KEYS`` for the two models without one). When it exists nothing is written,
  so a coordinator's edit survives a reload; otherwise it is built, validated with
  ``full_clean()`` and saved, and its many-to-many fields set. A routing rule is saved
  through ``governance.routing.save_routing_rule``, the write path that refuses conflicts.
* Records refer to records of other files, so they are written in dependency order:
  every record after the records it refers to, otherwise in the order of the files.
* Everything runs in one transaction under the write locks the other write paths take;
  bad data raises ``SeedError`` naming the file and the record, and nothing is saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pghistory
import yaml
from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DataError, IntegrityError, models, transaction

from governance.core.concurrency import lock_writes

DATA_DIR = Path(__file__).resolve().parent / "data"

# The files that are not taken from one source document, read first; then the documents'
# files in name order.
REFERENCE_FILES = ("sources.yaml", "counties.yaml", "groups.yaml")

# How rows with neither a slug nor a unique constraint are recognised on a reload.
NATURAL_KEYS = {
    "bodies.responsibility": ("body", "order"),
    "bodies.formername": ("body", "organisation", "name"),
}

RECORD_KEYS = {"model", "source", "fields"}


class SeedError(Exception):
    """The seed data cannot be loaded; the message names the file and the record."""


@dataclass
class Record:
    path: Path
    number: int  # 1-based position in its file
    model: type[models.Model]
    source: str | None
    fields: dict
    depends_on: list[tuple[str, str]] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    @property
    def identity(self) -> str | None:
        """What other records call it by: its slug (a county: its code)."""
        if self.label == "bodies.county":
            return self.fields.get("code")
        return self.fields.get("slug")

    def where(self) -> str:
        name = f" {self.identity}" if self.identity else ""
        return f"{self.path.name}, record {self.number} ({self.label}{name})"


def data_files(directory: Path = DATA_DIR) -> list[Path]:
    """The data files in the order they are read."""
    names = sorted(p.name for p in directory.glob("*.yaml"))
    first = [n for n in REFERENCE_FILES if n in names]
    return [directory / n for n in first + [n for n in names if n not in first]]


def read_file(path: Path) -> dict:
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise SeedError(f"{path.name}: not valid YAML: {error}") from error
    if not isinstance(content, dict) or not (
        isinstance(content.get("records"), list) or isinstance(content.get("groups"), list)
    ):
        raise SeedError(f"{path.name}: expected a mapping with a list of 'records' or 'groups'")
    return content


def _model(label, where: str) -> type[models.Model]:
    try:
        return apps.get_model(str(label))
    except (LookupError, ValueError) as error:
        raise SeedError(f"{where}: unknown model {label!r}") from error


def _relation_target(model: type[models.Model]) -> str:
    return "code" if model._meta.label_lower == "bodies.county" else "slug"


def _is_source_document(f) -> bool:
    return f.is_relation and f.related_model._meta.label_lower == "governance.sourcedocument"


def parse_records(path: Path, content: dict) -> list[Record]:
    """The records of one file, checked for shape; references are resolved when written."""
    records = []
    for number, raw in enumerate(content.get("records") or [], start=1):
        where = f"{path.name}, record {number}"
        if not isinstance(raw, dict) or not isinstance(raw.get("fields"), dict):
            raise SeedError(f"{where}: expected 'model', 'source' and a mapping of 'fields'")
        unknown = set(raw) - RECORD_KEYS
        if unknown:
            raise SeedError(f"{where}: unknown keys {sorted(unknown)}")
        model = _model(raw.get("model"), where)
        record = Record(path, number, model, raw.get("source"), dict(raw["fields"]))
        if record.source:
            record.depends_on.append(("governance.sourcedocument", str(record.source)))
        for name, value in record.fields.items():
            try:
                f = model._meta.get_field(name)
            except FieldDoesNotExist as error:
                raise SeedError(
                    f"{record.where()}: {model.__name__} has no field {name!r}"
                ) from error
            if isinstance(f, GenericForeignKey):
                label, _, slug = str(value).partition(":")
                record.depends_on.append((_model(label, record.where())._meta.label_lower, slug))
            elif f.is_relation and not _is_source_document(f) and value is not None:
                label = f.related_model._meta.label_lower
                values = value if f.many_to_many else [value]
                if not isinstance(values, list):
                    raise SeedError(f"{record.where()}: {name} must be a list of slugs")
                record.depends_on += [(label, str(v)) for v in values]
        records.append(record)
    return records


def in_dependency_order(records: list[Record]) -> list[Record]:
    """``records`` with every record after those it refers to, otherwise in file order."""
    provided = {(r.label, str(r.identity)): r for r in records if r.identity is not None}
    ordered: list[Record] = []
    state: dict[int, str] = {}

    def visit(record: Record, chain: list[Record]) -> None:
        if state.get(id(record)) == "done":
            return
        if state.get(id(record)) == "visiting":
            cycle = " → ".join(r.where() for r in [*chain, record])
            raise SeedError(f"records refer to each other in a circle: {cycle}")
        state[id(record)] = "visiting"
        for key in record.depends_on:
            if key in provided:
                visit(provided[key], [*chain, record])
        state[id(record)] = "done"
        ordered.append(record)

    for record in records:
        visit(record, [])
    return ordered


def _get(model: type[models.Model], value, where: str, field_name: str):
    lookup = _relation_target(model)
    try:
        return model._default_manager.get(**{lookup: value})
    except (model.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise SeedError(
            f"{where}: {field_name} refers to {model._meta.label_lower} {value!r}, "
            "which neither the data files nor the database hold"
        ) from error


def _natural_key(model: type[models.Model]) -> tuple[str, ...]:
    if any(f.name == "slug" for f in model._meta.concrete_fields):
        return ("slug",)
    if model._meta.label_lower in NATURAL_KEYS:
        return NATURAL_KEYS[model._meta.label_lower]
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.condition is None:
            return tuple(constraint.fields)
    for together in model._meta.unique_together:
        return tuple(together)
    return ()


def write(record: Record, sources: dict) -> bool:
    """Create ``record`` when it is missing; True when it was created."""
    model = record.model
    where = record.where()
    values: dict = {}
    many: dict[str, list] = {}
    for name, value in record.fields.items():
        f = model._meta.get_field(name)
        if isinstance(f, GenericForeignKey):
            label, _, slug = str(value).partition(":")
            target_model = apps.get_model(label)
            target = _get(target_model, slug, where, name)
            values[f.ct_field] = ContentType.objects.get_for_model(target_model)
            values[f.fk_field] = target.pk
        elif f.many_to_many:
            many[name] = [_get(f.related_model, v, where, name) for v in value or []]
        elif f.is_relation:
            values[name] = None if value is None else _get(f.related_model, value, where, name)
        else:
            values[name] = value

    source_field = next(
        (f for f in model._meta.concrete_fields if f.name == "source" and _is_source_document(f)),
        None,
    )
    if source_field is not None and "source" not in values:
        values["source"] = sources.get(record.source)

    key = _natural_key(model)
    missing = [k for k in key if k not in values and not model._meta.get_field(k).null]
    if not key or missing:
        raise SeedError(f"{where}: the fields {missing or ['slug']} that identify it are missing")
    lookup = {}
    for k in key:
        f = model._meta.get_field(k)
        value = values.get(k)
        try:
            lookup[k] = value if f.is_relation or value is None else f.to_python(value)
        except ValidationError as error:
            raise SeedError(f"{where}: {k}: {' '.join(error.messages)}") from error
    if model._default_manager.filter(**lookup).exists():
        return False

    try:
        obj = model(**values)
        if model._meta.label_lower == "governance.routingrule":
            from governance.routing.services import save_routing_rule

            save_routing_rule(obj, many.pop("handlers", []))
        else:
            lock_writes(model)
            obj.full_clean()
            obj.save()
        for name, targets in many.items():
            getattr(obj, name).set(targets)
    except ValidationError as error:
        raise SeedError(f"{where}: {_messages(error)}") from error
    except (ValueError, TypeError, IntegrityError, DataError) as error:
        raise SeedError(f"{where}: {error}") from error
    return True


def _messages(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
    return " ".join(error.messages)


def ensure_groups(path: Path, content: dict) -> None:
    """The admin's groups with their permissions on the registry's data."""
    from django.contrib.auth.models import Group, Permission

    from governance.core.records import REGISTRY_APPS
    from governance.core.scope import COORDINATORS, READERS

    # Webhook subscriptions hold signing secrets and decide where the server sends
    # requests: superusers only, so no group gets their permissions.
    registry = (
        Permission.objects.filter(content_type__app_label__in=REGISTRY_APPS)
        .exclude(content_type__model__endswith="event")
        .exclude(content_type__model__startswith="webhook")
    )
    for number, spec in enumerate(content["groups"], start=1):
        where = f"{path.name}, group {number}"
        if not isinstance(spec, dict) or spec.get("name") not in (COORDINATORS, READERS):
            raise SeedError(f"{where}: 'name' must be one of {COORDINATORS!r}, {READERS!r}")
        actions = spec.get("permissions")
        if not isinstance(actions, list) or not set(actions) <= {"add", "change", "delete", "view"}:
            raise SeedError(f"{where}: 'permissions' must list some of add, change, delete, view")
        permissions = registry.filter(codename__regex=rf"^({'|'.join(actions)})_")
        for model_name in spec.get("except_models", []):
            permissions = permissions.exclude(content_type__model=model_name)
        group, _ = Group.objects.get_or_create(name=spec["name"])
        group.permissions.set(permissions)


@transaction.atomic
def load(directory: Path = DATA_DIR) -> dict[str, int]:
    """Create every seed record that is missing; returns how many each file created."""
    created: dict[str, int] = {}
    records: list[Record] = []
    contents = []
    for path in data_files(directory):
        content = read_file(path)
        contents.append((path, content))
        created[path.stem] = 0
        records += parse_records(path, content)

    with pghistory.context(source="load_registry"):
        from governance.core.models import SourceDocument

        for path, content in contents:
            if "groups" in content:
                ensure_groups(path, content)
        sources: dict = {}
        for record in in_dependency_order(records):
            if (
                record.label != "governance.sourcedocument"
                and record.path.name not in REFERENCE_FILES
            ):
                if not record.source:
                    raise SeedError(f"{record.where()}: no 'source' names its document")
                if record.source not in sources:
                    found = SourceDocument.objects.filter(slug=record.source).first()
                    if found is None:
                        raise SeedError(
                            f"{record.where()}: source {record.source!r} is no source document"
                        )
                    sources[record.source] = found
            created[record.path.stem] += write(record, sources)
    return created
