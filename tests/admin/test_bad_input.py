"""The admin and imports refuse dates outside the registry's range with a message, and list
filters outside it fall back to the whole list instead of failing."""

from __future__ import annotations

import datetime as dt

import pytest
import tablib
from django.urls import reverse

from agreements.models import Agreement, AgreementKind
from agreements.resources import AgreementResource
from funding.models import Allocation, CofinancingShare
from funding.resources import AllocationResource
from tests.admin.helpers import form_data
from tests.factories import agreements, bodies

pytestmark = pytest.mark.django_db

OUT_OF_RANGE = "Datumet måste ligga mellan 1900-01-01 och 2199-12-31."


def _add_agreement(client, **fields):
    data = form_data(client.get(reverse("admin:agreements_agreement_add")), "agreement_form")
    data.update(title="Gränsfall", kind=AgreementKind.COLLABORATION_AGREEMENT, **fields)
    return client.post(reverse("admin:agreements_agreement_add"), data)


@pytest.mark.parametrize(
    ("valid_from", "valid_until"),
    [("0001-01-01", "0001-06-01"), ("1899-12-31", ""), ("2020-01-01", "9999-12-31")],
)
def test_an_agreement_with_a_date_outside_the_range_is_a_form_error(
    client, superuser, valid_from, valid_until
):
    client.force_login(superuser)
    response = _add_agreement(client, valid_from=valid_from, valid_until=valid_until)
    assert response.status_code == 200
    assert OUT_OF_RANGE in response.content.decode()
    assert not Agreement.objects.filter(title="Gränsfall").exists()


def test_an_agreement_at_the_ends_of_the_range_is_saved(client, superuser):
    client.force_login(superuser)
    response = _add_agreement(client, valid_from="1900-01-01", valid_until="2199-12-31")
    assert response.status_code == 302
    agreement = Agreement.objects.get(title="Gränsfall")
    assert (agreement.valid_from, agreement.valid_until) == (
        dt.date(1900, 1, 1),
        dt.date(2199, 12, 31),
    )


@pytest.mark.parametrize("percent", ["-1", "101"])
def test_a_cofinancing_share_outside_0_to_100_is_a_form_error(client, superuser, percent):
    client.force_login(superuser)
    url = reverse("admin:funding_cofinancingshare_add")
    data = form_data(client.get(url), "cofinancingshare_form")
    data.update(year="2031", principals_share_percent=percent)
    response = client.post(url, data)
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    assert not CofinancingShare.objects.filter(year=2031).exists()


@pytest.mark.parametrize(
    "query",
    [
        "agreements/agreement/?valid_from__year=9999",
        "agreements/agreement/?valid_from__year=0",
        "agreements/agreement/?year=0",
        "agreements/agreement/?year=99999999",
        "agreements/decision/?date__year=9999&date__month=12",
        "agreements/decision/?year=99999",
        "bodies/body/?established_on__year=9999",
    ],
)
def test_admin_filters_outside_the_range_fall_back_to_the_whole_list(client, superuser, query):
    # A row in each list, so that the lists have years to filter on.
    vg = bodies.county("14")
    body = bodies.body(in_county=vg, established_on=dt.date(2016, 1, 1))
    agreements.adoption(agreements.agreement(in_county=vg), body)
    client.force_login(superuser)
    response = client.get(f"/admin/{query}")
    # Django's answer to a filter it cannot apply: the list again, with ?e=1.
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")


@pytest.mark.parametrize(
    "query",
    [
        "agreements/agreement/?valid_from__year=2199",
        "agreements/agreement/?year=1900",
        "agreements/decision/?date__year=2199&date__month=12",
    ],
)
def test_admin_filters_at_the_ends_of_the_range_answer(client, superuser, query):
    client.force_login(superuser)
    assert client.get(f"/admin/{query}").status_code == 200


def _agreement_rows(*dates):
    dataset = tablib.Dataset(
        headers=["slug", "title", "kind", "county", "valid_from", "valid_until"]
    )
    for i, (start, end) in enumerate(dates):
        dataset.append(["", f"Importerat {i}", "collaboration_agreement", "14", start, end])
    return dataset


@pytest.mark.parametrize(
    ("start", "end"), [("0001-01-01", "0001-06-01"), ("2020-01-01", "9999-12-31")]
)
def test_an_import_with_a_date_outside_the_range_applies_nothing(superuser, start, end):
    bodies.county("14")
    dataset = _agreement_rows(("2019-01-01", "2020-12-31"), (start, end))
    result = AgreementResource().import_data(dataset, dry_run=False, user=superuser)
    assert result.has_validation_errors()
    messages = [str(e) for row in result.invalid_rows for e in row.error_dict.values()]
    assert any(OUT_OF_RANGE in m for m in messages)
    assert not Agreement.objects.filter(title__startswith="Importerat").exists()


def test_an_import_at_the_ends_of_the_range_is_applied(superuser):
    bodies.county("14")
    dataset = _agreement_rows(("1900-01-01", "2199-12-31"))
    result = AgreementResource().import_data(dataset, dry_run=False, user=superuser)
    assert not result.has_validation_errors() and not result.has_errors()
    assert Agreement.objects.get(title="Importerat 0").valid_until == dt.date(2199, 12, 31)


def test_an_import_of_an_allocation_for_year_zero_applies_nothing(superuser):
    bodies.county("14")
    dataset = tablib.Dataset(headers=["slug", "year", "county", "purpose"])
    dataset.append(["", "0", "14", "Årslöst"])
    result = AllocationResource().import_data(dataset, dry_run=False, user=superuser)
    messages = [str(e) for row in result.invalid_rows for e in row.error_dict.values()]
    assert any("Året måste ligga mellan 1900 och 2199." in m for m in messages)
    assert not Allocation.objects.filter(purpose="Årslöst").exists()
