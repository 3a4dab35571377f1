import django.core.validators
import governance.core.dates
from django.db import migrations, models

from governance.core.dates import clamp_sql
from governance.core.text import single_line_sql


# Rows written before these rules existed are brought inside them first, so that the
# constraints below can be added; the deferred triggers their updates queue are run
# at once, since PostgreSQL alters no table with trigger events pending.
FIX_EXISTING_ROWS = [
    clamp_sql("funding_stategrant", "year", year=True),
    clamp_sql("funding_allocation", "year", year=True),
    clamp_sql("funding_cofinancingshare", "year", year=True),
    clamp_sql("funding_fundedposition", "from_year", "until_year", year=True),
    single_line_sql("funding_stategrant", "title"),
    single_line_sql("funding_fundedposition", "title"),
    "SET CONSTRAINTS ALL IMMEDIATE",
]


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0010_registry_date_range_and_single_line_titles"),
        ("bodies", "0008_registry_date_range_terms_and_commissions"),
        ("funding", "0004_known_as_of"),
        ("governance", "0010_registry_date_range_and_unrepeated_routing_rules"),
    ]

    operations = [
        migrations.RunSQL(FIX_EXISTING_ROWS, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="allocation",
            name="year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_year],
                verbose_name="år",
            ),
        ),
        migrations.AlterField(
            model_name="allocationevent",
            name="year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_year],
                verbose_name="år",
            ),
        ),
        migrations.AlterField(
            model_name="cofinancingshare",
            name="principals_share_percent",
            field=models.DecimalField(
                decimal_places=2,
                max_digits=5,
                validators=[
                    django.core.validators.MinValueValidator(0),
                    django.core.validators.MaxValueValidator(100),
                ],
                verbose_name="huvudmännens andel (%)",
            ),
        ),
        migrations.AlterField(
            model_name="cofinancingshare",
            name="year",
            field=models.PositiveSmallIntegerField(
                validators=[governance.core.dates.validate_year], verbose_name="år"
            ),
        ),
        migrations.AlterField(
            model_name="cofinancingshareevent",
            name="principals_share_percent",
            field=models.DecimalField(
                decimal_places=2,
                max_digits=5,
                validators=[
                    django.core.validators.MinValueValidator(0),
                    django.core.validators.MaxValueValidator(100),
                ],
                verbose_name="huvudmännens andel (%)",
            ),
        ),
        migrations.AlterField(
            model_name="cofinancingshareevent",
            name="year",
            field=models.PositiveSmallIntegerField(
                validators=[governance.core.dates.validate_year], verbose_name="år"
            ),
        ),
        migrations.AlterField(
            model_name="fundedposition",
            name="from_year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_year],
                verbose_name="från år",
            ),
        ),
        migrations.AlterField(
            model_name="fundedposition",
            name="until_year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_year],
                verbose_name="till år",
            ),
        ),
        migrations.AlterField(
            model_name="fundedpositionevent",
            name="from_year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_year],
                verbose_name="från år",
            ),
        ),
        migrations.AlterField(
            model_name="fundedpositionevent",
            name="until_year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[governance.core.dates.validate_year],
                verbose_name="till år",
            ),
        ),
        migrations.AlterField(
            model_name="stategrant",
            name="year",
            field=models.PositiveSmallIntegerField(
                validators=[governance.core.dates.validate_year], verbose_name="år"
            ),
        ),
        migrations.AlterField(
            model_name="stategrantevent",
            name="year",
            field=models.PositiveSmallIntegerField(
                validators=[governance.core.dates.validate_year], verbose_name="år"
            ),
        ),
        migrations.AddConstraint(
            model_name="allocation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("year__isnull", True), ("year__range", (1900, 2199)), _connector="OR"
                ),
                name="funding_allocation_year_in_range",
                violation_error_message="Året måste ligga mellan 1900 och 2199.",
            ),
        ),
        migrations.AddConstraint(
            model_name="cofinancingshare",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("year__isnull", True), ("year__range", (1900, 2199)), _connector="OR"
                ),
                name="funding_cofinancingshare_year_in_range",
                violation_error_message="Året måste ligga mellan 1900 och 2199.",
            ),
        ),
        migrations.AddConstraint(
            model_name="fundedposition",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("from_year__isnull", True), ("from_year__range", (1900, 2199)), _connector="OR"
                ),
                name="funding_fundedposition_from_year_in_range",
                violation_error_message="Året måste ligga mellan 1900 och 2199.",
            ),
        ),
        migrations.AddConstraint(
            model_name="fundedposition",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("until_year__isnull", True),
                    ("until_year__range", (1900, 2199)),
                    _connector="OR",
                ),
                name="funding_fundedposition_until_year_in_range",
                violation_error_message="Året måste ligga mellan 1900 och 2199.",
            ),
        ),
        migrations.AddConstraint(
            model_name="fundedposition",
            constraint=models.CheckConstraint(
                condition=models.Q(("title__regex", "[[:cntrl:]]"), _negated=True),
                name="funding_fundedposition_title_single_line",
                violation_error_message="Texten får inte innehålla radbrytningar, tabbar eller andra styrtecken.",
            ),
        ),
        migrations.AddConstraint(
            model_name="stategrant",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("year__isnull", True), ("year__range", (1900, 2199)), _connector="OR"
                ),
                name="funding_stategrant_year_in_range",
                violation_error_message="Året måste ligga mellan 1900 och 2199.",
            ),
        ),
        migrations.AddConstraint(
            model_name="stategrant",
            constraint=models.CheckConstraint(
                condition=models.Q(("title__regex", "[[:cntrl:]]"), _negated=True),
                name="funding_stategrant_title_single_line",
                violation_error_message="Texten får inte innehålla radbrytningar, tabbar eller andra styrtecken.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="cofinancingshare",
            name="cofinancing_share_between_0_and_100",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("principals_share_percent__gte", 0), ("principals_share_percent__lte", 100)
                ),
                name="cofinancing_share_between_0_and_100",
                violation_error_message="Andelen ska vara mellan 0 och 100 procent.",
            ),
        ),
    ]
