"""The benchmark's raw-SQL reference returns the API's agreement page, and only the bench
settings mount it."""

from __future__ import annotations

import json

import pytest
from django.test import RequestFactory, override_settings
from django.urls import NoReverseMatch, reverse

from bench.reference import agreement_page_raw

pytestmark = pytest.mark.django_db


def test_production_urls_do_not_hold_the_reference(client, settings):
    assert settings.ROOT_URLCONF == "governance.urls"
    with pytest.raises(NoReverseMatch):
        reverse("bench-agreements")
    assert client.get("/bench/agreements/").status_code == 404


@override_settings(ROOT_URLCONF="bench.urls")
def test_bench_urls_hold_the_reference_in_front_of_the_project(client):
    assert reverse("bench-agreements") == "/bench/agreements/"
    assert client.get("/bench/agreements/?page=1").status_code == 200
    assert client.get("/api/v1/agreements/").status_code == 200


def test_bench_settings_are_the_project_settings_with_the_bench_urls():
    import bench.settings
    import governance.settings

    assert bench.settings.ROOT_URLCONF == "bench.urls"
    assert bench.settings.INSTALLED_APPS == governance.settings.INSTALLED_APPS
    assert bench.settings.DATABASES == governance.settings.DATABASES


@pytest.mark.usefixtures("seed")
def test_reference_page_holds_the_same_agreements_in_the_same_order_as_the_api(
    client, django_assert_num_queries
):
    api = client.get("/api/v1/agreements/?page=1").json()
    with django_assert_num_queries(1):
        response = agreement_page_raw(RequestFactory().get("/bench/agreements/?page=1"))
    raw = json.loads(response.content)
    assert raw["count"] == api["count"]
    assert [a["slug"] for a in raw["results"]] == [a["slug"] for a in api["results"]]
    vg = next(a for a in raw["results"] if a["slug"] == "avsiktsforklaring-vg-2016")
    assert len(vg["clauses"]) == 7
    assert vg["renewal_body"] == "sro"


@pytest.mark.parametrize("page", ["0", "x"])
def test_reference_page_refuses_a_bad_page_number(page):
    response = agreement_page_raw(RequestFactory().get(f"/bench/agreements/?page={page}"))
    assert response.status_code == 400
