"""``GET /api/v1/routing/resolve/``: the resolver over HTTP, and refused parameters."""

from __future__ import annotations

import pytest

from tests.factories import routing

pytestmark = pytest.mark.django_db

URL = "/api/v1/routing/resolve/"
VG_CLAUSE_2 = {
    "matter": "nationell-satsning",
    "concerns": "municipalities",
    "county": "14",
    "on": "2017-06-01",
}


@pytest.fixture
def vg():
    made = routing.vg_declaration()
    assert (made.initiatives.slug, made.county.code) == (VG_CLAUSE_2["matter"], "14")
    return made


@pytest.fixture
def dalarna():
    return routing.dalarna_proposal()


def _resolve(client, **params):
    response = client.get(URL, params, HTTP_ACCEPT="application/json")
    return response, response.json()


def test_resolves_vg_clause_2_to_vastkom_with_the_clause_and_agreement(client, vg):
    response, body = _resolve(client, **VG_CLAUSE_2)

    assert response.status_code == 200
    assert body["in_force"] is True
    assert [(h["slug"], h["name"]) for h in body["handlers"]] == [
        (vg.vastkom.slug, vg.vastkom.name)
    ]
    assert body["handlers"][0]["name"]
    assert body["deciding_body"] is None
    [rule] = body["rules"]
    assert rule["agreement"] == vg.declaration.slug
    assert rule["clause_order"] == 2
    assert "VästKom" in rule["clause"]
    assert "VästKom" in body["message"]
    assert body["renewal_body"] is None


def test_both_returns_both_handlers_and_the_joint_monitoring_rule(client, vg):
    _response, body = _resolve(client, **{**VG_CLAUSE_2, "concerns": "both"})

    assert {h["slug"] for h in body["handlers"]} == {vg.vastkom.slug, vg.koncernkontoret.slug}
    assert [r["clause_order"] for r in body["rules"]] == [2, 3, 4]


def test_deciding_body_is_named_with_slug_and_name(client, vg):
    _response, body = _resolve(
        client,
        matter=vg.positions.slug,
        concerns="region",
        county="14",
        on="2018-01-01",
    )

    assert body["deciding_body"]["slug"] == vg.sro.slug
    assert body["deciding_body"]["name"] == vg.sro.name
    assert body["handlers"] == []


def test_dalarna_political_initiative_goes_to_valfardsradet(client, dalarna):
    _response, body = _resolve(
        client, matter=dalarna.political.slug, concerns="both", county="20", on="2019-06-01"
    )

    assert body["in_force"] is True
    assert body["deciding_body"]["slug"] == dalarna.council.slug
    assert body["rules"][0]["agreement"] == dalarna.proposal.slug
    assert body["rules"][0]["agreement_is_draft"] is True


def test_after_2018_vg_answer_is_not_in_force_and_names_sro(client, vg):
    response, body = _resolve(client, **{**VG_CLAUSE_2, "on": "2019-01-01"})

    assert response.status_code == 200
    assert body["in_force"] is False
    assert body["handlers"] == []
    assert body["rules"] == []
    assert body["renewal_body"]["slug"] == vg.sro.slug
    assert "SRO" in body["message"]
    assert "2018-12-31" in body["message"]


@pytest.mark.usefixtures("vg")
def test_date_defaults_to_today(client):
    params = {k: v for k, v in VG_CLAUSE_2.items() if k != "on"}

    response, body = _resolve(client, **params)

    assert response.status_code == 200
    assert body["on"] >= "2019-01-01"
    assert body["in_force"] is False


@pytest.mark.parametrize(
    ("params", "fields"),
    [
        ({**VG_CLAUSE_2, "matter": "finns-inte"}, {"matter"}),
        ({**VG_CLAUSE_2, "concerns": "any"}, {"concerns"}),
        ({**VG_CLAUSE_2, "concerns": "alla"}, {"concerns"}),
        ({**VG_CLAUSE_2, "county": "99"}, {"county"}),
        ({**VG_CLAUSE_2, "county": "vastra-gotaland"}, {"county"}),
        ({**VG_CLAUSE_2, "on": "2017-02-30"}, {"on"}),
        ({**VG_CLAUSE_2, "on": "01/06/2017"}, {"on"}),
        ({}, {"matter", "concerns", "county"}),
        (
            {"matter": "x", "concerns": "y", "county": "z", "on": "w"},
            {"matter", "concerns", "county", "on"},
        ),
    ],
)
@pytest.mark.usefixtures("vg")
def test_bad_parameters_are_refused_with_field_errors(client, params, fields):
    response, body = _resolve(client, **params)

    assert response.status_code == 400
    assert set(body) == fields
    for messages in body.values():
        assert messages and all(isinstance(m, str) and m for m in messages)


def test_nul_byte_in_a_parameter_is_a_400_not_a_500(client):
    response = client.get(URL, {**VG_CLAUSE_2, "matter": "nationell\x00satsning"})

    assert response.status_code == 400


def test_resolve_is_read_only_even_for_a_superuser(client, superuser):
    client.force_login(superuser)

    response = client.post(URL, VG_CLAUSE_2)

    assert response.status_code == 405


@pytest.mark.usefixtures("vg")
def test_resolve_reads_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    # Five for the answer (matter, county, rules, handlers, agreement relations); the
    # rest is the shared throttle cache and the history context of the request.
    with django_assert_max_num_queries(14):
        one = client.get(URL, VG_CLAUSE_2, HTTP_ACCEPT="application/json")
    with django_assert_max_num_queries(14):
        both = client.get(URL, {**VG_CLAUSE_2, "concerns": "both"}, HTTP_ACCEPT="application/json")
    assert [len(r.json()["rules"]) for r in (one, both)] == [1, 3]


def test_schema_documents_the_parameters_and_responses(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    operation = response.json()["paths"]["/api/v1/routing/resolve/"]["get"]

    names = {p["name"] for p in operation["parameters"]}
    assert {"matter", "concerns", "county", "on"} <= names
    assert {"200", "400"} <= set(operation["responses"])


def test_initiative_routing_field_serialises_initiatives_in_fixed_queries(
    vg, dalarna, django_assert_max_num_queries
):
    from rest_framework import serializers

    from governance.api.routing.resolver import InitiativeRoutingField
    from governance.routing.models import Initiative

    class InitiativeWithRouting(serializers.Serializer):
        slug = serializers.SlugField()
        routing = InitiativeRoutingField()

    routing.initiative("Nationell satsning 2016", year=2016, about=vg.initiatives)
    routing.initiative("Satsning i regionen", year=2017, concerns="region", about=vg.initiatives)
    routing.initiative(
        "Dalarnas satsning", year=2019, county=dalarna.county, about=dalarna.political
    )
    routing.initiative("Satsning utan regler", year=2016)
    initiatives = list(Initiative.objects.select_related("matter", "county"))
    assert len(initiatives) == 4

    with django_assert_max_num_queries(3):
        data = InitiativeWithRouting(initiatives, many=True).data

    by_slug = {item["slug"]: item["routing"] for item in data}
    assert set(by_slug) == {i.slug for i in initiatives}
    assert all(answers and answers[0]["message"] for answers in by_slug.values())
    ebp = [a for answers in by_slug.values() for a in answers if a["in_force"]]
    assert any(h["slug"] == vg.vastkom.slug for a in ebp for h in a["handlers"])
