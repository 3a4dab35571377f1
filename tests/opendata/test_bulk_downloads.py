"""The bulk downloads are built once per registry version, kept, tagged and throttled."""

import json

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bodies.models import Body, BodyKind, BodyLevel
from governance.opendata.bulk import public_models

pytestmark = pytest.mark.django_db(transaction=True)

JSON = "/data/samverkansregistret.json"
ZIP = "/data/samverkansregistret-csv.zip"
POPOLO = "/data/popolo.json"


@pytest.fixture
def kept_dir(settings, tmp_path):
    settings.BULK_DOWNLOAD_DIR = tmp_path
    # A committed write, so the registry has a version (the flush of an earlier test may
    # have emptied it).
    Body.objects.create(name="Första nätverket", kind=BodyKind.NETWORK, level=BodyLevel.COUNTY)
    return tmp_path


def _content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _registry_reads(queries) -> list[str]:
    tables = {m._meta.db_table for m in public_models()}
    return [q["sql"] for q in queries if any(f'"{t}"' in q["sql"] for t in tables)]


@pytest.mark.parametrize("url", [JSON, ZIP, POPOLO])
def test_the_second_download_builds_nothing(client, kept_dir, url):
    with CaptureQueriesContext(connection) as first:
        one = client.get(url, REMOTE_ADDR="203.0.113.1")
    with CaptureQueriesContext(connection) as second:
        two = client.get(url, REMOTE_ADDR="203.0.113.1")
    assert one.status_code == two.status_code == 200
    assert _content(one) == _content(two)
    assert _registry_reads(first.captured_queries)
    assert _registry_reads(second.captured_queries) == []
    assert one["ETag"] == two["ETag"]


def test_after_a_write_the_next_download_holds_it(client, kept_dir):
    before = client.get(JSON, REMOTE_ADDR="203.0.113.2")
    assert "Alldeles nytt nätverk" not in _content(before).decode()
    Body.objects.create(name="Alldeles nytt nätverk", kind=BodyKind.NETWORK, level=BodyLevel.COUNTY)
    after = client.get(JSON, REMOTE_ADDR="203.0.113.2")
    names = [b["name"] for b in json.loads(_content(after))["tables"]["bodies.body"]]
    assert "Alldeles nytt nätverk" in names
    assert after["ETag"] != before["ETag"]
    # Only the current version's file is kept.
    assert [p.name.split(".")[0] for p in kept_dir.iterdir()] == ["samverkansregistret"]


def test_a_conditional_get_is_answered_304_until_the_registry_changes(client, kept_dir):
    first = client.get(ZIP, REMOTE_ADDR="203.0.113.3")
    with CaptureQueriesContext(connection) as queries:
        again = client.get(ZIP, HTTP_IF_NONE_MATCH=first["ETag"], REMOTE_ADDR="203.0.113.3")
    assert again.status_code == 304
    assert _registry_reads(queries.captured_queries) == []
    Body.objects.create(name="Ändrar versionen", kind=BodyKind.NETWORK, level=BodyLevel.COUNTY)
    changed = client.get(ZIP, HTTP_IF_NONE_MATCH=first["ETag"], REMOTE_ADDR="203.0.113.3")
    assert changed.status_code == 200


def test_full_downloads_are_throttled_per_anonymous_client(client, kept_dir, settings):
    rates = {**django_settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "downloads": "2/hour"}
    settings.REST_FRAMEWORK = {**django_settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    first = client.get(POPOLO, REMOTE_ADDR="203.0.113.4")
    assert client.get(POPOLO, REMOTE_ADDR="203.0.113.4").status_code == 200
    refused = client.get(JSON, REMOTE_ADDR="203.0.113.4")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    # Asking whether it changed costs nothing and is still answered.
    revalidated = client.get(POPOLO, HTTP_IF_NONE_MATCH=first["ETag"], REMOTE_ADDR="203.0.113.4")
    assert revalidated.status_code == 304
    assert client.get(JSON, REMOTE_ADDR="203.0.113.5").status_code == 200
