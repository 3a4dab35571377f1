"""Writes to the app's tables move the registry's version (the read cache's key)."""

from django.db import migrations

from governance.core.read_cache import InstallChangeTrigger

TABLES = [
    "funding_allocation",
    "funding_allocationevent",
    "funding_cofinancingshare",
    "funding_cofinancingshareevent",
    "funding_distributionkey",
    "funding_distributionkeyevent",
    "funding_distributionshare",
    "funding_distributionshareevent",
    "funding_fundedposition",
    "funding_fundedposition_funders",
    "funding_fundedpositionevent",
    "funding_positionfunderevent",
    "funding_stategrant",
    "funding_stategrantevent",
]


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0006_dates_added_since_in_range"),
        ("governance", "0012_read_cache_change_triggers"),
    ]

    operations = [
        *[InstallChangeTrigger(table) for table in TABLES],
    ]
