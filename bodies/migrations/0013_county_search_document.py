"""The county's search vector is stored (``governance.core.search.stored_vector_field``), as the large
tables' are: a search matches and ranks the kept vectors instead of parsing each candidate's
text again, and the vector stays in its row (``STORAGE MAIN``). The GIN expression indexes
give way to GIN indexes over the stored column; PostgreSQL computes the column for every
existing row when it is added.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('bodies', '0012_search_document_kept_in_the_row'),
        ('governance', '0012_read_cache_change_triggers'),
    ]

    operations = [
        pgtrigger.migrations.RemoveTrigger(
            model_name='county',
            name='update_update',
        ),
        migrations.RemoveIndex(
            model_name='county',
            name='county_fts',
        ),
        migrations.AddField(
            model_name='county',
            name='search_document',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.SearchVector('name', config='swedish', weight='A'), output_field=django.contrib.postgres.search.SearchVectorField(), serialize=False, verbose_name='sökdokument'),
        ),
        migrations.AddIndex(
            model_name='county',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_document'], name='county_search_document'),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='county',
            trigger=pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD."code" IS DISTINCT FROM (NEW."code") OR OLD."confirmed_on" IS DISTINCT FROM (NEW."confirmed_on") OR OLD."confirmed_source_id" IS DISTINCT FROM (NEW."confirmed_source_id") OR OLD."created_at" IS DISTINCT FROM (NEW."created_at") OR OLD."id" IS DISTINCT FROM (NEW."id") OR OLD."modified_at" IS DISTINCT FROM (NEW."modified_at") OR OLD."name" IS DISTINCT FROM (NEW."name") OR OLD."slug" IS DISTINCT FROM (NEW."slug") OR OLD."source_id" IS DISTINCT FROM (NEW."source_id") OR OLD."version" IS DISTINCT FROM (NEW."version"))', func='INSERT INTO "bodies_countyevent" ("code", "confirmed_on", "confirmed_source_id", "created_at", "id", "modified_at", "name", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "slug", "source_id", "version") VALUES (NEW."code", NEW."confirmed_on", NEW."confirmed_source_id", NEW."created_at", NEW."id", NEW."modified_at", NEW."name", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."slug", NEW."source_id", NEW."version"); RETURN NULL;', hash='2c8bf8b73fe0b5718cb5a6ea45ab34d591fe297b', operation='UPDATE', pgid='pgtrigger_update_update_97afd', table='bodies_county', when='AFTER')),
        ),
        migrations.RunSQL(
            sql=[
                "ALTER TABLE bodies_county ALTER COLUMN search_document SET STORAGE MAIN",
            ],
            reverse_sql=[
                "ALTER TABLE bodies_county ALTER COLUMN search_document SET STORAGE EXTENDED",
            ],
        ),
    ]
