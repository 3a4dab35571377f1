"""A backup restored into a fresh, empty database loses nothing: counts and every row."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg2
import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import connection
from rest_framework.authtoken.models import Token

from agreements.models import Agreement
from governance.core.management.commands.backup_registry import FORMAT_VERSION, backed_up_models
from governance.core.scope import READERS

ROOT = Path(__file__).resolve().parents[2]


def _server_params() -> dict:
    s = connection.settings_dict
    params = {"user": s["USER"], "dbname": "postgres"}
    for key, name in (("HOST", "host"), ("PORT", "port"), ("PASSWORD", "password")):
        if s.get(key):
            params[name] = s[key]
    return params


def _admin(sql: str) -> None:
    conn = psycopg2.connect(**_server_params())
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            cursor.execute(sql)
    finally:
        conn.close()


def _url(name: str) -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    if s["HOST"].startswith("/"):
        return f"postgres://{auth}@/{name}?host={s['HOST']}"
    return f"postgres://{auth}@{s['HOST']}:{s['PORT'] or 5432}/{name}"


def _exists(name: str) -> bool:
    conn = psycopg2.connect(**_server_params())
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            return cursor.fetchone() is not None
    finally:
        conn.close()


@pytest.fixture
def empty_database():
    """A new database on the same server, migrated and empty; yields its DATABASE_URL.

    It is copied from a migrated, never-written template that is kept between runs
    (like --reuse-db) and brought up to date with `migrate` each time, so only the
    first run pays for every migration.
    """
    base = connection.settings_dict["NAME"]
    template = f"{base}_empty_template"
    if not _exists(template):
        _admin(f'CREATE DATABASE "{template}"')
    _manage("migrate", "--no-input", "--skip-checks", "-v0", database_url=_url(template))
    name = f"{base}_restore_{uuid.uuid4().hex[:8]}"
    _admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield _url(name)
    finally:
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _manage(*args, database_url: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTEST_VERSION", "TEST_DB_SUFFIX"}}
    env.update(DEBUG="true", DATABASE_URL=database_url, CONN_MAX_AGE="0")
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture
def lived_in_registry(db, coordinator_vg, superuser):
    """The seed registry plus what daily use adds: edits (history), a token, an admin log."""
    agreement = Agreement.objects.get(slug="avsiktsforklaring-vg-2016")
    agreement.purpose += " Ändrat i test."
    agreement.save()
    Token.objects.create(user=coordinator_vg)
    LogEntry.objects.log_actions(
        user_id=superuser.pk, queryset=[agreement], action_flag=CHANGE, change_message="test"
    )
    coordinator_vg.groups.add(Group.objects.get(name=READERS))
    return agreement


@pytest.mark.slow
@pytest.mark.usefixtures("seed")
def test_round_trip_into_an_empty_database_loses_nothing_and_numbering_continues(
    lived_in_registry, empty_database, tmp_path
):
    first = tmp_path / "first.json"
    call_command("backup_registry", str(first), verbosity=0)
    original = json.loads(first.read_text())

    # The backup holds every table, with the counts of the database.
    for model in backed_up_models():
        label = model._meta.label_lower
        assert original["models"][label]["count"] == model._base_manager.count(), label
    assert original["format_version"] == FORMAT_VERSION
    assert original["models"]["agreements.agreementevent"]["count"] > 0
    assert original["models"]["auth.user"]["count"] >= 2

    restored = _manage("restore_registry", str(first), database_url=empty_database)
    assert "Återställt" in restored.stdout
    second = tmp_path / "second.json"
    _manage("backup_registry", str(second), database_url=empty_database)
    again = json.loads(second.read_text())

    assert {label: m["count"] for label, m in again["models"].items()} == {
        label: m["count"] for label, m in original["models"].items()
    }
    # Deep comparison: every row of every table, field by field, history included.
    for label, content in original["models"].items():
        assert again["models"][label]["rows"] == content["rows"], label

    # Times keep their microseconds.
    lived_in_registry.refresh_from_db()
    (restored_row,) = [
        row
        for row in again["models"]["agreements.agreement"]["rows"]
        if row["pk"] == lived_in_registry.pk
    ]
    for name in ("created_at", "modified_at"):
        restored_time = dt.datetime.fromisoformat(restored_row["fields"][name])
        assert restored_time == getattr(lived_in_registry, name)

    # Sequences were moved past the restored keys: a new row gets a new number.
    highest = max(row["pk"] for row in original["models"]["agreements.agreement"]["rows"])
    created = _manage(
        "shell",
        "-c",
        "from agreements.models import Agreement;"
        "print(Agreement.objects.create(title='Ny', kind='county_plan').pk)",
        database_url=empty_database,
    )
    assert int(created.stdout.strip().splitlines()[-1]) > highest


@pytest.mark.usefixtures("seed")
def test_restore_refuses_a_database_that_is_not_empty(db, tmp_path):
    backup = tmp_path / "backup.json"
    call_command("backup_registry", str(backup), verbosity=0)
    before = Agreement.objects.count()
    with pytest.raises(CommandError, match="inte tom"):
        call_command("restore_registry", str(backup))
    assert Agreement.objects.count() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json at all", "inte en JSON-fil"),
        ('{"format": "something-else"}', "inte en säkerhetskopia"),
        (
            '{"format": "samverkansregistret-backup", "format_version": 99, "models": {}}',
            "formatversion 99",
        ),
    ],
)
def test_restore_explains_a_file_it_cannot_read(db, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(CommandError, match=message):
        call_command("restore_registry", str(path))


def test_restore_explains_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="finns inte"):
        call_command("restore_registry", str(tmp_path / "nowhere.json"))


def test_backup_does_not_overwrite_a_file_unless_told(db, tmp_path):
    path = tmp_path / "backup.json"
    path.write_text("keep me")
    with pytest.raises(CommandError, match="finns redan"):
        call_command("backup_registry", str(path))
    assert path.read_text() == "keep me"


def test_restore_refuses_tables_the_backup_does_not_cover(db):
    from governance.core.management.commands.restore_registry import restore

    data = {"models": {"governance.registryversion": {"count": 1, "rows": []}}}
    with pytest.raises(CommandError, match=r"governance\.registryversion"):
        restore(data, "default")
