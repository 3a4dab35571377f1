"""CSV and Excel import/export: preview, row errors, and never half-applied."""

import datetime as dt
import io

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agreements.models import Agreement, Decision
from agreements.resources import AgreementResource, DecisionResource
from bodies.models import Body, Organisation
from bodies.resources import BodyResource, OrganisationResource
from funding.resources import AllocationResource, StateGrantResource
from tests.factories import agreements, bodies, funding

CSV_FORMAT = "0"  # the first of [CSV, XLSX]


def _csv(rows):
    out = io.StringIO()
    out.write("\n".join(",".join(r) for r in rows) + "\n")
    return SimpleUploadedFile("import.csv", out.getvalue().encode(), content_type="text/csv")


@pytest.fixture
def vg(db):
    """Västra Götaland, the county the imported rows name by its code."""
    return bodies.county("14")


@pytest.fixture
def vg_declaration(vg):
    """An agreement of Västra Götaland's, as exported before anyone changes it."""
    return agreements.agreement("Avsiktsförklaring VG", end=dt.date(2018, 12, 31), in_county=vg)


@pytest.mark.usefixtures("vg")
def test_import_with_one_bad_row_shows_the_error_and_applies_nothing(client, superuser):
    client.force_login(superuser)
    url = reverse("admin:agreements_agreement_import")
    upload = _csv(
        [
            ["slug", "title", "kind", "county", "valid_from", "valid_until"],
            ["", "Bra avtal", "collaboration_agreement", "14", "2019-01-01", "2020-12-31"],
            ["", "Dåligt avtal", "collaboration_agreement", "14", "2021-01-01", "2020-12-31"],
        ]
    )
    response = client.post(url, {"import_file": upload, "format": CSV_FORMAT, "resource": "0"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "kan inte vara före" in html  # the row-level error of row 2
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    assert not Agreement.objects.filter(title__in=["Bra avtal", "Dåligt avtal"]).exists()


@pytest.mark.usefixtures("vg")
def test_resource_import_with_a_bad_row_rolls_back_the_good_ones(superuser):
    dataset = tablib.Dataset(headers=["slug", "name", "kind", "level", "county"])
    dataset.append(["", "Nytt nätverk", "network", "county", "14"])
    dataset.append(["", "Felaktigt organ", "no-such-kind", "county", "14"])
    result = BodyResource().import_data(dataset, dry_run=False, user=superuser)
    assert result.has_validation_errors()
    assert not Body.objects.filter(name__in=["Nytt nätverk", "Felaktigt organ"]).exists()


@pytest.mark.usefixtures("vg")
def test_import_preview_then_confirm_applies_the_rows(client, superuser):
    client.force_login(superuser)
    url = reverse("admin:bodies_organisation_import")
    upload = _csv([["slug", "name", "kind", "county"], ["", "FoU Nordväst", "fou", "14"]])
    response = client.post(url, {"import_file": upload, "format": CSV_FORMAT, "resource": "0"})
    assert response.status_code == 200
    confirm = response.context["confirm_form"]
    assert confirm is not None
    assert not Organisation.objects.filter(name="FoU Nordväst").exists()  # preview only
    response = client.post(
        reverse("admin:bodies_organisation_process_import"),
        dict(confirm.initial),
    )
    assert response.status_code == 302
    org = Organisation.objects.get(name="FoU Nordväst")
    assert org.county.code == "14"
    assert org.events.get().pgh_context.metadata["user"] == superuser.pk


def test_coordinator_cannot_import_rows_of_another_county(coordinator_dalarna, vg_declaration):
    vg = vg_declaration
    dataset = AgreementResource().export(queryset=Agreement.objects.filter(pk=vg.pk))
    dataset.dict = [{**row, "title": "Kapad via import"} for row in dataset.dict]
    result = AgreementResource().import_data(dataset, dry_run=False, user=coordinator_dalarna)
    assert result.has_validation_errors()
    vg.refresh_from_db()
    assert vg.title != "Kapad via import"


def test_import_of_a_row_exported_before_a_change_is_refused(superuser, vg_declaration):
    vg = vg_declaration
    dataset = AgreementResource().export(queryset=Agreement.objects.filter(pk=vg.pk))
    Agreement.objects.filter(pk=vg.pk).update(purpose="Ändrat efter exporten")
    dataset.dict = [{**row, "title": "Från gammal export"} for row in dataset.dict]
    result = AgreementResource().import_data(dataset, dry_run=False, user=superuser)
    assert result.has_validation_errors()
    vg.refresh_from_db()
    assert vg.purpose == "Ändrat efter exporten"


def test_every_resource_exports_csv_and_xlsx(vg_declaration):
    body = bodies.body(in_county=vg_declaration.county, owners=[bodies.organisation()])
    agreements.adoption(vg_declaration, body)
    funding.state_grant()
    funding.allocation()
    for resource in (
        AgreementResource,
        DecisionResource,
        BodyResource,
        OrganisationResource,
        StateGrantResource,
        AllocationResource,
    ):
        dataset = resource().export()
        assert len(dataset), resource
        assert "slug" in dataset.headers and "version" in dataset.headers
        assert dataset.export("csv")
        assert dataset.export("xlsx")
    assert Decision.objects.exists()


def test_admin_export_downloads_csv(client, superuser, vg_declaration):
    client.force_login(superuser)
    response = client.post(
        reverse("admin:agreements_agreement_export"),
        {
            "format": CSV_FORMAT,
            "resource": "0",
            **{
                f"agreementresource_{f}": "on"
                for f in ["slug", "title", "kind", "county", "valid_from", "valid_until", "version"]
            },
        },
    )
    assert response.status_code == 200
    assert vg_declaration.slug in response.content.decode()


def test_reader_may_export_but_not_import(client, reader):
    client.force_login(reader)
    assert client.get(reverse("admin:agreements_agreement_import")).status_code == 403
    assert client.get(reverse("admin:agreements_agreement_export")).status_code == 200


def test_excel_import_with_a_bad_row_applies_nothing(client, superuser):
    dataset = tablib.Dataset(headers=["slug", "title", "year", "amount_sek"])
    dataset.append(["", "Bidrag A", 2019, 1000])
    dataset.append(["", "Bidrag B", 2019, -5])  # a negative amount breaks a constraint
    upload = SimpleUploadedFile("bidrag.xlsx", dataset.export("xlsx"))
    client.force_login(superuser)
    response = client.post(
        reverse("admin:funding_stategrant_import"),
        {"import_file": upload, "format": "1", "resource": "0"},
    )
    assert response.status_code == 200
    assert response.context["result"].has_validation_errors()
    assert response.context.get("confirm_form") is None

    from funding.models import StateGrant

    assert not StateGrant.objects.filter(title__in=["Bidrag A", "Bidrag B"]).exists()
    # The same file, applied directly, is rolled back whole.
    result = StateGrantResource().import_data(dataset, dry_run=False, user=superuser)
    assert result.has_validation_errors() or result.has_errors()
    assert not StateGrant.objects.filter(title__in=["Bidrag A", "Bidrag B"]).exists()
