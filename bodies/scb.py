"""Reading SCB's code list of municipalities (kommunkoder) and importing it.

The format is the one SCB publishes as "Kommuner i kodnummerordning" / "Län och kommuner
i kodnummerordning", saved as text:

* one row per line, two columns ``code;name`` separated by a semicolon (``;``) or a tab;
* an optional header row (e.g. ``Kod;Namn``): a first row whose code is not numeric;
* four-digit municipality codes with their leading zero (``0180;Stockholm``); the
  municipality's county is the county whose SCB code is the first two digits;
* two-digit county rows (``20;Dalarnas län``), as in SCB's combined list, are skipped;
* UTF-8 (with or without byte-order mark) or Windows-1252/Latin-1, as SCB's downloads
  come in either; blank lines are ignored.

A file with any bad row is refused as a whole, with every problem listed by line number.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

MUNICIPALITY_CODE = re.compile(r"^[0-9]{4}$")
COUNTY_CODE = re.compile(r"^[0-9]{2}$")


class ScbFormatError(ValueError):
    """The file is not an SCB code list; ``problems`` lists each bad line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    unchanged: int = 0


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (BOM allowed), else Windows-1252, else Latin-1."""
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def parse_municipality_codes(text: str) -> list[tuple[str, str]]:
    """The (code, name) pairs of the municipalities in an SCB code list."""
    lines = text.splitlines()
    rows, problems, seen = [], [], {}
    first_row = True
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        is_first, first_row = first_row, False
        delimiter = "\t" if "\t" in line and ";" not in line else ";"
        cells = [cell.strip() for cell in next(csv.reader(io.StringIO(line), delimiter=delimiter))]
        cells = [cell for cell in cells if cell] if len(cells) > 2 else cells
        if len(cells) != 2:
            problems.append(
                f"Rad {number}: väntade två kolumner (kod;namn) avgränsade med semikolon eller "
                f"tabb, fick {len(cells)}: {line!r}"
            )
            continue
        code, name = cells
        if is_first and not code.isdigit():
            continue  # header row
        if COUNTY_CODE.match(code):
            continue  # a county row of SCB's combined list
        if not MUNICIPALITY_CODE.match(code):
            problems.append(
                f"Rad {number}: kommunkoden ska vara fyra siffror med inledande nolla "
                f"(t.ex. 0180), fick {code!r}."
            )
            continue
        if not name:
            problems.append(f"Rad {number}: kommun {code} saknar namn.")
            continue
        if code in seen:
            problems.append(f"Rad {number}: kommunkod {code} förekommer redan på rad {seen[code]}.")
            continue
        seen[code] = number
        rows.append((code, name))
    if not rows and not problems:
        problems.append("Filen innehåller inga kommunkoder.")
    if problems:
        raise ScbFormatError(problems)
    return rows


@transaction.atomic
def import_municipalities(rows: list[tuple[str, str]]) -> ImportResult:
    """Create missing municipalities and rename those whose name changed; all or nothing."""
    from bodies.models import County, Municipality
    from governance.core.models import SourceDocument

    counties = {county.code: county for county in County.objects.all()}
    missing = sorted({code[:2] for code, _ in rows} - counties.keys())
    if missing:
        raise ScbFormatError(
            [
                f"Länskod {code} (de två första siffrorna i kommunkoden) finns inte."
                for code in missing
            ]
        )
    source, _ = SourceDocument.objects.get_or_create(
        slug="scb-kommunkoder",
        defaults={
            "title": "Kommuner i kodnummerordning",
            "publisher": "Statistiska centralbyrån (SCB)",
            "description": "SCB:s förteckning över kommunkoder, inläst med "
            "manage.py import_municipalities.",
        },
    )
    existing = {m.code: m for m in Municipality.objects.filter(code__in=[c for c, _ in rows])}
    result = ImportResult()
    for code, name in rows:
        municipality = existing.get(code)
        if municipality is None:
            Municipality.objects.create(
                code=code, name=name, county=counties[code[:2]], source=source
            )
            result.created.append(code)
        elif municipality.name != name:
            municipality.name = name
            municipality.save(update_fields=["name"])
            result.renamed.append(code)
        else:
            result.unchanged += 1
    return result
