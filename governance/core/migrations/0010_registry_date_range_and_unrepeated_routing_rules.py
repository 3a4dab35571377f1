import datetime
import django.db.models.functions.comparison
import governance.core.dates
from django.db import migrations, models

from governance.core.dates import clamp_sql
from governance.core.text import single_line_sql


# Rows written before these rules existed are brought inside them first, so that the
# constraints below can be added; the deferred triggers their updates queue are run
# at once, since PostgreSQL alters no table with trigger events pending.
FIX_EXISTING_ROWS = [
    clamp_sql("governance_sourcedocument", "year", year=True),
    clamp_sql("governance_initiative", "year", year=True),
    clamp_sql("governance_milestone", "year", year=True),
    clamp_sql("governance_routingrule", "valid_from", "valid_until"),
    single_line_sql("governance_sourcedocument", "title"),
    single_line_sql("governance_initiative", "title"),
    single_line_sql("governance_milestone", "title"),
    "SET CONSTRAINTS ALL IMMEDIATE",
]


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0010_registry_date_range_and_single_line_titles"),
        ("bodies", "0008_registry_date_range_terms_and_commissions"),
        ("governance", "0009_correct_seeded_mandates_and_mark_inferred_values"),
    ]

    operations = [
        migrations.RunSQL(FIX_EXISTING_ROWS, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="initiative",
            name="year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_year],
                verbose_name="år",
            ),
        ),
        migrations.AlterField(
            model_name="initiativeevent",
            name="year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_year],
                verbose_name="år",
            ),
        ),
        migrations.AlterField(
            model_name="milestone",
            name="year",
            field=models.PositiveSmallIntegerField(
                validators=[governance.core.dates.validate_year], verbose_name="år"
            ),
        ),
        migrations.AlterField(
            model_name="milestoneevent",
            name="year",
            field=models.PositiveSmallIntegerField(
                validators=[governance.core.dates.validate_year], verbose_name="år"
            ),
        ),
        migrations.AlterField(
            model_name="routingrule",
            name="valid_from",
            field=models.DateField(
                blank=True,
                help_text="Tomt: överenskommelsens giltighet.",
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="gäller från",
            ),
        ),
        migrations.AlterField(
            model_name="routingrule",
            name="valid_until",
            field=models.DateField(
                blank=True,
                help_text="Tomt: överenskommelsens giltighet.",
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="gäller till och med",
            ),
        ),
        migrations.AlterField(
            model_name="routingruleevent",
            name="valid_from",
            field=models.DateField(
                blank=True,
                help_text="Tomt: överenskommelsens giltighet.",
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="gäller från",
            ),
        ),
        migrations.AlterField(
            model_name="routingruleevent",
            name="valid_until",
            field=models.DateField(
                blank=True,
                help_text="Tomt: överenskommelsens giltighet.",
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="gäller till och med",
            ),
        ),
        migrations.AlterField(
            model_name="sourcedocument",
            name="year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_year],
                verbose_name="år",
            ),
        ),
        migrations.AlterField(
            model_name="sourcedocumentevent",
            name="year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_year],
                verbose_name="år",
            ),
        ),
        migrations.AddConstraint(
            model_name="initiative",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("year__isnull", True), ("year__range", (1900, 2199)), _connector="OR"
                ),
                name="governance_initiative_year_in_range",
                violation_error_message="Året måste ligga mellan 1900 och 2199.",
            ),
        ),
        migrations.AddConstraint(
            model_name="initiative",
            constraint=models.CheckConstraint(
                condition=models.Q(("title__regex", "[[:cntrl:]]"), _negated=True),
                name="governance_initiative_title_single_line",
                violation_error_message="Texten får inte innehålla radbrytningar, tabbar eller andra styrtecken.",
            ),
        ),
        migrations.AddConstraint(
            model_name="milestone",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("year__isnull", True), ("year__range", (1900, 2199)), _connector="OR"
                ),
                name="governance_milestone_year_in_range",
                violation_error_message="Året måste ligga mellan 1900 och 2199.",
            ),
        ),
        migrations.AddConstraint(
            model_name="milestone",
            constraint=models.CheckConstraint(
                condition=models.Q(("title__regex", "[[:cntrl:]]"), _negated=True),
                name="governance_milestone_title_single_line",
                violation_error_message="Texten får inte innehålla radbrytningar, tabbar eller andra styrtecken.",
            ),
        ),
        migrations.AddConstraint(
            model_name="routingrule",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("valid_from__isnull", True),
                    ("valid_from__range", (datetime.date(1900, 1, 1), datetime.date(2199, 12, 31))),
                    _connector="OR",
                ),
                name="governance_routingrule_valid_from_in_range",
                violation_error_message="Datumet måste ligga mellan 1900-01-01 och 2199-12-31.",
            ),
        ),
        migrations.AddConstraint(
            model_name="routingrule",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("valid_until__isnull", True),
                    (
                        "valid_until__range",
                        (datetime.date(1900, 1, 1), datetime.date(2199, 12, 31)),
                    ),
                    _connector="OR",
                ),
                name="governance_routingrule_valid_until_in_range",
                violation_error_message="Datumet måste ligga mellan 1900-01-01 och 2199-12-31.",
            ),
        ),
        migrations.AddConstraint(
            model_name="routingrule",
            constraint=models.UniqueConstraint(
                models.F("matter"),
                models.F("concerns"),
                models.F("county"),
                models.F("clause"),
                django.db.models.functions.comparison.Coalesce("deciding_body", models.Value(0)),
                django.db.models.functions.comparison.Coalesce(
                    "valid_from", models.Value(datetime.date(1, 1, 1))
                ),
                django.db.models.functions.comparison.Coalesce(
                    "valid_until", models.Value(datetime.date(9999, 12, 31))
                ),
                name="routing_rule_not_repeated",
                violation_error_message="Det finns redan en likadan regel för samma ärendetyp, län, klausul, beslutande organ och giltighetstid.",
            ),
        ),
        migrations.AddConstraint(
            model_name="sourcedocument",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("year__isnull", True), ("year__range", (1900, 2199)), _connector="OR"
                ),
                name="governance_sourcedocument_year_in_range",
                violation_error_message="Året måste ligga mellan 1900 och 2199.",
            ),
        ),
        migrations.AddConstraint(
            model_name="sourcedocument",
            constraint=models.CheckConstraint(
                condition=models.Q(("title__regex", "[[:cntrl:]]"), _negated=True),
                name="governance_sourcedocument_title_single_line",
                violation_error_message="Texten får inte innehålla radbrytningar, tabbar eller andra styrtecken.",
            ),
        ),
    ]
