"""No lost update: the second of two saves from the same starting point is refused."""

import pytest
from django.test import Client

from tests.admin.helpers import change_url, form_data
from tests.factories import agreements, bodies

pytestmark = pytest.mark.django_db


def _vg_body():
    """A body of Västra Götaland (like LiSA), which both users may change."""
    return bodies.body("LiSA", in_county=bodies.county("14"), mandate="Leda samverkan i länet.")


def test_stale_save_is_refused_with_the_change_made_in_between(client, coordinator_vg, superuser):
    body = _vg_body()
    url = change_url(body)
    client.force_login(coordinator_vg)
    stale = form_data(client.get(url), "body_form")
    assert int(stale["version"]) == body.version

    other = Client()
    other.force_login(superuser)
    fresh = form_data(other.get(url), "body_form")
    fresh["mandate"] = "Ändrat av den andra samordnaren"
    assert other.post(url, fresh).status_code == 302

    stale["name"] = "Mitt nya namn"
    response = client.post(url, stale)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Posten har ändrats av någon annan" in html
    assert "Ändrat av den andra samordnaren" in html
    body.refresh_from_db()
    assert body.mandate == "Ändrat av den andra samordnaren"
    assert body.name != "Mitt nya namn"


def test_save_from_the_current_version_goes_through_and_bumps_the_version(client, superuser):
    body = _vg_body()
    before = body.version
    client.force_login(superuser)
    data = form_data(client.get(change_url(body)), "body_form")
    data["mandate"] = "Nytt mandat"
    assert client.post(change_url(body), data).status_code == 302
    body.refresh_from_db()
    assert body.mandate == "Nytt mandat"
    assert body.version == before + 1


def test_stale_inline_row_is_refused(client, superuser):
    from agreements.models import Clause

    agreement = agreements.agreement(in_county=bodies.county("14"))
    for order in (1, 2):
        agreements.clause(agreement, order=order)
    url = change_url(agreement)
    client.force_login(superuser)
    stale = form_data(client.get(url), "agreement_form")
    clause = agreement.clauses.order_by("order").first()
    Clause.objects.filter(pk=clause.pk).update(text="Ändrad i en annan flik")
    prefix = next(
        k[: -len("-id")] for k, v in stale.items() if k.endswith("-id") and v == str(clause.pk)
    )
    stale[f"{prefix}-text"] = "Min text"
    response = client.post(url, stale)
    assert response.status_code == 200
    assert "Posten har ändrats av någon annan" in response.content.decode()
    clause.refresh_from_db()
    assert clause.text == "Ändrad i en annan flik"
