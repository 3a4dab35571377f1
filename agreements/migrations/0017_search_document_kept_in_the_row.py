"""The stored search vectors stay in their row (``STORAGE MAIN``).

A search reads the vector of every candidate row. An agreement's row (title, purpose,
background and the vector) is larger than PostgreSQL's 2 kB threshold, and by default the
vector was the column compressed and moved to the TOAST table: each candidate then cost a
fetch from there and a decompression, several times the cost of the match itself. With
``MAIN``, the long texts (read only when a record is shown) move out first and the vector
stays in the row. Applies to rows written from now on; Django's schema state holds no
storage, so no model field changes.
"""

from django.db import migrations

TABLES = ("agreements_agreement", "agreements_clause", "agreements_decision")


class Migration(migrations.Migration):
    dependencies = [("agreements", "0016_agreement_in_force_until_constraint")]

    operations = [
        migrations.RunSQL(
            sql=[
                f"ALTER TABLE {table} ALTER COLUMN search_document SET STORAGE MAIN"
                for table in TABLES
            ],
            reverse_sql=[
                f"ALTER TABLE {table} ALTER COLUMN search_document SET STORAGE EXTENDED"
                for table in TABLES
            ],
        )
    ]
