"""The site's search: one query over every kind of record, ranked, with highlighted snippets.

The vectors it searches are declared with the models (``governance.core.search``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
)
from django.db import connection
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Cast, NullIf
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from governance.core.search import CONFIG, SEARCH_FIELDS, document_vector


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


# A common word matches a large share of a large registry (a fifth of all clauses, say):
# ranking every match would cost time proportional to the registry. Each table's best
# hits are ranked among its first RANK_CANDIDATES matches instead, and counts stop
# there too; a query that matches fewer rows — almost every real one — is ranked and
# counted exactly. Ranking costs a few microseconds per candidate and table; 300 keeps a
# search for a word in a fifth of the large bench registry's rows within a few
# milliseconds of database time, and is more matches than anyone pages through (15 pages).
RANK_CANDIDATES = 300


def _candidates(queryset, model_key: str, query: SearchQuery):
    """The rows of ``queryset`` matching ``query``: (search_pk, search_rank), unordered."""
    # Not "document": a document page has a field of that name.
    return (
        queryset.annotate(fts_vector=document_vector(model_key))
        .filter(fts_vector=query)
        .order_by()
        .values(search_pk=F("pk"), search_rank=SearchRank(F("fts_vector"), query))
    )


# Compiled with this text in place of the one searched for; the SQL of a search differs only
# in that parameter, so it is compiled once per set of tables, not on every search.
_PLACEHOLDER = "\u2063search\u2063"


@lru_cache(maxsize=64)
def _ranking_sql(private: bool, wanted: tuple[str, ...]) -> tuple[str, tuple]:
    """One query that ranks the candidates of every wanted table: its SQL and parameters,
    with ``_PLACEHOLDER`` for the text searched for.

    Per table, the first RANK_CANDIDATES matches are read and ranked in one scan — no join
    back to the table, no second reading of the rows — and the best are kept with the
    table's (capped) match count. The tables' rankings are joined by UNION ALL: one round
    trip for all of them.
    """
    query = _query(_PLACEHOLDER)
    parts, params = [], []
    for index, (kind, model_key, queryset, _build) in enumerate(_sources(private)):
        if kind not in wanted:
            continue
        inner, inner_params = _candidates(queryset, model_key, query).query.sql_with_params()
        parts.append(
            f"(SELECT {index} AS source, search_pk, search_rank, COUNT(*) OVER () AS matches "
            f"FROM ({inner} LIMIT %s) AS candidates "
            "ORDER BY search_rank DESC, search_pk LIMIT %s)"
        )
        assert _PLACEHOLDER in inner_params, "the searched text must be a parameter"
        params += [*inner_params, _CANDIDATES, _LIMIT]
    return _union(parts), tuple(params)


# Stand-ins in ``_ranking_sql``'s parameters for the candidate limit and the page's reach.
_CANDIDATES, _LIMIT = object(), object()


def _ranked(text: str, private: bool, wanted: tuple[str, ...], limit: int) -> list[tuple]:
    """(source index, pk, rank, match count) of the ``limit`` best rows of each wanted table."""
    sql, template = _ranking_sql(private, wanted)
    if not sql:
        return []

    def value(param):
        if param is _CANDIDATES:
            return RANK_CANDIDATES
        if param is _LIMIT:
            return limit
        return text if param == _PLACEHOLDER else param

    params = [value(param) for param in template]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _headlines(queryset, model_key: str, query: SearchQuery):
    """The rows of ``queryset`` as (search_pk, snippet): the highlighted passages of each."""
    return queryset.order_by().values(
        search_pk=F("pk"),
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


@lru_cache(maxsize=64)
def _snippets_sql(private: bool, indexes: tuple[int, ...]) -> tuple[str, tuple]:
    """One query for the snippets of the rows shown, from the tables ``indexes``; its
    parameters have ``_PLACEHOLDER`` for the text and ``(_KEYS, index)`` for each table's keys.

    ``ts_headline`` reads and parses the whole text of a row, so it runs only for the rows
    that are shown (the keys' condition is applied before the snippet is made), never for
    every candidate.
    """
    query = _query(_PLACEHOLDER)
    sources = _sources(private)
    parts, params = [], []
    for index in indexes:
        _kind, model_key, queryset, _build = sources[index]
        inner, inner_params = _headlines(queryset, model_key, query).query.sql_with_params()
        parts.append(
            f"(SELECT {index} AS source, search_pk, snippet FROM ({inner}) AS shown "
            "WHERE search_pk = ANY(%s))"
        )
        params += [*inner_params, (_KEYS, index)]
    return _union(parts), tuple(params)


_KEYS = object()


def _union(parts: list[str]) -> str:
    """The parts as one statement that starts with SELECT: anything else is taken for a
    write by pghistory, which then prepends its context to it."""
    if not parts:
        return ""
    return "SELECT * FROM (" + " UNION ALL ".join(parts) + ") AS found"


def _snippets(text: str, private: bool, pks: dict[int, list[int]]) -> dict[tuple, str]:
    """(table index, pk) → snippet, for the rows ``pks`` (table index → keys)."""
    sql, template = _snippets_sql(private, tuple(sorted(pks)))

    def value(param):
        if isinstance(param, tuple) and param and param[0] is _KEYS:
            return pks[param[1]]
        return text if param == _PLACEHOLDER else param

    with connection.cursor() as cursor:
        cursor.execute(sql, [value(param) for param in template])
        return {(index, pk): snippet for index, pk, snippet in cursor.fetchall()}


KINDS = {
    "body": _("Beslutsorgan"),
    "agreement": _("Överenskommelse"),
    "clause": _("Punkt i överenskommelse"),
    "decision": _("Beslut"),
    "initiative": _("Nationell satsning"),
    "county": _("Län"),
    "document": _("Dokument"),
    "timeline": _("Tidslinje, mål och källuppgifter"),
}


def _query(text: str) -> SearchQuery | None:
    text = (text or "").strip()
    return SearchQuery(text, config=CONFIG, search_type="websearch") if text else None


def _sources(private: bool = False):
    """(kind, model key, queryset, hit builder) of every searchable table.

    ``private``: include the pages of documents that are not public (signed-in staff).
    """
    from agreements.models import Agreement, Clause, Decision
    from bodies.models import Body, County, SupportStructure
    from governance.core.models import Statement
    from governance.documents.models import DocumentPage
    from governance.routing.models import Goal, Initiative, Milestone

    def body(b):
        context = str(b.county or _("Nationell nivå"))
        return Hit("body", KINDS["body"], b.name, b.get_absolute_url(), "", b.rank, context)

    def agreement(a):
        context = str(a.county or _("Nationell nivå"))
        url = a.get_absolute_url()
        return Hit("agreement", KINDS["agreement"], a.title, url, "", a.rank, context)

    def clause(c):
        title = f"{c.agreement.short_name or c.agreement.title}, {_('punkt')} {c.order}"
        url = f"{c.agreement.get_absolute_url()}#klausul-{c.order}"
        return Hit("clause", KINDS["clause"], title, url, "", c.rank, c.agreement.title)

    def decision(d):
        if d.body_id:
            url = d.body.get_absolute_url() + f"#beslut-{d.pk}"
        elif d.agreement_id:
            url = d.agreement.get_absolute_url() + "#beslut"
        else:
            url = ""
        title = f"{d.body or d.decided_by_text} {d.date or d.year}"
        context = d.agreement.title if d.agreement_id else ""
        return Hit("decision", KINDS["decision"], title, url, "", d.rank, context)

    def initiative(i):
        title, url = i.title, i.get_absolute_url()
        return Hit("initiative", KINDS["initiative"], title, url, "", i.rank, str(i.year or ""))

    def county(c):
        url = c.get_absolute_url()
        return Hit("county", KINDS["county"], c.name, url, "", c.rank, "")

    def structure(s):
        title = str(_("Stödstruktur i %(county)s")) % {"county": s.county.name}
        url = s.get_absolute_url()
        return Hit("county", KINDS["county"], title, url, "", s.rank, "")

    def document_page(p):
        document = p.document
        title = f"{document.title}, {_('sida')} {p.number}"
        context = document.get_kind_display()
        if document.date:
            context += f" {document.date.isoformat()}"
        return Hit(
            "document", KINDS["document"], title, document.page_url(p.number), "", p.rank, context
        )

    pages = DocumentPage.objects.select_related("document")
    if not private:
        pages = pages.filter(document__public=True)

    def milestone(m):
        title = f"{m.year}: {m.title}"
        return Hit("timeline", KINDS["timeline"], title, m.get_absolute_url(), "", m.rank, "")

    def goal(g):
        title = str(_("Mål %(n)s")) % {"n": g.number}
        return Hit("timeline", KINDS["timeline"], title, g.get_absolute_url(), "", g.rank, "")

    def statement(st):
        context = st.source.display_title if st.source_id else ""
        url = st.get_absolute_url()
        return Hit("timeline", KINDS["timeline"], st.topic, url, "", st.rank, context)

    return [
        ("body", "body", Body.objects.select_related("county"), body),
        ("agreement", "agreement", Agreement.objects.select_related("county"), agreement),
        ("clause", "clause", Clause.objects.select_related("agreement"), clause),
        ("decision", "decision", Decision.objects.select_related("body", "agreement"), decision),
        ("initiative", "initiative", Initiative.objects.all(), initiative),
        ("county", "county", County.objects.all(), county),
        (
            "county",
            "supportstructure",
            SupportStructure.objects.select_related("county"),
            structure,
        ),
        ("document", "documentpage", pages, document_page),
        ("timeline", "milestone", Milestone.objects.all(), milestone),
        ("timeline", "goal", Goal.objects.all(), goal),
        (
            "timeline",
            "statement",
            Statement.objects.select_related("source").prefetch_related("subject"),
            statement,
        ),
    ]


def _search(
    text: str, kinds, limit: int, private: bool = False
) -> tuple[list[Hit], dict[str, int]]:
    """(the best ``limit`` hits of all kinds, match count per kind, capped at
    RANK_CANDIDATES per table).

    The best ``n`` of all kinds are among the best ``n`` of each kind: every table
    ranks its best keys (one query for all, ``_ranking_sql``), the keys are merged by rank,
    and only the rows kept are read (one query per table that has any) with their snippets
    (one query for all).
    """
    query = _query(text)
    wanted = set(kinds or KINDS)
    counts = {kind: 0 for kind in KINDS if kind in wanted}
    if query is None:
        return [], counts
    sources = _sources(private)
    # Sorted as each table ranks its own: by rank, ties by table and then by key.
    ranked = sorted(
        _ranked(text.strip(), private, tuple(sorted(wanted)), limit),
        key=lambda row: (-row[2], row[0], row[1]),
    )
    seen = set()
    for index, _pk, _rank, matches in ranked:
        if index not in seen:
            seen.add(index)
            counts[sources[index][0]] += matches
    kept = [(rank, index, pk) for index, pk, rank, _matches in ranked[:limit]]

    shown: dict[int, list[int]] = {}
    for _rank, index, pk in kept:
        shown.setdefault(index, []).append(pk)
    snippets = _snippets(text.strip(), private, shown) if shown else {}
    rows = {}
    for index, pks in shown.items():
        for row in sources[index][2].filter(pk__in=pks):
            rows[index, row.pk] = row
    hits = []
    for rank, index, pk in kept:
        row = rows[index, pk]
        row.rank = rank
        hit = sources[index][3](row)
        hit.snippet = _highlight(snippets[index, pk])
        hits.append(hit)
    return hits, counts


class RankedHits:
    """The hits of ``text`` as a lazy sequence for a paginator: its length is the (capped)
    number of matches, and only as many hits per kind are ranked as the page needs.

    The best ``n`` hits of all kinds are among the best ``n`` of each kind, so showing
    hits up to ``reach`` needs ``reach`` hits per kind at most, never every match.
    """

    def __init__(
        self,
        text: str,
        *,
        kinds: list[str] | None = None,
        reach: int = 25,
        private: bool = False,
    ):
        self.text = text
        self.kinds = kinds
        self.private = private
        self._load(reach)

    def _load(self, reach: int) -> None:
        self.reach = min(max(reach, 1), RANK_CANDIDATES)
        self.hits, self.counts = _search(self.text, self.kinds, self.reach, self.private)

    @property
    def capped(self) -> bool:
        """Whether some table has more matches than were counted."""
        return any(n >= RANK_CANDIDATES for n in self.counts.values())

    def __len__(self) -> int:
        return sum(self.counts.values())

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("RankedHits supports only slices")
        if index.stop is not None and index.stop > self.reach < RANK_CANDIDATES:
            self._load(index.stop)  # a page further on than the caller expected
        return self.hits[index]
