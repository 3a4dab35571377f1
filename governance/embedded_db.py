"""The embedded PostgreSQL a newcomer gets when no DATABASE_URL is set.

pgserver ships real PostgreSQL binaries in a wheel; this module owns the server's lifecycle and
uses pgserver only for its public command functions (``pgserver.initdb``, ``pgserver.pg_ctl``).

The design keeps no per-process bookkeeping, so nothing a killed process leaves behind can stop
the next start:

- The server is started detached (``pg_ctl start`` puts the postmaster in a session of its own)
  and keeps running between commands; ``make stop-db`` stops it.
- Every start-up step runs under an exclusive ``flock`` on ``<data dir>.lock`` beside the data
  directory. The kernel releases that lock when its holder dies, however it dies.
- A new data directory is initialised in a temporary sibling and renamed into place, so an
  interrupted ``initdb`` leaves no half-made data directory, only a temporary one that the next
  start removes.
- "Is it running?" is answered by connecting, not by trusting ``postmaster.pid``: after a reboot
  that file can name a process id that now belongs to something else. A ``postmaster.pid`` whose
  process is not a live postgres of this data directory is removed before starting.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import stat
import subprocess
import tempfile
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / ".pgdata"
DATABASE_NAME = "samverkansregistret"
SUPERUSER = "postgres"
# PostgreSQL refuses to run as root; as root the server runs as this system user.
SYSTEM_USER = "pgserver"
# Unix socket paths are limited to about 107 bytes; a longer data directory path gets its
# socket in a short folder under the temporary directory instead.
_SOCKET_PATH_LIMIT = 100
_START_SECONDS = 90
# Files an older version of this setup left in a data directory that never got initialised.
_DISPOSABLE_LEFTOVERS = {".handle_pids.json"}


class EmbeddedDatabaseError(RuntimeError):
    """The embedded server could not be started; the message says why and where its log is."""


def data_dir() -> Path:
    return Path(os.environ.get("EMBEDDED_PGDATA", DEFAULT_DATA_DIR)).resolve()


def ensure_running(pgdata: Path | None = None) -> dict:
    """Start (or reuse) the embedded server and return Django DATABASES settings for it."""
    pgdata = (pgdata or data_dir()).resolve()
    with _startup_lock(pgdata):
        if not (pgdata / "PG_VERSION").exists():
            _initialise(pgdata)
        socket_dir = _running_socket_dir(pgdata)
        if socket_dir is None:
            socket_dir = _start(pgdata)
        _ensure_database(socket_dir)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": SUPERUSER,
        "PASSWORD": "",
        "HOST": str(socket_dir),
        "PORT": "",
        "CONN_MAX_AGE": 0,
    }


def stop(pgdata: Path | None = None) -> None:
    """Stop the embedded server cleanly if it runs (``make stop-db``)."""
    pgserver = _pgserver()

    pgdata = (pgdata or data_dir()).resolve()
    if not (pgdata / "PG_VERSION").exists():
        return
    with _startup_lock(pgdata):
        if _running_socket_dir(pgdata) is None:
            return
        pgserver.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, **_run_as())


@contextmanager
def _startup_lock(pgdata: Path) -> Iterator[None]:
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    lock_path = pgdata.with_name(pgdata.name + ".lock")
    with open(lock_path, "a") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def _pgserver():
    """pgserver's public command functions (``initdb``, ``pg_ctl``)."""
    # platformdirs, imported by pgserver, warns about XDG_RUNTIME_DIR on servers without a
    # login session; nothing here uses that folder.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver
    return pgserver


def _run_as() -> dict:
    """subprocess keyword arguments that run a server binary as a user PostgreSQL accepts."""
    if os.geteuid() != 0:
        return {}
    _ensure_system_user()
    return {"user": SYSTEM_USER}


def _ensure_system_user() -> None:
    import pwd

    try:
        pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "-s", "/usr/sbin/nologin", SYSTEM_USER],
            check=True,
            capture_output=True,
        )


def _give_to_system_user(path: Path) -> None:
    """As root: let the server's user own ``path`` and reach it through its parents."""
    if os.geteuid() != 0:
        return
    import pwd

    _ensure_system_user()
    entry = pwd.getpwnam(SYSTEM_USER)
    if path.stat().st_uid != entry.pw_uid:
        for root, dirs, files in os.walk(path):
            os.chown(root, entry.pw_uid, entry.pw_gid)
            for name in [*dirs, *files]:
                os.chown(os.path.join(root, name), entry.pw_uid, entry.pw_gid, follow_symlinks=False)
    traverse = stat.S_IXGRP | stat.S_IXOTH
    for parent in path.parents:
        mode = parent.stat().st_mode
        if mode & traverse != traverse:
            parent.chmod(mode | traverse)


def _initialise(pgdata: Path) -> None:
    pgserver = _pgserver()

    # Leftovers of an interrupted initialisation hold no data: initdb runs in a staging folder
    # that becomes the data directory only once it is complete.
    for stale in pgdata.parent.glob(f"{pgdata.name}.init-*"):
        shutil.rmtree(stale, ignore_errors=True)
    if pgdata.exists():
        unexpected = {p.name for p in pgdata.iterdir()} - _DISPOSABLE_LEFTOVERS
        if unexpected:
            raise EmbeddedDatabaseError(
                f"{pgdata} is not a PostgreSQL data directory (it has no PG_VERSION) and is not "
                f"empty ({', '.join(sorted(unexpected)[:5])}). Point EMBEDDED_PGDATA elsewhere "
                "or empty the folder."
            )
        shutil.rmtree(pgdata)
    staging = Path(tempfile.mkdtemp(prefix=f"{pgdata.name}.init-", dir=pgdata.parent))
    _give_to_system_user(staging)
    pgserver.initdb(
        ["--auth=trust", "--auth-local=trust", "--encoding=UTF8", "--locale=C.UTF-8",
         "-U", SUPERUSER],
        pgdata=staging,
        **_run_as(),
    )
    staging.rename(pgdata)


def _socket_dir_for(pgdata: Path) -> Path:
    if len(str(pgdata / ".s.PGSQL.5432")) <= _SOCKET_PATH_LIMIT:
        return pgdata
    digest = hashlib.sha256(str(pgdata).encode()).hexdigest()[:12]
    folder = Path(tempfile.gettempdir()) / f"samverkansregistret-pg-{digest}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def _postmaster_socket_dir(pgdata: Path) -> Path | None:
    """The socket folder a running server wrote into postmaster.pid (its fifth line)."""
    try:
        lines = (pgdata / "postmaster.pid").read_text().splitlines()
    except (FileNotFoundError, UnicodeDecodeError):
        return None
    if len(lines) >= 5 and lines[4].strip():
        return Path(lines[4].strip())
    return None


def _answers(socket_dir: Path) -> bool:
    import psycopg2

    try:
        psycopg2.connect(
            dbname="postgres", user=SUPERUSER, host=str(socket_dir), connect_timeout=3
        ).close()
    except psycopg2.OperationalError:
        return False
    return True


def _running_socket_dir(pgdata: Path) -> Path | None:
    """The socket folder of this data directory's server if it answers, else None."""
    socket_dir = _postmaster_socket_dir(pgdata)
    if socket_dir is not None and _answers(socket_dir):
        return socket_dir
    return None


def _remove_stale_pid_file(pgdata: Path) -> None:
    """Remove postmaster.pid unless the postmaster it names still lives.

    After a reboot the process id in the file may belong to another program, so a live process
    counts only if it is a postgres started on this data directory.
    """
    import psutil

    pid_file = pgdata / "postmaster.pid"
    try:
        pid = int(pid_file.read_text().splitlines()[0])
    except FileNotFoundError:
        return
    except (ValueError, IndexError, UnicodeDecodeError):
        pid_file.unlink(missing_ok=True)
        return
    try:
        process = psutil.Process(pid)
        alive = process.status() != psutil.STATUS_ZOMBIE and any(
            str(pgdata) in arg for arg in process.cmdline()
        )
    except psutil.Error:
        alive = False
    if not alive:
        pid_file.unlink(missing_ok=True)


def _start(pgdata: Path) -> Path:
    pgserver = _pgserver()

    socket_dir = _socket_dir_for(pgdata)
    _give_to_system_user(pgdata)
    if socket_dir != pgdata:
        _give_to_system_user(socket_dir)
    log = pgdata / "log"
    last_error = "it did not answer"
    deadline = time.monotonic() + _START_SECONDS
    while time.monotonic() < deadline:
        running = _running_socket_dir(pgdata)
        if running is not None:
            return running
        _remove_stale_pid_file(pgdata)
        if (pgdata / "postmaster.pid").exists():
            # Our postmaster lives but does not answer yet: it is starting or recovering.
            time.sleep(0.5)
            continue
        try:
            pgserver.pg_ctl(
                ["-w", "-t", "60", "-l", str(log), "-o", f"-h '' -k '{socket_dir}'", "start"],
                pgdata=pgdata,
                **_run_as(),
            )
        except subprocess.CalledProcessError as error:
            # After a kill -9 of the postmaster its backends may hold the shared memory for a
            # moment; a later attempt finds them gone.
            last_error = str(error)
            time.sleep(0.5)
    tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
    raise EmbeddedDatabaseError(
        f"The embedded PostgreSQL in {pgdata} did not start ({last_error}). "
        f"Its log, {log}, ends with:\n{tail}"
    )


def _ensure_database(socket_dir: Path) -> None:
    import psycopg2
    from psycopg2 import sql

    connection = psycopg2.connect(dbname="postgres", user=SUPERUSER, host=str(socket_dir))
    connection.autocommit = True  # CREATE DATABASE cannot run in a transaction
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME])
            if cursor.fetchone() is None:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE_NAME)))
    finally:
        connection.close()


