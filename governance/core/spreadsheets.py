"""One rule for every CSV and spreadsheet the registry writes: no cell runs as a formula.

A spreadsheet program treats a cell that starts with ``=``, ``+``, ``-`` or ``@``
(and, in some, a tab or carriage return) as a formula, so a record's text such
as ``=HYPERLINK("https://…")`` would become a live link or worse in whoever opens
an export ("CSV injection"). Such text is written with a leading apostrophe,
which every spreadsheet program shows as plain text. Numbers stay numbers.

Used by the API's ``?format=csv`` (``governance.core.api.renderers``), the bulk CSV
under ``/data/`` (``governance.opendata.bulk``) and the admin's CSV and Excel
exports (``governance.core.resources``), whose import takes the apostrophe off again
so an exported file can be edited and imported back unchanged.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def neutralise(value):
    """The value as a cell that cannot start a formula; anything but text passes unchanged."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS and not _is_number(value):
        return "'" + value
    return value


def restore(value):
    """What ``neutralise`` was given: for a file exported by the registry and imported again."""
    if isinstance(value, str) and value[:1] == "'" and value[1:2] in FORMULA_STARTS:
        candidate = value[1:]
        if neutralise(candidate) == value:
            return candidate
    return value
