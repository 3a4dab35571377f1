"""The search vectors of goals, initiatives, milestones, statements and support structures are stored (``governance.core.search.stored_vector_field``), as the large
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
        ('agreements', '0017_search_document_kept_in_the_row'),
        ('bodies', '0013_county_search_document'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('governance', '0012_read_cache_change_triggers'),
    ]

    operations = [
        pgtrigger.migrations.RemoveTrigger(
            model_name='goal',
            name='update_update',
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name='initiative',
            name='update_update',
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name='milestone',
            name='update_update',
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name='statement',
            name='update_update',
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name='supportstructure',
            name='update_update',
        ),
        migrations.RemoveIndex(
            model_name='goal',
            name='goal_fts',
        ),
        migrations.RemoveIndex(
            model_name='initiative',
            name='initiative_fts',
        ),
        migrations.RemoveIndex(
            model_name='milestone',
            name='milestone_fts',
        ),
        migrations.RemoveIndex(
            model_name='statement',
            name='statement_fts',
        ),
        migrations.RemoveIndex(
            model_name='supportstructure',
            name='supportstructure_fts',
        ),
        migrations.AddField(
            model_name='goal',
            name='search_document',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.SearchVector('text', config='swedish', weight='B'), output_field=django.contrib.postgres.search.SearchVectorField(), serialize=False, verbose_name='sökdokument'),
        ),
        migrations.AddField(
            model_name='initiative',
            name='search_document',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title', 'short_name', config='swedish', weight='A'), '||', django.contrib.postgres.search.SearchVector('subject', 'description', config='swedish', weight='B'), django.contrib.postgres.search.SearchConfig('swedish')), output_field=django.contrib.postgres.search.SearchVectorField(), serialize=False, verbose_name='sökdokument'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='search_document',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title', config='swedish', weight='A'), '||', django.contrib.postgres.search.SearchVector('text', 'reference', config='swedish', weight='B'), django.contrib.postgres.search.SearchConfig('swedish')), output_field=django.contrib.postgres.search.SearchVectorField(), serialize=False, verbose_name='sökdokument'),
        ),
        migrations.AddField(
            model_name='statement',
            name='search_document',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('topic', config='swedish', weight='A'), '||', django.contrib.postgres.search.SearchVector('text', 'section', config='swedish', weight='B'), django.contrib.postgres.search.SearchConfig('swedish')), output_field=django.contrib.postgres.search.SearchVectorField(), serialize=False, verbose_name='sökdokument'),
        ),
        migrations.AddField(
            model_name='supportstructure',
            name='search_document',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.SearchVector('plan_signed_by', 'plan_decided_by', 'political_arena', 'decisions_needed', 'national_dialogue', 'university_collaboration', 'user_involvement', config='swedish', weight='B'), output_field=django.contrib.postgres.search.SearchVectorField(), serialize=False, verbose_name='sökdokument'),
        ),
        migrations.AddIndex(
            model_name='goal',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_document'], name='goal_search_document'),
        ),
        migrations.AddIndex(
            model_name='initiative',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_document'], name='initiative_search_document'),
        ),
        migrations.AddIndex(
            model_name='milestone',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_document'], name='milestone_search_document'),
        ),
        migrations.AddIndex(
            model_name='statement',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_document'], name='statement_search_document'),
        ),
        migrations.AddIndex(
            model_name='supportstructure',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_document'], name='supportstructure_search'),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='goal',
            trigger=pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD."confirmed_on" IS DISTINCT FROM (NEW."confirmed_on") OR OLD."confirmed_source_id" IS DISTINCT FROM (NEW."confirmed_source_id") OR OLD."created_at" IS DISTINCT FROM (NEW."created_at") OR OLD."framing" IS DISTINCT FROM (NEW."framing") OR OLD."id" IS DISTINCT FROM (NEW."id") OR OLD."modified_at" IS DISTINCT FROM (NEW."modified_at") OR OLD."number" IS DISTINCT FROM (NEW."number") OR OLD."slug" IS DISTINCT FROM (NEW."slug") OR OLD."source_id" IS DISTINCT FROM (NEW."source_id") OR OLD."text" IS DISTINCT FROM (NEW."text") OR OLD."version" IS DISTINCT FROM (NEW."version"))', func='INSERT INTO "governance_goalevent" ("confirmed_on", "confirmed_source_id", "created_at", "framing", "id", "modified_at", "number", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "slug", "source_id", "text", "version") VALUES (NEW."confirmed_on", NEW."confirmed_source_id", NEW."created_at", NEW."framing", NEW."id", NEW."modified_at", NEW."number", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."slug", NEW."source_id", NEW."text", NEW."version"); RETURN NULL;', hash='7adf33492fe225fb8287cbdcccaf213ffe92ef43', operation='UPDATE', pgid='pgtrigger_update_update_f6785', table='governance_goal', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='initiative',
            trigger=pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD."basis_note" IS DISTINCT FROM (NEW."basis_note") OR OLD."concerns" IS DISTINCT FROM (NEW."concerns") OR OLD."concerns_basis" IS DISTINCT FROM (NEW."concerns_basis") OR OLD."confirmed_on" IS DISTINCT FROM (NEW."confirmed_on") OR OLD."confirmed_source_id" IS DISTINCT FROM (NEW."confirmed_source_id") OR OLD."county_id" IS DISTINCT FROM (NEW."county_id") OR OLD."created_at" IS DISTINCT FROM (NEW."created_at") OR OLD."description" IS DISTINCT FROM (NEW."description") OR OLD."id" IS DISTINCT FROM (NEW."id") OR OLD."matter_id" IS DISTINCT FROM (NEW."matter_id") OR OLD."modified_at" IS DISTINCT FROM (NEW."modified_at") OR OLD."short_name" IS DISTINCT FROM (NEW."short_name") OR OLD."slug" IS DISTINCT FROM (NEW."slug") OR OLD."source_id" IS DISTINCT FROM (NEW."source_id") OR OLD."source_agreement_id" IS DISTINCT FROM (NEW."source_agreement_id") OR OLD."subject" IS DISTINCT FROM (NEW."subject") OR OLD."title" IS DISTINCT FROM (NEW."title") OR OLD."version" IS DISTINCT FROM (NEW."version") OR OLD."year" IS DISTINCT FROM (NEW."year"))', func='INSERT INTO "governance_initiativeevent" ("basis_note", "concerns", "concerns_basis", "confirmed_on", "confirmed_source_id", "county_id", "created_at", "description", "id", "matter_id", "modified_at", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "short_name", "slug", "source_agreement_id", "source_id", "subject", "title", "version", "year") VALUES (NEW."basis_note", NEW."concerns", NEW."concerns_basis", NEW."confirmed_on", NEW."confirmed_source_id", NEW."county_id", NEW."created_at", NEW."description", NEW."id", NEW."matter_id", NEW."modified_at", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."short_name", NEW."slug", NEW."source_agreement_id", NEW."source_id", NEW."subject", NEW."title", NEW."version", NEW."year"); RETURN NULL;', hash='69e6c062d75c48438f20bb011bf91a483f4e0d58', operation='UPDATE', pgid='pgtrigger_update_update_5bd5d', table='governance_initiative', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='milestone',
            trigger=pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD."confirmed_on" IS DISTINCT FROM (NEW."confirmed_on") OR OLD."confirmed_source_id" IS DISTINCT FROM (NEW."confirmed_source_id") OR OLD."created_at" IS DISTINCT FROM (NEW."created_at") OR OLD."id" IS DISTINCT FROM (NEW."id") OR OLD."modified_at" IS DISTINCT FROM (NEW."modified_at") OR OLD."reference" IS DISTINCT FROM (NEW."reference") OR OLD."slug" IS DISTINCT FROM (NEW."slug") OR OLD."source_id" IS DISTINCT FROM (NEW."source_id") OR OLD."text" IS DISTINCT FROM (NEW."text") OR OLD."title" IS DISTINCT FROM (NEW."title") OR OLD."version" IS DISTINCT FROM (NEW."version") OR OLD."year" IS DISTINCT FROM (NEW."year"))', func='INSERT INTO "governance_milestoneevent" ("confirmed_on", "confirmed_source_id", "created_at", "id", "modified_at", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "reference", "slug", "source_id", "text", "title", "version", "year") VALUES (NEW."confirmed_on", NEW."confirmed_source_id", NEW."created_at", NEW."id", NEW."modified_at", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."reference", NEW."slug", NEW."source_id", NEW."text", NEW."title", NEW."version", NEW."year"); RETURN NULL;', hash='3afdf402c60eda3c20e3879730b2e2bc08cc7786', operation='UPDATE', pgid='pgtrigger_update_update_79cdb', table='governance_milestone', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='statement',
            trigger=pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD."confirmed_on" IS DISTINCT FROM (NEW."confirmed_on") OR OLD."confirmed_source_id" IS DISTINCT FROM (NEW."confirmed_source_id") OR OLD."created_at" IS DISTINCT FROM (NEW."created_at") OR OLD."event_on" IS DISTINCT FROM (NEW."event_on") OR OLD."event_year" IS DISTINCT FROM (NEW."event_year") OR OLD."id" IS DISTINCT FROM (NEW."id") OR OLD."is_quotation" IS DISTINCT FROM (NEW."is_quotation") OR OLD."kind" IS DISTINCT FROM (NEW."kind") OR OLD."modified_at" IS DISTINCT FROM (NEW."modified_at") OR OLD."order" IS DISTINCT FROM (NEW."order") OR OLD."section" IS DISTINCT FROM (NEW."section") OR OLD."slug" IS DISTINCT FROM (NEW."slug") OR OLD."source_id" IS DISTINCT FROM (NEW."source_id") OR OLD."subject_id" IS DISTINCT FROM (NEW."subject_id") OR OLD."subject_type_id" IS DISTINCT FROM (NEW."subject_type_id") OR OLD."text" IS DISTINCT FROM (NEW."text") OR OLD."topic" IS DISTINCT FROM (NEW."topic") OR OLD."version" IS DISTINCT FROM (NEW."version"))', func='INSERT INTO "governance_statementevent" ("confirmed_on", "confirmed_source_id", "created_at", "event_on", "event_year", "id", "is_quotation", "kind", "modified_at", "order", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "section", "slug", "source_id", "subject_id", "subject_type_id", "text", "topic", "version") VALUES (NEW."confirmed_on", NEW."confirmed_source_id", NEW."created_at", NEW."event_on", NEW."event_year", NEW."id", NEW."is_quotation", NEW."kind", NEW."modified_at", NEW."order", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."section", NEW."slug", NEW."source_id", NEW."subject_id", NEW."subject_type_id", NEW."text", NEW."topic", NEW."version"); RETURN NULL;', hash='cdb59a1dc8e9ff853366e2a976c10e17fb8bf092', operation='UPDATE', pgid='pgtrigger_update_update_65389', table='governance_statement', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='supportstructure',
            trigger=pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD."confirmed_on" IS DISTINCT FROM (NEW."confirmed_on") OR OLD."confirmed_source_id" IS DISTINCT FROM (NEW."confirmed_source_id") OR OLD."county_id" IS DISTINCT FROM (NEW."county_id") OR OLD."created_at" IS DISTINCT FROM (NEW."created_at") OR OLD."decisions_needed" IS DISTINCT FROM (NEW."decisions_needed") OR OLD."has_political_arena" IS DISTINCT FROM (NEW."has_political_arena") OR OLD."id" IS DISTINCT FROM (NEW."id") OR OLD."in_fou_environment" IS DISTINCT FROM (NEW."in_fou_environment") OR OLD."modified_at" IS DISTINCT FROM (NEW."modified_at") OR OLD."national_dialogue" IS DISTINCT FROM (NEW."national_dialogue") OR OLD."plan_decided_by" IS DISTINCT FROM (NEW."plan_decided_by") OR OLD."plan_decision_level" IS DISTINCT FROM (NEW."plan_decision_level") OR OLD."plan_signed_by" IS DISTINCT FROM (NEW."plan_signed_by") OR OLD."political_arena" IS DISTINCT FROM (NEW."political_arena") OR OLD."slug" IS DISTINCT FROM (NEW."slug") OR OLD."source_id" IS DISTINCT FROM (NEW."source_id") OR OLD."university_collaboration" IS DISTINCT FROM (NEW."university_collaboration") OR OLD."user_involvement" IS DISTINCT FROM (NEW."user_involvement") OR OLD."version" IS DISTINCT FROM (NEW."version"))', func='INSERT INTO "governance_supportstructureevent" ("confirmed_on", "confirmed_source_id", "county_id", "created_at", "decisions_needed", "has_political_arena", "id", "in_fou_environment", "modified_at", "national_dialogue", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "plan_decided_by", "plan_decision_level", "plan_signed_by", "political_arena", "slug", "source_id", "university_collaboration", "user_involvement", "version") VALUES (NEW."confirmed_on", NEW."confirmed_source_id", NEW."county_id", NEW."created_at", NEW."decisions_needed", NEW."has_political_arena", NEW."id", NEW."in_fou_environment", NEW."modified_at", NEW."national_dialogue", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."plan_decided_by", NEW."plan_decision_level", NEW."plan_signed_by", NEW."political_arena", NEW."slug", NEW."source_id", NEW."university_collaboration", NEW."user_involvement", NEW."version"); RETURN NULL;', hash='9903ccd059a2bd9899c2aa95cdbd9143a9d16527', operation='UPDATE', pgid='pgtrigger_update_update_8ab8b', table='governance_supportstructure', when='AFTER')),
        ),
        migrations.RunSQL(
            sql=[
                "ALTER TABLE governance_goal ALTER COLUMN search_document SET STORAGE MAIN",
                "ALTER TABLE governance_initiative ALTER COLUMN search_document SET STORAGE MAIN",
                "ALTER TABLE governance_milestone ALTER COLUMN search_document SET STORAGE MAIN",
                "ALTER TABLE governance_statement ALTER COLUMN search_document SET STORAGE MAIN",
                "ALTER TABLE governance_supportstructure ALTER COLUMN search_document SET STORAGE MAIN",
            ],
            reverse_sql=[
                "ALTER TABLE governance_goal ALTER COLUMN search_document SET STORAGE EXTENDED",
                "ALTER TABLE governance_initiative ALTER COLUMN search_document SET STORAGE EXTENDED",
                "ALTER TABLE governance_milestone ALTER COLUMN search_document SET STORAGE EXTENDED",
                "ALTER TABLE governance_statement ALTER COLUMN search_document SET STORAGE EXTENDED",
                "ALTER TABLE governance_supportstructure ALTER COLUMN search_document SET STORAGE EXTENDED",
            ],
        ),
    ]
