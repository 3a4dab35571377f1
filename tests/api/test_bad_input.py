"""No input brings the API down: bad dates, bodies and parameters get a JSON 400 with a message."""

from __future__ import annotations

import json

import pytest

from agreements.models import Agreement
from bodies.models import Body
from funding.models import CofinancingShare
from tests.api.conftest import token_client
from tests.factories import bodies, routing

pytestmark = pytest.mark.django_db

OUT_OF_RANGE = "Datumet måste ligga mellan 1900-01-01 och 2199-12-31."


def _agreement(**dates):
    return {
        "title": "API-datumprov",
        "kind": "county_plan",
        "county": "vastra-gotalands-lan",
        **dates,
    }


@pytest.mark.parametrize(
    ("valid_from", "valid_until"),
    [
        ("0001-01-01", "0001-06-01"),
        ("1899-12-31", "1900-06-01"),
        ("2020-01-01", "2200-01-01"),
        ("2020-01-01", "9999-12-31"),
    ],
)
def test_an_agreement_with_dates_outside_the_range_is_refused_and_not_stored(
    vg_client, records, valid_from, valid_until
):
    response = vg_client.post(
        "/api/v1/agreements/",
        _agreement(
            valid_from=valid_from,
            valid_until=valid_until,
            renewal_type="express",
            renewal_body="api-board",
        ),
        format="json",
    )
    assert response.status_code == 400
    refused = [f for f in ("valid_from", "valid_until") if response.json().get(f) == [OUT_OF_RANGE]]
    assert refused
    assert not Agreement.objects.filter(title="API-datumprov").exists()
    # The list, its CSV and the calendar still answer.
    assert vg_client.get("/api/v1/agreements/").status_code == 200
    assert vg_client.get("/api/v1/agreements/?format=csv").status_code == 200
    assert vg_client.get("/kalender.ics").status_code == 200


def test_an_agreement_at_the_ends_of_the_range_is_stored(vg_client, records):
    response = vg_client.post(
        "/api/v1/agreements/",
        _agreement(valid_from="1900-01-01", valid_until="2199-12-31"),
        format="json",
    )
    assert response.status_code == 201, response.content
    slug = response.json()["slug"]
    assert vg_client.get(f"/api/v1/agreements/{slug}/").status_code == 200
    assert vg_client.get(f"/overenskommelser/{slug}/").status_code == 200


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/agreements/?on=0001-01-01", "on"),
        ("/api/v1/agreements/?on=9999-12-31", "on"),
        ("/api/v1/agreements/api-agreement-new/?on=2200-01-01", "on"),
        ("/api/v1/agreements/?in_force_on=1899-12-31", "in_force_on"),
        ("/api/v1/agreements/?status=in_force&on=9999-12-31", "on"),
        ("/api/v1/decisions/?date_after=0001-01-01", "date"),
        ("/api/v1/decisions/?date_before=9999-12-31", "date"),
        ("/api/v1/meetings/?date_after=0001-01-01", "date"),
        ("/api/v1/memberships/?on=9999-12-31", "on"),
    ],
)
def test_date_parameters_outside_the_range_are_a_400_with_a_message(anon, records, url, field):
    response = anon.get(url)
    assert response.status_code == 400
    assert OUT_OF_RANGE in json.dumps(response.json()[field], ensure_ascii=False)


def test_a_date_outside_the_range_in_the_browsable_api_of_a_writer_is_a_400(vg_client, records):
    """The page of the 400 offers a writer the POST form; building it must not read the
    refused date again."""
    response = vg_client.get(
        "/api/v1/agreements/?on=0254-07-20&format=api", HTTP_ACCEPT="text/html"
    )
    assert response.status_code == 400
    assert OUT_OF_RANGE in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/agreements/?on=1900-01-01",
        "/api/v1/agreements/?in_force_on=2199-12-31",
        "/api/v1/decisions/?date_after=1900-01-01&date_before=2199-12-31",
        "/api/v1/memberships/?on=2199-12-31",
        "/api/v1/agreements/?year=1900",
        "/api/v1/agreements/?year=2199",
    ],
)
def test_date_parameters_at_the_ends_of_the_range_are_answered(anon, records, url):
    assert anon.get(url).status_code == 200


@pytest.mark.parametrize("year", ["0", "1899", "2200"])
def test_a_year_outside_the_range_is_a_400(anon, records, year):
    assert anon.get(f"/api/v1/agreements/?year={year}").status_code == 400


def test_the_routing_resolver_refuses_a_day_outside_the_range(anon):
    response = anon.get(
        "/api/v1/routing/resolve/", {"matter": "x", "county": "14", "on": "0001-01-01"}
    )
    assert response.status_code == 400
    assert OUT_OF_RANGE in json.dumps(response.json(), ensure_ascii=False)


@pytest.mark.parametrize("percent", ["-1", "101"])
def test_a_cofinancing_share_outside_0_to_100_is_a_400(superuser, percent):
    response = token_client(superuser).post(
        "/api/v1/cofinancing/",
        {"year": 2030, "principals_share_percent": percent},
        format="json",
    )
    assert response.status_code == 400
    assert "principals_share_percent" in response.json()
    assert not CofinancingShare.objects.filter(year=2030).exists()


def test_the_cofinancing_constraint_has_a_message_that_formats():
    share = CofinancingShare(year=2030, principals_share_percent=101)
    with pytest.raises(Exception) as refused:
        share.validate_constraints()
    assert refused.value.messages == ["Andelen ska vara mellan 0 och 100 procent."]


def test_a_json_body_nested_thousands_deep_is_a_400(vg_client, records):
    deep = "[" * 3000 + "]" * 3000
    response = vg_client.generic("POST", "/api/v1/bodies/", deep, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"detail": "JSON-innehållet är för djupt nästlat."}


def test_a_body_larger_than_the_limit_is_a_json_400(vg_client, records, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    big = json.dumps({**_agreement(), "purpose": "x" * 2000})
    response = vg_client.generic(
        "POST", "/api/v1/agreements/", big, content_type="application/json"
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Innehållet är för stort: högst 1000 byte tas emot."}
    assert not Agreement.objects.filter(title="API-datumprov").exists()


@pytest.mark.parametrize("url", ["/api/v1/bodies/", "/api/v1/bodies/api-board/"])
def test_options_with_format_csv_answers(vg_client, records, url):
    response = vg_client.options(f"{url}?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")


def test_a_title_with_control_characters_is_a_400(vg_client, records):
    response = vg_client.post(
        "/api/v1/bodies/",
        {
            "name": "Råd\x1b[2J",
            "kind": "political",
            "level": "county",
            "county": "vastra-gotalands-lan",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["name"] == [
        "Texten får inte innehålla radbrytningar, tabbar eller andra styrtecken."
    ]
    assert not Body.objects.filter(name__startswith="Råd\x1b").exists()


def test_an_exact_copy_of_a_routing_rule_is_a_400_naming_the_rule(vg_client, anon):
    vg = bodies.county("14")
    handler = bodies.organisation(in_county=vg)
    slug = routing.routing_rule(county=vg, handlers=[handler], priority=3).slug
    rule = anon.get(f"/api/v1/routing-rules/{slug}/").json()
    payload = {
        "matter": rule["matter"]["slug"],
        "concerns": rule["concerns"],
        "county": rule["county"]["slug"],
        "clause": rule["clause"]["slug"],
        "handlers": [h["slug"] for h in rule["handlers"]],
        "deciding_body": rule["deciding_body"]["slug"] if rule["deciding_body"] else None,
        "valid_from": rule["valid_from"],
        "valid_until": rule["valid_until"],
        "priority": 7,
    }
    response = vg_client.post("/api/v1/routing-rules/", payload, format="json")
    assert response.status_code == 400, response.content
    assert "upprepar regeln" in str(response.json()) and slug in str(response.json())
