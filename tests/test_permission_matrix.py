"""The permission matrix: every kind of user × what a write touches × operation × path.

Each cell makes one request, through the API or the admin (its forms, inlines,
actions and import), as one kind of user, and then asserts the database: the
write happened exactly when the rule of ``governance.core.scope`` allows it. A cell
names the scopes it needs (``needs``): a list of groups, each satisfied by
any one of its places; the admin's inline paths add the parent's county,
since the parent form must be open to reach them.

The world: an agreement of Västra Götaland (VG) and one of Dalarna (DAL) in
force, a decision of a Dalarna body adopting the VG agreement, a relation
from an older VG agreement that "replaces" the Dalarna one, and a national
state grant with an allocation to Dalarna.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from agreements.models import (
    Agreement,
    AgreementKind,
    AgreementRelation,
    Decision,
    DecisionKind,
    RelationKind,
)
from bodies.models import Body, BodyKind, BodyLevel
from funding.models import Allocation, StateGrant
from governance.core.models import CoordinatorScope
from governance.core.scope import COORDINATORS, READERS
from tests.admin.helpers import change_url, form_data
from tests.factories.bodies import county
from tests.factories.users import group

pytestmark = pytest.mark.django_db

VG, DAL, NAT = "vg", "dal", "national"
MARK = "Skrivet i behörighetsmatrisen"

# The places each kind of user may write for; None: may not write at all.
USERS: dict[str, set | None] = {
    "anonymous": None,
    "token_without_group": None,
    "reader": None,
    "coordinator_vg": {VG},
    "coordinator_dalarna": {DAL},
    "coordinator_national": {NAT},
    "superuser": {VG, DAL, NAT},
}


def allowed(user: str, needs: list[set]) -> bool:
    places = USERS[user]
    return places is not None and all(places & group for group in needs)


# The world ---------------------------------------------------------------------------


@pytest.fixture
def world(db):
    vg = county("14")
    dal = county("20")

    def body(slug, county):
        return Body.objects.create(
            slug=slug, name=slug, kind=BodyKind.POLITICAL, level=BodyLevel.COUNTY, county=county
        )

    def agreement(slug, county, start):
        return Agreement.objects.create(
            slug=slug,
            title=slug,
            kind=AgreementKind.COLLABORATION_AGREEMENT,
            county=county,
            valid_from=dt.date(start, 1, 1),
            valid_until=dt.date(2030, 12, 31),
        )

    w = {
        "vg": vg,
        "dal": dal,
        "vg_body": body("matris-vg-organ", vg),
        "dal_body": body("matris-dalarna-organ", dal),
        "vg_agreement": agreement("matris-vg", vg, 2021),
        "vg_old": agreement("matris-vg-aldre", vg, 2020),
        "dal_agreement": agreement("matris-dalarna", dal, 2020),
    }
    w["decision"] = Decision.objects.create(
        slug="matris-beslut",
        body=w["dal_body"],
        agreement=w["vg_agreement"],
        kind=DecisionKind.ADOPTION,
        date=dt.date(2021, 1, 1),
        summary="Dalarnas organ antog VG:s överenskommelse",
    )
    w["relation"] = AgreementRelation.objects.create(
        source=w["vg_old"], kind=RelationKind.REPLACES, target=w["dal_agreement"]
    )
    w["grant"] = StateGrant.objects.create(slug="matris-bidrag", year=2021, title="Matrisbidrag")
    w["allocation"] = Allocation.objects.create(
        slug="matris-tilldelning", grant=w["grant"], year=2021, county=dal, purpose="Dalarnas del"
    )
    return w


def _user(username, *, groups=(), superuser=False, staff=True):
    # No password: hashing one per user would be most of the test's time; clients log in directly.
    user = get_user_model().objects.create_user(username=username, password=None, is_staff=staff)
    user.is_superuser = superuser
    user.save()
    for name in groups:
        user.groups.add(group(name))
    return user


@pytest.fixture
def users(db):
    vg = county("14")
    dal = county("20")
    made = {
        "anonymous": None,
        "token_without_group": _user("matris-utan-grupp", staff=False),
        "reader": _user("matris-lasare", groups=[READERS]),
        "coordinator_vg": _user("matris-vg", groups=[COORDINATORS]),
        "coordinator_dalarna": _user("matris-dalarna", groups=[COORDINATORS]),
        "coordinator_national": _user("matris-nationell", groups=[COORDINATORS]),
        "superuser": _user("matris-admin", superuser=True),
    }
    CoordinatorScope.objects.create(user=made["coordinator_vg"]).counties.add(vg)
    CoordinatorScope.objects.create(user=made["coordinator_dalarna"]).counties.add(dal)
    CoordinatorScope.objects.create(user=made["coordinator_national"], national=True)
    return made


def api(user) -> APIClient:
    client = APIClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def admin(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def change_form(obj, users) -> dict:
    """What a browser posts from ``obj``'s change form, read as the superuser."""
    form_id = f"{obj._meta.model_name}_form"
    return form_data(admin(users["superuser"]).get(change_url(obj)), form_id)


def inline_row(data, prefix, pk) -> int:
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    return next(i for i in range(total) if data.get(f"{prefix}-{i}-id") == str(pk))


def add_inline_row(data, prefix, values: dict) -> dict:
    n = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(n + 1)
    data[f"{prefix}-{n}-id"] = ""
    for name, value in values.items():
        data[f"{prefix}-{n}-{name}"] = value
    return data


def action(user, model, name, objs, *, post=True):
    opts = model._meta
    data = {"action": name, "_selected_action": [o.pk for o in objs]}
    if post:
        data["post"] = "yes"
    return admin(user).post(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"), data)


def csv_upload(rows) -> SimpleUploadedFile:
    text = "\n".join(",".join(r) for r in rows) + "\n"
    return SimpleUploadedFile("import.csv", io.BytesIO(text.encode()).read(), "text/csv")


# The cells ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    name: str
    path: str  # "api", "admin form", "admin inline", "admin action", "import"
    needs: list
    act: Callable  # (world, users, user) -> response
    happened: Callable  # (world) -> bool


def _api_create_decision(w, users, user):
    return api(user).post(
        "/api/v1/decisions/",
        {
            "body": w["dal_body"].slug,
            "agreement": w["vg_agreement"].slug,
            "kind": "adoption",
            "date": "2021-02-01",
            "summary": MARK,
        },
        format="json",
    )


def _api_change_decision(w, users, user):
    return api(user).patch(f"/api/v1/decisions/{w['decision'].slug}/", {"summary": MARK})


def _api_delete_decision(w, users, user):
    return api(user).delete(f"/api/v1/decisions/{w['decision'].slug}/")


def _api_create_allocation(w, users, user):
    return api(user).post(
        "/api/v1/allocations/",
        {
            "county": w["vg"].slug,
            "agreement": w["dal_agreement"].slug,
            "year": 2021,
            "purpose": MARK,
        },
        format="json",
    )


def _api_change_agreement(w, users, user):
    return api(user).patch(f"/api/v1/agreements/{w['vg_agreement'].slug}/", {"purpose": MARK})


def _inline_create_decision(w, users, user):
    data = add_inline_row(
        change_form(w["vg_agreement"], users),
        "decisions",
        {
            "agreement": str(w["vg_agreement"].pk),
            "kind": "adoption",
            "body": str(w["dal_body"].pk),
            "date": "2021-02-01",
            "summary": MARK,
        },
    )
    return admin(user).post(change_url(w["vg_agreement"]), data)


def _inline_change_decision(w, users, user):
    data = change_form(w["vg_agreement"], users)
    i = inline_row(data, "decisions", w["decision"].pk)
    data[f"decisions-{i}-summary"] = MARK
    return admin(user).post(change_url(w["vg_agreement"]), data)


def _inline_delete_decision(w, users, user):
    data = change_form(w["vg_agreement"], users)
    i = inline_row(data, "decisions", w["decision"].pk)
    data[f"decisions-{i}-DELETE"] = "on"
    return admin(user).post(change_url(w["vg_agreement"]), data)


def _inline_create_relation(w, users, user):
    data = add_inline_row(
        change_form(w["vg_agreement"], users),
        "outgoing_relations",
        {
            "source": str(w["vg_agreement"].pk),
            "kind": RelationKind.REPLACES,
            "target": str(w["dal_agreement"].pk),
        },
    )
    return admin(user).post(change_url(w["vg_agreement"]), data)


def _inline_delete_relation(w, users, user):
    data = change_form(w["vg_old"], users)
    i = inline_row(data, "outgoing_relations", w["relation"].pk)
    data[f"outgoing_relations-{i}-DELETE"] = "on"
    return admin(user).post(change_url(w["vg_old"]), data)


def _inline_delete_incoming_relation(w, users, user):
    data = change_form(w["dal_agreement"], users)
    i = inline_row(data, "incoming_relations", w["relation"].pk)
    data[f"incoming_relations-{i}-DELETE"] = "on"
    return admin(user).post(change_url(w["dal_agreement"]), data)


def _admin_delete_relation(w, users, user):
    url = reverse("admin:agreements_agreementrelation_delete", args=[w["relation"].pk])
    return admin(user).post(url, {"post": "yes"})


def _action_delete_relation(w, users, user):
    return action(user, AgreementRelation, "delete_selected", [w["relation"]])


def _action_delete_decision(w, users, user):
    return action(user, Decision, "delete_selected", [w["decision"]])


def _form_register_successor(w, users, user):
    url = reverse("admin:agreements_agreement_successor", args=[w["dal_agreement"].pk])
    data = {
        "kind": "replaces",
        "title": MARK,
        "agreement_kind": w["dal_agreement"].kind,
        "valid_from": "2030-01-01",
        "valid_until": "2031-12-31",
        "parties": "on",
        "clauses": "on",
        "routing_rules": "on",
        "_save": "1",
    }
    return admin(user).post(url, data)


def _inline_create_allocation(w, users, user):
    data = add_inline_row(
        change_form(w["grant"], users),
        "allocations",
        {"grant": str(w["grant"].pk), "year": "2021", "county": str(w["dal"].pk), "purpose": MARK},
    )
    return admin(user).post(change_url(w["grant"]), data)


def _inline_change_allocation(w, users, user):
    data = change_form(w["grant"], users)
    i = inline_row(data, "allocations", w["allocation"].pk)
    data[f"allocations-{i}-purpose"] = MARK
    return admin(user).post(change_url(w["grant"]), data)


def _admin_add_decision(w, users, user):
    url = reverse("admin:agreements_decision_add")
    data = form_data(admin(users["superuser"]).get(url), "decision_form")
    data.update(
        body=str(w["dal_body"].pk),
        agreement=str(w["vg_agreement"].pk),
        kind="adoption",
        date="2021-02-01",
        summary=MARK,
    )
    return admin(user).post(url, data)


def _import_decision(w, users, user):
    client = admin(user)
    upload = csv_upload(
        [
            ["slug", "body", "agreement", "kind", "date", "summary"],
            ["", w["dal_body"].slug, w["vg_agreement"].slug, "adoption", "2021-02-01", MARK],
        ]
    )
    response = client.post(
        reverse("admin:agreements_decision_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
    )
    confirm = (response.context or {}).get("confirm_form") if response.status_code == 200 else None
    if confirm is None:
        return response
    return client.post(reverse("admin:agreements_decision_process_import"), dict(confirm.initial))


def _new_decision(w):
    return Decision.objects.filter(summary=MARK).exists()


def _decision_changed(w):
    return Decision.objects.filter(pk=w["decision"].pk, summary=MARK).exists()


def _decision_gone(w):
    return not Decision.objects.filter(pk=w["decision"].pk).exists()


def _relation_gone(w):
    return not AgreementRelation.objects.filter(pk=w["relation"].pk).exists()


CELLS = [
    # API
    Cell("create decision of a DAL body adopting a VG agreement", "api",
         [{VG}, {DAL}], _api_create_decision, _new_decision),
    Cell("change that decision", "api", [{DAL}, {VG}], _api_change_decision, _decision_changed),
    Cell("delete that decision (its body's record)", "api",
         [{DAL}], _api_delete_decision, _decision_gone),
    Cell("create VG allocation fixed in a DAL agreement", "api", [{VG}, {DAL}],
         _api_create_allocation, lambda w: Allocation.objects.filter(purpose=MARK).exists()),
    Cell("change a VG agreement", "api", [{VG}], _api_change_agreement,
         lambda w: Agreement.objects.filter(pk=w["vg_agreement"].pk, purpose=MARK).exists()),
    # Admin forms
    Cell("add decision of a DAL body adopting a VG agreement", "admin form",
         [{VG}, {DAL}], _admin_add_decision, _new_decision),
    Cell("delete a VG→DAL relation from its own page", "admin form",
         [{VG, DAL}], _admin_delete_relation, _relation_gone),
    # Admin inlines (the parent form needs VG)
    Cell("add decision of a DAL body on the VG agreement", "admin inline",
         [{VG}, {DAL}], _inline_create_decision, _new_decision),
    Cell("change the DAL body's decision on the VG agreement", "admin inline",
         [{VG}, {DAL}], _inline_change_decision, _decision_changed),
    Cell("delete the DAL body's decision on the VG agreement", "admin inline",
         [{VG}, {DAL}], _inline_delete_decision, _decision_gone),
    Cell("add 'replaces' from the VG agreement to the DAL agreement", "admin inline",
         [{VG}, {DAL}], _inline_create_relation,
         lambda w: AgreementRelation.objects.filter(
             source=w["vg_agreement"], target=w["dal_agreement"]).exists()),
    Cell("delete the VG→DAL relation on the VG agreement", "admin inline",
         [{VG}, {VG, DAL}], _inline_delete_relation, _relation_gone),
    Cell("delete the VG→DAL relation on the DAL agreement", "admin inline",
         [{DAL}, {VG, DAL}], _inline_delete_incoming_relation, _relation_gone),
    Cell("add a DAL allocation to the national grant", "admin inline",
         [{NAT}, {DAL}], _inline_create_allocation,
         lambda w: Allocation.objects.filter(purpose=MARK).exists()),
    Cell("change the DAL allocation of the national grant", "admin inline",
         [{NAT}, {DAL}], _inline_change_allocation,
         lambda w: Allocation.objects.filter(pk=w["allocation"].pk, purpose=MARK).exists()),
    # Admin actions
    Cell("bulk-delete the VG→DAL relation", "admin action",
         [{VG, DAL}], _action_delete_relation, _relation_gone),
    Cell("bulk-delete the DAL body's decision", "admin action",
         [{DAL}], _action_delete_decision, _decision_gone),
    Cell("register a successor of the DAL agreement", "admin form", [{DAL}],
         _form_register_successor,
         lambda w: AgreementRelation.objects.filter(
             target=w["dal_agreement"], source__title=MARK).exists()),
    # Import
    Cell("import a decision of a DAL body adopting a VG agreement", "import",
         [{VG}, {DAL}], _import_decision, _new_decision),
]  # fmt: skip


@pytest.mark.parametrize("user", list(USERS))
@pytest.mark.parametrize("cell", CELLS, ids=lambda c: f"{c.path}: {c.name}")
def test_a_write_happens_exactly_when_the_rule_allows_it(world, users, cell, user):
    response = cell.act(world, users, users[user])
    expected = allowed(user, cell.needs)
    assert cell.happened(world) is expected, (response.status_code, response.content[:2000])
    assert response.status_code < 500
    if expected or USERS[user] is None:
        return
    body = response.content.decode()
    if cell.path == "api":
        # A coordinator is told which county's (or the national level's) scope is missing.
        assert response.status_code == 403
        assert "Du saknar behörighet för" in response.json()["detail"]
    elif response.status_code == 200:
        assert "Du saknar behörighet för" in body


# No path around the rule -----------------------------------------------------------------


def test_every_registry_admin_inline_and_import_goes_through_the_rule():
    from django.contrib import admin as django_admin

    from governance.core.admin_base import RegistryAdmin, ScopedInlineMixin
    from governance.core.records import REGISTRY_APPS
    from governance.core.resources import RegistryResource

    for model, model_admin in django_admin.site._registry.items():
        if (
            model._meta.app_label not in REGISTRY_APPS
            or model._meta.label == "governance.CoordinatorScope"
        ):
            continue
        if model._meta.label in {"governance.WebhookSubscription", "governance.WebhookDelivery"}:
            continue  # superusers only
        assert isinstance(model_admin, RegistryAdmin), model
        for inline in model_admin.inlines:
            assert issubclass(inline, ScopedInlineMixin), inline
        for resource in getattr(model_admin, "resource_classes", []):
            assert issubclass(resource, RegistryResource), resource


def test_every_api_resource_writes_through_the_rule():
    from governance.api.urls import router
    from governance.core.api.permissions import RegistryModelPermissions
    from governance.core.api.serializers import RegistrySerializer
    from governance.core.api.viewsets import RegistryViewSet

    for _prefix, viewset, _basename in router.registry:
        if not any(hasattr(viewset, write) for write in ("create", "update", "destroy")):
            continue  # a read-only resource writes nothing
        assert issubclass(viewset, RegistryViewSet), viewset
        assert RegistryModelPermissions in viewset.permission_classes, viewset
        assert issubclass(viewset.serializer_class, RegistrySerializer), viewset


def test_every_registry_model_has_a_place_and_its_links_are_relations():
    from django.apps import apps

    from governance.core import scope
    from governance.core.records import REGISTRY_APPS

    for label, names in scope.LINKS.items():
        model = apps.get_model(label)
        for name in names:
            assert model._meta.get_field(name).many_to_one, (label, name)
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label not in REGISTRY_APPS or label.endswith("event"):
            continue
        if model._meta.auto_created or model._meta.proxy:
            continue
        if label in {
            "governance.coordinatorscope",
            "governance.webhooksubscription",
            "governance.webhookdelivery",
            "governance.registryversion",
        }:
            continue
        assert label in scope.COUNTY_PATHS, label
