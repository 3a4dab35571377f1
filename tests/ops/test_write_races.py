"""Writers racing each other: each race ends in one clear winner, never a 500, never a broken rule.

Real threads, each with its own API client (or admin client) and its own database
connection, against committed data (transactional tests). Each round makes fresh
records, lets the writers meet at a barrier and send at once, then checks the
answers and what the database holds. Fifty rounds per race.

The tests named ``…_while_…_holds_…`` make one interleaving certain instead of
likely: a second connection holds a row (or a lock) in an open transaction while
the request runs, and lets go once the request is waiting for it.
"""

from __future__ import annotations

import datetime as dt
import shutil
import threading
import time
from functools import partial

import pytest
from django.db import connection, connections
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from agreements.models import Agreement, AgreementKind, AgreementRelation, Clause, RelationKind
from bodies.models import Body, BodyKind, BodyLevel, County, Organisation, OrganisationKind, Person
from governance.routing.models import Matter, RoutingRule

ROUNDS = 50
pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(transactional_db, tmp_path):
    """Groups and counties only: enough for a coordinator of Västra Götaland."""
    from governance.seed import loader

    for name in ("groups.yaml", "counties.yaml"):
        shutil.copy(loader.DATA_DIR / name, tmp_path / name)
    loader.load(tmp_path)


@pytest.fixture
def token(world, coordinator_vg) -> str:
    return Token.objects.create(user=coordinator_vg).key


@pytest.fixture
def vg(world):
    return County.objects.get(code="14")


def _client(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def race(*requests) -> list:
    """Run each ``request()`` in its own thread, all released at once; their results."""
    barrier = threading.Barrier(len(requests))
    results: list = [None] * len(requests)

    def run(i, request):
        try:
            barrier.wait(timeout=30)
            results[i] = request()
        except Exception as exc:  # reported to the test, never swallowed
            results[i] = ("error", repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, r)) for i, r in enumerate(requests)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def _patch(token: str, url: str, data: dict, **headers):
    return _client(token).patch(url, data, format="json", **headers)


def _delete(token: str, url: str, **headers):
    return _client(token).delete(url, **headers)


def _status(response):
    return getattr(response, "status_code", response)


# Delete against change ---------------------------------------------------------------


def test_delete_racing_a_change_with_the_same_etag_exactly_one_wins(token):
    client = _client(token)
    outcomes = set()
    for n in range(ROUNDS):
        person = Person.objects.create(slug=f"racer-{n}", name=f"Racer {n}")
        url = f"/api/v1/persons/{person.slug}/"
        etag = client.get(url)["ETag"]
        patch, delete = race(
            partial(_patch, token, url, {"name": "Ändrad"}, HTTP_IF_MATCH=etag),
            partial(_delete, token, url, HTTP_IF_MATCH=etag),
        )
        statuses = (_status(patch), _status(delete))
        assert statuses in {(200, 412), (412, 204)}, (n, patch, delete)
        outcomes.add(statuses)
        still_there = Person.objects.filter(pk=person.pk).first()
        if statuses == (200, 412):
            assert still_there is not None and still_there.name == "Ändrad"
            assert delete.json()["current_version"] == still_there.version
        else:
            assert still_there is None
            assert patch.json()["current_version"] is None
            assert "tagits bort" in patch.json()["detail"]
    assert outcomes  # (which side won each round is up to the scheduler)


def test_change_without_if_match_racing_a_delete_is_done_or_not_found(token):
    client = _client(token)
    for n in range(ROUNDS):
        person = Person.objects.create(slug=f"racer-{n}", name=f"Racer {n}")
        url = f"/api/v1/persons/{person.slug}/"
        client.get(url)
        patch, delete = race(
            partial(_patch, token, url, {"name": "Ändrad"}), partial(_delete, token, url)
        )
        assert (_status(patch), _status(delete)) in {(200, 204), (404, 204)}, (n, patch, delete)
        assert not Person.objects.filter(pk=person.pk).exists()


def _hold(sql: str, params: list, ready: threading.Event, release: threading.Event, done: list):
    """In a connection of its own: run ``sql`` in an open transaction until ``release``."""
    from django.db import transaction

    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
            ready.set()
            release.wait(timeout=30)
        done.append("committed")
    finally:
        connection.close()


def _wait_until_a_request_waits_for_a_lock(timeout: float = 10.0) -> None:
    """Until another backend of the test database waits for a lock (the request under test)."""
    deadline = time.monotonic() + timeout
    with connections["default"].cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                "AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.01)
    raise AssertionError("the request never waited for the row")


def _while_held(sql: str, params: list, request) -> object:
    """``request()`` sent while another transaction holds what ``sql`` locked; that
    transaction commits once the request waits for it."""
    ready, release, done = threading.Event(), threading.Event(), []
    holder = threading.Thread(target=_hold, args=(sql, params, ready, release, done))
    holder.start()
    assert ready.wait(timeout=30)
    result: list = []
    sender = threading.Thread(
        target=lambda: (result.append(request()), connection.close()), daemon=True
    )
    sender.start()
    try:
        _wait_until_a_request_waits_for_a_lock()
    finally:
        release.set()
        holder.join(timeout=30)
        sender.join(timeout=30)
    assert done == ["committed"]
    return result[0]


def test_change_while_a_delete_holds_the_row_answers_412_with_if_match_404_without(token):
    client = _client(token)
    for if_match in (True, False):
        person = Person.objects.create(slug=f"held-{if_match}", name="Hållen")
        url = f"/api/v1/persons/{person.slug}/"
        headers = {"HTTP_IF_MATCH": client.get(url)["ETag"]} if if_match else {}
        response = _while_held(
            "DELETE FROM bodies_person WHERE id = %s",
            [person.pk],
            partial(_patch, token, url, {"name": "Ändrad"}, **headers),
        )
        assert response.status_code == (412 if if_match else 404), response.content
        assert "tagits bort" in response.json()["detail"]


def test_delete_while_a_change_holds_the_row_refuses_the_older_etag(token):
    client = _client(token)
    person = Person.objects.create(slug="held", name="Hållen")
    url = f"/api/v1/persons/{person.slug}/"
    etag = client.get(url)["ETag"]
    response = _while_held(
        "UPDATE bodies_person SET name = 'Ändrad under tiden' WHERE id = %s",
        [person.pk],
        lambda: _client(token).delete(url, HTTP_IF_MATCH=etag),
    )
    assert response.status_code == 412, response.content
    person.refresh_from_db()
    assert person.name == "Ändrad under tiden"
    assert response.json()["current_version"] == person.version


# Hierarchies ----------------------------------------------------------------------------


def _body(n: int, tag: str, vg) -> Body:
    return Body.objects.create(
        slug=f"organ-{tag}-{n}",
        name=f"Organ {tag} {n}",
        kind=BodyKind.WORKING_GROUP,
        level=BodyLevel.COUNTY,
        county=vg,
    )


def _organisation(n: int, tag: str, vg) -> Organisation:
    return Organisation.objects.create(
        slug=f"org-{tag}-{n}", name=f"Org {tag} {n}", kind=OrganisationKind.OTHER, county=vg
    )


def _chain_has_cycle(model, start) -> bool:
    seen, pk = set(), start
    while pk is not None:
        if pk in seen:
            return True
        seen.add(pk)
        pk = model.objects.filter(pk=pk).values_list("parent_id", flat=True).first()
    return False


@pytest.mark.parametrize(
    ("resource", "make"), [("bodies", _body), ("organisations", _organisation)]
)
def test_two_parents_set_crosswise_at_once_never_make_a_cycle(token, vg, resource, make):
    model = Body if resource == "bodies" else Organisation
    for n in range(ROUNDS):
        x, y = make(n, "x", vg), make(n, "y", vg)
        first, second = race(
            partial(_patch, token, f"/api/v1/{resource}/{x.slug}/", {"parent": y.slug}),
            partial(_patch, token, f"/api/v1/{resource}/{y.slug}/", {"parent": x.slug}),
        )
        statuses = sorted([_status(first), _status(second)])
        assert statuses == [200, 400], (n, first, second)
        loser = first if _status(first) == 400 else second
        assert "parent" in loser.json(), loser.json()
        assert not _chain_has_cycle(model, x.pk)
        assert not _chain_has_cycle(model, y.pk)


def test_a_collision_postgresql_gives_up_on_answers_409_not_500(token, vg):
    """A real deadlock: the request waits for a body another transaction holds, which
    then waits for the body the request holds. PostgreSQL aborts the request's side
    (its deadlock check runs first: the other side's check is set to run much later)."""
    x, y = _body(0, "x", vg), _body(0, "y", vg)
    ready, release, outcome = threading.Event(), threading.Event(), []

    def other_side():
        from django.db import transaction

        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL deadlock_timeout = '20s'")
                cursor.execute("SELECT 1 FROM bodies_body WHERE id = %s FOR UPDATE", [y.pk])
                ready.set()
                release.wait(timeout=30)
                cursor.execute("SELECT 1 FROM bodies_body WHERE id = %s FOR UPDATE", [x.pk])
            outcome.append("committed")
        except Exception as exc:
            outcome.append(repr(exc))
        finally:
            connection.close()

    holder = threading.Thread(target=other_side)
    holder.start()
    assert ready.wait(timeout=30)
    result: list = []
    sender = threading.Thread(
        target=lambda: (
            result.append(
                _client(token).patch(f"/api/v1/bodies/{x.slug}/", {"parent": y.slug}, format="json")
            ),
            connection.close(),
        )
    )
    sender.start()
    try:
        _wait_until_a_request_waits_for_a_lock()
    finally:
        release.set()
        sender.join(timeout=30)
        holder.join(timeout=30)

    response = result[0]
    assert response.status_code == 409, response.content
    assert "samtidigt" in response.json()["detail"]
    assert outcome == ["committed"]
    x.refresh_from_db()
    assert x.parent_id is None


@pytest.fixture
def agreements_vg(vg):
    return [
        Agreement.objects.create(
            slug=f"avtal-{i}",
            title=f"Avtal {i}",
            kind=AgreementKind.COLLABORATION_AGREEMENT,
            county=vg,
            valid_from=dt.date(2016, 1, 1),
        )
        for i in range(2 * ROUNDS)
    ]


def test_two_agreements_made_each_others_predecessor_at_once_never_make_a_cycle(
    world, superuser, agreements_vg
):
    """Written through the admin (the API does not write lineage)."""
    add_url = "/admin/agreements/agreementrelation/add/"

    def add(source, target):
        client = Client()
        client.force_login(superuser)
        return client.post(
            add_url,
            {"source": source.pk, "kind": RelationKind.REPLACES, "target": target.pk},
        )

    for n in range(ROUNDS):
        a, b = agreements_vg[2 * n], agreements_vg[2 * n + 1]
        first, second = race(partial(add, a, b), partial(add, b, a))
        statuses = sorted([_status(first), _status(second)])
        assert statuses == [200, 302], (n, first, second)
        loser = first if _status(first) == 200 else second
        assert "sin egen föregångare" in loser.content.decode()
        assert AgreementRelation.objects.filter(source__in=[a, b]).count() == 1


# Routing rules ----------------------------------------------------------------------------


def test_two_contradicting_routing_rules_saved_at_once_one_is_refused(token, vg):
    agreement = Agreement.objects.create(
        slug="avtal-regler",
        title="Avtal med regler",
        kind=AgreementKind.COLLABORATION_AGREEMENT,
        county=vg,
        valid_from=dt.date(2016, 1, 1),
    )
    clause = Clause.objects.create(agreement=agreement, order=1, text="Regler.")
    deciders = [_body(0, "a", vg), _body(0, "b", vg)]
    for n in range(ROUNDS):
        matter = Matter.objects.create(slug=f"arende-{n}", name=f"Ärende {n}", order=n)

        def post(decider, matter=matter):
            return _client(token).post(
                "/api/v1/routing-rules/",
                {
                    "matter": matter.slug,
                    "concerns": "both",
                    "county": vg.slug,
                    "handlers": [],
                    "deciding_body": decider.slug,
                    "clause": clause.slug,
                },
                format="json",
            )

        first, second = race(lambda: post(deciders[0]), lambda: post(deciders[1]))
        statuses = sorted([_status(first), _status(second)])
        assert statuses == [201, 400], (n, first, second)
        loser = first if _status(first) == 400 else second
        assert "motsäger" in str(loser.json()), loser.json()
        assert RoutingRule.objects.filter(matter=matter).count() == 1
