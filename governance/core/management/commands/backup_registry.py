"""manage.py backup_registry FILE: the whole registry as one versioned JSON file.

Every concrete table of every installed app is exported — the registry's four
apps, their history (the pghistory event tables and contexts), users, groups,
coordinator scopes, API tokens and the admin's change log — except what a fresh
database rebuilds itself (content types, permissions: referred to by natural
key) and what is no part of the registry (sessions, login-attempt logs).

The file holds a format version, the time it was made, the migrations the
database had, per model its row count and rows (Django's serializer, with
natural keys for users, groups, content types and permissions), and the stored
files the rows name (uploaded documents and their earlier versions), each with
its storage name, SHA-256 and content in base64. The file contains password
hashes, API tokens and documents that are not public: keep it as secret as the
database.
``restore_registry`` reads it into an empty database.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

FORMAT = "samverkansregistret-backup"
# 2: the stored files ("files") are part of the backup.
FORMAT_VERSION = 2

# Rebuilt by `migrate` in any database (and referred to by natural key), or not
# part of the registry: sessions and the login-attempt logs (IP addresses). The
# registry's version is the restoring database's own: the restore moves it on.
EXCLUDED = {
    "governance.registryversion",
    "contenttypes.contenttype",
    "auth.permission",
    "sessions.session",
    "axes.accessattempt",
    "axes.accessattemptexpiration",
    "axes.accesslog",
    "axes.accessfailurelog",
}


class BackupEncoder(DjangoJSONEncoder):
    """Django's JSON encoder, but times keep their microseconds (it cuts them to milliseconds)."""

    def default(self, o):
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


def backed_up_models() -> list:
    """Every table the backup holds, users and groups first (others refer to them by name)."""
    app_list = {}
    for model in apps.get_models():
        opts = model._meta
        if not opts.managed or opts.proxy or opts.label_lower in EXCLUDED:
            continue
        app_list.setdefault(opts.app_config, []).append(model)
    ordered = serializers.sort_dependencies(app_list.items(), allow_cycles=True)
    return ordered


def _m2m_names(model) -> list[str]:
    return [f.name for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created]


def serialize_model(model, using: str = DEFAULT_DB_ALIAS) -> list[dict]:
    """The rows of ``model``, in primary-key order, as ``{"pk": …, "fields": {…}}``."""
    queryset = model._base_manager.using(using).order_by("pk")
    m2m = _m2m_names(model)
    if m2m:
        queryset = queryset.prefetch_related(*m2m)
    rows = serializers.serialize(
        "python",
        queryset.iterator(chunk_size=2000),
        use_natural_foreign_keys=True,
    )
    # JSON round trip: dates, decimals and UUIDs as the file will hold them.
    return [
        {"pk": row["pk"], "fields": row["fields"]}
        for row in json.loads(json.dumps(rows, cls=BackupEncoder))
    ]


def applied_migrations(using: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    recorder = MigrationRecorder(connections[using])
    applied: dict[str, list[str]] = {}
    for app, name in sorted(recorder.applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def file_fields(model) -> list:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def stored_files(using: str = DEFAULT_DB_ALIAS) -> list[dict]:
    """Every file a backed-up row names, read from its storage: name, SHA-256, content."""
    found = {}
    for model in backed_up_models():
        for field in file_fields(model):
            names = (
                model._base_manager.using(using)
                .exclude(**{field.attname: ""})
                .order_by(field.attname)
                .values_list(field.attname, flat=True)
                .distinct()
            )
            for name in names.iterator():
                if name in found:
                    continue
                try:
                    with field.storage.open(name, "rb") as handle:
                        content = handle.read()
                except FileNotFoundError as exc:
                    raise CommandError(
                        _("Filen %(name)s (%(model)s) saknas i lagringen.")
                        % {"name": name, "model": model._meta.label_lower}
                    ) from exc
                found[name] = {
                    "name": name,
                    "sha256": hashlib.sha256(content).hexdigest(),
                    "content": base64.b64encode(content).decode("ascii"),
                }
    return [found[name] for name in sorted(found)]


def build_backup(using: str = DEFAULT_DB_ALIAS) -> dict:
    models = {}
    for model in backed_up_models():
        rows = serialize_model(model, using)
        models[model._meta.label_lower] = {"count": len(rows), "rows": rows}
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "migrations": applied_migrations(using),
        "models": models,
        "files": stored_files(using),
    }


class Command(BaseCommand):
    # A backup must not depend on the URL configuration or other checks passing.
    requires_system_checks = []
    help = _(
        "Exportera hela registret (alla appar, historik, användare och grupper) "
        "till en versionerad JSON-fil."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("Filen att skriva, eller - för standard ut."))
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)
        parser.add_argument("--force", action="store_true", help=_("Skriv över en befintlig fil."))

    def handle(self, *args, **options):
        target = options["file"]
        path = None if target == "-" else Path(target)
        if path is not None:
            if path.exists() and not options["force"]:
                raise CommandError(
                    _("Filen %(path)s finns redan. Välj ett annat namn eller ange --force.")
                    % {"path": path}
                )
            if not path.parent.is_dir():
                raise CommandError(_("Mappen %(dir)s finns inte.") % {"dir": path.parent})
        using = options["database"]
        if using not in connections:
            raise CommandError(_("Okänd databas: %(alias)s") % {"alias": using})

        # One snapshot: every table read in the same repeatable-read transaction
        # (inside a caller's transaction, that transaction's snapshot).
        connection = connections[using]
        if connection.in_atomic_block:
            backup = build_backup(using)
        else:
            with transaction.atomic(using=using):
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                backup = build_backup(using)

        text = json.dumps(backup, cls=BackupEncoder, ensure_ascii=False, indent=1)
        if path is None:
            sys.stdout.write(text + "\n")
            return
        tmp = path.with_name(path.name + ".partial")
        tmp.write_text(text + "\n", encoding="utf-8")
        tmp.replace(path)
        total = sum(m["count"] for m in backup["models"].values())
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    _(
                        "Säkerhetskopia skriven till %(path)s: %(rows)d rader i %(models)d "
                        "tabeller, %(files)d filer."
                    )
                    % {
                        "path": path,
                        "rows": total,
                        "models": len(backup["models"]),
                        "files": len(backup["files"]),
                    }
                )
            )
