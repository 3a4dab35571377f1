"""An unreachable database is a 503 with Retry-After (JSON for the API), not a 500 page."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client


@contextmanager
def database_unreachable(django_db_blocker):
    """The connection closed and pointed at a port where nothing listens."""
    connection.close()
    saved = connection.settings_dict.copy()
    connection.settings_dict.update({"HOST": "127.0.0.1", "PORT": "1", "NAME": "nothing"})
    try:
        with django_db_blocker.unblock():
            yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


@pytest.mark.parametrize("url", ["/api/v1/bodies/", "/api/v1/agreements/api-x/?format=csv"])
def test_the_api_answers_503_in_json_with_retry_after(client, django_db_blocker, url):
    with database_unreachable(django_db_blocker):
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {
        "detail": "Registret är tillfälligt otillgängligt. Försök igen om en stund."
    }


@pytest.mark.parametrize("url", ["/", "/beslutsorgan/", "/overenskommelser/", "/kalender.ics"])
def test_pages_answer_503_with_retry_after(client, django_db_blocker, url):
    with database_unreachable(django_db_blocker):
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Registret är tillfälligt otillgängligt" in response.content.decode()


def test_a_failure_outside_the_view_is_a_503_too(django_db_blocker):
    # A session cookie makes the middleware read the session after the view has answered.
    client = Client(raise_request_exception=False)
    client.cookies[settings.SESSION_COOKIE_NAME] = "a" * 32
    with database_unreachable(django_db_blocker):
        api = client.get("/api/v1/bodies/")
        page = client.get("/beslutsorgan/")
    assert (api.status_code, page.status_code) == (503, 503)
    assert api.json()["detail"].startswith("Registret är tillfälligt otillgängligt")
    assert page["Retry-After"] == "30"
