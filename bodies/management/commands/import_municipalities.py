"""manage.py import_municipalities FILE: load SCB's municipality codes (kommunkoder).

FILE is SCB's code list "Kommuner i kodnummerordning" saved as text, one municipality
per line as ``code;name`` (semicolon-separated, SCB's CSV) or ``code<TAB>name``
(tab-separated), for example::

    Kod;Namn
    20;Dalarnas län
    2080;Falun
    2081;Borlänge

An optional header row and SCB's two-digit county rows are skipped; each municipality's
county is the county with the first two digits of its code. UTF-8 and Windows-1252 are
both read. The import is idempotent: it creates missing municipalities and updates the
names of existing ones (looked up by code); it never deletes. A file with any bad row is
refused as a whole with the line numbers of the problems, and the command exits non-zero.
A sample is ``tests/data/scb_kommuner_sample.csv``.
"""

from __future__ import annotations

from pathlib import Path

import pghistory
from django.core.management.base import BaseCommand, CommandError

from bodies.scb import ScbFormatError, import_municipalities, parse_municipality_codes, read_text


class Command(BaseCommand):
    help = (
        "Import SCB's municipality code list from FILE: one municipality per line, "
        "'code;name' (semicolon, SCB's CSV) or 'code<TAB>name'; an optional header row and "
        "two-digit county rows are skipped; the county is the code's first two digits. "
        "UTF-8 or Windows-1252. Creates missing municipalities, updates changed names, "
        "never deletes. A file with a bad row is refused as a whole."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="SCB:s kommunkodslista (kod;namn).")

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"Filen {file} finns inte eller är ingen vanlig fil.")
        try:
            rows = parse_municipality_codes(read_text(file))
            with pghistory.context(source="import_municipalities"):
                result = import_municipalities(rows)
        except ScbFormatError as error:
            raise CommandError(
                f"{file} kunde inte läsas in; inget har ändrats.\n" + "\n".join(error.problems)
            ) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(result.created)} kommuner skapade, {len(result.renamed)} namn "
                f"uppdaterade, {result.unchanged} oförändrade."
            )
        )
