"""The skeleton: settings, the embedded and the external database, health check, language."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg2
import pytest
from django.urls import reverse

from governance.embedded_db import ensure_running, stop

ROOT = Path(__file__).resolve().parent.parent


def _clean_env(**extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTEST_VERSION", "DEBUG", "SECRET_KEY", "DATABASE_URL"}
    }
    env.update(extra)
    return env


def _connect(settings_dict):
    return psycopg2.connect(
        dbname=settings_dict["NAME"], user=settings_dict["USER"], host=settings_dict["HOST"]
    )


@pytest.fixture
def pgdata(tmp_path):
    """A fresh data directory whose server is stopped after the test."""
    path = tmp_path / "pgdata"
    yield path
    stop(path)


def _postmaster_pid(pgdata: Path) -> int:
    return int((pgdata / "postmaster.pid").read_text().splitlines()[0])


@pytest.mark.slow
def test_embedded_database_starts_from_nothing_and_from_an_existing_data_directory(pgdata):
    first = ensure_running(pgdata)
    with _connect(first) as conn, conn.cursor() as cur:
        cur.execute("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('finns kvar')")
    pid = _postmaster_pid(pgdata)

    again = ensure_running(pgdata)  # reuses the running server and its data
    assert _postmaster_pid(pgdata) == pid
    with _connect(again) as conn, conn.cursor() as cur:
        cur.execute("SELECT v FROM kept")
        assert cur.fetchone() == ("finns kvar",)


@pytest.mark.slow
def test_stop_db_stops_the_server_cleanly_and_the_next_start_brings_it_back(pgdata):
    first = ensure_running(pgdata)
    with _connect(first) as conn, conn.cursor() as cur:
        cur.execute("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('kvar')")
    pid = _postmaster_pid(pgdata)
    stop(pgdata)
    _wait_until_gone(pid)
    assert not (pgdata / "postmaster.pid").exists()  # a clean shutdown removes it
    with pytest.raises(psycopg2.OperationalError):
        _connect(first)
    again = ensure_running(pgdata)
    with _connect(again) as conn, conn.cursor() as cur:
        cur.execute("SELECT v FROM kept")
        assert cur.fetchone() == ("kvar",)


@pytest.mark.slow
def test_embedded_database_recovers_from_a_crash_without_hand_repair(pgdata):
    ensure_running(pgdata)
    pid = _postmaster_pid(pgdata)
    os.kill(pid, signal.SIGKILL)  # leaves a stale postmaster.pid behind
    for _ in range(50):
        try:
            os.kill(pid, 0)
            time.sleep(0.1)
        except ProcessLookupError:
            break
    restarted = ensure_running(pgdata)
    assert _postmaster_pid(pgdata) != pid
    with _connect(restarted) as conn, conn.cursor() as cur:
        cur.execute("SELECT 1")
        assert cur.fetchone() == (1,)


@pytest.mark.slow
def test_two_processes_can_start_the_embedded_database_at_once(pgdata):
    code = (
        "import sys, json; from pathlib import Path; from governance.embedded_db import ensure_running;"
        "print(json.dumps(ensure_running(Path(sys.argv[1]))['HOST']))"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(pgdata)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    hosts = {json.loads(out.strip().splitlines()[-1]) for out, _ in outs}
    assert len(hosts) == 1  # both talk to the same server


def _wait_until_gone(pid: int) -> None:
    for _ in range(100):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)


@pytest.mark.slow
def test_embedded_database_starts_over_a_stale_postmaster_pid_after_a_reboot(pgdata):
    ensure_running(pgdata)
    pid = _postmaster_pid(pgdata)
    os.kill(pid, signal.SIGKILL)
    _wait_until_gone(pid)
    # After a reboot the file's process id may belong to any live program: here, this one.
    lines = (pgdata / "postmaster.pid").read_text().splitlines()
    (pgdata / "postmaster.pid").write_text("\n".join([str(os.getpid()), *lines[1:]]) + "\n")
    restarted = ensure_running(pgdata)
    with _connect(restarted) as conn, conn.cursor() as cur:
        cur.execute("SELECT 1")
        assert cur.fetchone() == (1,)


@pytest.mark.slow
def test_embedded_database_ignores_what_an_older_setup_left_behind(pgdata):
    pgdata.mkdir()
    (pgdata / ".handle_pids.json").write_text("")  # the empty list a killed process left
    settings_dict = ensure_running(pgdata)
    with _connect(settings_dict) as conn, conn.cursor() as cur:
        cur.execute("SELECT 1")
        assert cur.fetchone() == (1,)


def test_embedded_database_refuses_a_folder_that_is_not_its_own(tmp_path):
    from governance.embedded_db import EmbeddedDatabaseError

    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "protokoll.txt").write_text("inte en databas")
    with pytest.raises(EmbeddedDatabaseError, match="not a PostgreSQL data directory"):
        ensure_running(folder)
    assert (folder / "protokoll.txt").read_text() == "inte en databas"


_CLIENT = """
import sys, time
from pathlib import Path
import psycopg2
from governance.embedded_db import ensure_running

settings_dict = ensure_running(Path(sys.argv[1]))
connection = psycopg2.connect(
    dbname=settings_dict["NAME"], user=settings_dict["USER"], host=settings_dict["HOST"]
)
connection.autocommit = True
with connection.cursor() as cursor:
    for _ in range(1000):
        cursor.execute("SELECT count(*) FROM pg_class")
        time.sleep(0.01)
"""


@pytest.mark.slow
def test_embedded_database_survives_clients_stopped_at_random_moments(pgdata):
    """20 rounds: clients killed by SIGTERM or SIGKILL while starting, initialising or
    querying, now and then the postmaster too; each round a new process connects and
    finds every row written before."""
    import random

    rng = random.Random(20261130)
    for round_number in range(20):
        clients = [
            subprocess.Popen(
                [sys.executable, "-c", _CLIENT, str(pgdata)],
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(3)
        ]
        time.sleep(rng.uniform(0.0, 1.5))
        for client in clients:
            client.send_signal(rng.choice([signal.SIGTERM, signal.SIGKILL]))
        for client in clients:
            client.wait(timeout=60)
        if round_number % 5 == 4 and (pgdata / "postmaster.pid").exists():
            postmaster = _postmaster_pid(pgdata)
            os.kill(postmaster, signal.SIGKILL)
            _wait_until_gone(postmaster)

        check = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys, json; from pathlib import Path; import psycopg2;"
                "from governance.embedded_db import ensure_running;"
                "s = ensure_running(Path(sys.argv[1]));"
                "c = psycopg2.connect(dbname=s['NAME'], user=s['USER'], host=s['HOST']);"
                "c.autocommit = True; cur = c.cursor();"
                "cur.execute('CREATE TABLE IF NOT EXISTS kept (round int PRIMARY KEY)');"
                "cur.execute('INSERT INTO kept VALUES (%s)', [int(sys.argv[2])]);"
                "cur.execute('SELECT count(*) FROM kept'); print(cur.fetchone()[0])",
                str(pgdata),
                str(round_number),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert check.returncode == 0, f"round {round_number}: {check.stderr[-2000:]}"
        assert int(check.stdout.strip().splitlines()[-1]) == round_number + 1


def _external_postgres_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not _external_postgres_answers(), reason="no PostgreSQL on 127.0.0.1:5432")
def test_database_url_is_used_and_nothing_embedded_starts(tmp_path):
    pgdata = tmp_path / "never-created"
    env = _clean_env(
        DEBUG="true",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres",
        EMBEDDED_PGDATA=str(pgdata),
    )
    code = (
        "import django, json; django.setup(); from django.db import connection;"
        "c = connection.cursor(); c.execute('SHOW port'); "
        "print(json.dumps([connection.settings_dict['HOST'], c.fetchone()[0]]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "governance.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == ["127.0.0.1", "5432"]
    assert not pgdata.exists()


def test_settings_refuse_to_start_with_debug_off_and_no_secret_key():
    out = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=_clean_env(DEBUG="false"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode != 0
    assert "SECRET_KEY must be set" in out.stderr


def test_settings_read_the_environment(settings):
    assert settings.TIME_ZONE == "Europe/Stockholm"
    assert settings.LANGUAGE_CODE == "sv"
    assert [code for code, _ in settings.LANGUAGES] == ["sv", "en"]
    assert settings.DEBUG is False


@pytest.mark.django_db
def test_the_test_run_hashes_passwords_fast_and_production_keeps_django_defaults(
    django_user_model,
):
    user = django_user_model.objects.create_user("hasher", password="secret")
    assert user.password.startswith("md5$")
    assert user.check_password("secret")

    import governance.settings as production

    assert not hasattr(production, "PASSWORD_HASHERS")


@pytest.mark.django_db
def test_healthz_says_the_database_answered(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_does_not_answer(client, settings, django_db_blocker):
    from django.db import connection

    # A closed connection pointed at a port where nothing listens.
    connection.close()
    saved = connection.settings_dict.copy()
    connection.settings_dict.update({"HOST": "127.0.0.1", "PORT": "1", "NAME": "nothing"})
    try:
        with django_db_blocker.unblock():
            response = client.get("/healthz")
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.django_db
def test_pages_are_swedish_first_and_the_language_switch_changes_to_english(client):
    response = client.get(reverse("web:start"))
    assert response.status_code == 200
    assert '<html lang="sv">' in response.content.decode()
    assert 'href="#main"' in response.content.decode()  # skip link

    switched = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert switched.status_code == 302
    response = client.get(reverse("web:start"))
    assert '<html lang="en">' in response.content.decode()
    assert "Skip to content" in response.content.decode()


@pytest.mark.django_db
def test_static_assets_are_served_by_the_app_itself(client):
    body = client.get(reverse("web:start")).content.decode()
    assert "://" not in "".join(
        line for line in body.splitlines() if "<link" in line or "<script" in line
    )
