"""The registry read cache: public pages and API reads kept until the registry changes.

Politicians and other systems read far more than coordinators write, so a page or
API answer, once built, is kept in the ``read`` cache and served again until
something in the registry changes. Nothing is ever served stale, because the
cache key holds the registry's version (``RegistryVersion``), which a deferred
trigger on every registry table moves on at commit, in the writing transaction —
whatever the write went through. The key also holds the day (statuses and
deadlines are computed for today), the language, the scheme and host (absolute
links) and the full path with its query.

Built fresh, never cached:
- requests by a signed-in user or with credentials (coordinators see their own
  writes as they make them, and may be shown more);
- requests made inside an open transaction, whose own uncommitted writes the
  version cannot reflect (tests, which run in a rolled-back transaction, are such);
- anything but a 200, streaming responses, responses that set cookies, CSV exports.

A cached page carries no one's CSRF token: the token in the language switch is
replaced by the requesting visitor's own each time the page is served.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import select
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.migrations.operations.base import Operation
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.response import SimpleTemplateResponse
from django.utils import timezone, translation
from django.views.decorators.http import condition

from governance.core.as_of import day_of
from governance.core.records import REGISTRY_APPS

CACHE_ALIAS = "read"
VERSION_TABLE = "governance_registryversion"
# The channel the version trigger notifies at commit; every worker listens on it.
CHANNEL = "registry_changed"
LISTENER_NAME = "samverkansregistret read-cache listener"
# The listener re-reads the version at least this often, notification or not, and its word
# counts only while its last reading is younger than FRESH_SECONDS: a silent connection can
# never keep a worker on an old version for longer than that.
HEARTBEAT_SECONDS = 1.0
FRESH_SECONDS = 2.5
# How long a request waits for another thread's build of the same answer before building
# it itself.
BUILD_WAIT_SECONDS = 10.0
TRIGGER = "registry_changed"
TRUNCATE_TRIGGER = "registry_truncated"
_CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_CSRF_MARK = b"\x00csrf\x00"
# A query string can ask for a large answer (page_size=200): such answers are built
# each time rather than let a few of them fill a worker's memory.
MAX_ENTRY_BYTES = 1_000_000


# The version ---------------------------------------------------------------------------


VERSION_SQL = f"SELECT changed_at FROM {VERSION_TABLE} WHERE id = 1"
logger = logging.getLogger(__name__)


def current_version() -> str | None:
    """The registry's version as this request's connection sees it; None before any is recorded."""
    from governance.core.models import RegistryVersion

    changed = RegistryVersion.last_changed()
    return changed.isoformat() if changed else None


class VersionListener:
    """Learns of every committed write without a query per request.

    A thread per worker process holds a connection of its own that LISTENs on ``CHANNEL``; the
    version trigger notifies it at commit. On a notification, and at least every
    ``HEARTBEAT_SECONDS``, it reads the version. ``version()`` answers only while that reading
    is fresh; otherwise (no connection yet, connection lost, database restarting) it answers
    None and the request reads the version itself, as before, until the listener is back.
    """

    def __init__(self, connection_params: dict):
        self._params = connection_params
        self._version: str | None = None
        self._read_at = 0.0
        self._stopping = threading.Event()
        self._connection = None
        self.pid = os.getpid()
        self._thread = threading.Thread(target=self._run, name="registry-version", daemon=True)
        self._thread.start()

    def version(self) -> str | None:
        if time.monotonic() - self._read_at > FRESH_SECONDS:
            return None
        return self._version

    def wait_until_fresh(self, timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.version() is not None:
                return True
            time.sleep(0.02)
        return False

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)

    def _read(self, cursor) -> None:
        cursor.execute(VERSION_SQL)
        row = cursor.fetchone()
        self._version = row[0].isoformat() if row else None
        self._read_at = time.monotonic()

    def _run(self) -> None:
        import psycopg2

        while not self._stopping.is_set():
            try:
                conn = psycopg2.connect(**self._params)
                try:
                    conn.autocommit = True
                    with conn.cursor() as cursor:
                        # LISTEN before the first reading, so no commit falls between them.
                        cursor.execute(f"LISTEN {CHANNEL}")
                        self._read(cursor)
                        while not self._stopping.is_set():
                            select.select([conn], [], [], HEARTBEAT_SECONDS)
                            conn.poll()
                            conn.notifies.clear()
                            self._read(cursor)
                finally:
                    conn.close()
            except Exception:  # any failure: answer None until a new connection reads again
                self._read_at = 0.0
                logger.warning("read cache: version listener lost its connection", exc_info=True)
                self._stopping.wait(HEARTBEAT_SECONDS)


_listener: VersionListener | None = None
_listener_lock = threading.Lock()


def version_listener() -> VersionListener:
    """This process's listener, started on first use (after a fork, anew in the child)."""
    global _listener
    with _listener_lock:
        if _listener is None or _listener.pid != os.getpid():
            params = connection.get_connection_params()
            params.pop("cursor_factory", None)
            params["application_name"] = LISTENER_NAME
            _listener = VersionListener(params)
        return _listener


def stop_listener() -> None:
    global _listener
    with _listener_lock:
        if _listener is not None and _listener.pid == os.getpid():
            _listener.stop()
        _listener = None


def known_version() -> str | None:
    """The registry's version for the read cache: from the listener, else by a query."""
    return version_listener().version() or current_version()


# One function moves the version on; the trigger calls it once per transaction (the
# transaction-local setting remembers it did). greatest() keeps the version strictly
# increasing even for two commits within the same microsecond.
CHANGE_FUNCTIONS_SQL = f"""
CREATE OR REPLACE FUNCTION governance_note_registry_change() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('samverkansregistret.registry_changed', true) = 'yes' THEN
        RETURN;
    END IF;
    INSERT INTO {VERSION_TABLE} (id, changed_at) VALUES (1, clock_timestamp())
    ON CONFLICT (id) DO UPDATE SET changed_at = greatest(
        excluded.changed_at, {VERSION_TABLE}.changed_at + interval '1 microsecond'
    );
    PERFORM set_config('samverkansregistret.registry_changed', 'yes', true);
    -- Delivered at commit, and only then: listeners never hear of a write they cannot see.
    PERFORM pg_notify('{CHANNEL}', '');
END
$$;

CREATE OR REPLACE FUNCTION governance_registry_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM governance_note_registry_change();
    RETURN NULL;
END
$$;
"""


# The webhook queue is the delivery worker's bookkeeping, not the registry: its writes
# (a lease, an attempt) must not make every page and bulk download be built again.
NOT_REGISTRY_TABLES = {
    VERSION_TABLE,
    "governance_webhooksubscription",
    "governance_webhookdelivery",
}


def registry_tables() -> list[str]:
    """Every table of the registry's apps, link tables included, but the version's own."""
    from django.apps import apps

    tables = set()
    for label in REGISTRY_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            meta = model._meta
            if meta.managed and not meta.proxy and meta.db_table not in NOT_REGISTRY_TABLES:
                tables.add(meta.db_table)
    return sorted(tables)


def change_trigger_sql(quoted: str) -> list[str]:
    """The statements that make writes to the table ``quoted`` move the registry's version.

    Deferred to commit, so the version row is locked only for the instant before a
    write commits: concurrent writers never deadlock on it. Dropped first, so a
    database whose triggers an older release installed gets exactly these.
    """
    return [
        f"DROP TRIGGER IF EXISTS {TRIGGER} ON {quoted}",
        f"CREATE CONSTRAINT TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE "
        f"ON {quoted} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
        "EXECUTE FUNCTION governance_registry_changed()",
        f"DROP TRIGGER IF EXISTS {TRUNCATE_TRIGGER} ON {quoted}",
        f"CREATE TRIGGER {TRUNCATE_TRIGGER} AFTER TRUNCATE ON {quoted} "
        "FOR EACH STATEMENT EXECUTE FUNCTION governance_registry_changed()",
    ]


class InstallChangeTrigger(Operation):
    """Migration operation: writes to ``table`` move the registry's version.

    Every migration that creates a registry table (link tables of many-to-many fields
    and history tables too) adds one for it; tests/test_read_cache.py fails for a
    registry table without the trigger. The trigger function comes from
    ``governance`` migration 0012, which such a migration depends on.
    """

    reduces_to_sql = True
    reversible = True

    def __init__(self, table: str):
        self.table = table

    def deconstruct(self):
        return (f"{__name__}.{type(self).__qualname__}", [self.table], {})

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        for sql in change_trigger_sql(schema_editor.quote_name(self.table)):
            schema_editor.execute(sql)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        quoted = schema_editor.quote_name(self.table)
        for name in (TRIGGER, TRUNCATE_TRIGGER):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {quoted}")

    def describe(self):
        return f"Writes to {self.table} move the registry's version"

    @property
    def migration_name_fragment(self):
        return f"change_trigger_{self.table}"


def note_change() -> None:
    """Move the version on by hand: for writes that bypass triggers (bulk loads as replica)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT governance_note_registry_change()")


# Keys --------------------------------------------------------------------------------


def _cache():
    return caches[CACHE_ALIAS]


def _cacheable_request(request) -> bool:
    if settings.READ_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
        return False
    if connection.in_atomic_block:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def cache_key(request, kind: str, *extra: str) -> str | None:
    """The key of this request's answer, or None when it must be built fresh."""
    if not _cacheable_request(request):
        return None
    version = known_version()
    if version is None:
        return None
    parts = (
        kind,
        version,
        timezone.localdate().isoformat(),
        translation.get_language() or "",
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        *extra,
    )
    return "read:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _store(key: str, content: bytes, headers: dict) -> None:
    if len(content) <= MAX_ENTRY_BYTES:
        _cache().set(key, (content, headers), settings.READ_CACHE_SECONDS)
    else:
        _cache().set(key, _BUILT_EACH_TIME, BUILD_WAIT_SECONDS)


# Kept for a moment under a key whose answer may not be kept, so that requests waiting for its
# build stop waiting and build their own.
_BUILT_EACH_TIME = "built-each-time"


def _built_once(key: str, build):
    """``build()`` under a claim on ``key``: after a write, one request builds an answer while
    the others for the same page, language and version wait for it (up to
    BUILD_WAIT_SECONDS) and are served what it kept. The claim is a cache ``add``, atomic in
    each backend, so with a shared cache (Redis) it holds across processes and servers too.
    Returns the kept entry when another request built it, else what ``build()`` returns."""
    cache = _cache()
    claim = key + ":building"
    if not cache.add(claim, os.getpid(), BUILD_WAIT_SECONDS):
        deadline = time.monotonic() + BUILD_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.02)
            stored = cache.get(key)
            if stored == _BUILT_EACH_TIME:
                break
            if stored is not None:
                return stored
            if cache.add(claim, os.getpid(), BUILD_WAIT_SECONDS):
                break
    try:
        return build()
    finally:
        cache.delete(claim)


def _kept(key: str):
    stored = _cache().get(key)
    return None if stored == _BUILT_EACH_TIME else stored


# Figures of the whole registry -----------------------------------------------------------

# How long figures are kept at most; the key changes with every write and every day anyway.
FIGURES_SECONDS = 24 * 3600


def per_version(name: str, build, *parts: str):
    """What ``build()`` works out of the whole registry (the start page's counts and lists),
    worked out once per registry version and kept in the read cache.

    The first build of a page after a write works the figures out, one request at a time
    (``_built_once``); every later build reads them back, so a page built afresh (signed-in
    visitors, a language or day not yet cached, the page cache off) does not count
    20,000 agreements again. ``build()`` must return something that pickles and reads
    nothing more from the database once returned (lists, not querysets).

    Correct after any write, whatever it went through: the key holds the version this
    request's own connection reads (one query), which the commit of every write moves, so a
    writer's next request already has new figures. Also keyed by today (figures are worked
    out for a day), the language (labels are translated as they are made) and ``parts``.
    Kept whether or not pages are (``READ_CACHE_SECONDS``): figures keyed by the version are
    never stale. Inside an open transaction, whose own writes the version cannot show, they
    are worked out every time.
    """
    if connection.in_atomic_block:
        return build()
    version = current_version()
    if version is None:
        return build()
    key_parts = (
        name,
        version,
        timezone.localdate().isoformat(),
        translation.get_language() or "",
        *parts,
    )
    key = "figures:" + hashlib.sha256("\x1f".join(key_parts).encode()).hexdigest()
    stored = _cache().get(key)
    if stored is not None:
        return stored

    def build_and_keep():
        value = build()
        _cache().set(key, value, FIGURES_SECONDS)
        return value

    return _built_once(key, build_and_keep)


# Pages -------------------------------------------------------------------------------


def serve_page(request, build) -> HttpResponse:
    """The page ``build()`` makes, from the cache when this version already has it."""
    key = cache_key(request, "page")
    if key is None:
        return build()
    stored = _kept(key)
    if stored is None:
        built = _built_once(key, lambda: _build_page(key, build))
        if isinstance(built, HttpResponse):
            return built
        stored = built
    content, headers = stored
    if _CSRF_MARK in content:
        content = content.replace(_CSRF_MARK, get_token(request).encode())
    return HttpResponse(content, headers=headers)


def _build_page(key: str, build) -> HttpResponse:
    response = build()
    if isinstance(response, SimpleTemplateResponse):
        response.render()
    if response.status_code == 200 and not response.streaming and not response.cookies:
        content = _CSRF_FIELD.sub(rb"\1" + _CSRF_MARK + rb"\2", response.content)
        _store(key, content, dict(response.headers))
    else:
        _cache().set(key, _BUILT_EACH_TIME, BUILD_WAIT_SECONDS)
    return response


# What public pages are made from besides the data: templates, translations, the apps' code.
RELEASE_SOURCES = (
    "templates/**/*.html",
    "locale/**/*.mo",
    *(f"{package}/**/*.py" for package in ("governance", "agreements", "bodies", "funding")),
)


@functools.cache
def release_fingerprint() -> str:
    """A digest of the files pages are built from, read once per process: after a new
    release, no browser is told that the page it kept from the previous one is current."""
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for pattern in RELEASE_SOURCES:
        for path in sorted(base.glob(pattern)):
            digest.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def page_etag(request, *args, **kwargs) -> str | None:
    """A public page's ETag: what the page is built from besides the code.

    The release, the registry's version, today and the day the page is about, the
    language, the address, and the visitor's state that shows on the page (the CSRF
    cookie its forms carry a token of, the signed-in user and session). A page with a message waiting
    to be shown gets none, nor one for a visitor without a CSRF cookie yet: the page
    sets one, and a copy kept without it would post a token of no cookie. Weak: the
    bytes differ from one rendering to the next (the form token is masked afresh each
    time), what the page says does not.
    """
    from django.contrib.messages import get_messages

    csrf_secret = request.META.get("CSRF_COOKIE")
    if not csrf_secret or len(get_messages(request)):
        return None
    # Inside a transaction (tests) only the request's own connection sees what the
    # transaction wrote; outside, the listener's reading spares a query.
    version = current_version() if connection.in_atomic_block else known_version()
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    parts = (
        release_fingerprint(),
        version or "",
        timezone.localdate().isoformat(),
        day_of(request).isoformat(),
        translation.get_language() or "",
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        csrf_secret,
        str(user.pk) if user is not None and user.is_authenticated else "",
        (session.session_key or "") if session is not None else "",
    )
    return 'W/"' + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32] + '"'


class CachedPage:
    """For public page views: GET answers come from the registry read cache, and a
    conditional GET whose page has not changed (``page_etag``) is answered 304."""

    def get(self, request, *args, **kwargs):
        build = super().get

        @condition(etag_func=page_etag)
        def serve(request):
            return serve_page(request, lambda: build(request, *args, **kwargs))

        return serve(request)


# API reads ---------------------------------------------------------------------------


class StoredResponse(HttpResponse):
    """An API answer as it was rendered and tagged (ETag) when it was kept."""


def cached_read(handler):
    """For API handlers (list, retrieve, get): JSON answers from the read cache.

    Authentication, permissions and throttling have run before the handler; the
    ETag and ``304 Not Modified`` are handled after it (``RegistryAPIMixin``), for a
    kept answer as for a new one. Only JSON is kept: the browsable API is a page for
    a person, with their own forms, and a CSV export is the whole list.
    """

    @functools.wraps(handler)
    def read(view, request, *args, **kwargs):
        renderer = getattr(request, "accepted_renderer", None)
        if getattr(renderer, "format", None) != "json":
            return handler(view, request, *args, **kwargs)
        key = cache_key(request, "api", request.accepted_media_type or "")
        if key is None:
            return handler(view, request, *args, **kwargs)
        stored = _kept(key)
        if stored is None:
            built = _built_once(key, lambda: _build_read(view, request, key, handler, args, kwargs))
            if isinstance(built, HttpResponse):
                return built
            stored = built
        content, headers = stored
        return StoredResponse(content, headers=headers)

    return read


def _build_read(view, request, key, handler, args, kwargs) -> HttpResponse:
    """Build, render, tag and keep an answer while the build claim is held; DRF's own
    finalising afterwards sees a StoredResponse and only answers conditional requests."""
    request.read_cache_key = key
    response = view.finalize_response(request, handler(view, request, *args, **kwargs))
    kept = _cache().get(key)
    if kept is None:
        _cache().set(key, _BUILT_EACH_TIME, BUILD_WAIT_SECONDS)
    elif response.status_code == 200 and kept != _BUILT_EACH_TIME:
        return StoredResponse(response.content, headers=dict(response.headers))
    return response


def keep_read(request, response) -> None:
    """Keep a rendered, tagged API answer under the key ``cached_read`` gave its request."""
    key = getattr(request, "read_cache_key", None)
    if key and response.status_code == 200 and not response.cookies:
        _store(key, response.content, dict(response.headers))
