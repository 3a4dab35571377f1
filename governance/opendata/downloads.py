"""The bulk downloads under /data/, built once per registry version and served from disk.

Building the whole registry as JSON, a ZIP of CSV files or Popolo reads every
table; doing that on every request would let anyone keep the database busy.
So each file is built the first time it is asked for at a registry version
(``governance.core.read_cache.current_version``, moved on by every committed write)
and kept under ``BULK_DOWNLOAD_DIR``; every later request at that version gets
the kept file. The ETag is the version, so a harvester that sends
``If-None-Match`` gets ``304 Not Modified`` until the registry changes. Full
downloads are throttled per anonymous client (``DOWNLOAD_THROTTLE_ANON``).

The file name holds the version and a fingerprint of the code that builds it,
so a new release never serves a file the previous one built. Each server keeps
its own files; a file of an older version is removed when a newer one is built.
Inside an open transaction (whose own writes the version cannot show yet) the
file is built fresh and not kept.
"""

from __future__ import annotations

import hashlib
import inspect
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import connection

from governance.core.read_cache import current_version


@dataclass(frozen=True)
class Download:
    name: str  # the file name under /data/
    build: Callable[[str], bytes]  # from the site's address, for absolute links in the file
    content_type: str


@cache
def _code_fingerprint(build: Callable[[str], bytes]) -> str:
    source = Path(inspect.getsourcefile(build)).read_bytes()
    return hashlib.sha256(source).hexdigest()[:12]


def directory() -> Path:
    return Path(settings.BULK_DOWNLOAD_DIR)


def kept_path(download: Download, version: str, base_url: str) -> Path:
    tag = hashlib.sha256(f"{version}\x1f{base_url}\x1f{_code_fingerprint(download.build)}".encode())
    return directory() / f"{download.name}.{tag.hexdigest()[:24]}"


def version_to_serve() -> str | None:
    """The version a kept file may stand for; None when it must be built fresh."""
    if connection.in_atomic_block:
        return None
    return current_version()


def kept_file(download: Download, version: str, base_url: str) -> Path:
    """The file of ``download`` at ``version``, built now if this server does not have it.

    The version is read before the data, so the file is never older than its name
    says (at worst it already holds a write that came just after).
    """
    path = kept_path(download, version, base_url)
    if path.exists():
        return path
    content = download.build(base_url)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed into place: a reader never sees half a file.
    partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    partial.write_bytes(content)
    os.replace(partial, path)
    for older in path.parent.glob(f"{download.name}.*"):
        if older != path:
            older.unlink(missing_ok=True)
    return path
