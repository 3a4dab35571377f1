"""Each page runs the same number of queries however many rows it shows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.pages import factories

pytestmark = pytest.mark.django_db


def _urls(world):
    c = world["county"]
    return [
        reverse("web:start"),
        reverse("web:body-list"),
        world["council"].get_absolute_url(),
        world["region"].get_absolute_url(),
        reverse("web:agreement-list"),
        reverse("web:agreement-list") + "?status=in_force",
        world["current"].get_absolute_url(),
        reverse("web:funding"),
        reverse("web:county-list"),
        c.get_absolute_url(),
        reverse("web:map"),
        reverse("web:map-county", args=[c.slug]),
        reverse("web:timeline"),
        reverse("web:search") + "?q=extra",
        reverse("web:calendar"),
    ]


def test_every_page_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    world = factories.governance_world()
    factories.multiply_rows(world, times=2)
    # A returning visitor throughout: with the CSRF cookie, a page's ETag reads the version.
    client.get(reverse("web:start"))
    before = {}
    for url in _urls(world):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200, url
        before[url] = len(ctx)
    factories.multiply_rows(world, times=8)
    for url in _urls(world):
        with django_assert_max_num_queries(before[url]):
            assert client.get(url).status_code == 200, url
