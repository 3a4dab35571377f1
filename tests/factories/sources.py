"""The source documents the registry's facts are taken from."""

from __future__ import annotations

import itertools

from governance.core.models import SourceDocument

_n = itertools.count(1)


def source_document(year: int | None = None, **fields) -> SourceDocument:
    """A source published in ``year`` (None: undated)."""
    n = next(_n)
    fields.setdefault("title", f"Testkälla {n}")
    fields.setdefault("slug", f"testkalla-{n}")
    return SourceDocument.objects.create(year=year, **fields)
