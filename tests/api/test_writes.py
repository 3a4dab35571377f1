"""Writing: coordinators within their county scope, validated like the admin, no lost updates."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from bodies.models import Body
from tests.factories import bodies, routing

pytestmark = pytest.mark.django_db

NEW_BODY = {
    "name": "API-nytt råd",
    "kind": "political",
    "level": "county",
    "county": "vastra-gotalands-lan",
    "parent": "api-board",
}


def test_anonymous_cannot_write(anon, records):
    response = anon.post("/api/v1/bodies/", NEW_BODY, format="json")
    assert response.status_code == 401
    assert "Token" in response["WWW-Authenticate"]
    assert anon.patch("/api/v1/bodies/api-board/", {"name": "x"}).status_code == 401
    assert anon.delete("/api/v1/bodies/api-group/").status_code == 401


def test_reader_is_forbidden_to_write(reader_client, records):
    assert reader_client.post("/api/v1/bodies/", NEW_BODY, format="json").status_code == 403
    assert reader_client.patch("/api/v1/bodies/api-board/", {"name": "x"}).status_code == 403


def test_coordinator_creates_a_body_in_their_county(vg_client, records):
    response = vg_client.post("/api/v1/bodies/", NEW_BODY, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["slug"] == "api-nytt-rad"
    assert data["parent"]["slug"] == "api-board"
    assert data["url"].endswith("/api/v1/bodies/api-nytt-rad/")
    assert response["ETag"].startswith('"1-')
    assert Body.objects.get(slug="api-nytt-rad").county.code == "14"


def test_coordinator_of_another_county_is_forbidden(dalarna_client, records):
    assert dalarna_client.post("/api/v1/bodies/", NEW_BODY, format="json").status_code == 403
    response = dalarna_client.patch("/api/v1/bodies/api-board/", {"name": "Kapat"}, format="json")
    assert response.status_code == 403
    assert dalarna_client.delete("/api/v1/bodies/api-group/").status_code == 403
    assert Body.objects.filter(slug="api-group").exists()
    # … but may change a body of Dalarna, and may not move it to Västra Götaland.
    ok = dalarna_client.patch(
        "/api/v1/bodies/api-dalarna-body/", {"mandate": "Samordna."}, format="json"
    )
    assert ok.status_code == 200
    moved = dalarna_client.patch(
        "/api/v1/bodies/api-dalarna-body/", {"county": "vastra-gotalands-lan"}, format="json"
    )
    assert moved.status_code == 403


def test_session_writes_need_the_csrf_token(coordinator_vg, records):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(coordinator_vg)
    refused = client.post("/api/v1/bodies/", NEW_BODY, format="json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    secret = "a" * 32
    client.cookies["csrftoken"] = secret
    accepted = client.post("/api/v1/bodies/", NEW_BODY, format="json", HTTP_X_CSRFTOKEN=secret)
    assert accepted.status_code == 201, accepted.content


def test_invalid_writes_get_400_with_field_messages(vg_client, records):
    missing = vg_client.post("/api/v1/bodies/", {"kind": "political"}, format="json")
    assert missing.status_code == 400
    assert {"name", "level"} <= set(missing.json())

    wrong_choice = vg_client.post("/api/v1/bodies/", {**NEW_BODY, "kind": "kaffe"}, format="json")
    assert wrong_choice.status_code == 400
    assert "kind" in wrong_choice.json()

    unknown_parent = vg_client.post(
        "/api/v1/bodies/", {**NEW_BODY, "parent": "finns-inte"}, format="json"
    )
    assert unknown_parent.status_code == 400
    assert "parent" in unknown_parent.json()


def test_model_constraints_are_enforced_like_in_the_admin(vg_client, records):
    response = vg_client.post(
        "/api/v1/bodies/",
        {**NEW_BODY, "established_on": "2016-01-01", "dissolved_on": "2015-01-01"},
        format="json",
    )
    assert response.status_code == 400
    assert "Upplöst kan inte vara före inrättad." in str(response.json())

    agreement = vg_client.patch(
        "/api/v1/agreements/api-agreement-new/",
        {"valid_until": "2010-01-01"},
        format="json",
    )
    assert agreement.status_code == 400
    assert "kan inte vara före" in str(agreement.json())

    # clean(): a body cannot get its mandate from itself through another body.
    cycle = vg_client.patch("/api/v1/bodies/api-board/", {"parent": "api-group"}, format="json")
    assert cycle.status_code == 400
    assert "parent" in cycle.json()


def test_update_with_current_etag_succeeds_and_stale_etag_gets_412(vg_client, records):
    first = vg_client.get("/api/v1/bodies/api-board/")
    etag = first["ETag"]
    assert etag.startswith(f'"{first.json()["version"]}-')

    changed = vg_client.patch(
        "/api/v1/bodies/api-board/", {"name": "API-styrelsen"}, format="json", HTTP_IF_MATCH=etag
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["version"] == first.json()["version"] + 1
    assert changed["ETag"] != etag

    stale = vg_client.patch(
        "/api/v1/bodies/api-board/", {"mandate": "Annat"}, format="json", HTTP_IF_MATCH=etag
    )
    assert stale.status_code == 412
    data = stale.json()
    assert data["current_version"] == changed.json()["version"]
    assert any(c["field"] == "name" and c["after"] == "API-styrelsen" for c in data["changes"])
    assert Body.objects.get(slug="api-board").mandate == ""

    # A stale If-Match on a delete is refused too.
    stale_delete = vg_client.delete("/api/v1/bodies/api-group/", HTTP_IF_MATCH='"999-x"')
    assert stale_delete.status_code == 412


def test_put_replaces_the_record(vg_client, records):
    etag = vg_client.get("/api/v1/bodies/api-group/")["ETag"]
    response = vg_client.put(
        "/api/v1/bodies/api-group/",
        {**NEW_BODY, "name": "API-gruppen", "slug": "api-group"},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 200, response.content
    assert response.json()["name"] == "API-gruppen"


def test_delete_of_a_referenced_record_gets_409_with_the_referrers(vg_client, records):
    response = vg_client.delete("/api/v1/bodies/api-board/")
    assert response.status_code == 409
    referrers = response.json()["referrers"]
    assert any(r.startswith("Beslut:") for r in referrers)
    assert Body.objects.filter(slug="api-board").exists()

    free = vg_client.delete("/api/v1/bodies/api-group/")
    assert free.status_code == 204
    assert not Body.objects.filter(slug="api-group").exists()


def test_history_records_the_token_user(vg_client, coordinator_vg, records):
    response = vg_client.patch(
        "/api/v1/bodies/api-board/", {"mandate": "Leda arbetet."}, format="json"
    )
    assert response.status_code == 200
    event = records["parent_body"].events.order_by("-pgh_id").first()
    assert event.mandate == "Leda arbetet."
    assert event.pgh_context is not None
    assert event.pgh_context.metadata["user"] == coordinator_vg.pk


def test_many_to_many_relations_are_written_by_slug(vg_client, records):
    response = vg_client.patch("/api/v1/bodies/api-board/", {"owners": ["api-org"]}, format="json")
    assert response.status_code == 200, response.content
    assert [o["slug"] for o in response.json()["owners"]] == ["api-org"]
    assert list(records["parent_body"].owners.values_list("slug", flat=True)) == ["api-org"]


def test_contradicting_routing_rule_is_refused_like_in_the_admin(vg_client, anon, vg):
    vgr = bodies.organisation("Västra Götalandsregionen", in_county=vg, slug="vgr")
    bodies.organisation("VästKom", in_county=vg, slug="vastkom")
    made = routing.routing_rule(county=vg, handlers=[vgr], deciding_body=bodies.body(in_county=vg))
    existing = anon.get(f"/api/v1/routing-rules/{made.slug}/")
    assert existing.status_code == 200
    rule = existing.json()
    other_handlers = [
        h for h in ("vgr", "vastkom") if h not in {x["slug"] for x in rule["handlers"]}
    ]
    payload = {
        "matter": rule["matter"]["slug"],
        "concerns": rule["concerns"],
        "county": rule["county"]["slug"],
        "clause": rule["clause"]["slug"],
        "handlers": other_handlers or ["skl"],
        "priority": 5,
    }
    # Same deciding body: only the handlers differ, which clean() alone cannot see.
    if rule["deciding_body"]:
        payload["deciding_body"] = rule["deciding_body"]["slug"]
    response = vg_client.post("/api/v1/routing-rules/", payload, format="json")
    assert response.status_code == 400, response.content
    assert "motsäger" in str(response.json())
