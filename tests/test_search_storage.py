"""The stored search vectors (``GeneratedField``s PostgreSQL computes on each write) find
what they should: Swedish word forms, names weighing more than running text, a row as
soon as it is written and no longer once its text changes; and the search page counts
and pages through more hits than one page shows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from agreements.models import Agreement, AgreementKind, Clause, Decision, DecisionKind
from bodies.models import Body, BodyKind, BodyLevel
from governance.core.search import SEARCH_FIELDS
from governance.site import search
from governance.site.search import RankedHits

pytestmark = pytest.mark.django_db

MODELS = {"agreement": Agreement, "clause": Clause, "decision": Decision, "body": Body}


def searchable_models():
    """model key → model, for every model the search reads (``SEARCH_FIELDS``)."""
    from django.apps import apps

    found = {
        model._meta.model_name: model
        for model in apps.get_models()
        if model._meta.model_name in SEARCH_FIELDS
    }
    assert set(found) == set(SEARCH_FIELDS)
    return found


@pytest.fixture
def rows():
    body = Body.objects.create(
        name="Styrgrupp för zebrasamråd",
        kind=BodyKind.values[0],
        level=BodyLevel.NATIONAL,
        mandate="Bereder frågor om kunskapsutveckling.",
    )
    agreement = Agreement.objects.create(
        title="Överenskommelse om zebrasamråd",
        kind=AgreementKind.values[0],
        purpose="Stödja zebraforskningen i länet.",
    )
    for order in range(1, 31):
        Clause.objects.create(
            agreement=agreement, order=order, heading=f"Punkt {order}", text="Zebrasamråd sker."
        )
    Decision.objects.create(
        body=body, year=2020, kind=DecisionKind.values[-1], summary="Beslut om zebrasamråd."
    )
    return agreement


def test_every_searchable_model_declares_its_vector_as_a_generated_field():
    from django.db.models import GeneratedField

    for key, model in searchable_models().items():
        field = model._meta.get_field("search_document")
        assert isinstance(field, GeneratedField) and field.db_persist, key


@pytest.mark.parametrize("key", sorted(MODELS))
def test_the_vector_is_computed_for_each_row_written(rows, key):
    vectors = list(MODELS[key].objects.values_list("search_document", flat=True))
    assert vectors and all(vectors)


def test_swedish_word_forms_find_each_other(rows):
    # Plural and definite forms stem as the word: "zebrasamråden" finds the title's
    # "zebrasamråd", "zebraforskning" the purpose's "zebraforskningen".
    for word in ("zebrasamråden", "zebraforskning"):
        assert RankedHits(word, kinds=["agreement"], reach=10).counts == {"agreement": 1}, word


def test_a_name_ranks_above_the_same_word_in_running_text(rows):
    named = Agreement.objects.create(
        title="Gnuöverenskommelse", kind=AgreementKind.values[0], purpose="Annat."
    )
    mentioned = Agreement.objects.create(
        title="Annat", kind=AgreementKind.values[0], purpose="Om gnuöverenskommelse."
    )
    hits = RankedHits("gnuöverenskommelse", kinds=["agreement"], reach=10)[0:10]
    assert [hit.url for hit in hits] == [named.get_absolute_url(), mentioned.get_absolute_url()]
    assert hits[0].rank > hits[1].rank


def test_a_changed_text_is_found_by_its_new_words_only(rows):
    body = Body.objects.get(name="Styrgrupp för zebrasamråd")
    body.mandate = "Bereder frågor om okapiforskning."
    body.save()
    assert RankedHits("okapiforskning", kinds=["body"], reach=10).counts["body"] == 1
    Body.objects.filter(pk=body.pk).update(mandate="Inget mer.")  # no save(): the database
    assert RankedHits("okapiforskning", kinds=["body"], reach=10).counts["body"] == 0


def test_hits_count_every_match_and_a_later_page_ranks_more(rows):
    hits = RankedHits("zebrasamråd", reach=20)
    assert hits.counts["clause"] == 30
    assert len(hits) == 30 + 1 + 1 + 1  # clauses, the agreement, the body, the decision
    later = hits[20:40]
    assert len(later) == len(hits) - 20
    assert all("<mark>" in hit.snippet for hit in later)
    ranks = [hit.rank for hit in hits[0:40]]
    assert ranks == sorted(ranks, reverse=True)


def test_counts_stop_at_the_candidate_limit(rows, monkeypatch):
    monkeypatch.setattr(search, "RANK_CANDIDATES", 10)
    hits = RankedHits("zebrasamråd", kinds=["clause"], reach=10)
    assert hits.counts == {"clause": 10}
    assert hits.capped


def test_search_page_shows_counts_per_kind_and_pages(client, rows):
    page = client.get(reverse("web:search"), {"q": "zebrasamråd"}).content.decode()
    assert "Träffar" in page and ": 33" in page
    assert "typ=clause" in page
    second = client.get(reverse("web:search"), {"q": "zebrasamråd", "page": 2}).content.decode()
    assert "Sida 2 av 2" in second


def test_the_stored_vectors_stay_in_their_rows():
    """``STORAGE MAIN``: a search reads the vectors without a fetch from the TOAST table."""
    from django.db import connection

    tables = [model._meta.db_table for model in searchable_models().values()]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attrelid::regclass::text, attstorage FROM pg_attribute "
            "WHERE attname = 'search_document' AND attrelid = ANY(%s::regclass[])",
            [tables],
        )
        assert dict(cursor.fetchall()) == dict.fromkeys(tables, "m")


def test_a_search_costs_two_queries_and_one_per_kind_of_record_shown(rows):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        hits = RankedHits("zebrasamråd", reach=40)
    # All tables ranked in one query, the snippets of the hits shown in one, and the rows
    # shown read per table (clauses, the agreement, the body, the decision).
    assert {hit.kind for hit in hits[0:40]} == {"clause", "agreement", "body", "decision"}
    assert len(ctx.captured_queries) == 2 + 4


def test_the_small_tables_vectors_are_stored_and_found_too():
    """Counties and support structures are searched by their stored vectors as the large
    tables are: written, found by a word form, and no longer found once the text changes."""
    from tests.factories import bodies as make

    structure = make.support_structure(
        in_county=make.county("14"), political_arena="Tapirberedningen möts varje månad."
    )
    assert RankedHits("tapirberedning", kinds=["county"], reach=10).counts == {"county": 1}
    structure.political_arena = "Beredningen möts varje månad."
    structure.save()
    assert RankedHits("tapirberedning", kinds=["county"], reach=10).counts == {"county": 0}
