"""Public pages carry an ETag and answer a conditional GET for an unchanged page with 304."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from governance.core.models import RegistryVersion

pytestmark = pytest.mark.django_db

PAGES = ["web:start", "web:agreement-list", "web:body-list", "web:routing"]


def _move_the_registry_version():
    changed = (RegistryVersion.last_changed() or dt.datetime(2020, 1, 1, tzinfo=dt.UTC)) + (
        dt.timedelta(seconds=1)
    )
    RegistryVersion.objects.update_or_create(pk=1, defaults={"changed_at": changed})


@pytest.fixture
def client(client):
    """A visitor who has been here before: the first page set the CSRF cookie."""
    client.get(reverse("web:start"))
    return client


@pytest.mark.parametrize("name", PAGES)
def test_an_unchanged_page_is_answered_304_with_its_etag(client, name):
    first = client.get(reverse(name))
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('W/"')

    again = client.get(reverse(name), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag

    other = client.get(reverse(name), HTTP_IF_NONE_MATCH='W/"something-else"')
    assert other.status_code == 200


def test_a_change_to_the_registry_gives_the_page_anew(client):
    etag = client.get(reverse("web:start"))["ETag"]
    _move_the_registry_version()
    changed = client.get(reverse("web:start"), HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_the_date_language_and_visitor_are_part_of_the_etag(client):
    url = reverse("web:start")
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304

    as_of = client.get(url, {"per": "2017-06-01"}, HTTP_IF_NONE_MATCH=etag)
    assert as_of.status_code == 200 and as_of["ETag"] != etag

    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert english.status_code == 200 and '<html lang="en">' in english.content.decode()

    client.force_login(get_user_model().objects.create_user("besokare", password="x"))
    signed_in = client.get(url, HTTP_IF_NONE_MATCH=english["ETag"])
    assert signed_in.status_code == 200


def test_the_form_token_of_a_kept_page_belongs_to_the_visitors_cookie(client):
    """A page kept by the browser holds a form token of the cookie it came with: another
    cookie, or none, never gets a 304 for it."""
    first = client.get(reverse("web:start"))
    client.cookies.clear()
    fresh = client.get(reverse("web:start"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert fresh.status_code == 200 and not fresh.has_header("ETag")
    other_cookie = client.get(reverse("web:start"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert other_cookie.status_code == 200 and other_cookie["ETag"] != first["ETag"]


def test_a_new_release_changes_every_pages_etag(settings, tmp_path):
    from governance.core.read_cache import release_fingerprint

    template = tmp_path / "templates" / "start.html"
    template.parent.mkdir()
    template.write_text("<p>Förra versionen</p>")
    settings.BASE_DIR = tmp_path
    release_fingerprint.cache_clear()
    try:
        before = release_fingerprint()
        template.write_text("<p>Nya versionen</p>")
        release_fingerprint.cache_clear()
        assert release_fingerprint() != before
    finally:
        release_fingerprint.cache_clear()
