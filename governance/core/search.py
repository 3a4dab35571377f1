"""One full-text search over the registry, in PostgreSQL with the Swedish configuration.

Each searchable model has a weighted ``tsvector`` (names weigh more than body text), kept in
a stored ``GeneratedField`` that PostgreSQL computes on every write
(``stored_vector_field``), with a GIN index over it (``stored_vector_index``): a search
matches and ranks the stored vectors instead of parsing every candidate's text again, on
the 21 support structures' long texts as on 100,000 clauses.
The Swedish snowball stemmer makes "överenskommelsen" find "överenskommelse".

This module imports no models at import time: the model modules import
``stored_vector_field`` from here.
"""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import (
    SearchVector,
    SearchVectorField,
)
from django.db.models import F, GeneratedField
from django.utils.translation import gettext_lazy as _

CONFIG = "swedish"

# (weight A fields: names; weight B fields: running text), per searchable model.
SEARCH_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "body": (("name", "short_name"), ("mandate", "composition")),
    "agreement": (("title", "short_name"), ("purpose", "background", "renewal_text")),
    "clause": (("heading",), ("text",)),
    "decision": (("decided_by_text",), ("summary",)),
    "initiative": (("title", "short_name"), ("subject", "description")),
    "county": (("name",), ()),
    # The text of one page of an uploaded document (governance.documents).
    "documentpage": ((), ("text",)),
    "milestone": (("title",), ("text", "reference")),
    "goal": ((), ("text",)),
    "statement": (("topic",), ("text", "section")),
    "supportstructure": (
        (),
        (
            "plan_signed_by",
            "plan_decided_by",
            "political_arena",
            "decisions_needed",
            "national_dialogue",
            "university_collaboration",
            "user_involvement",
        ),
    ),
}


def search_vector(model_key: str):
    """The weighted tsvector expression of a model, identical in index and query."""
    names, texts = SEARCH_FIELDS[model_key]
    parts = []
    if names:
        parts.append(SearchVector(*names, config=CONFIG, weight="A"))
    if texts:
        parts.append(SearchVector(*texts, config=CONFIG, weight="B"))
    vector = parts[0]
    for part in parts[1:]:
        vector = vector + part
    return vector


# Every searchable model keeps its vector in this field (``stored_vector_field``).
STORED_COLUMN = "search_document"


def stored_vector_field(model_key: str) -> GeneratedField:
    """``search_vector(model_key)`` kept in a column PostgreSQL computes on each write.

    ``to_tsvector`` with an explicit ``regconfig`` is immutable, as a generated column
    requires.
    """
    return GeneratedField(
        expression=search_vector(model_key),
        output_field=SearchVectorField(),
        db_persist=True,
        # Not data of the registry: backups and exports leave it out, PostgreSQL
        # computes it again from the rest.
        serialize=False,
        verbose_name=_("sökdokument"),
    )


def stored_vector_index(model_key: str) -> GinIndex:
    """The GIN index over the stored vector."""
    name = f"{model_key}_{STORED_COLUMN}"
    if len(name) > 30:  # Django's limit for an index name
        name = f"{model_key}_search"
    return GinIndex(fields=[STORED_COLUMN], name=name)


def document_vector(model_key: str):
    """What queries match and rank against: the model's stored vector."""
    if model_key not in SEARCH_FIELDS:
        raise KeyError(f"no search vector is declared for {model_key!r}")
    return F(STORED_COLUMN)
