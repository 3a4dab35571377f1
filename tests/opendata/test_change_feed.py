"""The change feed lists every write in order, pages without gaps, and replays into a registry."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.db import connection
from django.utils import timezone

from bodies.models import Body, BodyKind, BodyLevel, County, Organisation
from governance.opendata.bulk import public_models
from governance.opendata.changes import Position, changes_after, horizon
from governance.opendata.replay import apply_changes

pytestmark = pytest.mark.django_db(transaction=True)


def _all_changes(since=None, limit=100):
    out, position = [], since
    while True:
        page, last = changes_after(position, limit=limit)
        if not page:
            return out
        out.extend(page)
        position = last


def _snapshot() -> dict[str, list[dict]]:
    return {
        m._meta.label_lower: list(m._base_manager.order_by("pk").values()) for m in public_models()
    }


def test_feed_lists_create_update_bulk_update_and_delete_in_order(seeded_registry, client):
    start = timezone.now()
    body = Body.objects.create(name="Testgruppen", kind=BodyKind.NETWORK, level=BodyLevel.COUNTY)
    body.name = "Testgruppen för uppföljning"
    body.save()
    Body.objects.filter(pk=body.pk).update(meetings_per_year=4)  # bypasses save()
    pk = str(body.pk)
    body.delete()

    response = client.get("/api/v1/changes/", {"since": start.isoformat(), "type": "bodies.body"})
    assert response.status_code == 200
    mine = [c for c in response.json()["results"] if c["id"] == pk]
    assert [c["action"] for c in mine] == ["created", "updated", "updated", "deleted"]
    assert mine[0]["slug"] == "testgruppen"
    assert mine[1]["data"]["name"] == "Testgruppen för uppföljning"
    assert mine[2]["data"]["meetings_per_year"] == 4
    assert mine[3]["data"] is None  # a tombstone
    times = [c["time"] for c in response.json()["results"]]
    assert times == sorted(times)


def test_paging_with_the_cursor_returns_every_change_exactly_once(seeded_registry, client):
    everything = _all_changes(limit=500)
    assert len(everything) > 100
    seen, url, pages = [], "/api/v1/changes/?limit=37", 0
    while pages < 100:
        page = client.get(url).json()
        pages += 1
        if not page["results"]:
            break
        seen.extend((c["type"], c["id"], c["action"], c["cursor"]) for c in page["results"])
        url = page["next"]
    assert [s[3] for s in seen] == [c.cursor for c in everything]
    assert len(set(seen)) == len(seen)


def test_feed_does_not_hand_out_changes_of_a_transaction_still_running(seeded_registry):
    """A transaction that began earlier but commits later must not be skipped by a reader."""
    from django.db import connections

    other = connections.create_connection("default")
    try:
        other.set_autocommit(False)
        with other.cursor() as cursor:
            cursor.execute("SELECT now()")
            began = cursor.fetchone()[0]
            cursor.execute(
                "UPDATE bodies_county SET name = name || '' WHERE code = '14'"  # no change: no event
            )
        # While it is open, the horizon stays at its start.
        assert horizon() <= began
    finally:
        other.rollback()
        other.close()


def test_replaying_the_feed_into_an_empty_registry_reproduces_it(seeded_registry):
    # Some edits, so the feed holds updates, deletes and many-to-many links too.
    vg = Organisation.objects.get(slug="vgr")
    lisa = Body.objects.get(slug="lisa")
    lisa.owners.add(vg)
    Body.objects.filter(slug="sro").update(meetings_per_year=6)
    temp = Body.objects.create(
        name="Tillfällig grupp", kind=BodyKind.WORKING_GROUP, level=BodyLevel.COUNTY
    )
    temp.delete()
    before = _snapshot()
    feed = _all_changes(limit=500)

    tables = [connection.ops.quote_name(m._meta.db_table) for m in public_models()]
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} CASCADE")
    assert County.objects.count() == 0

    apply_changes(feed)
    after = _snapshot()
    assert {k: len(v) for k, v in after.items()} == {k: len(v) for k, v in before.items()}
    assert after == before


@pytest.mark.parametrize(
    "params, field",
    [
        ({"since": "inte-en-markör"}, "since"),
        ({"since": "2020-13-45T99:00"}, "since"),
        ({"limit": "0"}, "limit"),
        ({"limit": "10000"}, "limit"),
        ({"limit": "tio"}, "limit"),
        ({"type": "bodies.nonsense"}, "type"),
    ],
)
def test_bad_parameters_get_400_with_the_field(client, params, field):
    response = client.get("/api/v1/changes/", params)
    assert response.status_code == 400
    assert field in response.json()


def test_a_cursor_round_trips():
    position = Position(dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC), "agreements.agreement", 42)
    assert Position.decode(position.encode()) == position


def test_every_registry_model_is_in_the_feed():
    from governance.opendata.changes import tracked_labels

    labels = set(tracked_labels())
    for model in public_models():
        label = model._meta.label_lower
        if model._meta.auto_created:
            # Link tables are recorded through their proxy models.
            proxies = [
                m for m in apps.get_models() if m._meta.proxy and m._meta.concrete_model is model
            ]
            assert proxies and proxies[0]._meta.label_lower in labels, label
        else:
            assert label in labels, label
