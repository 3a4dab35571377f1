"""The read cache keeps each day's page apart: ``?per=`` is part of the full path it keys on.

Commits for real (``seeded_registry`` is transactional), as the read cache needs.
"""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

SRO = "/beslutsorgan/sro/"


@pytest.fixture
def fresh_cache(settings):
    from django.core.cache import caches

    settings.READ_CACHE_SECONDS = 3600
    caches["read"].clear()
    yield
    caches["read"].clear()


def _get(client, path):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200
    registry = [
        q["sql"] for q in ctx.captured_queries if re.search(r'"(bodies|agreements)_', q["sql"])
    ]
    return response.content.decode(), registry


def test_each_day_of_a_page_is_kept_apart_and_served_again(seeded_registry, fresh_cache):
    client = Client()
    in_2015, built_2015 = _get(client, SRO + "?per=2015-06-01")
    in_2017, built_2017 = _get(client, SRO + "?per=2017-06-01")
    again_2017, served_2017 = _get(client, SRO + "?per=2017-06-01")
    today, built_today = _get(client, SRO)

    assert built_2015 and built_2017 and built_today, "each day is built once"
    assert served_2017 == [], "the same day again comes from the cache"
    assert "status-upcoming" in in_2015 and "status-in_force" in in_2017
    assert re.search(r"Du ser läget per <time datetime=\"2017-06-01\">", again_2017)
    assert 'href="/overenskommelser/avsiktsforklaring-vg-2016/?per=2017-06-01"' in again_2017
    assert "as-of-banner" not in today and "per=2017-06-01" not in today
