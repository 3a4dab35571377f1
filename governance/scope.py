"""Which records a coordinator may change: those of the counties they are assigned.

One rule, used by the admin and the API alike. A record belongs to a county
through the paths below; a record none of whose paths leads to a county is
national, and only coordinators assigned the national level may change it.
Superusers may change everything. Reading is never restricted.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Model, Q, QuerySet

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
    # A statement may be about any record (or none): national coordinators keep them.
    "governance.statement": (),
    "governance.personrole": ("organisation__county",),
}

# People are shared across counties: any coordinator may correct a name.
SHARED = {"bodies.person"}


def _paths(model: type[Model]) -> tuple[str, ...]:
    return COUNTY_PATHS.get(model._meta.label_lower, ())


def _scope(user):
    scope = getattr(user, "coordinator_scope", None)
    if scope is None:
        return set(), False
    return set(scope.counties.values_list("pk", flat=True)), scope.national


def is_unrestricted(user) -> bool:
    return bool(user.is_active and user.is_superuser)


def editable(queryset: QuerySet, user) -> QuerySet:
    """The rows of ``queryset`` that ``user`` may change."""
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


def can_edit(user, obj: Model) -> bool:
    """Whether ``user`` may change or delete ``obj`` (an unsaved object: may create it)."""
    model = type(obj)
    if is_unrestricted(user) or model._meta.label_lower in SHARED:
        return True
    if not user.is_authenticated:
        return False
    counties, national = _scope(user)
    county_id = county_of(obj)
    if county_id is None:
        return national
    return county_id in counties


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
