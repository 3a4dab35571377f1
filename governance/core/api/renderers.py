"""CSV export of any list (``?format=csv``), for people who live in Excel.

Nested objects are flattened: a reference ``{slug, name, url}`` becomes its
slug in one column and its name in ``<field>_name``; other objects become
dotted columns (``a.b``); lists become one cell, items separated by ``; ``.
"""

from __future__ import annotations

import csv
import io

from rest_framework.renderers import BaseRenderer

from governance.core.spreadsheets import neutralise

SEPARATOR = "; "


def _is_ref(value) -> bool:
    # A reference's slug and name are text; OPTIONS describes fields *named* slug and
    # name with dicts, which are no reference.
    return (
        isinstance(value, dict)
        and {"slug", "name"} <= set(value)
        and all(isinstance(value[k], str | None) for k in ("slug", "name"))
    )


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if _is_ref(value):
        return value["slug"]
    if isinstance(value, dict):
        return SEPARATOR.join(f"{k}={_cell(v)}" for k, v in value.items())
    if isinstance(value, list):
        return SEPARATOR.join(_cell(v) for v in value)
    return str(value)


def flatten(row: dict, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if _is_ref(value):
            out[name] = value["slug"] or ""
            out[f"{name}_name"] = value["name"] or ""
        elif isinstance(value, dict):
            out.update(flatten(value, prefix=f"{name}."))
        elif isinstance(value, list) and value and all(_is_ref(v) for v in value):
            out[name] = SEPARATOR.join(v["slug"] for v in value)
            out[f"{name}_name"] = SEPARATOR.join(v["name"] for v in value)
        else:
            out[name] = _cell(value)
    return out


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, dict) and isinstance(data.get("results"), list):
            rows = data["results"]
        elif isinstance(data, list):
            rows = data
        else:
            rows = [data]
        flat = [flatten(r) if isinstance(r, dict) else {"value": _cell(r)} for r in rows]
        columns: list[str] = []
        for r in flat:
            previous = None
            for c in r:
                if c not in columns:
                    # A column first seen in a later row goes beside its neighbour.
                    at = columns.index(previous) + 1 if previous in columns else len(columns)
                    columns.insert(at, c)
                previous = c
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        for r in flat:
            writer.writerow([neutralise(r.get(c, "")) for c in columns])
        # A byte-order mark so Excel opens the file as UTF-8 (å, ä, ö).
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")
