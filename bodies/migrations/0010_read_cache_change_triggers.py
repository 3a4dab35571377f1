"""Writes to the app's tables move the registry's version (the read cache's key)."""

from django.db import migrations

from governance.core.read_cache import InstallChangeTrigger

TABLES = [
    "bodies_body",
    "bodies_body_owners",
    "bodies_bodyevent",
    "bodies_bodyownerevent",
    "bodies_chairrotationrule",
    "bodies_chairrotationruleevent",
    "bodies_chairterm",
    "bodies_chairtermevent",
    "bodies_county",
    "bodies_countyevent",
    "bodies_formername",
    "bodies_formernameevent",
    "bodies_identifier",
    "bodies_identifierevent",
    "bodies_meeting",
    "bodies_meetingevent",
    "bodies_membership",
    "bodies_membershipevent",
    "bodies_municipality",
    "bodies_municipalityevent",
    "bodies_organisation",
    "bodies_organisationevent",
    "bodies_person",
    "bodies_personevent",
    "bodies_responsibility",
    "bodies_responsibilityevent",
    "bodies_seat",
    "bodies_seatevent",
]


class Migration(migrations.Migration):
    dependencies = [
        ("bodies", "0009_dates_added_since_in_range"),
        ("governance", "0012_read_cache_change_triggers"),
    ]

    operations = [
        *[InstallChangeTrigger(table) for table in TABLES],
    ]
