"""The benchmark's raw-SQL reference returns the API's agreement page, and only when enabled."""

from __future__ import annotations

import json

import pytest
from django.test import RequestFactory, override_settings

from governance.bench_views import agreement_page_raw

pytestmark = pytest.mark.django_db


def test_bench_endpoint_is_not_mounted_by_default(client):
    assert client.get("/bench/agreements/").status_code == 404


@override_settings(BENCH_ENDPOINTS=True)
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


@override_settings(BENCH_ENDPOINTS=True)
@pytest.mark.parametrize("page", ["0", "x"])
def test_reference_page_refuses_a_bad_page_number(page):
    response = agreement_page_raw(RequestFactory().get(f"/bench/agreements/?page={page}"))
    assert response.status_code == 400
