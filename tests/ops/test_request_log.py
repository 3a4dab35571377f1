"""One JSON line per request: method, path, status, duration, user id, and nothing personal."""

from __future__ import annotations

import json
import logging

import pytest
from django.contrib.auth import get_user_model
from pythonjsonlogger.json import JsonFormatter

from governance.request_log import FIELDS

LOGGER = "governance.request"

pytestmark = pytest.mark.django_db


def _formatted(record: logging.LogRecord) -> dict:
    """The line exactly as the configured stdout handler writes it."""
    (handler,) = [h for h in logging.getLogger().handlers if isinstance(h.formatter, JsonFormatter)]
    return json.loads(handler.format(record))


@pytest.fixture
def request_lines(caplog):
    caplog.set_level(logging.INFO, logger=LOGGER)
    return lambda: [r for r in caplog.records if r.name == LOGGER]


def test_each_request_logs_one_json_line_with_the_agreed_keys(client, request_lines):
    client.get("/healthz?sok=Anna+Andersson")
    (record,) = request_lines()
    line = _formatted(record)
    assert set(line) == {"time", "level", "logger", "message", *FIELDS}
    assert line["method"] == "GET"
    assert line["path"] == "/healthz"
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert line["user_id"] is None


def test_the_request_line_names_a_user_by_id_only(client, request_lines):
    user = get_user_model().objects.create_user(
        "karin.karlsson", email="karin.karlsson@example.se", password="x", is_staff=True
    )
    client.force_login(user)
    client.get("/healthz?q=karin.karlsson@example.se", HTTP_USER_AGENT="Secret/1.0")
    (record,) = request_lines()
    line = _formatted(record)
    assert line["user_id"] == user.pk
    raw = json.dumps(line)
    for personal in ("karin", "example.se", "Secret/1.0", "127.0.0.1", "?q="):
        assert personal not in raw


def test_errors_are_logged_with_their_status(client, request_lines):
    client.get("/no-such-page-anywhere/")
    (record,) = request_lines()
    assert _formatted(record)["status"] == 404
