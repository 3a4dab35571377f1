"""The admin's user groups and users."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from governance.seed.loader import DATA_DIR, ensure_groups, read_file

PASSWORD = "correct horse battery staple"


def groups() -> None:
    """The groups with the permissions groups.yaml gives them (what the seed creates)."""
    path = DATA_DIR / "groups.yaml"
    ensure_groups(path, read_file(path))


def group(name: str) -> Group:
    found = Group.objects.filter(name=name).first()
    if found is None:
        groups()
        found = Group.objects.get(name=name)
    return found


def user(username: str, *, groups=(), superuser=False, staff=True, **fields):
    """A user who can log in with ``PASSWORD``, member of the named groups."""
    made = get_user_model().objects.create_user(
        username=username,
        password=PASSWORD,
        is_staff=staff,
        is_superuser=superuser,
        **fields,
    )
    for name in groups:
        made.groups.add(group(name))
    return made


def coordinator(username: str, *counties):
    """A Samordnare assigned ``counties`` (County rows)."""
    from governance.core.models import CoordinatorScope
    from governance.core.scope import COORDINATORS

    made = user(username, groups=[COORDINATORS])
    scope = CoordinatorScope.objects.create(user=made)
    scope.counties.add(*counties)
    return made
