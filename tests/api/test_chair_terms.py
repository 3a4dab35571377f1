"""Who chaired a body on a day, through the API: /api/v1/chair-terms/?on=…"""

from __future__ import annotations

import datetime as dt

import pytest

from bodies.models import Body, ChairTerm, Person

pytestmark = pytest.mark.usefixtures("seed")


@pytest.fixture
def terms():
    body = Body.objects.get(slug="lisa")
    first = Person.objects.create(name="Ordförande Ett", slug="ordforande-ett")
    second = Person.objects.create(name="Ordförande Två", slug="ordforande-tva")
    ChairTerm.objects.create(
        body=body,
        role="chair",
        side="region",
        person=first,
        starts_on=dt.date(2016, 1, 1),
        ends_on=dt.date(2017, 12, 31),
    )
    ChairTerm.objects.create(
        body=body,
        role="chair",
        side="municipalities",
        person=second,
        starts_on=dt.date(2018, 1, 1),
        ends_on=dt.date(2019, 12, 31),
    )
    return body


def test_chair_terms_answer_who_chaired_on_a_day(client, terms):
    then = client.get("/api/v1/chair-terms/", {"body": "lisa", "on": "2017-06-01"}).json()
    assert [t["person"]["name"] for t in then["results"]] == ["Ordförande Ett"]
    assert then["results"][0]["body"]["slug"] == "lisa"
    later = client.get("/api/v1/chair-terms/", {"body": "lisa", "on": "2019-06-01"}).json()
    assert [t["person"]["name"] for t in later["results"]] == ["Ordförande Två"]
    every = client.get("/api/v1/chair-terms/", {"body": "lisa"}).json()
    assert every["count"] == 2


def test_chair_terms_refuse_a_date_outside_the_calendar_and_cannot_be_written(client, terms):
    refused = client.get("/api/v1/chair-terms/", {"on": "2300-01-01"})
    assert refused.status_code == 400
    assert "on" in refused.json()
    assert client.post("/api/v1/chair-terms/", {}).status_code in (401, 403, 405)


def test_chair_terms_answer_every_documented_filter_without_error(client, terms):
    response = client.get(
        "/api/v1/chair-terms/",
        {"body": "", "on": "2000-01-01", "role": "chair", "page": "1", "modified_since": "x"},
    )
    assert response.status_code in (200, 400)
