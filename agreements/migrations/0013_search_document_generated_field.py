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
        ('agreements', '0012_read_cache_change_triggers'),
        ('bodies', '0010_read_cache_change_triggers'),
        ('governance', '0012_read_cache_change_triggers'),
    ]

    operations = [
        migrations.RunSQL(
            sql="DROP INDEX IF EXISTS agreements_agreement_search_document; ALTER TABLE agreements_agreement DROP COLUMN IF EXISTS search_document;",
            reverse_sql=(
                "ALTER TABLE agreements_agreement ADD COLUMN search_document tsvector"
                " GENERATED ALWAYS AS ((setweight(to_tsvector('swedish'::regconfig, COALESCE(title, '') || ' ' || COALESCE(short_name, '')), 'A') || setweight(to_tsvector('swedish'::regconfig, COALESCE(purpose, '') || ' ' || COALESCE(background, '') || ' ' || COALESCE(renewal_text, '')), 'B'))) STORED;"
                " CREATE INDEX agreements_agreement_search_document ON agreements_agreement USING gin (search_document);"
            ),
        ),
        migrations.RunSQL(
            sql="DROP INDEX IF EXISTS agreements_clause_search_document; ALTER TABLE agreements_clause DROP COLUMN IF EXISTS search_document;",
            reverse_sql=(
                "ALTER TABLE agreements_clause ADD COLUMN search_document tsvector"
                " GENERATED ALWAYS AS ((setweight(to_tsvector('swedish'::regconfig, COALESCE(heading, '')), 'A') || setweight(to_tsvector('swedish'::regconfig, COALESCE(text, '')), 'B'))) STORED;"
                " CREATE INDEX agreements_clause_search_document ON agreements_clause USING gin (search_document);"
            ),
        ),
        migrations.RunSQL(
            sql="DROP INDEX IF EXISTS agreements_decision_search_document; ALTER TABLE agreements_decision DROP COLUMN IF EXISTS search_document;",
            reverse_sql=(
                "ALTER TABLE agreements_decision ADD COLUMN search_document tsvector"
                " GENERATED ALWAYS AS ((setweight(to_tsvector('swedish'::regconfig, COALESCE(decided_by_text, '')), 'A') || setweight(to_tsvector('swedish'::regconfig, COALESCE(summary, '')), 'B'))) STORED;"
                " CREATE INDEX agreements_decision_search_document ON agreements_decision USING gin (search_document);"
            ),
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name='agreement',
            name='update_update',
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name='clause',
            name='update_update',
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name='decision',
            name='update_update',
        ),
        migrations.AddField(
            model_name='agreement',
            name='search_document',
            field=models.GeneratedField(db_persist=True, serialize=False, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title', 'short_name', config='swedish', weight='A'), '||', django.contrib.postgres.search.SearchVector('purpose', 'background', 'renewal_text', config='swedish', weight='B'), django.contrib.postgres.search.SearchConfig('swedish')), output_field=django.contrib.postgres.search.SearchVectorField(), verbose_name='sökdokument'),
        ),
        migrations.AddField(
            model_name='clause',
            name='search_document',
            field=models.GeneratedField(db_persist=True, serialize=False, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('heading', config='swedish', weight='A'), '||', django.contrib.postgres.search.SearchVector('text', config='swedish', weight='B'), django.contrib.postgres.search.SearchConfig('swedish')), output_field=django.contrib.postgres.search.SearchVectorField(), verbose_name='sökdokument'),
        ),
        migrations.AddField(
            model_name='decision',
            name='search_document',
            field=models.GeneratedField(db_persist=True, serialize=False, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('decided_by_text', config='swedish', weight='A'), '||', django.contrib.postgres.search.SearchVector('summary', config='swedish', weight='B'), django.contrib.postgres.search.SearchConfig('swedish')), output_field=django.contrib.postgres.search.SearchVectorField(), verbose_name='sökdokument'),
        ),
        migrations.AddIndex(
            model_name='agreement',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_document'], name='agreement_search_document'),
        ),
        migrations.AddIndex(
            model_name='clause',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_document'], name='clause_search_document'),
        ),
        migrations.AddIndex(
            model_name='decision',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_document'], name='decision_search_document'),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='agreement',
            trigger=pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD."background" IS DISTINCT FROM (NEW."background") OR OLD."basis_note" IS DISTINCT FROM (NEW."basis_note") OR OLD."confirmed_on" IS DISTINCT FROM (NEW."confirmed_on") OR OLD."confirmed_source_id" IS DISTINCT FROM (NEW."confirmed_source_id") OR OLD."county_id" IS DISTINCT FROM (NEW."county_id") OR OLD."created_at" IS DISTINCT FROM (NEW."created_at") OR OLD."id" IS DISTINCT FROM (NEW."id") OR OLD."is_draft" IS DISTINCT FROM (NEW."is_draft") OR OLD."kind" IS DISTINCT FROM (NEW."kind") OR OLD."modified_at" IS DISTINCT FROM (NEW."modified_at") OR OLD."notice_period_days" IS DISTINCT FROM (NEW."notice_period_days") OR OLD."purpose" IS DISTINCT FROM (NEW."purpose") OR OLD."reference_number" IS DISTINCT FROM (NEW."reference_number") OR OLD."renewal_body_id" IS DISTINCT FROM (NEW."renewal_body_id") OR OLD."renewal_text" IS DISTINCT FROM (NEW."renewal_text") OR OLD."renewal_type" IS DISTINCT FROM (NEW."renewal_type") OR OLD."short_name" IS DISTINCT FROM (NEW."short_name") OR OLD."slug" IS DISTINCT FROM (NEW."slug") OR OLD."source_id" IS DISTINCT FROM (NEW."source_id") OR OLD."title" IS DISTINCT FROM (NEW."title") OR OLD."valid_from" IS DISTINCT FROM (NEW."valid_from") OR OLD."valid_from_basis" IS DISTINCT FROM (NEW."valid_from_basis") OR OLD."valid_until" IS DISTINCT FROM (NEW."valid_until") OR OLD."valid_until_basis" IS DISTINCT FROM (NEW."valid_until_basis") OR OLD."validity_text" IS DISTINCT FROM (NEW."validity_text") OR OLD."version" IS DISTINCT FROM (NEW."version"))', func='INSERT INTO "agreements_agreementevent" ("background", "basis_note", "confirmed_on", "confirmed_source_id", "county_id", "created_at", "id", "is_draft", "kind", "modified_at", "notice_period_days", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "purpose", "reference_number", "renewal_body_id", "renewal_text", "renewal_type", "short_name", "slug", "source_id", "title", "valid_from", "valid_from_basis", "valid_until", "valid_until_basis", "validity_text", "version") VALUES (NEW."background", NEW."basis_note", NEW."confirmed_on", NEW."confirmed_source_id", NEW."county_id", NEW."created_at", NEW."id", NEW."is_draft", NEW."kind", NEW."modified_at", NEW."notice_period_days", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."purpose", NEW."reference_number", NEW."renewal_body_id", NEW."renewal_text", NEW."renewal_type", NEW."short_name", NEW."slug", NEW."source_id", NEW."title", NEW."valid_from", NEW."valid_from_basis", NEW."valid_until", NEW."valid_until_basis", NEW."validity_text", NEW."version"); RETURN NULL;', hash='137097e5383876929d86e012890f1eb430d06bcc', operation='UPDATE', pgid='pgtrigger_update_update_36fdd', table='agreements_agreement', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='clause',
            trigger=pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD."agreement_id" IS DISTINCT FROM (NEW."agreement_id") OR OLD."confirmed_on" IS DISTINCT FROM (NEW."confirmed_on") OR OLD."confirmed_source_id" IS DISTINCT FROM (NEW."confirmed_source_id") OR OLD."created_at" IS DISTINCT FROM (NEW."created_at") OR OLD."heading" IS DISTINCT FROM (NEW."heading") OR OLD."id" IS DISTINCT FROM (NEW."id") OR OLD."modified_at" IS DISTINCT FROM (NEW."modified_at") OR OLD."order" IS DISTINCT FROM (NEW."order") OR OLD."slug" IS DISTINCT FROM (NEW."slug") OR OLD."source_id" IS DISTINCT FROM (NEW."source_id") OR OLD."text" IS DISTINCT FROM (NEW."text") OR OLD."version" IS DISTINCT FROM (NEW."version"))', func='INSERT INTO "agreements_clauseevent" ("agreement_id", "confirmed_on", "confirmed_source_id", "created_at", "heading", "id", "modified_at", "order", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "slug", "source_id", "text", "version") VALUES (NEW."agreement_id", NEW."confirmed_on", NEW."confirmed_source_id", NEW."created_at", NEW."heading", NEW."id", NEW."modified_at", NEW."order", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."slug", NEW."source_id", NEW."text", NEW."version"); RETURN NULL;', hash='07025e8be335eb56e11a1b476c2697b08ac688d2', operation='UPDATE', pgid='pgtrigger_update_update_2ea46', table='agreements_clause', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='decision',
            trigger=pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD."agreement_id" IS DISTINCT FROM (NEW."agreement_id") OR OLD."basis_note" IS DISTINCT FROM (NEW."basis_note") OR OLD."body_id" IS DISTINCT FROM (NEW."body_id") OR OLD."confirmed_on" IS DISTINCT FROM (NEW."confirmed_on") OR OLD."confirmed_source_id" IS DISTINCT FROM (NEW."confirmed_source_id") OR OLD."created_at" IS DISTINCT FROM (NEW."created_at") OR OLD."date" IS DISTINCT FROM (NEW."date") OR OLD."date_basis" IS DISTINCT FROM (NEW."date_basis") OR OLD."decided_by_text" IS DISTINCT FROM (NEW."decided_by_text") OR OLD."id" IS DISTINCT FROM (NEW."id") OR OLD."initiative_id" IS DISTINCT FROM (NEW."initiative_id") OR OLD."kind" IS DISTINCT FROM (NEW."kind") OR OLD."modified_at" IS DISTINCT FROM (NEW."modified_at") OR OLD."reference" IS DISTINCT FROM (NEW."reference") OR OLD."slug" IS DISTINCT FROM (NEW."slug") OR OLD."source_id" IS DISTINCT FROM (NEW."source_id") OR OLD."summary" IS DISTINCT FROM (NEW."summary") OR OLD."version" IS DISTINCT FROM (NEW."version") OR OLD."year" IS DISTINCT FROM (NEW."year"))', func='INSERT INTO "agreements_decisionevent" ("agreement_id", "basis_note", "body_id", "confirmed_on", "confirmed_source_id", "created_at", "date", "date_basis", "decided_by_text", "id", "initiative_id", "kind", "modified_at", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "reference", "slug", "source_id", "summary", "version", "year") VALUES (NEW."agreement_id", NEW."basis_note", NEW."body_id", NEW."confirmed_on", NEW."confirmed_source_id", NEW."created_at", NEW."date", NEW."date_basis", NEW."decided_by_text", NEW."id", NEW."initiative_id", NEW."kind", NEW."modified_at", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."reference", NEW."slug", NEW."source_id", NEW."summary", NEW."version", NEW."year"); RETURN NULL;', hash='11a8f2869b29e66a07890a3610019f4433e2eadc', operation='UPDATE', pgid='pgtrigger_update_update_600a5', table='agreements_decision', when='AFTER')),
        ),
    ]
