"""The start page's figures of the whole registry (counts, expiring agreements, renewal
decisions, latest decisions) are worked out once per registry version: later builds of the
page read them back without a registry query, and every committed write — the admin, the
API, a bulk update, plain SQL — shows on the next build.

These tests commit for real (``seeded_registry`` is transactional): the version moves at
commit. Pages are built every time here (``READ_CACHE_SECONDS = 0``), so what is kept is
the figures alone.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from agreements.models import Agreement, AgreementKind
from bodies.models import Body
from tests.admin.helpers import change_url, form_data

PER = "2017-06-01"
START = f"/?per={PER}"


@pytest.fixture
def pages_built_every_time(settings):
    settings.READ_CACHE_SECONDS = 0
    caches["read"].clear()
    yield
    caches["read"].clear()


def _get(client, path=START):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, response.status_code
    return response.content.decode(), [q["sql"] for q in ctx.captured_queries]


def _registry_queries(sqls):
    """Queries that read registry records (not the version, sessions or users)."""
    return [
        s
        for s in sqls
        if re.search(r'"(bodies|agreements|funding|governance)_(?!registryversion)', s)
    ]


def _count(html: str, label: str) -> int:
    found = re.search(rf'count-number">(\d+)</span> <span class="count-label">{label}', html)
    assert found, label
    return int(found.group(1))


def _without_token(html: str) -> str:
    return re.sub(r'csrfmiddlewaretoken" value="[^"]+"', "", html)


def _superuser():
    return get_user_model().objects.create_superuser("figures-admin", password="x" * 20)


def test_a_later_build_reads_the_figures_back_without_a_registry_query(
    seeded_registry, pages_built_every_time
):
    client = Client()
    first, built = _get(client)
    # Six counts, the expiring agreements, the renewal candidates and their meetings, the
    # terms ending and the latest decisions.
    assert len(_registry_queries(built)) >= 10

    again, rebuilt = _get(client)
    assert _registry_queries(rebuilt) == []
    # The version, read for the figures' key, the page's ETag and the footer (fewer when the
    # worker's version listener already knows it); nothing else.
    assert rebuilt and len(rebuilt) <= 3, rebuilt
    assert all('"governance_registryversion"' in sql for sql in rebuilt), rebuilt
    assert _without_token(again) == _without_token(first)

    # Another day, or another language, has figures of its own.
    _, other_day = _get(client, "/?per=2015-06-01")
    assert _registry_queries(other_day)
    client.cookies["django_language"] = "en"
    english, in_english = _get(client)
    assert _registry_queries(in_english)
    assert "agreements" in english


def test_bulk_updates_and_plain_sql_show_on_the_next_build(seeded_registry, pages_built_every_time):
    client = Client()
    before, _ = _get(client)
    published = _count(before, "överenskommelser")
    in_force = _count(before, f"gäller per {PER}")

    # A bulk update (no model save, no signal): the trigger moves the version at commit.
    Agreement.objects.filter(slug="avsiktsforklaring-vg-2016").update(is_draft=True)
    after, queries = _get(client)
    assert _registry_queries(queries)
    assert _count(after, "överenskommelser") == published - 1
    assert f"gäller per {PER}" not in after or _count(after, f"gäller per {PER}") == in_force - 1

    with connection.cursor() as cursor:
        cursor.execute("UPDATE bodies_body SET name = 'Omdöpt med SQL' WHERE slug = 'sro'")
    assert "Omdöpt med SQL" in _get(client)[0]


def test_writes_through_the_admin_and_the_api_show_on_the_next_build(
    seeded_registry, pages_built_every_time
):
    reader = Client()
    before, _ = _get(reader)
    bodies = _count(before, "beslutsorgan")
    assert "Politiska samrådsorganet mellan VästKom och Västra Götalandsregionen" in before
    _get(reader)  # the figures are kept

    admin = Client()
    admin.force_login(_superuser())
    sro = Body.objects.get(slug="sro")
    data = form_data(admin.get(change_url(sro)), "body_form")
    data["name"] = "Samrådsorganet, nytt namn i admin"
    assert admin.post(change_url(sro), data).status_code == 302
    # The writer's own next request, and anyone's, show the write.
    assert "Samrådsorganet, nytt namn i admin" in _get(admin)[0]
    assert "Samrådsorganet, nytt namn i admin" in _get(reader)[0]

    api = APIClient()
    token, _ = Token.objects.get_or_create(user=get_user_model().objects.get())
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = api.patch("/api/v1/bodies/lisa/", {"name": "LiSA, nytt namn i API:t"}, format="json")
    assert response.status_code == 200, response.content
    assert "LiSA, nytt namn i API:t" in _get(reader)[0]

    new_body = {
        "name": "Nytt råd från API:t",
        "kind": "political",
        "level": "county",
        "county": "vastra-gotalands-lan",
    }
    response = api.post("/api/v1/bodies/", new_body, format="json")
    assert response.status_code == 201, response.content
    assert _count(_get(reader)[0], "beslutsorgan") == bodies + 1


def test_inside_an_open_transaction_the_figures_are_worked_out_each_time(client, seed):
    before, first = _get(client)
    assert _registry_queries(first)
    _, second = _get(client)
    assert len(_registry_queries(second)) == len(_registry_queries(first))

    Agreement.objects.filter(slug="avsiktsforklaring-vg-2016").update(is_draft=True)
    after, _ = _get(client)
    assert _count(after, "överenskommelser") == _count(before, "överenskommelser") - 1


def test_an_api_list_counts_its_records_once_per_version(seeded_registry, pages_built_every_time):
    api = APIClient()
    path = "/api/v1/agreements/?page_size=2"

    def count(sqls):
        return [s for s in sqls if s.startswith("SELECT COUNT(*)")]

    with CaptureQueriesContext(connection) as first:
        total = api.get(path).json()["count"]
    assert len(count([q["sql"] for q in first.captured_queries])) == 1
    with CaptureQueriesContext(connection) as again:
        assert api.get(f"{path}&page=2").json()["count"] == total
    assert count([q["sql"] for q in again.captured_queries]) == []
    # Other filters are counted on their own.
    with CaptureQueriesContext(connection) as filtered:
        api.get(f"{path}&county=vastra-gotalands-lan")
    assert len(count([q["sql"] for q in filtered.captured_queries])) == 1

    Agreement.objects.create(title="Ny överenskommelse", kind=AgreementKind.values[0])
    assert api.get(path).json()["count"] == total + 1
