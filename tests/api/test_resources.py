"""Every resource lists and shows its records by slug, with related records as {slug, name, url}."""

from __future__ import annotations

import pytest

from tests.api.conftest import RESOURCES
from tests.factories import funding, routing
from tests.factories.bodies import support_structure

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_of_each(every_resource, vg):
    """A row in each resource, also those ``every_resource`` leaves empty: a routing rule
    (with its matter, a routed initiative), a county profile, a goal, a milestone, a grant,
    an allocation, a co-financing share and a funded position."""
    routing.routing_rule(handlers=[every_resource["org"]])
    routing.initiative()
    support_structure(vg)
    routing.goal()
    routing.milestone()
    funding.state_grant()
    funding.allocation()
    funding.cofinancing_share()
    funding.funded_position(every_resource["org"])
    return every_resource


@pytest.mark.parametrize("resource", RESOURCES)
def test_each_resource_lists_and_shows_records_by_slug(anon, one_of_each, resource):
    listing = anon.get(f"/api/v1/{resource}/")
    assert listing.status_code == 200
    body = listing.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] >= 1 and body["results"]
    first = body["results"][0]
    assert {"id", "slug", "url"} <= set(first)
    assert first["url"].endswith(f"/api/v1/{resource}/{first['slug']}/")

    detail = anon.get(f"/api/v1/{resource}/{first['slug']}/")
    assert detail.status_code == 200
    assert detail.json()["id"] == first["id"]
    assert detail.json() == first


def test_root_lists_every_resource_and_is_browsable(anon):
    root = anon.get("/api/v1/")
    assert root.status_code == 200
    assert set(RESOURCES) <= set(root.json())
    html = anon.get("/api/v1/", HTTP_ACCEPT="text/html")
    assert html.status_code == 200
    assert b"Samverkansregistret API v1" in html.content


def test_unknown_slug_is_404(anon):
    assert anon.get("/api/v1/bodies/finns-inte/").status_code == 404


def test_related_records_appear_as_slug_name_and_url(anon, records):
    body = anon.get("/api/v1/bodies/api-group/").json()
    assert body["parent"] == {
        "slug": "api-board",
        "name": "API-styrelse",
        "url": "http://testserver/api/v1/bodies/api-board/",
    }
    assert body["county"]["slug"] == "vastra-gotalands-lan"
    assert body["county"]["url"].endswith("/api/v1/counties/vastra-gotalands-lan/")


def test_agreement_nests_parties_clauses_adoptions_and_lineage(anon, records):
    data = anon.get("/api/v1/agreements/api-agreement-new/").json()
    assert [p["organisation"]["slug"] for p in data["parties"]] == ["api-org"]
    assert data["clauses"][0]["text"] == "Parterna samverkar."
    assert data["clauses"][0]["bodies"][0]["slug"] == "api-board"
    assert data["adoptions"][0]["body"]["slug"] == "api-board"
    assert data["adoptions"][0]["url"].endswith(f"/api/v1/decisions/{records['adoption'].slug}/")
    assert data["predecessor"]["slug"] == "api-agreement-old"
    assert data["relations"] == [
        {"kind": "renews", "agreement": data["predecessor"], "decision": None}
    ]
    assert data["signatories"] == []
    old = anon.get("/api/v1/agreements/api-agreement-old/").json()
    assert [s["slug"] for s in old["successors"]] == ["api-agreement-new"]


def test_agreement_status_is_as_of_today_or_the_given_day(anon, records):
    today = anon.get("/api/v1/agreements/api-agreement-new/").json()
    assert today["status"] == "expired"
    then = anon.get("/api/v1/agreements/api-agreement-new/?on=2017-06-01").json()
    assert then["status"] == "in_force"
    assert then["status_date"] == "2017-06-01"
    old_then = anon.get("/api/v1/agreements/api-agreement-old/?on=2017-06-01").json()
    assert old_then["status"] == "superseded"
    assert anon.get("/api/v1/agreements/api-agreement-new/?on=igår").status_code == 400


@pytest.mark.usefixtures("seed")
def test_seeded_names_are_reachable(anon):
    for path in (
        "/api/v1/bodies/lisa/",
        "/api/v1/organisations/vgr/",
        "/api/v1/agreements/avsiktsforklaring-vg-2016/",
        "/api/v1/matters/nationell-satsning/",
    ):
        assert anon.get(path).status_code == 200, path
    vg = anon.get("/api/v1/agreements/avsiktsforklaring-vg-2016/").json()
    assert vg["renewal_body"]["slug"] == "sro"
    assert vg["predecessor"]["slug"] == "avsiktsforklaring-vg-2013"


def test_distribution_key_shows_its_shares(anon, every_resource):
    data = anon.get("/api/v1/distribution-keys/api-key/").json()
    assert [(s["organisation"]["slug"], s["share_percent"]) for s in data["shares"]] == [
        ("api-org", "75.0000"),
        ("api-other", "25.0000"),
    ]


def test_membership_names_the_body_of_its_seat(anon, every_resource):
    data = anon.get("/api/v1/memberships/api-membership/").json()
    assert data["body"]["slug"] == "api-board"
    assert data["person"]["slug"] == "api-person"


def test_initiatives_show_where_they_are_routed(anon, records):
    # A national initiative of 2016 about a matter with a rule in Västra Götaland (routed
    # there), and one about a matter without rules (routed nowhere).
    about = routing.matter()
    routing.routing_rule(about=about, handlers=[records["org"]])
    routing.initiative(about=about, year=2016)
    routing.initiative()
    rows = anon.get("/api/v1/initiatives/?page_size=200").json()["results"]
    assert rows and all(isinstance(r["routing"], list) for r in rows)
    routed = [r for r in rows if r["routing"]]
    assert routed
    answer = routed[0]["routing"][0]
    assert {"matter", "county", "handlers", "deciding_body", "rules", "message"} <= set(answer)
    assert answer["matter"]["slug"] == routed[0]["matter"]["slug"]
    detail = anon.get(f"/api/v1/initiatives/{routed[0]['slug']}/").json()
    assert detail["routing"] == routed[0]["routing"]


@pytest.mark.parametrize("resource", RESOURCES)
def test_browsable_pages_with_write_forms_render_for_a_coordinator(
    coordinator_vg, one_of_each, resource
):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_login(coordinator_vg)
    listing = client.get(f"/api/v1/{resource}/", HTTP_ACCEPT="text/html")
    assert listing.status_code == 200
    slug = client.get(f"/api/v1/{resource}/").json()["results"][0]["slug"]
    detail = client.get(f"/api/v1/{resource}/{slug}/", HTTP_ACCEPT="text/html")
    assert detail.status_code == 200
    assert b"<form" in detail.content
