import datetime
import governance.core.dates
from django.db import migrations, models

from governance.core.dates import clamp_sql
from governance.core.text import single_line_sql


# Rows written before these rules existed are brought inside them first, so that the
# constraints below can be added; the deferred triggers their updates queue are run
# at once, since PostgreSQL alters no table with trigger events pending.
FIX_EXISTING_ROWS = [
    clamp_sql("agreements_agreement", "valid_from", "valid_until"),
    clamp_sql("agreements_decision", "date"),
    clamp_sql("agreements_decision", "year", year=True),
    clamp_sql("agreements_signatory", "signed_on"),
    single_line_sql("agreements_agreement", "title"),
    single_line_sql("agreements_signatory", "title"),
    "SET CONSTRAINTS ALL IMMEDIATE",
]


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0009_known_as_of_and_inferred_dates"),
        ("bodies", "0008_registry_date_range_terms_and_commissions"),
        ("governance", "0009_correct_seeded_mandates_and_mark_inferred_values"),
    ]

    operations = [
        migrations.RunSQL(FIX_EXISTING_ROWS, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="agreement",
            name="valid_from",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="gäller från",
            ),
        ),
        migrations.AlterField(
            model_name="agreement",
            name="valid_until",
            field=models.DateField(
                blank=True,
                help_text="'t.o.m. utgången av 2018' är 2018-12-31. Tomt: gäller tills det ersätts.",
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="gäller till och med",
            ),
        ),
        migrations.AlterField(
            model_name="agreementevent",
            name="valid_from",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="gäller från",
            ),
        ),
        migrations.AlterField(
            model_name="agreementevent",
            name="valid_until",
            field=models.DateField(
                blank=True,
                help_text="'t.o.m. utgången av 2018' är 2018-12-31. Tomt: gäller tills det ersätts.",
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="gäller till och med",
            ),
        ),
        migrations.AlterField(
            model_name="decision",
            name="date",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="datum",
            ),
        ),
        migrations.AlterField(
            model_name="decision",
            name="year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text="När endast året är känt.",
                null=True,
                validators=[governance.core.dates.validate_year],
                verbose_name="år",
            ),
        ),
        migrations.AlterField(
            model_name="decisionevent",
            name="date",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="datum",
            ),
        ),
        migrations.AlterField(
            model_name="decisionevent",
            name="year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text="När endast året är känt.",
                null=True,
                validators=[governance.core.dates.validate_year],
                verbose_name="år",
            ),
        ),
        migrations.AlterField(
            model_name="signatory",
            name="signed_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="datum",
            ),
        ),
        migrations.AlterField(
            model_name="signatoryevent",
            name="signed_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="datum",
            ),
        ),
        migrations.AddConstraint(
            model_name="agreement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("valid_from__isnull", True),
                    ("valid_from__range", (datetime.date(1900, 1, 1), datetime.date(2199, 12, 31))),
                    _connector="OR",
                ),
                name="agreements_agreement_valid_from_in_range",
                violation_error_message="Datumet måste ligga mellan 1900-01-01 och 2199-12-31.",
            ),
        ),
        migrations.AddConstraint(
            model_name="agreement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("valid_until__isnull", True),
                    (
                        "valid_until__range",
                        (datetime.date(1900, 1, 1), datetime.date(2199, 12, 31)),
                    ),
                    _connector="OR",
                ),
                name="agreements_agreement_valid_until_in_range",
                violation_error_message="Datumet måste ligga mellan 1900-01-01 och 2199-12-31.",
            ),
        ),
        migrations.AddConstraint(
            model_name="agreement",
            constraint=models.CheckConstraint(
                condition=models.Q(("title__regex", "[[:cntrl:]]"), _negated=True),
                name="agreements_agreement_title_single_line",
                violation_error_message="Texten får inte innehålla radbrytningar, tabbar eller andra styrtecken.",
            ),
        ),
        migrations.AddConstraint(
            model_name="decision",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("date__isnull", True),
                    ("date__range", (datetime.date(1900, 1, 1), datetime.date(2199, 12, 31))),
                    _connector="OR",
                ),
                name="agreements_decision_date_in_range",
                violation_error_message="Datumet måste ligga mellan 1900-01-01 och 2199-12-31.",
            ),
        ),
        migrations.AddConstraint(
            model_name="decision",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("year__isnull", True), ("year__range", (1900, 2199)), _connector="OR"
                ),
                name="agreements_decision_year_in_range",
                violation_error_message="Året måste ligga mellan 1900 och 2199.",
            ),
        ),
        migrations.AddConstraint(
            model_name="signatory",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("signed_on__isnull", True),
                    ("signed_on__range", (datetime.date(1900, 1, 1), datetime.date(2199, 12, 31))),
                    _connector="OR",
                ),
                name="agreements_signatory_signed_on_in_range",
                violation_error_message="Datumet måste ligga mellan 1900-01-01 och 2199-12-31.",
            ),
        ),
        migrations.AddConstraint(
            model_name="signatory",
            constraint=models.CheckConstraint(
                condition=models.Q(("title__regex", "[[:cntrl:]]"), _negated=True),
                name="agreements_signatory_title_single_line",
                violation_error_message="Texten får inte innehålla radbrytningar, tabbar eller andra styrtecken.",
            ),
        ),
    ]
