"""An agreement's status has one definition: the two dates the database keeps for it
(``in_force_until``, ``superseded_from``) compared with the day, the same way by the
model, the QuerySet filters, the API and the pages, through extension chains of any
depth; and every write that can move those dates moves them in the same transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection, transaction
from django.urls import reverse

from agreements.models import (
    Agreement,
    AgreementKind,
    AgreementRelation,
    AgreementStatus,
    RelationKind,
)

pytestmark = pytest.mark.django_db

D = dt.date
CHAIN = 6  # the agreement and five extensions of extensions: deeper than any fixed cap


def _agreement(slug, start, end, *, draft=False):
    return Agreement.objects.create(
        slug=f"status-{slug}",
        title=f"Status {slug}",
        kind=AgreementKind.COLLABORATION_AGREEMENT,
        is_draft=draft,
        valid_from=start,
        valid_until=end,
    )


def _extend(source, target):
    return AgreementRelation.objects.create(source=source, kind=RelationKind.EXTENDS, target=target)


def _fresh(agreement):
    return Agreement.objects.get(pk=agreement.pk)


@pytest.fixture
def chain():
    """``chain[0]`` runs 2010; ``chain[i]`` extends ``chain[i-1]`` by one more year."""
    links = [_agreement(f"link-{i}", D(2010 + i, 1, 1), D(2010 + i, 12, 31)) for i in range(CHAIN)]
    for later, earlier in zip(links[1:], links, strict=False):
        _extend(later, earlier)
    return links


def test_a_chain_deeper_than_three_moves_the_first_agreements_last_day(chain):
    last = D(2010 + CHAIN - 1, 12, 31)
    assert [_fresh(a).in_force_until for a in chain] == [last] * CHAIN
    assert _fresh(chain[0]).status_on(D(2015, 6, 1)) == AgreementStatus.IN_FORCE
    assert _fresh(chain[0]).status_on(D(2016, 1, 1)) == AgreementStatus.EXPIRED


DAYS = [D(2009, 6, 1), D(2010, 6, 1), D(2013, 12, 31), D(2015, 12, 31), D(2016, 1, 1)]


@pytest.mark.parametrize("day", DAYS)
def test_model_queryset_api_and_page_give_the_same_status(chain, client, day):
    replacement = _agreement("replacement", D(2014, 7, 1), None)
    AgreementRelation.objects.create(
        source=replacement, kind=RelationKind.REPLACES, target=chain[2]
    )
    _agreement("draft", D(2010, 1, 1), None, draft=True)
    ours = Agreement.objects.filter(slug__startswith="status-")

    by_model = {a.slug: str(a.status_on(day)) for a in ours}
    by_filter = {
        slug: str(status)
        for status in AgreementStatus
        for slug in ours.with_status(status, day).values_list("slug", flat=True)
    }
    listed = client.get(f"/api/v1/agreements/?page_size=200&on={day}").json()["results"]
    by_list = {a["slug"]: a["status"] for a in listed if a["slug"].startswith("status-")}

    assert by_filter == by_model
    assert by_list == by_model
    for slug, status in by_model.items():
        detail = client.get(f"/api/v1/agreements/{slug}/?on={day}").json()
        assert detail["status"] == status, slug
        page = client.get(reverse("web:agreement-detail", kwargs={"slug": slug}), {"per": day})
        assert f'class="badge status-{status}"' in page.content.decode(), slug
    in_force = {a.slug for a in ours.in_force_on(day)}
    assert in_force == {s for s, status in by_model.items() if status == AgreementStatus.IN_FORCE}


def test_an_extensions_new_end_date_moves_the_whole_chain(chain):
    chain[-1].valid_until = D(2030, 12, 31)
    chain[-1].save()
    assert chain[-1].in_force_until == D(2030, 12, 31)  # read again after the save
    assert _fresh(chain[0]).in_force_until == D(2030, 12, 31)
    chain[-1].valid_until = None
    chain[-1].save()
    assert _fresh(chain[0]).in_force_until is None  # until replaced, like its extension


def test_a_draft_or_removed_link_cuts_the_chain_there(chain):
    Agreement.objects.filter(pk=chain[3].pk).update(is_draft=True)
    assert _fresh(chain[0]).in_force_until == D(2012, 12, 31)
    assert _fresh(chain[3]).in_force_until == D(2015, 12, 31)
    Agreement.objects.filter(pk=chain[3].pk).update(is_draft=False)
    assert _fresh(chain[0]).in_force_until == D(2015, 12, 31)

    AgreementRelation.objects.filter(source=chain[2], target=chain[1]).delete()
    assert _fresh(chain[0]).in_force_until == D(2011, 12, 31)
    assert _fresh(chain[2]).in_force_until == D(2015, 12, 31)
    chain[5].delete()  # its relation goes with it
    assert _fresh(chain[2]).in_force_until == D(2014, 12, 31)


def test_a_relation_changed_to_another_kind_moves_both_dates(chain):
    relation = AgreementRelation.objects.get(source=chain[1], target=chain[0])
    relation.kind = RelationKind.RENEWS
    relation.save()
    first = _fresh(chain[0])
    assert first.in_force_until == D(2010, 12, 31)
    assert first.superseded_from == D(2011, 1, 1)
    assert first.status_on(D(2011, 6, 1)) == AgreementStatus.SUPERSEDED


def test_a_replacement_supersedes_from_its_start_and_a_draft_not_at_all():
    old = _agreement("old", D(2010, 1, 1), None)
    later = _agreement("later", D(2016, 1, 1), None)
    earlier = _agreement("earlier", D(2014, 1, 1), None, draft=True)
    AgreementRelation.objects.create(source=later, kind=RelationKind.REPLACES, target=old)
    AgreementRelation.objects.create(source=earlier, kind=RelationKind.RENEWS, target=old)
    assert _fresh(old).superseded_from == D(2016, 1, 1)
    earlier.is_draft = False
    earlier.save()
    assert _fresh(old).superseded_from == D(2014, 1, 1)
    earlier.valid_from = D(2017, 1, 1)
    earlier.save()
    assert _fresh(old).superseded_from == D(2016, 1, 1)


def test_no_client_can_write_the_status_dates(chain):
    Agreement.objects.filter(pk=chain[0].pk).update(
        in_force_until=D(2099, 1, 1), superseded_from=D(2011, 1, 1)
    )
    first = _fresh(chain[0])
    assert first.in_force_until == D(2015, 12, 31)
    assert first.superseded_from is None
    first.in_force_until = D(2099, 1, 1)
    first.title = "Ändrad titel"
    first.save()
    assert _fresh(chain[0]).in_force_until == D(2015, 12, 31)


def test_moving_the_status_dates_is_not_an_edit_of_the_agreement(chain):
    first = _fresh(chain[0])
    events = first.events.count()
    chain[-1].valid_until = D(2030, 12, 31)
    chain[-1].save()
    moved = _fresh(chain[0])
    assert moved.in_force_until == D(2030, 12, 31)
    assert moved.version == first.version
    assert moved.modified_at == first.modified_at
    assert moved.events.count() == events


def test_a_cycle_written_past_validation_still_ends():
    a = _agreement("cycle-a", D(2010, 1, 1), D(2010, 12, 31))
    b = _agreement("cycle-b", D(2011, 1, 1), D(2011, 12, 31))
    _extend(b, a)
    _extend(a, b)  # AgreementRelation.clean refuses this; the database must cope anyway
    assert _fresh(a).in_force_until == D(2011, 12, 31)
    assert _fresh(b).in_force_until == D(2011, 12, 31)


@pytest.mark.parametrize("triggers", ["origin", "replica"])
def test_refreshing_repairs_rows_written_with_the_triggers_held_off(chain, triggers):
    # Rows as a bulk load leaves them (bench/generate.py, a replayed change feed) or as
    # they stood before the dates existed; the migration that filled those ran the same
    # function with the triggers in place.
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = replica")
            cursor.execute(
                "UPDATE agreements_agreement SET in_force_until = NULL, superseded_from = NULL "
                "WHERE slug LIKE %s",
                ["status-%"],
            )
            cursor.execute(f"SET LOCAL session_replication_role = {triggers}")
        assert _fresh(chain[0]).in_force_until is None
        Agreement.objects.filter(slug__startswith="status-").refresh_status_dates()
    assert [_fresh(a).in_force_until for a in chain] == [D(2015, 12, 31)] * CHAIN


def test_status_dates_are_not_in_the_write_api_or_its_schema(client):
    schema = client.get("/api/schema/").content.decode()
    assert "in_force_until" not in schema
    assert "superseded_from" not in schema


def test_status_dates_are_not_in_the_open_data_export():
    from governance.opendata.bulk import _rows

    _agreement("export", D(2016, 1, 1), D(2018, 12, 31))
    columns, rows = _rows(Agreement)
    assert "valid_until" in columns
    assert "in_force_until" not in columns and "superseded_from" not in columns
    assert rows and "in_force_until" not in rows[0]


def test_restoring_an_earlier_end_date_works_the_status_dates_out_again(chain):
    first = _fresh(chain[0])
    first.valid_until = D(2020, 12, 31)
    first.save()
    assert _fresh(chain[0]).in_force_until == D(2020, 12, 31)
    event = first.events.order_by("pgh_id").first()  # as inserted: 2010-12-31
    Agreement.objects.filter(pk=first.pk).update(valid_until=event.valid_until)
    assert _fresh(chain[0]).in_force_until == D(2015, 12, 31)
