"""Writes to the app's tables move the registry's version (the read cache's key)."""

from django.db import migrations

from governance.core.read_cache import InstallChangeTrigger

TABLES = [
    "documents_document",
    "documents_documentevent",
    "documents_documentpage",
    "documents_documentversion",
]


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0003_dates_added_since_in_range"),
        ("governance", "0012_read_cache_change_triggers"),
    ]

    operations = [
        *[InstallChangeTrigger(table) for table in TABLES],
    ]
