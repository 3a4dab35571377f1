"""An agreement's last day with its extensions is never before its own."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("agreements", "0015_fill_agreement_status_dates")]

    operations = [
        migrations.AddConstraint(
            model_name="agreement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("in_force_until__isnull", True),
                    models.Q(
                        ("in_force_until__gte", models.F("valid_until")),
                        ("valid_until__isnull", False),
                    ),
                    _connector="OR",
                ),
                name="agreement_in_force_until_not_before_valid_until",
            ),
        ),
    ]
