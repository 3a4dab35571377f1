"""The seed data files: every record names its source, and bad data stops the load with an
error that says where, saving nothing."""

from __future__ import annotations

import shutil

import pytest
import yaml
from django.apps import apps
from django.core.management import CommandError, call_command

from bodies.models import Organisation
from governance.seed.loader import DATA_DIR, REFERENCE_FILES, data_files, read_file

pytestmark = pytest.mark.django_db

VG = "avsiktsforklaring-vg-2016"
VG_SOURCE = "avsiktsforklaring-vg-2016-text"


def _document_files():
    return [p for p in data_files() if p.name not in REFERENCE_FILES]


def test_there_is_one_file_per_cited_source_document_and_the_reference_files():
    names = {p.name for p in data_files()}
    assert set(REFERENCE_FILES) <= names
    assert len(_document_files()) == 4


def test_every_record_of_the_documents_files_names_a_source_document():
    documents = {r["fields"]["slug"] for r in read_file(DATA_DIR / "sources.yaml")["records"]}
    count = 0
    for path in _document_files():
        for number, record in enumerate(read_file(path)["records"], start=1):
            assert record.get("source") in documents, (path.name, number, record["fields"])
            count += 1
    assert count > 300


@pytest.mark.usefixtures("seed")
def test_a_loaded_record_keeps_the_source_its_file_gives_it():
    for path in _document_files():
        for record in read_file(path)["records"]:
            model = apps.get_model(record["model"])
            if "slug" in record["fields"] and hasattr(model, "source_id"):
                field = model._meta.get_field("source")
                if field.related_model._meta.label_lower != "governance.sourcedocument":
                    continue
                row = model._default_manager.get(slug=record["fields"]["slug"])
                assert row.source.slug == record["source"], (path.name, row.slug)


def _data_with(tmp_path, *records, text=None):
    """A copy of the data files with ``records`` added to the Västra Götaland file."""
    directory = tmp_path / "data"
    shutil.copytree(DATA_DIR, directory)
    path = directory / f"{VG}.yaml"
    if text is not None:
        path.write_text(text, encoding="utf-8")
        return directory
    content = read_file(path)
    content["records"] += list(records)
    path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), "utf-8")
    return directory


# A valid new record placed before the bad one: it must not be saved either.
GOOD = {
    "model": "bodies.organisation",
    "source": VG_SOURCE,
    "fields": {"slug": "ny-organisation", "name": "Ny organisation", "kind": "other"},
}


def _organisation(slug, **fields):
    return {
        "model": "bodies.organisation",
        "source": VG_SOURCE,
        "fields": {"slug": slug, "name": "Trasig", "kind": "other", **fields},
    }


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (_organisation("trasig", colour="röd"), "Organisation has no field 'colour'"),
        (
            _organisation("trasig", parent="finns-inte"),
            "parent refers to bodies.organisation 'finns-inte'",
        ),
        (_organisation("trasig", kind="påhittad"), "kind:"),
        (
            {**_organisation("trasig"), "source": "finns-inte"},
            "source 'finns-inte' is no source document",
        ),
        ({"model": "bodies.organisation", "fields": {"slug": "trasig"}}, "no 'source'"),
        ({**_organisation("trasig"), "model": "bodies.finnsinte"}, "unknown model"),
    ],
)
def test_bad_data_names_the_file_and_record_and_saves_nothing(tmp_path, bad, message):
    directory = _data_with(tmp_path, GOOD, bad)
    records = len(read_file(directory / f"{VG}.yaml")["records"])

    with pytest.raises(CommandError) as error:
        call_command("load_registry", data=directory, verbosity=0)

    assert f"{VG}.yaml, record {records}" in str(error.value)
    assert message in str(error.value)
    assert not Organisation.objects.filter(slug="ny-organisation").exists()


def test_a_file_that_is_not_yaml_is_named(tmp_path):
    directory = _data_with(tmp_path, text="records:\n- model: [unclosed\n")

    with pytest.raises(CommandError, match=rf"{VG}\.yaml: not valid YAML"):
        call_command("load_registry", data=directory, verbosity=0)


def test_records_that_refer_to_each_other_in_a_circle_are_named(tmp_path):
    directory = _data_with(
        tmp_path,
        _organisation("forst", parent="sedan"),
        _organisation("sedan", parent="forst"),
    )

    with pytest.raises(CommandError, match="in a circle") as error:
        call_command("load_registry", data=directory, verbosity=0)

    assert "bodies.organisation forst" in str(error.value)
    assert not Organisation.objects.filter(slug__in=["forst", "sedan"]).exists()


def test_a_record_is_loaded_after_the_records_it_refers_to_whatever_the_file_order(tmp_path):
    directory = _data_with(
        tmp_path,
        _organisation("dotter", parent="moder"),
        _organisation("moder"),
    )

    call_command("load_registry", data=directory, verbosity=0)

    assert Organisation.objects.get(slug="dotter").parent.slug == "moder"
