"""Writes to the app's tables move the registry's version (the read cache's key)."""

from django.db import migrations

from governance.core.read_cache import InstallChangeTrigger

TABLES = [
    "agreements_agreement",
    "agreements_agreementevent",
    "agreements_agreementparty",
    "agreements_agreementpartyevent",
    "agreements_agreementrelation",
    "agreements_agreementrelationevent",
    "agreements_clause",
    "agreements_clause_bodies",
    "agreements_clause_organisations",
    "agreements_clausebodyevent",
    "agreements_clauseevent",
    "agreements_clauseorganisationevent",
    "agreements_decision",
    "agreements_decisionevent",
    "agreements_signatory",
    "agreements_signatoryevent",
]


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0011_dates_added_since_in_range"),
        ("governance", "0012_read_cache_change_triggers"),
    ]

    operations = [
        *[InstallChangeTrigger(table) for table in TABLES],
    ]
