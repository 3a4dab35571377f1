"""HTTP behaviour shared by every endpoint: conditional GET, CSV, pages, throttling, bad input."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.cache import caches
from django.db import connection

from bodies.models import Person

pytestmark = pytest.mark.django_db


# Conditional GET ---------------------------------------------------------------------


def test_detail_etag_gives_304_until_the_record_changes(anon, vg_client, records):
    first = anon.get("/api/v1/bodies/api-board/")
    etag = first["ETag"]
    again = anon.get("/api/v1/bodies/api-board/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert again.content == b""

    vg_client.patch("/api/v1/bodies/api-board/", {"mandate": "Nytt"}, format="json")
    changed = anon.get("/api/v1/bodies/api-board/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_list_etag_gives_304_and_changes_with_the_rows(anon, vg_client, records):
    first = anon.get("/api/v1/bodies/?county=14")
    etag = first["ETag"]
    assert anon.get("/api/v1/bodies/?county=14", HTTP_IF_NONE_MATCH=etag).status_code == 304
    # Weak comparison: W/ prefixes and lists of tags match too.
    weak = anon.get("/api/v1/bodies/?county=14", HTTP_IF_NONE_MATCH=f'"x", W/{etag}')
    assert weak.status_code == 304
    other_query = anon.get("/api/v1/bodies/?county=20", HTTP_IF_NONE_MATCH=etag)
    assert other_query.status_code == 200

    vg_client.patch("/api/v1/bodies/api-group/", {"name": "API-gruppen"}, format="json")
    assert anon.get("/api/v1/bodies/?county=14", HTTP_IF_NONE_MATCH=etag).status_code == 200


# CSV -------------------------------------------------------------------------------------


def test_every_list_exports_csv_with_nested_objects_flattened(anon, records):
    response = anon.get("/api/v1/bodies/?county=14&format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    count = anon.get("/api/v1/bodies/?county=14").json()["count"]
    assert len(rows) == count
    group = next(r for r in rows if r["slug"] == "api-group")
    assert group["parent"] == "api-board"
    assert group["parent_name"] == "API-styrelse"
    assert group["county"] == "vastra-gotalands-lan"


def test_csv_export_of_agreements_lists_nested_parts_in_one_cell(anon, records):
    response = anon.get("/api/v1/agreements/?party=api-org&format=csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r["slug"] for r in rows] == ["api-agreement-new"]
    assert "api-org" in rows[0]["parties"]


def test_csv_cells_cannot_start_a_formula(vg_client, anon, records):
    vg_client.patch("/api/v1/bodies/api-board/", {"mandate": "=HYPERLINK(1)"}, format="json")
    text = anon.get("/api/v1/bodies/?parent=&county=14&format=csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text


# Pages -----------------------------------------------------------------------------------


def test_page_number_pagination_with_a_capped_page_size(anon):
    Person.objects.bulk_create(Person(slug=f"api-p-{i}", name=f"Person {i:03}") for i in range(205))
    page = anon.get("/api/v1/persons/?page_size=2").json()
    assert len(page["results"]) == 2
    assert page["previous"] is None
    assert "page=2" in page["next"]
    capped = anon.get("/api/v1/persons/?page_size=100000").json()
    assert capped["count"] > 200
    assert len(capped["results"]) == 200
    default = anon.get("/api/v1/persons/").json()
    assert len(default["results"]) == 50
    assert anon.get("/api/v1/persons/?page=9999").status_code == 404


# Throttling --------------------------------------------------------------------------------


def test_anonymous_clients_are_throttled_with_retry_after(anon, settings, fresh_throttle_counts):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "1000/minute"},
    }
    statuses = [anon.get("/api/v1/goals/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = anon.get("/api/v1/goals/")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60


def test_authenticated_clients_have_their_own_rate(
    vg_client, anon, settings, fresh_throttle_counts
):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1/minute", "user": "2/minute"},
    }
    assert [vg_client.get("/api/v1/goals/").status_code for _ in range(3)] == [200, 200, 429]


def test_a_throttle_rate_of_off_means_no_limit():
    import json
    import os
    import subprocess
    import sys

    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, json; django.setup(); from django.conf import settings; "
            "print(json.dumps(settings.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES']))",
        ],
        env={**os.environ, "DEBUG": "true", "API_THROTTLE_ANON": "off"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(shown.stdout.strip().splitlines()[-1]) == {
        "anon": None,
        "user": "6000/minute",
        "downloads": "60/hour",
    }


def test_throttle_counts_live_in_the_shared_database(anon, fresh_throttle_counts):
    from django.core.cache.backends.db import DatabaseCache

    assert isinstance(caches["api"], DatabaseCache)
    anon.get("/api/v1/goals/")
    anon.get("/api/v1/goals/")
    with connection.cursor() as cursor:
        cursor.execute("SELECT scope, ident, count FROM governance_api_throttle")
        assert cursor.fetchall() == [("anon", "127.0.0.1", 2)]


# Hostile input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/bodies/?search=a%00b",
        "/api/v1/bodies/?county=%00",
        "/api/v1/bodies/api-board%00/",
        "/api/v1/agreements/?party=vgr%00",
        "/api/v1/agreements/?on=2016-01-01%00",
        "/api/v1/bodies/?%00=1",
        "/api/v1/agreements/?year=1e999",
        "/api/v1/agreements/?year=-99999999999999999999",
        "/api/v1/agreements/?year=NaN",
        "/api/v1/agreements/?in_force_on=99999-01-01",
        "/api/v1/agreements/?on=0000-00-00",
        "/api/v1/bodies/?page=99999999999999999999999",
        "/api/v1/bodies/?page=-1",
        "/api/v1/bodies/?modified_since=9999999-01-01T00:00:00",
        "/api/v1/bodies/?kind=political&kind=network&kind=%00",
        "/api/v1/bodies/?format=exe",
        "/api/v1/decisions/?date_after=2016-13-45",
        "/api/v1/organisations/by-identifier/?identifier=org_number:%00",
    ],
)
def test_hostile_query_input_is_a_4xx(anon, records, path):
    response = anon.get(path)
    assert 400 <= response.status_code < 500, (path, response.status_code)


def test_odd_but_harmless_query_input_is_answered(anon, records):
    for path in (
        "/api/v1/bodies/?page_size=-5",
        "/api/v1/bodies/?page_size=99999999999999999999999",
        "/api/v1/bodies/?ordering=finns_inte",
        "/api/v1/bodies/?search=" + "x" * 5000,
    ):
        assert anon.get(path).status_code == 200, path


@pytest.mark.parametrize(
    "payload",
    [
        {"name": ["en", "lista"], "kind": "political", "level": "county"},
        {"name": {"a": 1}, "kind": "political", "level": "county"},
        {"name": "a\x00b", "kind": "political", "level": "county"},
        {"name": "Stor", "kind": "political", "level": "county", "meetings_per_year": 10**40},
        {"name": "Neg", "kind": "political", "level": "county", "meetings_per_year": -1},
        {"name": "Typ", "kind": "political", "level": "county", "summer_break": "kanske"},
        {"name": "Datum", "kind": "political", "level": "county", "established_on": 20160101},
        {"name": "Slug", "kind": "political", "level": "county", "parent": ["api-board"]},
        {"name": "Slug", "kind": "political", "level": "county", "owners": "api-org"},
        {"name": "Slug", "kind": "political", "level": "county", "county": {"slug": 14}},
        {"name": "x" * 5000, "kind": "political", "level": "county"},
        ["inte", "ett", "objekt"],
    ],
)
def test_hostile_bodies_are_a_400(vg_client, records, payload):
    response = vg_client.post("/api/v1/bodies/", payload, format="json")
    assert response.status_code == 400, response.content


def test_malformed_json_and_if_match_are_4xx(vg_client, records):
    broken = vg_client.generic(
        "POST", "/api/v1/bodies/", '{"name": ', content_type="application/json"
    )
    assert broken.status_code == 400
    garbage = vg_client.patch(
        "/api/v1/bodies/api-board/", {"name": "x"}, format="json", HTTP_IF_MATCH="garbage"
    )
    assert garbage.status_code == 412
    huge = vg_client.patch(
        "/api/v1/bodies/api-board/",
        {"name": "x"},
        format="json",
        HTTP_IF_MATCH='"' + "9" * 5000 + '"',
    )
    assert huge.status_code == 412


# Documentation ---------------------------------------------------------------------------------


def test_schema_and_documentation_are_served_without_a_cdn(anon):
    schema = anon.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/v1/agreements/" in paths
    params = {p["name"] for p in paths["/api/v1/agreements/"]["get"]["parameters"]}
    assert {
        "party",
        "kind",
        "status",
        "in_force_on",
        "county",
        "year",
        "search",
        "ordering",
    } <= params
    assert {"modified_since", "page", "page_size", "If-None-Match"} <= params
    patch = paths["/api/v1/bodies/{slug}/"]["patch"]["responses"]
    assert {"200", "400", "401", "403", "404", "412", "429"} <= set(patch)
    assert "ETag" in patch["200"]["headers"]
    assert "409" in paths["/api/v1/bodies/{slug}/"]["delete"]["responses"]

    for path in ("/api/docs/", "/api/docs/redoc/"):
        page = anon.get(path)
        assert page.status_code == 200
        html = page.content.decode()
        assert "/static/drf_spectacular_sidecar/" in html
        assert "https://" not in html


def test_the_api_root_lists_every_entry_point_and_describes_itself(client):
    response = client.get("/api/v1/", headers={"accept": "application/json"})
    assert response.status_code == 200
    links = response.json()
    assert links["routing-resolve"].endswith("/api/v1/routing/resolve/")
    assert links["changes"].endswith("/api/v1/changes/")
    assert links["agreements"].endswith("/api/v1/agreements/")
    page = client.get("/api/v1/", headers={"accept": "text/html"}).content.decode()
    assert "Samverkansregistret API v1" in page
    assert "The default basic root view for DefaultRouter" not in page
    assert "routing resolver answers who handles a matter" in page


def test_the_openapi_document_is_the_same_on_every_request(client):
    first = client.get("/api/schema/?format=json")
    second = client.get("/api/schema/?format=json")
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert "/api/v1/agreements/" in first.json()["paths"]
