"""Superusers keep webhook subscriptions in the admin; the secret is shown once, then masked."""

import re

import pytest

from governance.opendata.models import WebhookSubscription

pytestmark = pytest.mark.django_db

BASE = "/admin/governance/webhooksubscription/"
URL = BASE + "add/"
# A public address given as an IP literal, so the check needs no name server.
PUBLIC = "https://8.8.8.8/hooks/registret"


def _form(**overrides):
    data = {
        "name": "Regionens intranät",
        "url": PUBLIC,
        "types": '["agreements.agreement", "bodies.body"]',
        "active": "on",
    }
    data.update(overrides)
    return data


def _shown_secret(response) -> str:
    return re.search(r'value="(whsec_[A-Za-z0-9+/=]+)"', response.content.decode()).group(1)


def test_the_secret_is_made_by_the_registry_and_shown_once(client, superuser):
    client.force_login(superuser)
    response = client.post(URL, _form())
    assert response.status_code == 200, response.content.decode()[:2000]
    assert "no-store" in response["Cache-Control"]
    sub = WebhookSubscription.objects.get()
    assert sub.created_by == superuser
    assert sub.types == ["agreements.agreement", "bodies.body"]
    assert _shown_secret(response) == sub.secret

    change_page = client.get(f"{BASE}{sub.pk}/change/").content.decode()
    assert sub.secret not in change_page
    assert sub.masked_secret in change_page
    assert sub.secret not in client.get(BASE).content.decode()


def test_a_new_secret_replaces_the_old_and_is_shown_once(client, superuser):
    client.force_login(superuser)
    client.post(URL, _form())
    sub = WebhookSubscription.objects.get()
    old = sub.secret

    unchanged = client.post(f"{BASE}{sub.pk}/change/", _form(name="Nytt namn"))
    assert unchanged.status_code == 302
    sub.refresh_from_db()
    assert sub.secret == old and sub.name == "Nytt namn"

    response = client.post(f"{BASE}{sub.pk}/change/", _form(new_secret="on"))
    assert response.status_code == 200
    sub.refresh_from_db()
    assert sub.secret != old and _shown_secret(response) == sub.secret


def test_a_typed_secret_is_ignored(client, superuser):
    client.force_login(superuser)
    client.post(URL, _form(secret="whsec_dGhlLWF0dGFja2Vycy1vd24ta2V5"))
    assert WebhookSubscription.objects.get().secret != "whsec_dGhlLWF0dGFja2Vycy1vd24ta2V5"


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("types", '["bodies.nonsense"]', "Okända posttyper"),
        ("types", '{"a": 1}', "lista"),
        ("url", "inte en adress", "URL"),
        ("url", "http://8.8.8.8/hook", "https://"),
        ("url", "https://127.0.0.1:5432/", "inte en publik adress"),
        ("url", "https://169.254.169.254/latest/meta-data/", "inte en publik adress"),
        ("url", "https://10.0.0.7/hook", "inte en publik adress"),
        ("url", "https://localhost/hook", "publik adress"),
    ],
)
def test_bad_input_is_a_form_error_not_a_500(client, superuser, field, value, message):
    client.force_login(superuser)
    response = client.post(URL, _form(**{field: value}))
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    assert message.lower() in response.content.decode().lower()
    assert not WebhookSubscription.objects.exists()


@pytest.mark.parametrize("who", ["coordinator_vg", "reader"])
def test_coordinators_and_readers_neither_see_nor_manage_subscriptions(client, request, who):
    sub = WebhookSubscription.objects.create(name="Befintlig", url=PUBLIC)
    client.force_login(request.getfixturevalue(who))
    assert client.post(URL, _form()).status_code == 403
    assert client.get(BASE).status_code == 403
    assert client.get(f"{BASE}{sub.pk}/change/").status_code == 403
    assert client.get("/admin/governance/webhookdelivery/").status_code == 403
    index = client.get("/admin/").content.decode()
    assert "webhook" not in index.lower()
    assert WebhookSubscription.objects.count() == 1
