"""Server-side prepared statements for the read paths that run the same SQL on every request.

Reading a page of the agreement list takes a dozen small queries whose planning costs
PostgreSQL more than answering them (the rows' query joins eight tables). Prepared once per
database connection, a statement is planned for its parameters five times and then, as a
rule, once for good: each later execution skips the planner.

Only where it pays: on a connection that outlives the request (``CONN_MAX_AGE`` not 0; the
embedded server's development setup closes it after each request, where a statement
prepared would be thrown away with it) and when ``DATABASE_PREPARED_STATEMENTS`` is on. Turn
that off behind a pooler that hands one client's statements to another server connection
(PgBouncer in transaction mode before 1.21).

The statement is prepared through the driver's own cursor, so a query count sees each
execution once and never the one-time preparation; a prepared statement is not
transactional and outlives a rollback, so a test's rolled-back transaction keeps it too.
"""

from __future__ import annotations

import hashlib
import re
import weakref

from django.conf import settings

# Statements prepared, per driver connection (a new connection starts with none).
_prepared: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_PLACEHOLDER = re.compile(r"%(s|%)")


def _numbered(sql: str) -> tuple[str, int]:
    """``sql`` with psycopg's ``%s`` placeholders as PostgreSQL's ``$1, $2, …``."""
    count = 0

    def number(match):
        nonlocal count
        if match.group(1) == "%":
            return "%"
        count += 1
        return f"${count}"

    return _PLACEHOLDER.sub(number, sql), count


def _worth_preparing(cursor) -> bool:
    db = cursor.db
    return bool(
        settings.DATABASE_PREPARED_STATEMENTS
        and db.settings_dict.get("CONN_MAX_AGE")
        and db.vendor == "postgresql"
    )


def execute(cursor, sql: str, params) -> None:
    """Execute ``sql`` (with ``%s`` placeholders, one per parameter) on ``cursor``, a Django
    cursor: as a statement prepared once per connection where that pays, else as it is."""
    params = list(params)
    if not _worth_preparing(cursor):
        cursor.execute(sql, params)
        return
    name = "registry_" + hashlib.sha1(sql.encode()).hexdigest()[:24]
    raw = cursor.db.connection
    names = _prepared.get(raw)
    if names is None:
        names = _prepared[raw] = set()
    if name not in names:
        numbered, count = _numbered(sql)
        if count != len(params):
            raise ValueError(f"{count} placeholders for {len(params)} parameters")
        with raw.cursor() as driver_cursor:
            driver_cursor.execute(f"PREPARE {name} AS {numbered}")
        names.add(name)
    arguments = ", ".join(["%s"] * len(params))
    cursor.execute(f"EXECUTE {name}({arguments})" if params else f"EXECUTE {name}", params)
