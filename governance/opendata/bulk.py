"""The whole registry in one download: a JSON file, or a ZIP of CSV files (one per table).

Regenerated on each request from the database, so a download is never stale.
Users, coordinator scopes and webhook settings are not public and are left out.
Documents are listed with the address of their file, never the file itself, and
only the public ones; the text read out of them is for the search, not the export.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pghistory.models
from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from agreements.models import STATUS_DATES
from governance.core.records import REGISTRY_APPS
from governance.core.spreadsheets import neutralise

LICENCE_NAME = "CC0 1.0 Universell (Public Domain Dedication)"
LICENCE_URL = "https://creativecommons.org/publicdomain/zero/1.0/"
LICENCE_TEXT = (
    "Samverkansregistret – öppna data.\n"
    f"Licens: {LICENCE_NAME}, {LICENCE_URL}\n"
    "Uppgifterna kommer från offentliga dokument (överenskommelser, avsiktsförklaringar, "
    "länsplaner) och får användas fritt, utan villkor. Ange gärna Samverkansregistret som källa.\n"
)
PRIVATE_MODELS = {
    "governance.coordinatorscope",
    "governance.webhooksubscription",
    "governance.webhookdelivery",
    # Not a record: the read cache's version row.
    "governance.registryversion",
    # Derived from the documents' files, which are linked instead.
    "documents.documentpage",
    # Earlier files of documents: in the API, with the document they belong to.
    "documents.documentversion",
}
# Rows that may hold personal data: only those a visitor may see are exported.
PUBLIC_ROWS = {"documents.document": {"public": True}}
# Columns that name a stored file: exported as the address to download it from.
FILE_COLUMNS = {"documents.document": "file"}
# Columns the database works out from other rows (an agreement's status dates): the
# export holds the rows they come from.
DERIVED_COLUMNS = {"agreements.agreement": STATUS_DATES}


def public_models() -> list[type[models.Model]]:
    """Every registry table, many-to-many link tables included, without history tables."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label_lower
        if model._meta.app_label not in REGISTRY_APPS or label in PRIVATE_MODELS:
            continue
        if issubclass(model, pghistory.models.Event) or model._meta.proxy:
            continue
        if model._meta.auto_created and any(
            f.related_model and f.related_model._meta.label_lower in PRIVATE_MODELS
            for f in model._meta.fields
        ):
            continue
        found.append(model)
    return sorted(found, key=lambda m: m._meta.label_lower)


def _rows(model, base_url: str = "") -> tuple[list[str], list[dict]]:
    label = model._meta.label_lower
    # Generated columns (search vectors) are the database's index of the others; derived
    # columns are worked out again from the rows they come from.
    derived = DERIVED_COLUMNS.get(label, ())
    columns = [
        f.attname
        for f in model._meta.concrete_fields
        if not f.generated and f.attname not in derived
    ]
    rows = model._base_manager.filter(**PUBLIC_ROWS.get(label, {})).order_by("pk")
    file_column = FILE_COLUMNS.get(label)
    if file_column is None:
        return columns, list(rows.values(*columns))
    columns = [c if c != file_column else "download_url" for c in columns]
    found = []
    for obj in rows:
        row = {c: getattr(obj, c) for c in columns if c != "download_url"}
        row["download_url"] = base_url.rstrip("/") + obj.get_absolute_url()
        found.append({c: row[c] for c in columns})
    return columns, found


def as_json(base_url: str = "") -> bytes:
    """``base_url``: the site's address, so file links are absolute (``https://…``)."""
    document = {
        "name": "Samverkansregistret",
        "generated_at": timezone.now(),
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "tables": {model._meta.label_lower: _rows(model, base_url)[1] for model in public_models()},
    }
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode()


def as_csv_zip(base_url: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("LICENS.txt", LICENCE_TEXT)
        for model in public_models():
            columns, rows = _rows(model, base_url)
            text = io.StringIO()
            writer = csv.DictWriter(text, fieldnames=columns)
            writer.writeheader()
            for row in rows:
                writer.writerow({k: _cell(v) for k, v in row.items()})
            archive.writestr(f"{model._meta.label_lower}.csv", text.getvalue())
    return buffer.getvalue()


def _cell(value):
    if isinstance(value, (dict, list)):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return "" if value is None else neutralise(value)
