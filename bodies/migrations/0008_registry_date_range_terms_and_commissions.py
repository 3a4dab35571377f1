import datetime
import django.core.validators
import governance.core.dates
from django.db import migrations, models

from governance.core.dates import clamp_sql
from governance.core.text import single_line_sql


# Rows written before these rules existed are brought inside them first, so that the
# constraints below can be added; the deferred triggers their updates queue are run
# at once, since PostgreSQL alters no table with trigger events pending.
FIX_EXISTING_ROWS = [
    clamp_sql(
        "bodies_body",
        "established_on",
        "dissolved_on",
        "commission_starts_on",
        "commission_ends_on",
    ),
    clamp_sql("bodies_membership", "starts_on", "ends_on"),
    clamp_sql("bodies_meeting", "date"),
    clamp_sql("bodies_formername", "used_from", "used_until"),
    clamp_sql("bodies_chairrotationrule", "first_term_starts_on"),
    clamp_sql("bodies_chairterm", "starts_on", "ends_on"),
    single_line_sql("bodies_body", "name"),
    single_line_sql("bodies_organisation", "name"),
    single_line_sql("bodies_person", "name"),
    "UPDATE bodies_body SET term_months = NULL WHERE term_months = 0",
    "UPDATE bodies_seat SET term_months = NULL WHERE term_months = 0",
    "UPDATE bodies_body SET commissioned_by_id = NULL WHERE commissioned_by_id = id",
    "SET CONSTRAINTS ALL IMMEDIATE",
]


class Migration(migrations.Migration):
    dependencies = [
        ("bodies", "0007_known_as_of_and_unknown_mandate_and_vote"),
        ("governance", "0009_correct_seeded_mandates_and_mark_inferred_values"),
    ]

    operations = [
        migrations.RunSQL(FIX_EXISTING_ROWS, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="body",
            name="commission_ends_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="uppdraget slutar",
            ),
        ),
        migrations.AlterField(
            model_name="body",
            name="commission_starts_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="uppdraget börjar",
            ),
        ),
        migrations.AlterField(
            model_name="body",
            name="dissolved_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="upplöst",
            ),
        ),
        migrations.AlterField(
            model_name="body",
            name="established_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="inrättad",
            ),
        ),
        migrations.AlterField(
            model_name="body",
            name="term_months",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[django.core.validators.MinValueValidator(1)],
                verbose_name="mandattid (månader)",
            ),
        ),
        migrations.AlterField(
            model_name="bodyevent",
            name="commission_ends_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="uppdraget slutar",
            ),
        ),
        migrations.AlterField(
            model_name="bodyevent",
            name="commission_starts_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="uppdraget börjar",
            ),
        ),
        migrations.AlterField(
            model_name="bodyevent",
            name="dissolved_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="upplöst",
            ),
        ),
        migrations.AlterField(
            model_name="bodyevent",
            name="established_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="inrättad",
            ),
        ),
        migrations.AlterField(
            model_name="bodyevent",
            name="term_months",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[django.core.validators.MinValueValidator(1)],
                verbose_name="mandattid (månader)",
            ),
        ),
        migrations.AlterField(
            model_name="chairrotationrule",
            name="first_term_starts_on",
            field=models.DateField(
                validators=[governance.core.dates.validate_date],
                verbose_name="första mandatperioden börjar",
            ),
        ),
        migrations.AlterField(
            model_name="chairrotationrule",
            name="term_months",
            field=models.PositiveSmallIntegerField(
                default=12,
                validators=[django.core.validators.MinValueValidator(1)],
                verbose_name="mandattid (månader)",
            ),
        ),
        migrations.AlterField(
            model_name="chairrotationruleevent",
            name="first_term_starts_on",
            field=models.DateField(
                validators=[governance.core.dates.validate_date],
                verbose_name="första mandatperioden börjar",
            ),
        ),
        migrations.AlterField(
            model_name="chairrotationruleevent",
            name="term_months",
            field=models.PositiveSmallIntegerField(
                default=12,
                validators=[django.core.validators.MinValueValidator(1)],
                verbose_name="mandattid (månader)",
            ),
        ),
        migrations.AlterField(
            model_name="chairterm",
            name="ends_on",
            field=models.DateField(
                validators=[governance.core.dates.validate_date], verbose_name="till och med"
            ),
        ),
        migrations.AlterField(
            model_name="chairterm",
            name="starts_on",
            field=models.DateField(
                validators=[governance.core.dates.validate_date], verbose_name="från"
            ),
        ),
        migrations.AlterField(
            model_name="chairtermevent",
            name="ends_on",
            field=models.DateField(
                validators=[governance.core.dates.validate_date], verbose_name="till och med"
            ),
        ),
        migrations.AlterField(
            model_name="chairtermevent",
            name="starts_on",
            field=models.DateField(
                validators=[governance.core.dates.validate_date], verbose_name="från"
            ),
        ),
        migrations.AlterField(
            model_name="formername",
            name="used_from",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="från",
            ),
        ),
        migrations.AlterField(
            model_name="formername",
            name="used_until",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="till och med",
            ),
        ),
        migrations.AlterField(
            model_name="formernameevent",
            name="used_from",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="från",
            ),
        ),
        migrations.AlterField(
            model_name="formernameevent",
            name="used_until",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="till och med",
            ),
        ),
        migrations.AlterField(
            model_name="meeting",
            name="date",
            field=models.DateField(
                validators=[governance.core.dates.validate_date], verbose_name="datum"
            ),
        ),
        migrations.AlterField(
            model_name="meetingevent",
            name="date",
            field=models.DateField(
                validators=[governance.core.dates.validate_date], verbose_name="datum"
            ),
        ),
        migrations.AlterField(
            model_name="membership",
            name="ends_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="till och med",
            ),
        ),
        migrations.AlterField(
            model_name="membership",
            name="starts_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="från",
            ),
        ),
        migrations.AlterField(
            model_name="membershipevent",
            name="ends_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="till och med",
            ),
        ),
        migrations.AlterField(
            model_name="membershipevent",
            name="starts_on",
            field=models.DateField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_date],
                verbose_name="från",
            ),
        ),
        migrations.AlterField(
            model_name="seat",
            name="term_months",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[django.core.validators.MinValueValidator(1)],
                verbose_name="mandattid (månader)",
            ),
        ),
        migrations.AlterField(
            model_name="seatevent",
            name="term_months",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[django.core.validators.MinValueValidator(1)],
                verbose_name="mandattid (månader)",
            ),
        ),
        migrations.AddConstraint(
            model_name="body",
            constraint=models.CheckConstraint(
                condition=models.Q(("commissioned_by", models.F("pk")), _negated=True),
                name="body_not_own_commissioner",
                violation_error_message="Ett organ kan inte vara sin egen uppdragsgivare.",
            ),
        ),
        migrations.AddConstraint(
            model_name="body",
            constraint=models.CheckConstraint(
                condition=models.Q(("name__regex", "[[:cntrl:]]"), _negated=True),
                name="bodies_body_name_single_line",
                violation_error_message="Texten får inte innehålla radbrytningar, tabbar eller andra styrtecken.",
            ),
        ),
        migrations.AddConstraint(
            model_name="body",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("term_months__isnull", True), ("term_months__gte", 1), _connector="OR"
                ),
                name="body_term_months_positive",
                violation_error_message="Mandattiden måste vara minst en månad.",
            ),
        ),
        migrations.AddConstraint(
            model_name="body",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("established_on__isnull", True),
                    (
                        "established_on__range",
                        (datetime.date(1900, 1, 1), datetime.date(2199, 12, 31)),
                    ),
                    _connector="OR",
                ),
                name="bodies_body_established_on_in_range",
                violation_error_message="Datumet måste ligga mellan 1900-01-01 och 2199-12-31.",
            ),
        ),
        migrations.AddConstraint(
            model_name="body",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("dissolved_on__isnull", True),
                    (
                        "dissolved_on__range",
                        (datetime.date(1900, 1, 1), datetime.date(2199, 12, 31)),
                    ),
                    _connector="OR",
                ),
                name="bodies_body_dissolved_on_in_range",
                violation_error_message="Datumet måste ligga mellan 1900-01-01 och 2199-12-31.",
            ),
        ),
        migrations.AddConstraint(
            model_name="body",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("commission_starts_on__isnull", True),
                    (
                        "commission_starts_on__range",
                        (datetime.date(1900, 1, 1), datetime.date(2199, 12, 31)),
                    ),
                    _connector="OR",
                ),
                name="bodies_body_commission_starts_on_in_range",
                violation_error_message="Datumet måste ligga mellan 1900-01-01 och 2199-12-31.",
            ),
        ),
        migrations.AddConstraint(
            model_name="body",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("commission_ends_on__isnull", True),
                    (
                        "commission_ends_on__range",
                        (datetime.date(1900, 1, 1), datetime.date(2199, 12, 31)),
                    ),
                    _connector="OR",
                ),
                name="bodies_body_commission_ends_on_in_range",
                violation_error_message="Datumet måste ligga mellan 1900-01-01 och 2199-12-31.",
            ),
        ),
        migrations.AddConstraint(
            model_name="chairrotationrule",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("first_term_starts_on__isnull", True),
                    (
                        "first_term_starts_on__range",
                        (datetime.date(1900, 1, 1), datetime.date(2199, 12, 31)),
                    ),
                    _connector="OR",
                ),
                name="bodies_chairrotationrule_first_term_starts_on_in_range",
                violation_error_message="Datumet måste ligga mellan 1900-01-01 och 2199-12-31.",
            ),
        ),
        migrations.AddConstraint(
            model_name="chairterm",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("starts_on__isnull", True),
                    ("starts_on__range", (datetime.date(1900, 1, 1), datetime.date(2199, 12, 31))),
                    _connector="OR",
                ),
                name="bodies_chairterm_starts_on_in_range",
                violation_error_message="Datumet måste ligga mellan 1900-01-01 och 2199-12-31.",
            ),
        ),
        migrations.AddConstraint(
            model_name="chairterm",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ends_on__isnull", True),
                    ("ends_on__range", (datetime.date(1900, 1, 1), datetime.date(2199, 12, 31))),
                    _connector="OR",
                ),
                name="bodies_chairterm_ends_on_in_range",
                violation_error_message="Datumet måste ligga mellan 1900-01-01 och 2199-12-31.",
            ),
        ),
        migrations.AddConstraint(
            model_name="formername",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("used_from__isnull", True),
                    ("used_from__range", (datetime.date(1900, 1, 1), datetime.date(2199, 12, 31))),
                    _connector="OR",
                ),
                name="bodies_formername_used_from_in_range",
                violation_error_message="Datumet måste ligga mellan 1900-01-01 och 2199-12-31.",
            ),
        ),
        migrations.AddConstraint(
            model_name="formername",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("used_until__isnull", True),
                    ("used_until__range", (datetime.date(1900, 1, 1), datetime.date(2199, 12, 31))),
                    _connector="OR",
                ),
                name="bodies_formername_used_until_in_range",
                violation_error_message="Datumet måste ligga mellan 1900-01-01 och 2199-12-31.",
            ),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("date__isnull", True),
                    ("date__range", (datetime.date(1900, 1, 1), datetime.date(2199, 12, 31))),
                    _connector="OR",
                ),
                name="bodies_meeting_date_in_range",
                violation_error_message="Datumet måste ligga mellan 1900-01-01 och 2199-12-31.",
            ),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("starts_on__isnull", True),
                    ("starts_on__range", (datetime.date(1900, 1, 1), datetime.date(2199, 12, 31))),
                    _connector="OR",
                ),
                name="bodies_membership_starts_on_in_range",
                violation_error_message="Datumet måste ligga mellan 1900-01-01 och 2199-12-31.",
            ),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ends_on__isnull", True),
                    ("ends_on__range", (datetime.date(1900, 1, 1), datetime.date(2199, 12, 31))),
                    _connector="OR",
                ),
                name="bodies_membership_ends_on_in_range",
                violation_error_message="Datumet måste ligga mellan 1900-01-01 och 2199-12-31.",
            ),
        ),
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.CheckConstraint(
                condition=models.Q(("name__regex", "[[:cntrl:]]"), _negated=True),
                name="bodies_organisation_name_single_line",
                violation_error_message="Texten får inte innehålla radbrytningar, tabbar eller andra styrtecken.",
            ),
        ),
        migrations.AddConstraint(
            model_name="person",
            constraint=models.CheckConstraint(
                condition=models.Q(("name__regex", "[[:cntrl:]]"), _negated=True),
                name="bodies_person_name_single_line",
                violation_error_message="Texten får inte innehålla radbrytningar, tabbar eller andra styrtecken.",
            ),
        ),
        migrations.AddConstraint(
            model_name="seat",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("term_months__isnull", True), ("term_months__gte", 1), _connector="OR"
                ),
                name="seat_term_months_positive",
                violation_error_message="Mandattiden måste vara minst en månad.",
            ),
        ),
    ]
