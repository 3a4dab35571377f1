"""A coordinator may change only their own counties' records; the rest is read-only."""

import pytest
from django.urls import reverse

from agreements.models import Agreement, AgreementKind
from governance.core.models import CoordinatorScope
from tests.admin.helpers import change_url, form_data
from tests.factories import agreements, bodies

pytestmark = pytest.mark.django_db


def _vg_body():
    """A body in Västra Götaland (like LiSA)."""
    return bodies.body("LiSA", in_county=bodies.county("14"), slug="lisa")


def _dalarna_body():
    """A body in Dalarna (like Välfärdsrådet)."""
    return bodies.body("Välfärdsrådet", in_county=bodies.county("20"), slug="valfardsradet")


def _vg_agreement():
    """An agreement of Västra Götaland with a clause."""
    made = agreements.agreement("Avsiktsförklaring VG 2016", in_county=bodies.county("14"))
    agreements.clause(made)
    return made


def _delete_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[obj.pk])


def test_dalarna_coordinator_sees_a_vg_body_read_only(client, coordinator_dalarna):
    lisa = _vg_body()
    client.force_login(coordinator_dalarna)
    response = client.get(change_url(lisa))
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()


def test_dalarna_coordinator_cannot_change_or_delete_a_vg_body(
    client, coordinator_dalarna, superuser
):
    lisa = _vg_body()
    client.force_login(superuser)
    data = form_data(client.get(change_url(lisa)), "body_form")
    client.force_login(coordinator_dalarna)
    data["name"] = "Kapad"
    assert client.post(change_url(lisa), data).status_code == 403
    assert client.get(_delete_url(lisa)).status_code == 403
    assert client.post(_delete_url(lisa), {"post": "yes"}).status_code == 403
    lisa.refresh_from_db()
    assert lisa.name != "Kapad"


def test_dalarna_coordinator_cannot_change_a_vg_agreement_or_its_clauses(
    client, coordinator_dalarna, superuser
):
    agreement = _vg_agreement()
    client.force_login(superuser)
    data = form_data(client.get(change_url(agreement)), "agreement_form")
    client.force_login(coordinator_dalarna)
    data["title"] = "Kapad"
    assert client.post(change_url(agreement), data).status_code == 403
    clause = agreement.clauses.first()
    assert client.post(change_url(clause), {"text": "x"}).status_code == 403


def test_vg_coordinator_changes_a_vg_body(client, coordinator_vg):
    lisa = _vg_body()
    client.force_login(coordinator_vg)
    data = form_data(client.get(change_url(lisa)), "body_form")
    data["mandate"] = "Uppdaterat av VG"
    assert client.post(change_url(lisa), data).status_code == 302
    lisa.refresh_from_db()
    assert lisa.mandate == "Uppdaterat av VG"


def test_national_agreement_needs_the_national_level(client, coordinator_vg, superuser):
    national = agreements.agreement("Överenskommelse om evidensbaserad praktik 2016")
    assert national.county_id is None
    client.force_login(superuser)
    data = form_data(client.get(change_url(national)), "agreement_form")
    data["purpose"] = "Ändrat syfte"
    client.force_login(coordinator_vg)
    assert client.post(change_url(national), data).status_code == 403

    CoordinatorScope.objects.filter(user=coordinator_vg).update(national=True)
    coordinator_vg.refresh_from_db()
    assert client.post(change_url(national), data).status_code == 302
    national.refresh_from_db()
    assert national.purpose == "Ändrat syfte"


def test_changelist_marks_other_counties_rows_as_not_editable(client, coordinator_dalarna):
    _vg_body(), _dalarna_body()
    client.force_login(coordinator_dalarna)
    response = client.get(reverse("admin:bodies_body_changelist") + "?all=")
    rows = {b.slug: b._in_scope for b in response.context["cl"].result_list}
    assert rows["lisa"] is False
    assert rows["valfardsradet"] is True
    assert "får ändras" in response.content.decode().lower()


def test_dalarna_coordinator_cannot_add_an_agreement_for_vg(client, coordinator_dalarna):
    client.force_login(coordinator_dalarna)
    url = reverse("admin:agreements_agreement_add")
    data = form_data(client.get(url), "agreement_form")
    vg = bodies.county("14")
    data.update(title="Smygavtal", kind=AgreementKind.COLLABORATION_AGREEMENT, county=str(vg.pk))
    response = client.post(url, data)
    assert response.status_code == 200
    assert not Agreement.objects.filter(title="Smygavtal").exists()
    # Left empty, the agreement would be national: also outside a county coordinator's scope.
    data["county"] = ""
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Du saknar behörighet för nationell nivå." in response.content.decode()
    assert not Agreement.objects.filter(title="Smygavtal").exists()


def test_bulk_delete_of_another_countys_records_is_refused(client, coordinator_dalarna):
    agreement = _vg_agreement()
    client.force_login(coordinator_dalarna)
    response = client.post(
        reverse("admin:agreements_agreement_changelist"),
        {"action": "delete_selected", "_selected_action": [agreement.pk]},
        follow=True,
    )
    assert "Du saknar behörighet för Västra Götalands län." in response.content.decode()
    assert Agreement.objects.filter(pk=agreement.pk).exists()


def test_superuser_may_change_every_county(client, superuser):
    client.force_login(superuser)
    for body in (_vg_body(), _dalarna_body()):
        data = form_data(client.get(change_url(body)), "body_form")
        data["composition"] = "Ändrat av administratören"
        assert client.post(change_url(body), data).status_code == 302
