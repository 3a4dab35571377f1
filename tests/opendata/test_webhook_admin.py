"""Coordinators keep webhook subscriptions in the admin, with readable errors."""

import pytest

from governance.models import WebhookSubscription

pytestmark = pytest.mark.django_db

URL = "/admin/governance/webhooksubscription/add/"


def _form(**overrides):
    data = {
        "name": "Regionens intranät",
        "url": "https://intranat.example.se/hooks/registret",
        "secret": "en-lång-delad-hemlighet",
        "types": '["agreements.agreement", "bodies.body"]',
        "active": "on",
    }
    data.update(overrides)
    return data


def test_a_coordinator_adds_a_subscription_and_is_recorded_as_its_creator(client, coordinator_vg):
    client.force_login(coordinator_vg)
    response = client.post(URL, _form())
    assert response.status_code == 302, response.content.decode()[:2000]
    sub = WebhookSubscription.objects.get()
    assert sub.created_by == coordinator_vg
    assert sub.types == ["agreements.agreement", "bodies.body"]


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("types", '["bodies.nonsense"]', "Okända posttyper"),
        ("types", '{"a": 1}', "lista"),
        ("secret", "kort", "minst 16 tecken"),
        ("url", "inte en adress", "URL"),
    ],
)
def test_bad_input_is_a_form_error_not_a_500(client, coordinator_vg, field, value, message):
    client.force_login(coordinator_vg)
    response = client.post(URL, _form(**{field: value}))
    assert response.status_code == 200
    assert message.lower() in response.content.decode().lower()
    assert not WebhookSubscription.objects.exists()


def test_a_reader_cannot_add_a_subscription(client, reader):
    client.force_login(reader)
    assert client.post(URL, _form()).status_code == 403
