"""Statements prepared once per database connection (``governance.core.prepared``): the
same rows as the plain statement, prepared once and executed by name afterwards, counted
once per execution, and not prepared where the connection is closed after each request."""

from __future__ import annotations

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from governance.core import prepared
from tests.factories import agreements as make

pytestmark = pytest.mark.django_db

SQL = "SELECT n, n * %s FROM generate_series(1, %s) AS n WHERE n <> ALL(%s) ORDER BY n"
PARAMS = [10, 5, [2, 4]]


@pytest.fixture
def persistent(monkeypatch):
    """The connection kept between requests, as in production (``CONN_MAX_AGE``)."""
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 60)


def prepared_statements(db=connection) -> dict[str, str]:
    with db.cursor() as cursor:
        cursor.execute("SELECT name, statement FROM pg_prepared_statements")
        return dict(cursor.fetchall())


def rows(sql=SQL, params=PARAMS, db=connection):
    with db.cursor() as cursor:
        prepared.execute(cursor, sql, params)
        return cursor.fetchall()


def test_a_prepared_statement_answers_as_the_plain_one(persistent):
    with connection.cursor() as cursor:
        cursor.execute(SQL, PARAMS)
        plain = cursor.fetchall()
    assert rows() == plain == [(1, 10), (3, 30), (5, 50)]
    assert rows(params=[2, 3, []]) == [(1, 2), (2, 4), (3, 6)]


def test_it_is_prepared_once_and_each_execution_is_one_query(persistent):
    with CaptureQueriesContext(connection) as ctx:
        rows()
        rows()
    statements = {
        name: text for name, text in prepared_statements().items() if "generate_series" in text
    }
    assert len(statements) == 1
    ((name, text),) = statements.items()
    assert "n * $1" in text and "generate_series(1, $2)" in text and "ALL($3)" in text
    assert [query["sql"].split("(")[0] for query in ctx.captured_queries] == [
        f"EXECUTE {name}",
        f"EXECUTE {name}",
    ]


def test_a_new_connection_prepares_it_anew(persistent):
    rows()
    other = connections.create_connection("default")
    other.settings_dict["CONN_MAX_AGE"] = 60
    try:
        assert rows(db=other) == [(1, 10), (3, 30), (5, 50)]
        assert any("generate_series" in text for text in prepared_statements(other).values())
    finally:
        other.close()


def test_nothing_is_prepared_on_a_connection_closed_after_each_request(monkeypatch):
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 0)
    # A statement of this test's own: prepared statements outlive a test's transaction.
    sql = "SELECT n FROM generate_series(1, %s) AS n -- never prepared"
    with CaptureQueriesContext(connection) as ctx:
        assert rows(sql, [2]) == [(1,), (2,)]
    assert ctx.captured_queries[0]["sql"].startswith("SELECT n")
    assert not any("never prepared" in text for text in prepared_statements().values())


def test_the_setting_turns_it_off(persistent, settings):
    settings.DATABASE_PREPARED_STATEMENTS = False
    with CaptureQueriesContext(connection) as ctx:
        rows()
    assert ctx.captured_queries[0]["sql"].startswith("SELECT n")


def test_a_literal_percent_sign_and_a_wrong_parameter_count(persistent):
    assert rows("SELECT %s || '%%'", ["50"]) == [("50%",)]
    with pytest.raises(ValueError, match="2 placeholders for 1 parameters"):
        rows("SELECT %s, %s", [1])


def test_the_agreement_list_reads_the_same_with_and_without_them(client, settings, persistent):
    for number in range(3):
        agreement = make.agreement(title=f"Överenskommelse {number}")
        make.party(agreement)
        make.clause(agreement)
    url = "/api/v1/agreements/"
    client.get(url)  # what a first request reads once (content types, translations)
    with CaptureQueriesContext(connection) as ctx:
        with_prepared = client.get(url).json()
    settings.DATABASE_PREPARED_STATEMENTS = False
    with CaptureQueriesContext(connection) as plain_ctx:
        plain = client.get(url).json()
    assert with_prepared == plain and len(plain["results"]) == 3
    assert len(ctx.captured_queries) == len(plain_ctx.captured_queries)
    executed = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith("EXECUTE")]
    assert len(executed) >= 8  # the rows, their parts and the relations to them


def test_a_read_request_runs_outside_the_history_context(client, persistent):
    """A GET writes nothing: its statements carry no history context to PostgreSQL."""
    make.clause(make.agreement(title="Överenskommelse"))
    with CaptureQueriesContext(connection) as ctx:
        client.get("/api/v1/agreements/")
    assert not any("pghistory.context_id" in q["sql"] for q in ctx.captured_queries)
