"""The source documents the registry's facts are taken from, and what they state."""

from __future__ import annotations

import itertools

from governance.core.models import SourceDocument, Statement

_n = itertools.count(1)


def source_document(year: int | None = None, **fields) -> SourceDocument:
    """A source published in ``year`` (None: undated)."""
    n = next(_n)
    fields.setdefault("title", f"Testkälla {n}")
    fields.setdefault("slug", f"testkalla-{n}")
    return SourceDocument.objects.create(year=year, **fields)


def statement(source: SourceDocument | None = None, **fields) -> Statement:
    """What ``source`` (a new one by default) says on a question, about no record."""
    fields.setdefault("topic", f"Testfråga {next(_n)}")
    fields.setdefault("text", "Källan anger detta.")
    return Statement.objects.create(source=source or source_document(), **fields)
