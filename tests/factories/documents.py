"""Documents the registry keeps (files of agreements, decisions, bodies)."""

from __future__ import annotations

import hashlib
import itertools

from governance.documents.models import Document, DocumentKind
from tests.factories.agreements import agreement

_n = itertools.count(1)


def document(of=None, **fields) -> Document:
    """A document of agreement ``of`` (a new one by default). Only the file's name and
    facts are stored: nothing is written to the storage, so the file cannot be read."""
    n = next(_n)
    name = f"testdokument-{n}.pdf"
    if not any(f in fields for f in ("decision", "body", "support_structure", "source")):
        fields["agreement"] = of or agreement()
    fields.setdefault("title", f"Testdokument {n}")
    fields.setdefault("kind", DocumentKind.SIGNED_AGREEMENT)
    return Document.objects.create(
        file=f"dokument/{name}",
        filename=name,
        media_type="application/pdf",
        size=1,
        sha256=hashlib.sha256(name.encode()).hexdigest(),
        **fields,
    )
