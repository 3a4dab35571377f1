"""The API's request counters (governance.core.api.throttling).

No model: the rows are only ever touched by one upsert and one delete, and as a
plain table they stay out of the registry (no history, no read-cache trigger, no
permissions, no export). Unlogged: counts of the current minute need not survive
a crash, and writing them skips the write-ahead log.
"""

from django.db import migrations

CREATE = """
CREATE UNLOGGED TABLE governance_api_throttle (
    scope text NOT NULL,
    ident text NOT NULL,
    window_start timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    count integer NOT NULL,
    PRIMARY KEY (scope, ident, window_start)
);
CREATE INDEX governance_api_throttle_expires ON governance_api_throttle (expires_at);
"""


class Migration(migrations.Migration):
    dependencies = [("governance", "0005_registry_version")]

    operations = [
        migrations.RunSQL(CREATE, reverse_sql="DROP TABLE governance_api_throttle;"),
    ]
