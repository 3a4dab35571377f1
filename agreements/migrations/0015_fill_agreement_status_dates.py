"""Work out the status dates of the agreements already in the registry."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("agreements", "0014_agreement_status_dates")]

    operations = [
        migrations.RunSQL(
            "SELECT agreement_refresh_status_dates(ARRAY(SELECT id FROM agreements_agreement));",
            migrations.RunSQL.noop,
        )
    ]
