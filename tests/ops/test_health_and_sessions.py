"""The load balancer's health check, and sessions that end."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_refuses_writes(client):
    assert client.post("/healthz").status_code == 405


def test_sessions_last_a_working_day_and_end_with_the_browser(client, superuser):
    assert settings.SESSION_COOKIE_AGE <= 12 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    response = client.post(
        reverse("admin:login"),
        {"username": "admin", "password": "correct horse battery staple"},
    )
    assert response.status_code == 302
    assert client.session.get_expire_at_browser_close() is True
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    # A browser-session cookie: no lifetime of its own.
    assert not cookie["max-age"]
    assert not cookie["expires"]


def test_login_attempts_are_throttled():
    """Brute-force protection (django-axes) is on with a finite limit."""
    assert "axes" in settings.INSTALLED_APPS
    assert 0 < settings.AXES_FAILURE_LIMIT <= 10
