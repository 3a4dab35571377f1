"""The stored search vectors equal the expressions the search module defines, and the
search page counts and pages through more hits than one page shows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from agreements.models import Agreement, AgreementKind, Clause, Decision, DecisionKind
from bodies.models import Body, BodyKind, BodyLevel
from governance import search
from governance.search import STORED, RankedHits, StoredVector, search_vector

pytestmark = pytest.mark.django_db

MODELS = {"agreement": Agreement, "clause": Clause, "decision": Decision, "body": Body}


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
        purpose="Stödja kunskapsutvecklingen i länet.",
    )
    for order in range(1, 31):
        Clause.objects.create(
            agreement=agreement, order=order, heading=f"Punkt {order}", text="Zebrasamråd sker."
        )
    Decision.objects.create(
        body=body, year=2020, kind=DecisionKind.values[-1], summary="Beslut om zebrasamråd."
    )
    return agreement


@pytest.mark.parametrize("key", sorted(STORED))
def test_stored_column_equals_the_search_expression(rows, key):
    pairs = list(
        MODELS[key]
        .objects.annotate(expected=search_vector(key), stored=StoredVector())
        .values_list("expected", "stored")
    )
    assert pairs
    assert all(stored == expected and stored for expected, stored in pairs)


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
