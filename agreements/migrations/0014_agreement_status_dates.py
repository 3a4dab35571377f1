"""Agreements keep the two dates their status reads from other agreements.

``in_force_until`` (the last day, extensions of any depth included) and
``superseded_from`` (the earliest start of a published agreement that replaces or
renews it), worked out by one SQL function that the triggers call on every write
that can move them. Filled for existing rows in 0013; constrained in 0014.
"""

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models


# The one definition of the two dates. ``ids``: agreements whose dates may have moved; the
# agreements they extend (up the chain) are worked out again with them. A transaction
# lock serialises the refreshes, so that two writers of one chain each see the other's
# committed rows (under READ COMMITTED every statement below reads afresh).
REFRESH_FUNCTION = """
CREATE OR REPLACE FUNCTION agreement_refresh_status_dates(ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    refreshing text := current_setting('agreements.refreshing', true);
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('agreements.status_dates'));
    -- The trigger that keeps clients from writing the two dates lets this update through.
    PERFORM set_config('agreements.refreshing', 'on', true);
    WITH RECURSIVE
    affected (id) AS (
        SELECT unnest(ids)
      UNION
        SELECT r.target_id
        FROM agreements_agreementrelation r JOIN affected ON r.source_id = affected.id
        WHERE r.kind = 'extends'
    ),
    -- Each affected agreement with every published agreement extending it, at any depth
    -- (UNION: a cycle ends where it comes back).
    reach (root, id) AS (
        SELECT id, id FROM affected
      UNION
        SELECT reach.root, r.source_id
        FROM reach
        JOIN agreements_agreementrelation r ON r.target_id = reach.id AND r.kind = 'extends'
        JOIN agreements_agreement s ON s.id = r.source_id AND NOT s.is_draft
    ),
    dates AS (
        SELECT reach.root AS id,
               CASE WHEN bool_or(a.valid_until IS NULL) THEN NULL
                    ELSE max(a.valid_until) END AS in_force_until,
               (SELECT min(s.valid_from)
                FROM agreements_agreementrelation r
                JOIN agreements_agreement s ON s.id = r.source_id
                WHERE r.target_id = reach.root AND r.kind IN ('replaces', 'renews')
                  AND NOT s.is_draft) AS superseded_from
        FROM reach JOIN agreements_agreement a ON a.id = reach.id
        GROUP BY reach.root
    )
    UPDATE agreements_agreement a
    SET in_force_until = dates.in_force_until, superseded_from = dates.superseded_from
    FROM dates
    WHERE a.id = dates.id
      AND (a.in_force_until IS DISTINCT FROM dates.in_force_until
           OR a.superseded_from IS DISTINCT FROM dates.superseded_from);
    PERFORM set_config('agreements.refreshing', coalesce(refreshing, 'off'), true);
END;
$$;
"""


class Migration(migrations.Migration):

    dependencies = [
        ('agreements', '0013_search_document_generated_field'),
        ('bodies', '0009_dates_added_since_in_range'),
        ('governance', '0011_dates_added_since_in_range'),
    ]

    operations = [
        migrations.RunSQL(
            REFRESH_FUNCTION,
            "DROP FUNCTION IF EXISTS agreement_refresh_status_dates(bigint[]);",
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name='agreement',
            name='update_update',
        ),
        migrations.AddField(
            model_name='agreement',
            name='in_force_until',
            field=models.DateField(blank=True, editable=False, null=True, verbose_name='gäller med förlängningar till och med'),
        ),
        migrations.AddField(
            model_name='agreement',
            name='superseded_from',
            field=models.DateField(blank=True, editable=False, null=True, verbose_name='ersatt från'),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='agreement',
            trigger=pgtrigger.compiler.Trigger(name='keep_status_dates', sql=pgtrigger.compiler.UpsertTriggerSql(func="\nIF current_setting('agreements.refreshing', true) = 'on' THEN\n    RETURN NEW;\nEND IF;\nIF TG_OP = 'UPDATE' THEN\n    NEW.superseded_from := OLD.superseded_from;\n    NEW.in_force_until := CASE WHEN NEW.valid_until IS NOT DISTINCT FROM OLD.valid_until\n                               THEN OLD.in_force_until END;\nELSE\n    NEW.superseded_from := NULL;\n    NEW.in_force_until := NULL;\nEND IF;\nRETURN NEW;\n", hash='da4114e3150c137e7806e4f830295a5b9d6db887', operation='INSERT OR UPDATE', pgid='pgtrigger_keep_status_dates_c3f80', table='agreements_agreement', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='agreement',
            trigger=pgtrigger.compiler.Trigger(name='refresh_status_dates', sql=pgtrigger.compiler.UpsertTriggerSql(func="\nIF TG_OP = 'INSERT'\n   OR NEW.valid_from IS DISTINCT FROM OLD.valid_from\n   OR NEW.valid_until IS DISTINCT FROM OLD.valid_until\n   OR NEW.is_draft IS DISTINCT FROM OLD.is_draft THEN\n    PERFORM agreement_refresh_status_dates(\n        ARRAY[NEW.id] || ARRAY(\n            SELECT target_id FROM agreements_agreementrelation WHERE source_id = NEW.id\n        )\n    );\nEND IF;\nRETURN NULL;\n", hash='59279ea9aeddb34a69458364e80835bdc18be3f6', operation='INSERT OR UPDATE', pgid='pgtrigger_refresh_status_dates_a564a', table='agreements_agreement', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='agreement',
            trigger=pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD."background" IS DISTINCT FROM (NEW."background") OR OLD."basis_note" IS DISTINCT FROM (NEW."basis_note") OR OLD."confirmed_on" IS DISTINCT FROM (NEW."confirmed_on") OR OLD."confirmed_source_id" IS DISTINCT FROM (NEW."confirmed_source_id") OR OLD."county_id" IS DISTINCT FROM (NEW."county_id") OR OLD."created_at" IS DISTINCT FROM (NEW."created_at") OR OLD."id" IS DISTINCT FROM (NEW."id") OR OLD."is_draft" IS DISTINCT FROM (NEW."is_draft") OR OLD."kind" IS DISTINCT FROM (NEW."kind") OR OLD."modified_at" IS DISTINCT FROM (NEW."modified_at") OR OLD."notice_period_days" IS DISTINCT FROM (NEW."notice_period_days") OR OLD."purpose" IS DISTINCT FROM (NEW."purpose") OR OLD."reference_number" IS DISTINCT FROM (NEW."reference_number") OR OLD."renewal_body_id" IS DISTINCT FROM (NEW."renewal_body_id") OR OLD."renewal_text" IS DISTINCT FROM (NEW."renewal_text") OR OLD."renewal_type" IS DISTINCT FROM (NEW."renewal_type") OR OLD."short_name" IS DISTINCT FROM (NEW."short_name") OR OLD."slug" IS DISTINCT FROM (NEW."slug") OR OLD."source_id" IS DISTINCT FROM (NEW."source_id") OR OLD."title" IS DISTINCT FROM (NEW."title") OR OLD."valid_from" IS DISTINCT FROM (NEW."valid_from") OR OLD."valid_from_basis" IS DISTINCT FROM (NEW."valid_from_basis") OR OLD."valid_until" IS DISTINCT FROM (NEW."valid_until") OR OLD."valid_until_basis" IS DISTINCT FROM (NEW."valid_until_basis") OR OLD."validity_text" IS DISTINCT FROM (NEW."validity_text") OR OLD."version" IS DISTINCT FROM (NEW."version"))', func='INSERT INTO "agreements_agreementevent" ("background", "basis_note", "confirmed_on", "confirmed_source_id", "county_id", "created_at", "id", "is_draft", "kind", "modified_at", "notice_period_days", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "purpose", "reference_number", "renewal_body_id", "renewal_text", "renewal_type", "short_name", "slug", "source_id", "title", "valid_from", "valid_from_basis", "valid_until", "valid_until_basis", "validity_text", "version") VALUES (NEW."background", NEW."basis_note", NEW."confirmed_on", NEW."confirmed_source_id", NEW."county_id", NEW."created_at", NEW."id", NEW."is_draft", NEW."kind", NEW."modified_at", NEW."notice_period_days", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."purpose", NEW."reference_number", NEW."renewal_body_id", NEW."renewal_text", NEW."renewal_type", NEW."short_name", NEW."slug", NEW."source_id", NEW."title", NEW."valid_from", NEW."valid_from_basis", NEW."valid_until", NEW."valid_until_basis", NEW."validity_text", NEW."version"); RETURN NULL;', hash='137097e5383876929d86e012890f1eb430d06bcc', operation='UPDATE', pgid='pgtrigger_update_update_36fdd', table='agreements_agreement', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='agreementrelation',
            trigger=pgtrigger.compiler.Trigger(name='refresh_status_dates', sql=pgtrigger.compiler.UpsertTriggerSql(func="\nPERFORM agreement_refresh_status_dates(\n    CASE TG_OP\n        WHEN 'INSERT' THEN ARRAY[NEW.target_id]\n        WHEN 'DELETE' THEN ARRAY[OLD.target_id]\n        ELSE ARRAY[OLD.target_id, NEW.target_id]\n    END\n);\nRETURN NULL;\n", hash='4580d56b9cf64a1fe81651e3de38d1a0f17f4a52', operation='INSERT OR UPDATE OR DELETE', pgid='pgtrigger_refresh_status_dates_22613', table='agreements_agreementrelation', when='AFTER')),
        ),
    ]
