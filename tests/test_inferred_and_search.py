"""Inferred values are marked on pages and in the API; search finds what the timeline shows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from governance.core.records import Basis
from tests.factories import agreements

pytestmark = pytest.mark.django_db

# The tests of the seed's inferred values and of finding its facts ask for the seed; the
# marking of an inferred value is a rule, checked on an agreement of its own.
on_the_seed = pytest.mark.usefixtures("seed")


def test_agreement_page_marks_an_inferred_start_with_its_reason_as_text(client):
    agreement = agreements.agreement(
        valid_from_basis=Basis.INFERRED,
        basis_note="Startdatumet är härlett ur beslutets datum.",
    )
    html = client.get(agreement.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert '<span class="inferred"><strong>härlett</strong>: Startdatumet är härlett' in html


@on_the_seed
def test_api_says_which_dates_are_inferred(client):
    data = client.get("/api/v1/agreements/overenskommelse-2015/").json()
    assert (data["valid_from_basis"], data["valid_until_basis"]) == ("inferred", "inferred")
    assert "1 januari" in data["basis_note"]
    listed = client.get("/api/v1/agreements/", {"page_size": 100}).json()["results"]
    row = next(r for r in listed if r["slug"] == "avsiktsforklaring-vg-2016")
    assert (row["valid_from_basis"], row["valid_until_basis"]) == ("inferred", "stated")


@on_the_seed
def test_api_marks_inferred_routing_starts_and_classifications(client):
    rules = client.get("/api/v1/routing-rules/", {"page_size": 100}).json()["results"]
    dalarna = [r for r in rules if r["county"]["slug"] == "dalarnas-lan"]
    assert dalarna and {r["valid_from_basis"] for r in dalarna} == {"inferred"}
    initiative = client.get("/api/v1/initiatives/pilotprojekt-aldreomsorgen-2010/").json()
    assert initiative["concerns_basis"] == "inferred"
    assert initiative["basis_note"].startswith("Registrets bedömning")


@on_the_seed
def test_initiative_page_shows_both_sources_on_when_state_support_ended(client):
    url = reverse(
        "web:initiative-detail", kwargs={"slug": "utvecklingsmedel-regionala-stodstrukturer"}
    )
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert html.count("När upphörde det statliga stödet") >= 2
    assert "Dalarnas organisationsförslag" in html
    assert "Avsiktsförklaringen VGR–VästKom 2016" in html


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Statskontoret", "Statskontorets slutrapport"),
        ("Wigzell", "Betänkandet Evidensbaserad praktik"),
        ("praktiskt verksamhetsstöd", "Mål 1"),
        ("tredjedelar", "Vem undertecknade länsplanerna"),
    ],
)
@on_the_seed
def test_search_finds_the_timeline_goals_and_statements(client, text, expected):
    html = client.get(
        reverse("web:search"), {"q": text}, HTTP_ACCEPT_LANGUAGE="sv"
    ).content.decode()
    assert expected in html


@on_the_seed
def test_timeline_shows_goals_and_dated_events(client):
    html = client.get(reverse("web:timeline"), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert 'id="mal-1"' in html
    assert "Regionkommun bildas i Örebro län" in html
    assert "Vem undertecknade länsplanerna 2013?" in html
