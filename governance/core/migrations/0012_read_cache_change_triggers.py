"""Writes to every registry table move the registry's version (the read cache's key).

The triggers were installed after each migrate by a signal handler; they are declared
here now, and a migration that adds a registry table adds its trigger
(``InstallChangeTrigger``). Existing triggers are replaced by the same ones.
"""

from django.db import migrations

from governance.core.read_cache import CHANGE_FUNCTIONS_SQL, InstallChangeTrigger

TABLES = [
    "governance_coordinatorscope",
    "governance_coordinatorscope_counties",
    "governance_goal",
    "governance_goalevent",
    "governance_initiative",
    "governance_initiativeevent",
    "governance_matter",
    "governance_matterevent",
    "governance_milestone",
    "governance_milestoneevent",
    "governance_personrole",
    "governance_personroleevent",
    "governance_platformhost",
    "governance_platformhostevent",
    "governance_routingrule",
    "governance_routingrule_handlers",
    "governance_routingruleevent",
    "governance_routingrulehandlerevent",
    "governance_sourcedocument",
    "governance_sourcedocumentevent",
    "governance_statement",
    "governance_statementevent",
    "governance_supportstructure",
    "governance_supportstructureevent",
]


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0011_dates_added_since_in_range"),
    ]

    operations = [
        migrations.RunSQL(
            CHANGE_FUNCTIONS_SQL,
            reverse_sql=(
                "DROP FUNCTION IF EXISTS governance_registry_changed();"
                "DROP FUNCTION IF EXISTS governance_note_registry_change();"
            ),
        ),
        *[InstallChangeTrigger(table) for table in TABLES],
    ]
