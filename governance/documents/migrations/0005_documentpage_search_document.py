"""A document page's search vector is stored (``governance.core.search.stored_vector_field``), as the large
tables' are: a search matches and ranks the kept vectors instead of parsing each candidate's
text again, and the vector stays in its row (``STORAGE MAIN``). The GIN expression indexes
give way to GIN indexes over the stored column; PostgreSQL computes the column for every
existing row when it is added.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0004_read_cache_change_triggers'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='documentpage',
            name='documentpage_fts',
        ),
        migrations.AddField(
            model_name='documentpage',
            name='search_document',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.SearchVector('text', config='swedish', weight='B'), output_field=django.contrib.postgres.search.SearchVectorField(), serialize=False, verbose_name='sökdokument'),
        ),
        migrations.AddIndex(
            model_name='documentpage',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_document'], name='documentpage_search_document'),
        ),
        migrations.RunSQL(
            sql=[
                "ALTER TABLE documents_documentpage ALTER COLUMN search_document SET STORAGE MAIN",
            ],
            reverse_sql=[
                "ALTER TABLE documents_documentpage ALTER COLUMN search_document SET STORAGE EXTENDED",
            ],
        ),
    ]
