"""The embedded PostgreSQL a newcomer gets when no DATABASE_URL is set.

pgserver ships real PostgreSQL binaries in a wheel. The server lives in a data
directory inside the project and is left running after the process that started
it exits (``cleanup_mode=None``): the development server, a management command
and the test runner can then start in any order, at the same time, and reuse it.
pgserver serialises start-up with an inter-process lock and restarts a server
whose ``postmaster.pid`` points at a dead process, so a crash needs no repair.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from urllib.parse import parse_qs, urlparse

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / ".pgdata"
DATABASE_NAME = "samverkansregistret"


def data_dir() -> Path:
    return Path(os.environ.get("EMBEDDED_PGDATA", DEFAULT_DATA_DIR)).resolve()


def ensure_running(pgdata: Path | None = None) -> dict:
    """Start (or reuse) the embedded server and return Django DATABASES settings for it."""
    # platformdirs warns about XDG_RUNTIME_DIR on servers without a login session;
    # pgserver only uses that folder for its lock file, where /tmp is fine.
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    import pgserver

    pgdata = (pgdata or data_dir()).resolve()
    pgdata.mkdir(parents=True, exist_ok=True)
    cached = pgserver.PostgresServer._instances.get(pgdata)
    if cached is not None and not cached.get_postmaster_info().is_running():
        # The server died under this process (a crash, a kill): start afresh.
        del pgserver.PostgresServer._instances[pgdata]
    server = pgserver.get_server(pgdata, cleanup_mode=None)
    _ensure_database(server)
    parsed = urlparse(server.get_uri())
    host = parse_qs(parsed.query).get("host", [""])[0]
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": parsed.username or "postgres",
        "PASSWORD": "",
        "HOST": host,
        "PORT": "",
        "CONN_MAX_AGE": 0,
    }


def _ensure_database(server) -> None:
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")
    if "(1 row)" not in exists:
        # Two processes may race here; the loser's CREATE fails harmlessly.
        server.psql(f"CREATE DATABASE {DATABASE_NAME};")


def stop(pgdata: Path | None = None) -> None:
    """Stop the embedded server if it runs (``make stop-db``)."""
    from pgserver._commands import pg_ctl

    pgdata = pgdata or data_dir()
    if (pgdata / "postmaster.pid").exists():
        user = "pgserver" if os.geteuid() == 0 else None
        pg_ctl(["-w", "stop"], pgdata=pgdata, user=user)
