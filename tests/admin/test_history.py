"""Every write leaves a history event (admin, bulk update, command), shown with revert."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from bodies.models import Body, ChairRotationRule, ChairTerm
from tests.admin.helpers import change_url, form_data
from tests.factories import agreements, bodies

pytestmark = pytest.mark.django_db


def _lisa():
    """A body of Västra Götaland with a mandate (like LiSA)."""
    return bodies.body(
        "LiSA", in_county=bodies.county("14"), slug="lisa", mandate="Leda samverkan i länet."
    )


def _history_url(obj):
    return reverse("admin:bodies_body_history", args=[obj.pk])


def test_admin_save_is_recorded_with_the_coordinators_user(client, coordinator_vg):
    lisa = _lisa()
    client.force_login(coordinator_vg)
    data = form_data(client.get(change_url(lisa)), "body_form")
    data["mandate"] = "Mandat enligt 2017 års beslut"
    assert client.post(change_url(lisa), data).status_code == 302

    event = lisa.events.order_by("-pgh_id").first()
    assert event.pgh_label == "update"
    assert event.mandate == "Mandat enligt 2017 års beslut"
    assert event.pgh_context.metadata["user"] == coordinator_vg.pk

    html = client.get(_history_url(lisa)).content.decode()
    assert coordinator_vg.username in html
    assert "mandat och syfte" in html
    assert "Mandat enligt 2017 års beslut" in html


def test_bulk_update_is_recorded(superuser):
    _lisa(), bodies.body("SRO", in_county=bodies.county("14"), slug="sro")
    before = Body.objects.get(slug="lisa").events.count()
    Body.objects.filter(slug__in=["lisa", "sro"]).update(meetings_per_year=11)
    lisa = Body.objects.get(slug="lisa")
    assert lisa.events.count() == before + 1
    event = lisa.events.order_by("-pgh_id").first()
    assert event.pgh_label == "update"
    assert event.meetings_per_year == 11


def test_management_command_writes_are_recorded(db):
    import datetime as dt

    rule, _ = ChairRotationRule.objects.get_or_create(
        body=bodies.body("Chefsnätverket", in_county=bodies.county("20")),
        defaults={"first_term_starts_on": dt.date(2019, 1, 1)},
    )
    ChairTerm.objects.filter(body=rule.body).delete()
    event_model = ChairTerm.pgh_event_model
    before = event_model.objects.filter(pgh_label="insert").count()

    call_command("generate_chair_terms", rule.body.slug, "--years", "2", verbosity=0)

    inserted = event_model.objects.filter(pgh_label="insert").order_by("-pgh_id")
    assert inserted.count() > before
    assert inserted.first().pgh_context.metadata["source"] == "generate_chair_terms"


def test_revert_restores_an_earlier_state_as_a_new_change(client, superuser):
    lisa = _lisa()
    original = lisa.mandate
    client.force_login(superuser)
    data = form_data(client.get(change_url(lisa)), "body_form")
    data["mandate"] = "Felaktig ändring"
    assert client.post(change_url(lisa), data).status_code == 302
    lisa.refresh_from_db()
    # The event recorded before the mistake holds the original mandate.
    earlier = lisa.events.filter(mandate=original).order_by("-pgh_id").first()

    response = client.post(
        reverse("admin:bodies_body_revert", args=[lisa.pk, earlier.pgh_id]),
        {"version": lisa.version},
        follow=True,
    )
    assert "Återställd" in response.content.decode()
    reverted = Body.objects.get(pk=lisa.pk)
    assert reverted.mandate == original
    assert reverted.version == lisa.version + 1
    last = reverted.events.order_by("-pgh_id").first()
    assert last.pgh_context.metadata["user"] == superuser.pk


def test_revert_from_a_stale_history_page_is_refused(client, superuser):
    lisa = _lisa()
    earlier = lisa.events.order_by("pgh_id").first()
    Body.objects.filter(pk=lisa.pk).update(mandate="Ändrat under tiden")
    client.force_login(superuser)
    response = client.post(
        reverse("admin:bodies_body_revert", args=[lisa.pk, earlier.pgh_id]),
        {"version": lisa.version},
        follow=True,
    )
    assert "Posten har ändrats av någon annan" in response.content.decode()
    assert Body.objects.get(pk=lisa.pk).mandate == "Ändrat under tiden"


def test_coordinator_of_another_county_cannot_revert(client, coordinator_dalarna):
    lisa = _lisa()
    earlier = lisa.events.order_by("pgh_id").first()
    client.force_login(coordinator_dalarna)
    assert client.get(_history_url(lisa)).status_code == 200
    response = client.post(
        reverse("admin:bodies_body_revert", args=[lisa.pk, earlier.pgh_id]),
        {"version": lisa.version},
    )
    assert response.status_code == 403


def test_agreement_history_shows_changes_made_to_its_clauses(client, superuser):
    from agreements.models import Clause

    agreement = agreements.agreement(in_county=bodies.county("14"))
    clause = agreements.clause(agreement, order=1)
    agreements.clause(agreement, order=2)
    Clause.objects.filter(pk=clause.pk).update(text="Punkten i ny lydelse")
    client.force_login(superuser)
    html = client.get(reverse("admin:agreements_agreement_history", args=[agreement.pk]))
    html = html.content.decode()
    assert "Klausul:" in html
    assert "Punkten i ny lydelse" in html
