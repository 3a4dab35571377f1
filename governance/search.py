"""One full-text search over the registry, in PostgreSQL with the Swedish configuration.

Each searchable model has a weighted ``tsvector`` expression (names weigh more than
body text). The models index the very same expression with a GIN index
(``search_index(...)`` in their ``Meta.indexes``), so the planner can use it.
The Swedish snowball stemmer makes "överenskommelsen" find "överenskommelse".

This module imports no models at import time: the model modules import
``search_index`` from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Cast, NullIf
from django.utils.html import escape
from django.utils.safestring import mark_safe
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


def search_index(model_key: str) -> GinIndex:
    """A GIN expression index over ``search_vector(model_key)``."""
    return GinIndex(search_vector(model_key), name=f"{model_key}_fts")


def _document(model_key: str):
    """All searchable text of a row as one string, for the highlighted snippet."""
    names, texts = SEARCH_FIELDS[model_key]
    fields = [*names, *texts]
    text = TextField()
    # CONCAT_WS skips NULLs, and NULLIF turns empty fields into NULLs: no empty " ·  · ".
    parts = [NullIf(Cast(F(name), text), Value("")) for name in fields]
    return Func(Value(" · "), *parts, function="CONCAT_WS", output_field=text)


# Markers that cannot occur in text typed by a person; replaced by <mark> after escaping.
_START, _STOP = "\u2063[[", "]]\u2063"


def _highlight(snippet: str) -> str:
    html = escape(snippet).replace(_START, "<mark>").replace(_STOP, "</mark>")
    return mark_safe(html)  # escaped above: only our markers become tags


@dataclass
class Hit:
    kind: str
    kind_label: str
    title: str
    url: str
    snippet: str
    rank: float
    context: str = ""


def _ranked(queryset, model_key: str, query: SearchQuery, limit: int):
    """``queryset`` rows matching ``query``, best first, with ``rank`` and ``snippet``."""
    vector = search_vector(model_key)
    return (
        queryset.annotate(
            document=vector,
            rank=SearchRank(vector, query),
            snippet=SearchHeadline(
                _document(model_key),
                query,
                config=CONFIG,
                start_sel=_START,
                stop_sel=_STOP,
                max_words=30,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .filter(document=query)
        .order_by("-rank", "pk")[:limit]
    )


KINDS = {
    "body": _("Beslutsorgan"),
    "agreement": _("Överenskommelse"),
    "clause": _("Klausul"),
    "decision": _("Beslut"),
    "initiative": _("Nationell satsning"),
    "county": _("Län"),
}


def search(text: str, *, kinds: list[str] | None = None, per_kind: int = 25) -> list[Hit]:
    """Rows of every searchable kind that match ``text``, best match first.

    One query per kind, whatever the number of rows: each is limited to
    ``per_kind`` best hits before the lists are merged by rank.
    """
    from agreements.models import Agreement, Clause, Decision
    from bodies.models import Body, County
    from governance.models import Initiative, SupportStructure

    text = (text or "").strip()
    if not text:
        return []
    query = SearchQuery(text, config=CONFIG, search_type="websearch")
    wanted = set(kinds or KINDS)
    hits: list[Hit] = []

    if "body" in wanted:
        for b in _ranked(Body.objects.select_related("county"), "body", query, per_kind):
            hits.append(
                Hit(
                    "body",
                    KINDS["body"],
                    b.name,
                    b.get_absolute_url(),
                    _highlight(b.snippet),
                    b.rank,
                    str(b.county or _("Nationell nivå")),
                )
            )
    if "agreement" in wanted:
        for a in _ranked(Agreement.objects.select_related("county"), "agreement", query, per_kind):
            hits.append(
                Hit(
                    "agreement",
                    KINDS["agreement"],
                    a.title,
                    a.get_absolute_url(),
                    _highlight(a.snippet),
                    a.rank,
                    str(a.county or _("Nationell nivå")),
                )
            )
    if "clause" in wanted:
        for c in _ranked(Clause.objects.select_related("agreement"), "clause", query, per_kind):
            hits.append(
                Hit(
                    "clause",
                    KINDS["clause"],
                    f"{c.agreement.short_name or c.agreement.title}, {_('punkt')} {c.order}",
                    f"{c.agreement.get_absolute_url()}#klausul-{c.order}",
                    _highlight(c.snippet),
                    c.rank,
                    c.agreement.title,
                )
            )
    if "decision" in wanted:
        decisions = Decision.objects.select_related("body", "agreement")
        for d in _ranked(decisions, "decision", query, per_kind):
            if d.body_id:
                url = d.body.get_absolute_url() + f"#beslut-{d.pk}"
            elif d.agreement_id:
                url = d.agreement.get_absolute_url() + "#beslut"
            else:
                url = ""
            hits.append(
                Hit(
                    "decision",
                    KINDS["decision"],
                    f"{d.body or d.decided_by_text} {d.date or d.year}",
                    url,
                    _highlight(d.snippet),
                    d.rank,
                    d.agreement.title if d.agreement_id else "",
                )
            )
    if "initiative" in wanted:
        for i in _ranked(Initiative.objects.all(), "initiative", query, per_kind):
            hits.append(
                Hit(
                    "initiative",
                    KINDS["initiative"],
                    i.title,
                    _initiative_url(i),
                    _highlight(i.snippet),
                    i.rank,
                    str(i.year or ""),
                )
            )
    if "county" in wanted:
        for c in _ranked(County.objects.all(), "county", query, per_kind):
            hits.append(
                Hit(
                    "county",
                    KINDS["county"],
                    c.name,
                    c.get_absolute_url(),
                    _highlight(c.snippet),
                    c.rank,
                    c.code,
                )
            )
        structures = SupportStructure.objects.select_related("county")
        for s in _ranked(structures, "supportstructure", query, per_kind):
            hits.append(
                Hit(
                    "county",
                    KINDS["county"],
                    str(_("Stödstruktur i %(county)s")) % {"county": s.county.name},
                    s.get_absolute_url(),
                    _highlight(s.snippet),
                    s.rank,
                    s.county.code,
                )
            )
    hits.sort(key=lambda h: -h.rank)
    return hits


def _initiative_url(initiative) -> str:
    from django.urls import NoReverseMatch

    try:
        return initiative.get_absolute_url()
    except NoReverseMatch:  # the initiative pages are not installed
        return ""
