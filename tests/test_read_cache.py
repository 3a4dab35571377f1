"""The read cache serves a page or API answer again only while the registry is unchanged.

These tests commit for real (``seeded_registry`` is transactional): the version moves
at commit, which a rolled-back test transaction never reaches.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from rest_framework.test import APIClient

from bodies.models import Body
from governance.core.read_cache import (
    LISTENER_NAME,
    TRIGGER,
    TRUNCATE_TRIGGER,
    cache_key,
    current_version,
    registry_tables,
    version_listener,
)
from tests.factories import bodies as factories

BODY_PAGE = "/beslutsorgan/lisa/"
BODY_API = "/api/v1/bodies/lisa/"


def _queries(client, path, **extra):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, **extra)
    assert response.status_code == 200, response.status_code
    return response, [q["sql"] for q in ctx.captured_queries]


def _page(response) -> str:
    """The page without its CSRF token, which is masked afresh for every response."""
    return re.sub(r'csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def _registry_queries(sqls):
    """Queries that read registry records (not the version, sessions or the throttle)."""
    return [s for s in sqls if re.search(r'"(bodies|agreements|funding)_', s)]


def _settled():
    """Wait until this process's listener has heard of the last commit, as every worker does
    within moments of it (the bound is the listener's heartbeat)."""
    import time

    target = current_version()
    listener = version_listener()
    deadline = time.monotonic() + 10
    while listener.version() != target:
        assert time.monotonic() < deadline, "the listener never read the new version"
        time.sleep(0.02)


@pytest.fixture
def fresh_cache(settings):
    """An empty read cache, on as in production (development turns it off)."""
    from django.core.cache import caches

    settings.READ_CACHE_SECONDS = 3600
    caches["read"].clear()
    _settled()  # the seed's own commit, heard of before the test begins
    yield
    caches["read"].clear()


def test_every_registry_table_moves_the_version(transactional_db):
    tables = registry_tables()
    assert {"agreements_agreement", "bodies_body", "agreements_clause_bodies"} <= set(tables)
    assert "governance_registryversion" not in tables
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, t.tgname, t.tgdeferrable, t.tginitdeferred FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = ANY(%s)",
            [[TRIGGER, TRUNCATE_TRIGGER]],
        )
        rows = cursor.fetchall()
    deferred = {table for table, name, deferrable, initdeferred in rows if name == TRIGGER}
    truncate = {table for table, name, *_ in rows if name == TRUNCATE_TRIGGER}
    # A table without them was created by a migration lacking InstallChangeTrigger(table).
    assert set(tables) - deferred == set()
    assert set(tables) - truncate == set()
    assert deferred == set(tables)
    assert truncate == set(tables)
    assert all(d and i for _, name, d, i in rows if name == TRIGGER)


def test_the_version_moves_at_commit_and_not_on_rollback(seeded_registry):
    before = current_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        Body.objects.filter(slug="lisa").update(name="Ångrat")
        raise RuntimeError
    assert current_version() == before

    with transaction.atomic():
        Body.objects.filter(slug="lisa").update(name="LISA-gruppen")
        Body.objects.filter(slug="lisa").update(short_name="LISA")
        # The trigger fires at commit: inside the transaction the version is unmoved.
        assert current_version() == before
    after = current_version()
    assert after > before

    with connection.cursor() as cursor:  # a write no model method sees
        cursor.execute("UPDATE bodies_body SET name = 'Med SQL' WHERE slug = 'lisa'")
    assert current_version() > after


def test_a_page_is_built_once_and_rebuilt_after_any_write(seeded_registry, fresh_cache):
    client = Client()
    first, built = _queries(client, BODY_PAGE)
    assert _registry_queries(built)

    _settled()
    again, served = _queries(client, BODY_PAGE)
    assert served == []  # a hit asks the database nothing
    assert _page(again) == _page(first)
    assert again["Content-Type"] == first["Content-Type"]
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]

    Body.objects.filter(slug="lisa").update(name="Ledningsgrupp i samverkan, nytt namn")
    _settled()
    assert "nytt namn" in client.get(BODY_PAGE).content.decode()

    with connection.cursor() as cursor:
        cursor.execute("UPDATE bodies_body SET name = 'Ändrat i databasen' WHERE slug = 'lisa'")
    _settled()
    assert "Ändrat i databasen" in client.get(BODY_PAGE).content.decode()


def test_without_its_listener_a_worker_reads_the_version_until_the_listener_is_back(
    seeded_registry, fresh_cache
):
    client = Client()
    _queries(client, BODY_PAGE)
    _settled()
    assert _queries(client, BODY_PAGE)[1] == []

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s",
            [LISTENER_NAME],
        )
        assert cursor.fetchall() == [(True,)]
    listener = version_listener()
    import time

    deadline = time.monotonic() + 10
    while listener.version() is not None:  # the listener notices its connection is gone
        assert time.monotonic() < deadline
        time.sleep(0.02)
    # Meanwhile a write: requests read the version themselves and never serve the old page.
    Body.objects.filter(slug="lisa").update(name="Skrivet medan lyssnaren var borta")
    page, _ = _queries(client, BODY_PAGE)
    assert "Skrivet medan lyssnaren var borta" in page.content.decode()
    assert listener.wait_until_fresh()
    _settled()
    assert _queries(client, BODY_PAGE)[1] == []


def test_after_a_write_concurrent_requests_build_a_page_once(seeded_registry, fresh_cache):
    import threading

    from django.db import connections
    from django.test.signals import template_rendered

    Body.objects.filter(slug="lisa").update(name="LiSA efter en ändring")
    _settled()
    rendered = []
    lock = threading.Lock()

    def count(sender, template, **kwargs):
        if template.name == "bodies/body_detail.html":
            with lock:
                rendered.append(template.name)

    template_rendered.connect(count)
    bodies, errors = [], []

    def visit():
        try:
            bodies.append(_page(Client().get(BODY_PAGE)))
        except Exception as error:  # reported below, not lost in the thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=visit) for _ in range(8)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        template_rendered.disconnect(count)
    assert not errors
    assert len(bodies) == 8 and len(set(bodies)) == 1
    assert "LiSA efter en ändring" in bodies[0]
    assert len(rendered) == 1


def test_each_language_day_and_query_has_its_own_answer(seeded_registry, fresh_cache):
    client = Client()
    swedish = client.get(BODY_PAGE, headers={"accept-language": "sv"})
    english = client.get(BODY_PAGE, headers={"accept-language": "en"})
    assert '<html lang="sv">' in swedish.content.decode()
    assert '<html lang="en">' in english.content.decode()
    assert _page(client.get(BODY_PAGE, headers={"accept-language": "en"})) == _page(english)

    # Statuses and deadlines are for today: another day is another key.
    factory_request = Client().get("/").wsgi_request
    factory_request.user = None
    with override_settings(TIME_ZONE="Pacific/Pago_Pago"):  # UTC-11
        behind = cache_key(factory_request, "page")
    with override_settings(TIME_ZONE="Pacific/Kiritimati"):  # UTC+14
        ahead = cache_key(factory_request, "page")
    assert behind and ahead and behind != ahead

    _queries(client, "/overenskommelser/")
    _, sqls = _queries(client, "/overenskommelser/?q=samverkan")
    assert _registry_queries(sqls), "another query string is built, not served"


def test_a_cached_page_carries_the_visitors_own_csrf_token(seeded_registry, fresh_cache):
    Client().get(BODY_PAGE)  # someone else's visit fills the cache

    visitor = Client(enforce_csrf_checks=True)
    page, sqls = _queries(visitor, BODY_PAGE)
    assert not _registry_queries(sqls)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    assert "\x00" not in token
    assert "csrftoken" in page.cookies

    switched = visitor.post(
        "/i18n/setlang/", {"language": "en", "next": BODY_PAGE, "csrfmiddlewaretoken": token}
    )
    assert switched.status_code == 302
    assert visitor.get(BODY_PAGE).content.decode().startswith('<!DOCTYPE html>\n<html lang="en">')


def test_signed_in_coordinators_always_get_fresh_pages(seeded_registry, fresh_cache):
    user = get_user_model().objects.create_superuser("samordnare", password="x" * 20)
    client = Client()
    client.force_login(user)
    _queries(client, BODY_PAGE)
    _, sqls = _queries(client, BODY_PAGE)
    assert _registry_queries(sqls)


def test_inside_an_open_transaction_nothing_is_cached(db, fresh_cache):
    # A test transaction may hold uncommitted writes the version cannot know of.
    factories.body("Lisa", slug="lisa")
    client = Client()
    _queries(client, BODY_PAGE)
    Body.objects.filter(slug="lisa").update(name="Okommitterat namn")
    response, sqls = _queries(client, BODY_PAGE)
    assert _registry_queries(sqls)
    assert "Okommitterat namn" in response.content.decode()


def test_api_reads_are_cached_with_their_etag_and_refreshed_by_writes(seeded_registry, fresh_cache):
    reader = APIClient()
    first, built = _queries(reader, BODY_API)
    assert _registry_queries(built)
    again, served = _queries(reader, BODY_API)
    assert not _registry_queries(served)
    assert again.json() == first.json()
    assert again["ETag"] == first["ETag"]

    unchanged = reader.get(BODY_API, headers={"if-none-match": first["ETag"]})
    assert unchanged.status_code == 304

    listed, _ = _queries(reader, "/api/v1/agreements/?page_size=5")
    listed_again, sqls = _queries(reader, "/api/v1/agreements/?page_size=5")
    assert not _registry_queries(sqls)
    assert listed_again.json() == listed.json()

    coordinator = APIClient()
    coordinator.force_authenticate(
        get_user_model().objects.create_superuser("samordnare", password="x" * 20)
    )
    patched = coordinator.patch(
        BODY_API,
        {"short_name": "LISA-ny"},
        format="json",
        headers={"if-match": first["ETag"]},
    )
    assert patched.status_code == 200, patched.content

    _settled()
    after = reader.get(BODY_API)
    assert after.json()["short_name"] == "LISA-ny"
    assert after["ETag"] != first["ETag"]
    assert reader.get(BODY_API, headers={"if-none-match": first["ETag"]}).status_code == 200


@pytest.mark.parametrize("media_format", ["csv", "api"])
def test_csv_exports_and_the_browsable_api_are_built_every_time(
    seeded_registry, fresh_cache, media_format
):
    reader = APIClient()
    _queries(reader, f"/api/v1/bodies/?format={media_format}")
    _, sqls = _queries(reader, f"/api/v1/bodies/?format={media_format}")
    assert _registry_queries(sqls)


def test_a_zero_lifetime_turns_the_cache_off(seeded_registry, fresh_cache, settings):
    settings.READ_CACHE_SECONDS = 0
    client = Client()
    _queries(client, BODY_PAGE)
    _, sqls = _queries(client, BODY_PAGE)
    assert _registry_queries(sqls)


def test_answers_larger_than_the_entry_limit_are_built_every_time(
    seeded_registry, fresh_cache, monkeypatch
):
    from governance.core import read_cache

    monkeypatch.setattr(read_cache, "MAX_ENTRY_BYTES", 1000)
    client = Client()
    _queries(client, BODY_PAGE)
    _, sqls = _queries(client, BODY_PAGE)
    assert _registry_queries(sqls)
