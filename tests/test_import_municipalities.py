"""manage.py import_municipalities reads SCB's code list, idempotently, and refuses bad files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from bodies.models import Municipality

DATA = Path(__file__).resolve().parent / "data"
SAMPLE = DATA / "scb_kommuner_sample.csv"
SAMPLE_TSV = DATA / "scb_kommuner_sample.tsv"
ROOT = Path(__file__).resolve().parent.parent


def run(path, capsys=None):
    call_command("import_municipalities", str(path))
    return capsys.readouterr().out if capsys else None


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_sample_file_creates_municipalities_in_the_county_of_their_code(capsys):
    out = run(SAMPLE, capsys)

    assert "8 kommuner skapade" in out
    assert Municipality.objects.count() == 8
    falun = Municipality.objects.get(code="2080")
    assert (falun.name, falun.county.code) == ("Falun", "20")
    assert Municipality.objects.get(code="1480").county.name == "Västra Götalands län"
    assert Municipality.objects.get(code="0180").name == "Stockholm"
    assert falun.source.slug == "scb-kommunkoder"
    assert falun.slug == "falun"


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_importing_the_same_file_twice_changes_nothing(capsys):
    run(SAMPLE)
    before = {m.code: (m.pk, m.version) for m in Municipality.objects.all()}

    out = run(SAMPLE, capsys)

    assert "0 kommuner skapade, 0 namn uppdaterade, 8 oförändrade" in out
    assert {m.code: (m.pk, m.version) for m in Municipality.objects.all()} == before


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_reimport_updates_a_changed_name_and_keeps_the_slug(tmp_path, capsys):
    run(SAMPLE)
    renamed = tmp_path / "kommuner.csv"
    renamed.write_text("Kod;Namn\n2080;Falu kommun\n", encoding="utf-8")

    out = run(renamed, capsys)

    assert "1 namn uppdaterade" in out
    falun = Municipality.objects.get(code="2080")
    assert falun.name == "Falu kommun"
    assert falun.slug == "falun"
    assert Municipality.objects.count() == 8  # nothing deleted


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_tab_separated_variant_is_accepted():
    run(SAMPLE_TSV)
    assert sorted(Municipality.objects.values_list("code", "name")) == [
        ("2080", "Falun"),
        ("2081", "Borlänge"),
        ("2085", "Ludvika"),
    ]


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_windows_1252_file_is_read_with_its_swedish_letters(tmp_path):
    legacy = tmp_path / "kommuner.csv"
    legacy.write_bytes("1490;Borås\n2039;Älvdalen\n".encode("cp1252"))
    run(legacy)
    assert Municipality.objects.get(code="2039").name == "Älvdalen"
    assert Municipality.objects.get(code="1490").name == "Borås"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content, message",
    [
        ("Kod;Namn\n2080;Falun\n208;Borlänge\n", "Rad 3: kommunkoden ska vara fyra siffror"),
        ("2080;Falun\n2080;Falun igen\n", "Rad 2: kommunkod 2080 förekommer redan på rad 1"),
        ("2080;Falun;Dalarna;extra\n", "Rad 1: väntade två kolumner"),
        ("2080;\n", "Rad 1: kommun 2080 saknar namn"),
        ("Kod;Namn\n", "Filen innehåller inga kommunkoder"),
        ("0280;Ingenstans\n", "Länskod 02"),
    ],
    ids=["short-code", "duplicate", "columns", "no-name", "empty", "unknown-county"],
)
def test_bad_file_is_refused_whole_with_the_line_that_is_wrong(tmp_path, content, message):
    bad = tmp_path / "kommuner.csv"
    bad.write_text(content, encoding="utf-8")

    with pytest.raises(CommandError) as error:
        run(bad)

    assert message in str(error.value)
    assert "inget har ändrats" in str(error.value)
    assert not Municipality.objects.exists()


@pytest.mark.django_db
def test_a_bad_row_after_good_rows_writes_nothing(tmp_path):
    bad = tmp_path / "kommuner.csv"
    bad.write_text("2080;Falun\n2081;Borlänge\nXXXX;Fel\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Rad 3"):
        run(bad)
    assert not Municipality.objects.exists()


@pytest.mark.django_db
def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="finns inte"):
        run(tmp_path / "saknas.csv")


def test_command_exits_non_zero_with_the_message_on_stderr(tmp_path):
    bad = tmp_path / "kommuner.csv"
    bad.write_text("inte en kodlista\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "manage.py", "import_municipalities", str(bad)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "DEBUG": "true"},
        timeout=120,
    )
    assert proc.returncode != 0
    assert "väntade två kolumner" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_help_documents_the_file_format():
    proc = subprocess.run(
        [sys.executable, "manage.py", "import_municipalities", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "DEBUG": "true"},
        timeout=120,
    )
    assert proc.returncode == 0
    text = " ".join(proc.stdout.split())
    assert "code;name" in text
    assert "first two digits" in text
