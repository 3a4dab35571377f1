"""API rate limits counted atomically in fixed windows, shared by every worker process.

DRF's ``SimpleRateThrottle`` reads a list of request times from the cache, appends
and writes it back: two requests at once both read the same list and one of them is
lost, so concurrent clients get far more than their rate. Here each request adds one
to a counter for its client and the current window in a single atomic step, and the
request is refused once the counter passes the rate:

- with the database cache (the default ``API_CACHE_URL``), whose ``incr`` is itself
  a read followed by a write, the counter is a row of ``governance_api_throttle``
  moved on by one ``INSERT … ON CONFLICT DO UPDATE SET count = count + 1``;
- with any other cache (Redis, local memory) by the cache's ``add`` and ``incr``,
  which those backends carry out atomically.

A window starts at a multiple of its length (``60/minute`` → each clock minute), so
the wait after a refusal is the rest of the window. The client is the user for
signed-in requests and the address from ``governance.core.client_ip`` otherwise.
"""

from __future__ import annotations

import logging
import math
import random
import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import DatabaseError, connection, transaction
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from governance.core.client_ip import client_ip

API_CACHE = "api"
TABLE = "governance_api_throttle"
DURATIONS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# One in this many new windows also sweeps the rows of clients that never came back.
SWEEP_ONE_IN = 100
logger = logging.getLogger(__name__)


def parse_rate(rate: str) -> tuple[int, int]:
    """``"1200/minute"`` → ``(1200, 60)``: requests allowed, window in seconds."""
    count, period = rate.split("/")
    return int(count), DURATIONS[period.strip()[0]]


def _cache():
    return caches[API_CACHE if API_CACHE in settings.CACHES else "default"]


_HIT_SQL = f"""
INSERT INTO {TABLE} AS t (scope, ident, window_start, expires_at, count)
SELECT %(scope)s, %(ident)s, w.start, w.start + make_interval(secs => %(seconds)s), 1
FROM (SELECT to_timestamp(floor(extract(epoch FROM now()) / %(seconds)s) * %(seconds)s)
      AS start) AS w
ON CONFLICT (scope, ident, window_start) DO UPDATE SET count = t.count + 1
RETURNING t.count, extract(epoch FROM t.expires_at - now())
"""


def _hit_in_database(scope: str, ident: str, seconds: int) -> tuple[int, float]:
    with connection.cursor() as cursor:
        cursor.execute(_HIT_SQL, {"scope": scope, "ident": ident, "seconds": seconds})
        count, left = cursor.fetchone()
        if count == 1:  # a new window for this client: its old ones are done with
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE scope = %s AND ident = %s AND expires_at <= now()",
                [scope, ident],
            )
            if random.randrange(SWEEP_ONE_IN) == 0:
                cursor.execute(f"DELETE FROM {TABLE} WHERE expires_at <= now()")
    return count, float(left)


def _hit_in_cache(cache, scope: str, ident: str, seconds: int) -> tuple[int, float]:
    now = time.time()
    window = int(now // seconds)
    key = f"throttle:{scope}:{ident}:{window}"
    for _ in range(2):
        cache.add(key, 0, timeout=seconds + 1)
        try:
            count = cache.incr(key)
            break
        except ValueError:  # expired between add and incr: add it again
            continue
    else:
        count = 1
    return count, (window + 1) * seconds - now


def hit(scope: str, ident: str, seconds: int) -> tuple[int, float]:
    """Count one request of ``ident`` in the current window: (requests so far, seconds left)."""
    cache = _cache()
    if isinstance(cache, DatabaseCache):
        return _hit_in_database(scope, ident, seconds)
    return _hit_in_cache(cache, scope, ident, seconds)


class FixedWindowThrottle(BaseThrottle):
    """At most the scope's rate of requests per client in each window of the rate's length."""

    scope: str = ""

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request) -> str | None:
        return client_ip(request)

    def allow_request(self, request, view) -> bool:
        rate = self.get_rate()
        ident = self.get_ident(request)
        if rate is None or ident is None:
            return True
        limit, seconds = parse_rate(rate)
        # A missing table must not turn every request into a 500: count nothing and
        # say so in the log. The savepoint keeps an enclosing transaction usable.
        try:
            with transaction.atomic():
                count, self._wait = hit(self.scope, ident, seconds)
        except DatabaseError:
            logger.exception("API throttle counts unavailable; request not counted")
            return True
        return count <= limit

    def wait(self) -> float | None:
        return max(math.ceil(getattr(self, "_wait", 0)), 1)


class AnonymousThrottle(FixedWindowThrottle):
    scope = "anon"

    def get_ident(self, request):
        # Signed-in users are counted once, by AuthenticatedThrottle.
        if request.user and request.user.is_authenticated:
            return None
        return super().get_ident(request)


class AuthenticatedThrottle(FixedWindowThrottle):
    scope = "user"

    def get_ident(self, request):
        if not (request.user and request.user.is_authenticated):
            return None
        return f"user:{request.user.pk}"
