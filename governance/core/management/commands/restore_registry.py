"""manage.py restore_registry FILE: read a ``backup_registry`` file into an EMPTY database.

The target database must be migrated (``manage.py migrate``) and hold no
registry rows: a restore never merges into or overwrites existing data. All
rows are written in one transaction with their original primary keys, history
triggers held off (the history is restored as it was, not written anew), then
every sequence is moved past the highest key. Any error rolls everything back.
The stored files in the backup are written to the storage under their own names
(a file already there with the same content is left as it is).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from pathlib import Path

import pgtrigger
from django.apps import apps
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, IntegrityError, connections, transaction
from django.utils.translation import gettext as _

from governance.core.management.commands.backup_registry import (
    FORMAT,
    FORMAT_VERSION,
    applied_migrations,
    backed_up_models,
)


def read_backup(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CommandError(_("Filen %(path)s finns inte.") % {"path": path}) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CommandError(
            _("%(path)s är inte en JSON-fil från backup_registry: %(error)s")
            % {"path": path, "error": exc}
        ) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CommandError(
            _("%(path)s är inte en säkerhetskopia av Samverkansregistret.") % {"path": path}
        )
    version = data.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise CommandError(
            _(
                "Säkerhetskopian har formatversion %(version)s; den här versionen av "
                "registret läser till och med version %(supported)d."
            )
            % {"version": version, "supported": FORMAT_VERSION}
        )
    if not isinstance(data.get("models"), dict):
        raise CommandError(_("Säkerhetskopian saknar tabeller (models)."))
    return data


def check_schema(data: dict, using: str) -> None:
    """The target must know every model and have every migration the backup had."""
    unknown = []
    for label in data["models"]:
        try:
            apps.get_model(label)
        except (LookupError, ValueError):
            unknown.append(label)
    if unknown:
        raise CommandError(
            _("Säkerhetskopian innehåller tabeller som den här versionen saknar: %(labels)s")
            % {"labels": ", ".join(sorted(unknown))}
        )
    here = applied_migrations(using)
    missing = [
        f"{app}.{name}"
        for app, names in data.get("migrations", {}).items()
        for name in names
        if name not in here.get(app, [])
    ]
    if missing:
        raise CommandError(
            _(
                "Databasen saknar migreringar som säkerhetskopian gjordes med (%(missing)s). "
                "Kör 'manage.py migrate' mot den tomma databasen först."
            )
            % {"missing": ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")}
        )


def restore_files(data: dict) -> int:
    """Write the backup's stored files to the storage; returns how many were written."""
    written = 0
    for entry in data.get("files", []):
        name, expected = entry["name"], entry["sha256"]
        try:
            content = base64.b64decode(entry["content"], validate=True)
        except (binascii.Error, ValueError) as exc:
            raise CommandError(
                _("Filen %(name)s är skadad i säkerhetskopian.") % {"name": name}
            ) from exc
        if hashlib.sha256(content).hexdigest() != expected:
            raise CommandError(
                _("Filen %(name)s stämmer inte med sin kontrollsumma.") % {"name": name}
            )
        if default_storage.exists(name):
            with default_storage.open(name, "rb") as handle:
                if hashlib.sha256(handle.read()).hexdigest() == expected:
                    continue
            raise CommandError(
                _("En annan fil med namnet %(name)s finns redan i lagringen.") % {"name": name}
            )
        saved = default_storage.save(name, ContentFile(content))
        if saved != name:
            raise CommandError(
                _("Filen %(name)s kunde inte sparas under sitt namn.") % {"name": name}
            )
        written += 1
    return written


def non_empty_tables(using: str) -> dict[str, int]:
    counts = {}
    for model in backed_up_models():
        n = model._base_manager.using(using).count()
        if n:
            counts[model._meta.label_lower] = n
    return counts


def restore(data: dict, using: str) -> dict[str, int]:
    """Write every row of ``data``; returns rows written per model. Call inside a transaction."""
    order = [m._meta.label_lower for m in backed_up_models()]
    unknown = sorted(set(data["models"]) - set(order))
    if unknown:
        raise CommandError(
            _("Filen innehåller tabeller som säkerhetskopian inte omfattar: %(labels)s")
            % {"labels": ", ".join(unknown)}
        )
    labels = sorted(data["models"], key=lambda label: order.index(label))
    written: dict[str, int] = {}
    deferred = []
    for label in labels:
        rows = data["models"][label].get("rows", [])
        objects = [{"model": label, "pk": row["pk"], "fields": row["fields"]} for row in rows]
        count = 0
        for obj in serializers.deserialize(
            "python", objects, using=using, handle_forward_references=True
        ):
            obj.save(using=using)
            if obj.deferred_fields:
                deferred.append(obj)
            count += 1
        written[label] = count
    for obj in deferred:
        obj.save_deferred_fields(using=using)
    models = [apps.get_model(label) for label in labels]
    connection = connections[using]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
    return written


class Command(BaseCommand):
    requires_system_checks = []
    help = _(
        "Läs in en säkerhetskopia från backup_registry i en tom, migrerad databas "
        "(i en transaktion)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("Filen från backup_registry."))
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, **options):
        using = options["database"]
        if using not in connections:
            raise CommandError(_("Okänd databas: %(alias)s") % {"alias": using})
        data = read_backup(Path(options["file"]))
        check_schema(data, using)
        occupied = non_empty_tables(using)
        if occupied:
            sample = ", ".join(f"{label} ({n})" for label, n in list(occupied.items())[:5])
            raise CommandError(
                _(
                    "Databasen är inte tom: %(sample)s. Återställning görs bara till en tom "
                    "databas, så att inget skrivs över. Skapa en ny databas, kör "
                    "'manage.py migrate' och försök igen."
                )
                % {"sample": sample}
            )
        try:
            with transaction.atomic(using=using), pgtrigger.ignore(databases=[using]):
                written = restore(data, using)
                mismatched = {
                    label: (n, data["models"][label].get("count"))
                    for label, n in written.items()
                    if n != data["models"][label].get("count")
                }
                if mismatched:
                    raise CommandError(
                        _("Antalet rader stämmer inte med filen: %(detail)s")
                        % {"detail": mismatched}
                    )
                files = restore_files(data)
        except (DeserializationError, IntegrityError, DatabaseError, KeyError, TypeError) as exc:
            raise CommandError(
                _("Återställningen avbröts och inget sparades: %(error)s") % {"error": exc}
            ) from exc
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    _(
                        "Återställt %(rows)d rader i %(models)d tabeller och %(files)d filer "
                        "från %(path)s."
                    )
                    % {
                        "rows": sum(written.values()),
                        "models": len(written),
                        "files": files,
                        "path": options["file"],
                    }
                )
            )
