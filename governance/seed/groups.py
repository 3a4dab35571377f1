"""The two user groups of the admin, with their permissions."""

from django.contrib.auth.models import Group, Permission

from governance.records import REGISTRY_APPS
from governance.scope import COORDINATORS, READERS


def ensure_groups() -> int:
    """Samordnare may add, change, delete and view registry data; Läsare may view it."""
    # Webhook subscriptions hold signing secrets and decide where the server sends
    # requests: superusers only, so no group gets their permissions.
    registry = (
        Permission.objects.filter(content_type__app_label__in=REGISTRY_APPS)
        .exclude(content_type__model__endswith="event")
        .exclude(content_type__model__startswith="webhook")
    )
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    coordinators.permissions.set(registry.exclude(codename__contains="coordinatorscope"))
    readers, _ = Group.objects.get_or_create(name=READERS)
    readers.permissions.set(registry.filter(codename__startswith="view_"))
    return 0
