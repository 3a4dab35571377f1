"""Who may write which records: one rule for the admin, its inlines and actions, import and API.

Reading is never restricted. Writing needs two things:

* the model permission for the operation (add, change, delete), which the
  groups below give: Samordnare have them for every registry table, Läsare only
  "view"; superusers have all;
* the county scope of every record the write touches (``check_write``):

  - the record itself: it belongs to a county through ``COUNTY_PATHS`` (first
    path that is set); a record none of whose paths leads to a county is
    national, and needs a coordinator assigned the national level;
  - the records it links to in a way that changes their meaning (``LINKS``): a
    relation that replaces or extends an agreement, a decision that adopts one,
    money allotted to a county or under an agreement. Creating or changing such
    a row needs the scope of each of them too;
  - a change needs the scope of the record as it was and as it becomes, so a
    record cannot be moved into or out of another county;
  - deleting needs the scope of the record itself; a row that is nothing but a
    link between two records (``LINK_ROWS``) may be removed by a coordinator of
    either side, so a wrong link is undone by the side it misrepresents.

Superusers may write everything.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.apps import apps
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# The groups of the admin (governance/seed/data/groups.yaml gives them their permissions).
COORDINATORS = "Samordnare"
READERS = "Läsare"

# Model label -> lookups that lead from a row to its County (first match wins).
COUNTY_PATHS: dict[str, tuple[str, ...]] = {
    "bodies.county": ("pk",),
    "bodies.municipality": ("county",),
    "bodies.organisation": ("county",),
    "bodies.person": (),
    "bodies.body": ("county",),
    "bodies.responsibility": ("body__county",),
    "bodies.seat": ("body__county",),
    "bodies.membership": ("seat__body__county",),
    "bodies.meeting": ("body__county",),
    "bodies.identifier": ("organisation__county", "body__county"),
    "bodies.formername": ("organisation__county", "body__county"),
    "bodies.chairrotationrule": ("body__county",),
    "bodies.chairterm": ("body__county",),
    "agreements.agreement": ("county",),
    "agreements.agreementparty": ("agreement__county",),
    "agreements.clause": ("agreement__county",),
    "agreements.signatory": ("agreement__county",),
    "agreements.decision": ("body__county", "agreement__county"),
    "agreements.agreementrelation": ("source__county",),
    "funding.stategrant": ("agreement__county",),
    "funding.allocation": ("county", "agreement__county"),
    "funding.cofinancingshare": ("agreement__county",),
    "funding.distributionkey": ("county", "agreement__county"),
    "funding.distributionshare": ("key__county",),
    "funding.fundedposition": ("county",),
    "governance.supportstructure": ("county",),
    "governance.platformhost": ("support_structure__county",),
    "governance.matter": (),
    "governance.initiative": ("county",),
    "governance.routingrule": ("county",),
    "governance.goal": (),
    "governance.milestone": (),
    "governance.sourcedocument": (),
    "documents.document": (
        "agreement__county",
        "decision__body__county",
        "decision__agreement__county",
        "body__county",
        "support_structure__county",
    ),
    "documents.documentversion": (
        "document__agreement__county",
        "document__decision__body__county",
        "document__decision__agreement__county",
        "document__body__county",
        "document__support_structure__county",
    ),
    "documents.documentpage": (
        "document__agreement__county",
        "document__decision__body__county",
        "document__decision__agreement__county",
        "document__body__county",
        "document__support_structure__county",
    ),
    # A statement may be about any record (or none): national coordinators keep them.
    "governance.statement": (),
    "governance.personrole": ("organisation__county",),
}

# People are shared across counties: any coordinator may correct a name.
SHARED = {"bodies.person"}

# Model label -> relations to records whose meaning a row changes. Writing the row
# needs the scope of each record named here as well as its own.
LINKS: dict[str, tuple[str, ...]] = {
    # A decision is its body's; adopting an agreement changes the agreement's status.
    "agreements.decision": ("body", "agreement"),
    # "Ersätter", "förnyar", "förlänger", "bygger på": the target's status changes.
    "agreements.agreementrelation": ("source", "target"),
    # Money to a county or an organisation, fixed in an agreement.
    "funding.allocation": ("county", "organisation", "agreement"),
    "funding.distributionkey": ("county", "agreement"),
}

# Rows that only link records (``LINKS``): a coordinator of any linked record may delete one.
LINK_ROWS = {"agreements.agreementrelation"}

NATIONAL = None  # the place of a record with no county


def _paths(model: type[Model]) -> tuple[str, ...]:
    return COUNTY_PATHS.get(model._meta.label_lower, ())


def _scope(user):
    """(county pks, national) of ``user``'s CoordinatorScope, read once per user object."""
    cached = getattr(user, "_registry_scope", None)
    if cached is not None:
        return cached
    scope = getattr(user, "coordinator_scope", None)
    if scope is None:
        found = (set(), False)
    else:
        found = (set(scope.counties.values_list("pk", flat=True)), scope.national)
    user._registry_scope = found
    return found


def is_unrestricted(user) -> bool:
    return bool(user.is_active and user.is_superuser)


def editable(queryset: QuerySet, user) -> QuerySet:
    """The rows of ``queryset`` whose own county is in ``user``'s scope (for lists and choices).

    A write is decided by ``check_write``, which also looks at what the row links to.
    """
    model = queryset.model
    if is_unrestricted(user) or model._meta.label_lower in SHARED:
        return queryset
    if not user.is_authenticated:
        return queryset.none()
    counties, national = _scope(user)
    paths = _paths(model)
    if not paths:
        return queryset if national else queryset.none()
    # A row belongs to the county of its first path that is set.
    conditions = []
    for i, path in enumerate(paths):
        earlier_null = Q(**{f"{p}__isnull": True for p in paths[:i]}) if i else Q()
        conditions.append(earlier_null & Q(**{f"{path}__in": counties}))
    if national:
        conditions.append(Q(**{f"{p}__isnull": True for p in paths}))
    return queryset.filter(reduce(or_, conditions)).distinct()


# The rule ------------------------------------------------------------------------


class WriteRefused(PermissionDenied):
    """A write the user may not make; the message says what they lack."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return self.message


ACTION_WORDS = {
    "add": _("lägga till"),
    "change": _("ändra"),
    "delete": _("ta bort"),
}


def has_model_permission(user, model: type[Model], action: str) -> bool:
    """Whether ``user`` may ``action`` ("add", "change", "delete", "view") rows of ``model``."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")


def permission_refusal(model: type[Model], action: str) -> str:
    """The sentence for a user without the model permission for ``action``."""
    return gettext("Du saknar behörighet att %(action)s %(model)s.") % {
        "action": ACTION_WORDS[action],
        "model": model._meta.verbose_name_plural,
    }


def _stored(obj: Model) -> Model | None:
    """``obj`` as the database holds it now (None when it is new)."""
    if obj.pk is None:
        return None
    return type(obj)._base_manager.filter(pk=obj.pk).first()


def _places(obj: Model) -> set:
    """The counties (pks; ``NATIONAL`` for none) whose scope a row in this state needs."""
    label = obj._meta.label_lower
    if label in SHARED:
        return set()
    places = set() if label in LINK_ROWS else {county_of(obj)}
    for name in LINKS.get(label, ()):
        linked = getattr(obj, name, None)
        if linked is not None and linked._meta.label_lower not in SHARED:
            places.add(county_of(linked))
    return places


def _removal_places(obj: Model) -> set:
    """Places any one of which allows deleting ``obj`` (or changing what it was)."""
    if obj._meta.label_lower in LINK_ROWS:
        return _places(obj)
    return set() if obj._meta.label_lower in SHARED else {county_of(obj)}


def _covers(user, place) -> bool:
    counties, national = _scope(user)
    return national if place is NATIONAL else place in counties


def _names(places) -> list[str]:
    County = apps.get_model("bodies", "County")
    by_pk = dict(
        County._default_manager.filter(pk__in=[p for p in places if p is not NATIONAL])
        .order_by("code")
        .values_list("pk", "name")
    )
    names = list(by_pk.values())
    if NATIONAL in places:
        names.append(gettext("nationell nivå"))
    return names


def _lacking(names: list[str], joiner: str) -> str:
    return gettext("Du saknar behörighet för %(places)s.") % {
        "places": f" {joiner} ".join(names) if len(names) < 3 else ", ".join(names)
    }


def refusal(user, obj: Model, *, delete: bool = False) -> str | None:
    """Why ``user`` may not save (or with ``delete``, delete) ``obj``; None when they may.

    ``obj`` carries the state to be saved; the state it replaces is read from the
    database. See the module's docstring for the rule.
    """
    before = _stored(obj)
    if delete and before is None:
        return None
    action = "delete" if delete else ("add" if before is None else "change")
    if not has_model_permission(user, type(obj), action):
        return permission_refusal(type(obj), action)
    if is_unrestricted(user):
        return None
    if before is not None:
        # The record as it stands: any of a link row's sides, otherwise its own county.
        was = _removal_places(before)
        if was and not any(_covers(user, p) for p in was):
            return _lacking(_names(was), gettext("eller"))
    if delete:
        return None
    missing = {p for p in _places(obj) if not _covers(user, p)}
    if missing:
        return _lacking(_names(missing), gettext("och"))
    return None


def check_write(user, obj: Model, *, delete: bool = False) -> None:
    """Raise ``WriteRefused`` unless ``user`` may save (or delete) ``obj``: every write path calls this."""
    message = refusal(user, obj, delete=delete)
    if message:
        raise WriteRefused(message)


def can_edit(user, obj: Model) -> bool:
    """Whether ``user``'s scope covers changing ``obj`` as it stands (the admin shows it read-only otherwise)."""
    if is_unrestricted(user) or obj._meta.label_lower in SHARED:
        return True
    if not (user and user.is_authenticated):
        return False
    return all(_covers(user, p) for p in _places(obj) | _removal_places(obj))


def can_delete(user, obj: Model) -> bool:
    """Whether ``user``'s scope covers deleting ``obj``."""
    if is_unrestricted(user) or obj._meta.label_lower in SHARED:
        return True
    if not (user and user.is_authenticated):
        return False
    return any(_covers(user, p) for p in _removal_places(obj))


def county_of(obj: Model):
    """The pk of the County ``obj`` belongs to, or None for a national record."""
    for path in _paths(type(obj)):
        value = obj
        for part in path.split("__"):
            if value is None:
                break
            if part == "pk":
                value = value.pk
                break
            value = getattr(value, part, None)
        if value is not None:
            return value if isinstance(value, int) else value.pk
    return None
