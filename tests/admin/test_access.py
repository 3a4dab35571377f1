"""Groups and permissions, superuser-only user management, and login throttling."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from governance.core.scope import COORDINATORS, READERS
from tests.admin.helpers import change_url, form_data
from tests.factories import bodies as factories


def test_groups_exist_after_load_registry_with_their_permissions(db):
    call_command("load_registry", verbosity=0)
    coordinators = Group.objects.get(name=COORDINATORS)
    readers = Group.objects.get(name=READERS)
    codes = set(coordinators.permissions.values_list("codename", flat=True))
    for action in ("add", "change", "delete", "view"):
        assert f"{action}_agreement" in codes
        assert f"{action}_body" in codes
        assert f"{action}_stategrant" in codes
    assert not any("coordinatorscope" in c for c in codes)
    assert not any(c.endswith("_user") for c in codes)
    reader_codes = set(readers.permissions.values_list("codename", flat=True))
    assert "view_agreement" in reader_codes
    assert all(c.startswith("view_") for c in reader_codes)


def test_reader_views_but_cannot_change(client, reader, superuser):
    lisa = factories.body("Lisa", in_county=factories.county("14"))
    client.force_login(superuser)
    data = form_data(client.get(change_url(lisa)), "body_form")
    client.force_login(reader)
    response = client.get(change_url(lisa))
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()
    data["name"] = "Läsaren ändrade"
    assert client.post(change_url(lisa), data).status_code == 403
    assert client.get(reverse("admin:bodies_body_add")).status_code == 403


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:auth_user_changelist",
        "admin:auth_user_add",
        "admin:auth_group_changelist",
        "admin:governance_coordinatorscope_changelist",
        "admin:governance_coordinatorscope_add",
    ],
)
def test_only_superusers_manage_users_and_scopes(client, coordinator_vg, superuser, url_name):
    client.force_login(coordinator_vg)
    assert client.get(reverse(url_name)).status_code == 403
    client.force_login(superuser)
    assert client.get(reverse(url_name)).status_code == 200


def test_sixth_bad_login_is_refused_even_with_the_right_password(client, coordinator_vg):
    url = reverse("admin:login")
    statuses = [
        client.post(url, {"username": coordinator_vg.username, "password": "fel"}).status_code
        for _ in range(5)
    ]
    # The form again, with an error; the fifth failure reaches the limit (AXES_FAILURE_LIMIT).
    assert statuses[:4] == [200] * 4
    response = client.post(
        url, {"username": coordinator_vg.username, "password": "correct horse battery staple"}
    )
    assert response.status_code == 429
    assert "För många misslyckade inloggningar" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_good_login_works(client, coordinator_vg):
    response = client.post(
        reverse("admin:login"),
        {"username": coordinator_vg.username, "password": "correct horse battery staple"},
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(coordinator_vg.pk)
