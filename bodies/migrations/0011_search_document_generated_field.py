"""The stored search vectors become ``GeneratedField``s that declare what PostgreSQL computes.

The columns that migrations 0008/0006 added by hand with the same expression are dropped first
(with their GIN indexes); the new columns are computed by PostgreSQL for every existing row
when they are added.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('bodies', '0010_read_cache_change_triggers'),
        ('governance', '0012_read_cache_change_triggers'),
    ]

    operations = [
        migrations.RunSQL(
            sql="DROP INDEX IF EXISTS bodies_body_search_document; ALTER TABLE bodies_body DROP COLUMN IF EXISTS search_document;",
            reverse_sql=(
                "ALTER TABLE bodies_body ADD COLUMN search_document tsvector"
                " GENERATED ALWAYS AS ((setweight(to_tsvector('swedish'::regconfig, COALESCE(name, '') || ' ' || COALESCE(short_name, '')), 'A') || setweight(to_tsvector('swedish'::regconfig, COALESCE(mandate, '') || ' ' || COALESCE(composition, '')), 'B'))) STORED;"
                " CREATE INDEX bodies_body_search_document ON bodies_body USING gin (search_document);"
            ),
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name='body',
            name='update_update',
        ),
        migrations.AddField(
            model_name='body',
            name='search_document',
            field=models.GeneratedField(db_persist=True, serialize=False, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('name', 'short_name', config='swedish', weight='A'), '||', django.contrib.postgres.search.SearchVector('mandate', 'composition', config='swedish', weight='B'), django.contrib.postgres.search.SearchConfig('swedish')), output_field=django.contrib.postgres.search.SearchVectorField(), verbose_name='sökdokument'),
        ),
        migrations.AddIndex(
            model_name='body',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_document'], name='body_search_document'),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='body',
            trigger=pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD."chair_election" IS DISTINCT FROM (NEW."chair_election") OR OLD."commission_description" IS DISTINCT FROM (NEW."commission_description") OR OLD."commission_ends_on" IS DISTINCT FROM (NEW."commission_ends_on") OR OLD."commission_starts_on" IS DISTINCT FROM (NEW."commission_starts_on") OR OLD."commissioned_by_id" IS DISTINCT FROM (NEW."commissioned_by_id") OR OLD."composition" IS DISTINCT FROM (NEW."composition") OR OLD."confirmed_on" IS DISTINCT FROM (NEW."confirmed_on") OR OLD."confirmed_source_id" IS DISTINCT FROM (NEW."confirmed_source_id") OR OLD."county_id" IS DISTINCT FROM (NEW."county_id") OR OLD."created_at" IS DISTINCT FROM (NEW."created_at") OR OLD."dissolved_on" IS DISTINCT FROM (NEW."dissolved_on") OR OLD."established_on" IS DISTINCT FROM (NEW."established_on") OR OLD."has_decision_mandate" IS DISTINCT FROM (NEW."has_decision_mandate") OR OLD."id" IS DISTINCT FROM (NEW."id") OR OLD."kind" IS DISTINCT FROM (NEW."kind") OR OLD."level" IS DISTINCT FROM (NEW."level") OR OLD."mandate" IS DISTINCT FROM (NEW."mandate") OR OLD."meetings_per_year" IS DISTINCT FROM (NEW."meetings_per_year") OR OLD."minutes_kept" IS DISTINCT FROM (NEW."minutes_kept") OR OLD."modified_at" IS DISTINCT FROM (NEW."modified_at") OR OLD."name" IS DISTINCT FROM (NEW."name") OR OLD."parent_id" IS DISTINCT FROM (NEW."parent_id") OR OLD."personal_participation" IS DISTINCT FROM (NEW."personal_participation") OR OLD."preparatory_meetings" IS DISTINCT FROM (NEW."preparatory_meetings") OR OLD."rotation" IS DISTINCT FROM (NEW."rotation") OR OLD."short_name" IS DISTINCT FROM (NEW."short_name") OR OLD."slug" IS DISTINCT FROM (NEW."slug") OR OLD."source_id" IS DISTINCT FROM (NEW."source_id") OR OLD."status" IS DISTINCT FROM (NEW."status") OR OLD."summer_break" IS DISTINCT FROM (NEW."summer_break") OR OLD."term_months" IS DISTINCT FROM (NEW."term_months") OR OLD."version" IS DISTINCT FROM (NEW."version"))', func='INSERT INTO "bodies_bodyevent" ("chair_election", "commission_description", "commission_ends_on", "commission_starts_on", "commissioned_by_id", "composition", "confirmed_on", "confirmed_source_id", "county_id", "created_at", "dissolved_on", "established_on", "has_decision_mandate", "id", "kind", "level", "mandate", "meetings_per_year", "minutes_kept", "modified_at", "name", "parent_id", "personal_participation", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "preparatory_meetings", "rotation", "short_name", "slug", "source_id", "status", "summer_break", "term_months", "version") VALUES (NEW."chair_election", NEW."commission_description", NEW."commission_ends_on", NEW."commission_starts_on", NEW."commissioned_by_id", NEW."composition", NEW."confirmed_on", NEW."confirmed_source_id", NEW."county_id", NEW."created_at", NEW."dissolved_on", NEW."established_on", NEW."has_decision_mandate", NEW."id", NEW."kind", NEW."level", NEW."mandate", NEW."meetings_per_year", NEW."minutes_kept", NEW."modified_at", NEW."name", NEW."parent_id", NEW."personal_participation", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."preparatory_meetings", NEW."rotation", NEW."short_name", NEW."slug", NEW."source_id", NEW."status", NEW."summer_break", NEW."term_months", NEW."version"); RETURN NULL;', hash='8ba863913b8b183592422eaad1a5cc259fa984d7', operation='UPDATE', pgid='pgtrigger_update_update_4f658', table='bodies_body', when='AFTER')),
        ),
    ]
