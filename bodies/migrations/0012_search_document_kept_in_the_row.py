"""The body's stored search vector stays in its row (``STORAGE MAIN``), as the agreements'
(agreements migration 0017 says why)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("bodies", "0011_search_document_generated_field")]

    operations = [
        migrations.RunSQL(
            sql="ALTER TABLE bodies_body ALTER COLUMN search_document SET STORAGE MAIN",
            reverse_sql="ALTER TABLE bodies_body ALTER COLUMN search_document SET STORAGE EXTENDED",
        )
    ]
