"""Filters narrow lists; unknown values are a 400 with a message, never an empty list or a 500."""

from __future__ import annotations

import pytest

from bodies.models import Identifier, IdentifierScheme, Principal
from tests.factories import routing

pytestmark = pytest.mark.django_db


def slugs(response):
    assert response.status_code == 200, response.content
    return {r["slug"] for r in response.json()["results"]}


def test_agreements_by_party_kind_county_and_year(anon, records):
    assert slugs(anon.get("/api/v1/agreements/?party=api-org")) == {"api-agreement-new"}
    by_kind = slugs(anon.get("/api/v1/agreements/?kind=declaration_of_intent&county=14"))
    assert {"api-agreement-new", "api-agreement-old"} <= by_kind
    assert not {"api-agreement-new"} & slugs(anon.get("/api/v1/agreements/?county=20"))
    in_2014 = slugs(anon.get("/api/v1/agreements/?year=2014&county=14"))
    assert "api-agreement-old" in in_2014 and "api-agreement-new" not in in_2014


def test_agreements_by_status_and_in_force_on(anon, records):
    in_force = slugs(anon.get("/api/v1/agreements/?status=in_force&on=2017-06-01&county=14"))
    assert "api-agreement-new" in in_force and "api-agreement-old" not in in_force
    superseded = slugs(anon.get("/api/v1/agreements/?status=superseded&on=2017-06-01"))
    assert "api-agreement-old" in superseded
    on_2014 = slugs(anon.get("/api/v1/agreements/?in_force_on=2014-06-01&county=14"))
    assert "api-agreement-old" in on_2014 and "api-agreement-new" not in on_2014


def test_bodies_by_county_level_kind_and_parent(anon, records):
    assert slugs(anon.get("/api/v1/bodies/?parent=api-board")) == {"api-group"}
    vg = slugs(anon.get("/api/v1/bodies/?county=14&level=county"))
    assert {"api-board", "api-group"} <= vg and "api-dalarna-body" not in vg
    groups = slugs(anon.get("/api/v1/bodies/?kind=working_group&county=14"))
    assert "api-group" in groups and "api-board" not in groups


def test_decisions_by_body_and_date_range(anon, records):
    adoption = records["adoption"].slug
    assert slugs(anon.get("/api/v1/decisions/?body=api-board")) == {adoption}
    inside = anon.get("/api/v1/decisions/?date_after=2015-11-01&date_before=2015-12-31")
    assert adoption in slugs(inside)
    assert adoption not in slugs(anon.get("/api/v1/decisions/?date_after=2016-01-01"))


def test_initiatives_by_concerns_and_year(anon):
    about = routing.matter()
    routing.initiative(about=about, concerns=Principal.MUNICIPALITIES, year=2016)
    routing.initiative(about=about, concerns=Principal.REGION, year=2014)
    everything = anon.get("/api/v1/initiatives/?page_size=200").json()["results"]
    assert everything
    concerns = everything[0]["concerns"]
    filtered = anon.get(f"/api/v1/initiatives/?concerns={concerns}&page_size=200").json()
    assert filtered["results"] and all(r["concerns"] == concerns for r in filtered["results"])
    with_year = [r for r in everything if r["year"]]
    if with_year:
        year = with_year[0]["year"]
        rows = anon.get(f"/api/v1/initiatives/?year={year}").json()["results"]
        assert rows and all(r["year"] == year for r in rows)
    assert anon.get("/api/v1/initiatives/?concerns=alla").status_code == 400


@pytest.mark.parametrize(
    ("path", "param"),
    [
        ("/api/v1/agreements/?party=finns-inte", "party"),
        ("/api/v1/agreements/?kind=avtal", "kind"),
        ("/api/v1/agreements/?status=okand", "status"),
        ("/api/v1/agreements/?in_force_on=31/12/2016", "in_force_on"),
        ("/api/v1/agreements/?county=99", "county"),
        ("/api/v1/agreements/?year=tjugohundra", "year"),
        ("/api/v1/agreements/?year=99999999999999999999", "year"),
        ("/api/v1/bodies/?parent=finns-inte", "parent"),
        ("/api/v1/bodies/?level=himmelsk", "level"),
        ("/api/v1/bodies/?county=1", "county"),
        ("/api/v1/decisions/?body=finns-inte", "body"),
        ("/api/v1/decisions/?date_after=igår", "date"),
        ("/api/v1/organisations/?modified_since=nyss", "modified_since"),
        ("/api/v1/organisations/?identifier=utan-kolon", "identifier"),
        ("/api/v1/organisations/?identifier=skatteverket:1", "identifier"),
    ],
)
def test_unknown_filter_values_are_400_with_a_message(anon, records, path, param):
    response = anon.get(path)
    assert response.status_code == 400, response.content
    data = response.json()
    assert any(key.startswith(param) for key in data), data
    assert all(messages for messages in data.values())


def test_search_and_ordering_everywhere(anon, records):
    assert "api-org" in slugs(anon.get("/api/v1/organisations/?search=API-testorg"))
    names = [
        r["name"]
        for r in anon.get("/api/v1/bodies/?county=14&ordering=-name&page_size=200").json()[
            "results"
        ]
    ]
    assert names == sorted(names, reverse=True)


def test_every_list_filters_on_modified_since(anon, records):
    assert slugs(anon.get("/api/v1/bodies/?modified_since=2999-01-01T00:00:00Z")) == set()
    recent = slugs(anon.get("/api/v1/bodies/?modified_since=2000-01-01T00:00:00Z&page_size=200"))
    assert {"api-board", "api-group"} <= recent


def test_organisations_found_by_identifier(anon, records, vg):
    Identifier.objects.create(
        organisation=records["other"], scheme=IdentifierScheme.SCB_COUNTY, value="01"
    )
    assert slugs(anon.get("/api/v1/organisations/?identifier=org_number:000000-0001")) == {
        "api-org"
    }
    # An organisation number is found with or without its hyphen.
    assert slugs(anon.get("/api/v1/organisations/?identifier=org_number:0000000001")) == {"api-org"}
    plain = anon.get("/api/v1/organisations/by-identifier/?identifier=org_number:0000000001")
    assert plain.status_code == 200 and plain.json()["slug"] == "api-org"
    found = anon.get("/api/v1/organisations/by-identifier/?identifier=scb_county:01")
    assert found.status_code == 200
    assert found.json()["slug"] == "api-other"
    assert {"scheme": "scb_county", "value": "01"} in found.json()["identifiers"]
    # SCB codes are text: the leading zero matters.
    assert (
        anon.get("/api/v1/organisations/by-identifier/?identifier=scb_county:1").status_code == 404
    )
    assert anon.get("/api/v1/organisations/by-identifier/").status_code == 400
    assert anon.get("/api/v1/organisations/by-identifier/?identifier=x:1").status_code == 400


def test_bodies_found_by_identifier(anon, records):
    Identifier.objects.create(
        body=records["parent_body"], scheme=IdentifierScheme.DIARY_NUMBER, value="RS 2016/12"
    )
    found = anon.get("/api/v1/bodies/by-identifier/", {"identifier": "diary_number:RS 2016/12"})
    assert found.status_code == 200
    assert found.json()["slug"] == "api-board"


def test_modified_since_with_an_offset_postgresql_refuses_is_still_answered(anon, records):
    odd = anon.get("/api/v1/agreements/", {"modified_since": "7970-04-13T08:38:30.0-21:21"})
    assert odd.status_code == 200
    edge = anon.get("/api/v1/agreements/", {"modified_since": "9999-12-31T23:59:59-14:00"})
    assert edge.status_code in (200, 400)
