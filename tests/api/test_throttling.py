"""API rate limits: every request counted, even many at once, per client as the proxies vouch for it."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

RATES = {"anon": "20/day", "user": "1000/day"}


def _set_rates(settings, rates):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as refused:
        return refused.code


def test_concurrent_requests_beyond_the_rate_are_all_counted(
    transactional_db, live_server, settings, fresh_throttle_counts
):
    # A day's window: the run never straddles a window's end (midnight UTC).
    _set_rates(settings, RATES)
    url = f"{live_server.url}/api/v1/goals/"
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = Counter(pool.map(_status, [url] * 80))
    assert statuses == {200: 20, 429: 60}
    with connection.cursor() as cursor:
        cursor.execute("SELECT count FROM governance_api_throttle WHERE scope = 'anon'")
        assert cursor.fetchall() == [(80,)]


@pytest.mark.django_db
def test_a_forged_forwarded_for_gets_no_fresh_quota_without_trusted_proxies(
    anon, settings, fresh_throttle_counts
):
    settings.TRUSTED_PROXY_COUNT = 0
    _set_rates(settings, {"anon": "3/minute", "user": "1000/minute"})
    statuses = [
        anon.get("/api/v1/goals/", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}").status_code
        for i in range(4)
    ]
    assert statuses == [200, 200, 200, 429]


@pytest.mark.django_db
def test_behind_a_trusted_proxy_clients_are_told_apart_by_the_address_it_appended(anon, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    _set_rates(settings, {"anon": "2/minute", "user": "1000/minute"})
    # Whatever the client writes to the left, the proxy appends the address it saw.
    one = [
        anon.get("/api/v1/goals/", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}, 198.51.100.1").status_code
        for i in range(3)
    ]
    assert one == [200, 200, 429]
    other = anon.get("/api/v1/goals/", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert other.status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT ident, count FROM governance_api_throttle ORDER BY ident")
        assert cursor.fetchall() == [("198.51.100.1", 3), ("198.51.100.2", 1)]
