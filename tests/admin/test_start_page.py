"""The admin's start page: the coordinator's tasks first, then the sections in a set order."""

import datetime as dt
import re

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from agreements.models import Agreement, AgreementKind
from tests.factories import bodies, sources


def _index(client, user):
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response


def _expiring_vg_agreement(days_left=30):
    today = timezone.localdate()
    return Agreement.objects.create(
        title="Överenskommelse om uppföljning som snart löper ut",
        kind=AgreementKind.DECLARATION_OF_INTENT,
        county=bodies.county("14"),
        valid_from=today - dt.timedelta(days=300),
        valid_until=today + dt.timedelta(days=days_left),
    )


def _stale_body(code):
    """A body of county ``code`` known only from a source of 2016: its status is unknown."""
    return bodies.body(in_county=bodies.county(code), source=sources.source_document(2016))


def _tasks(response, key):
    return [t.record for g in response.context["task_groups"] if g.key == key for t in g.tasks]


def _confirm(client, record, next_url):
    opts = record._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_confirm", args=[record.pk])
    form = client.get(url + f"?next={next_url}")
    assert form.status_code == 200
    assert "Källa som bekräftar uppgifterna" in form.content.decode()
    source = sources.source_document(timezone.localdate().year)
    return client.post(
        url,
        {
            "source": source.pk,
            "confirmed_on": timezone.localdate().isoformat(),
            "confirm": "yes",
            "next": next_url,
        },
    )


def test_sections_come_in_a_deliberate_order_with_agreements_first(client, coordinator_vg):
    response = _index(client, coordinator_vg)
    labels = [a["app_label"] for a in response.context["app_list"]]
    assert labels[:4] == ["agreements", "bodies", "governance", "funding"]
    agreements = response.context["app_list"][0]
    assert agreements["name"] == "Överenskommelser och beslut"
    assert agreements["models"][0]["object_name"] == "Agreement"
    page = response.content.decode()
    assert page.index('id="att-gora"') < page.index("Överenskommelser och beslut")


def test_third_party_models_are_hidden_from_coordinators_and_swedish_for_superusers(
    client, coordinator_vg, superuser
):
    page = _index(client, coordinator_vg).content.decode()
    for english in ("Access attempts", "Axes", "Pghistory", "Events", "TOTP", "Inloggningsspärr"):
        assert english not in page

    page = _index(client, superuser).content.decode()
    assert "Inloggningsspärr" in page and "Misslyckade inloggningsförsök" in page
    assert "Ändringshistorik" in page
    for english in ("Access attempts", "Access failures", "Access logs", "Pghistory", "Events"):
        assert english not in page


def test_filter_headings_name_the_filter_and_history_is_not_in_capitals(client, superuser):
    client.force_login(superuser)
    page = client.get(reverse("admin:agreements_agreement_changelist")).content.decode()
    assert "<summary>Status i dag</summary>" in page
    assert "På status i dag" not in page
    # The stylesheet every admin page links sets object tools in normal case.
    assert "css/admin.css" in page
    css = (settings.BASE_DIR / "static" / "css" / "admin.css").read_text(encoding="utf-8")
    assert re.search(r"\.object-tools a:link,[^}]*text-transform: none", css)


def test_an_expiring_agreement_is_a_task_until_confirmed(client, coordinator_vg):
    agreement = _expiring_vg_agreement()
    response = _index(client, coordinator_vg)
    assert agreement in _tasks(response, "expiring")
    page = response.content.decode()
    assert re.search(r"Överenskommelse om uppföljning som snart löper ut.*30 dagar kvar", page)
    confirm_url = reverse("admin:agreements_agreement_confirm", args=[agreement.pk])
    assert confirm_url in page

    response = _confirm(client, agreement, reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    agreement.refresh_from_db()
    assert agreement.confirmed_on == timezone.localdate()
    assert agreement not in _tasks(_index(client, coordinator_vg), "expiring")


def test_a_body_whose_confirmation_is_old_is_a_task_until_confirmed(client, coordinator_vg):
    _stale_body("14")
    stale = _tasks(_index(client, coordinator_vg), "stale")
    assert stale, "a Västra Götaland body last confirmed years ago"
    body = stale[0]
    assert body.county.code == "14"
    assert _confirm(client, body, reverse("admin:index")).status_code == 302
    assert body not in _tasks(_index(client, coordinator_vg), "stale")


def test_a_coordinator_sees_only_the_tasks_of_their_counties(client, coordinator_dalarna):
    agreement = _expiring_vg_agreement()
    vg_body, dalarna_body = _stale_body("14"), _stale_body("20")
    response = _index(client, coordinator_dalarna)
    assert agreement not in _tasks(response, "expiring")
    stale = _tasks(response, "stale")
    assert dalarna_body in stale and vg_body not in stale
    assert all(b.county.code == "20" for b in stale)


def test_confirming_outside_ones_scope_is_refused(client, coordinator_dalarna):
    body = _stale_body("14")
    client.force_login(coordinator_dalarna)
    url = reverse("admin:bodies_body_confirm", args=[body.pk])
    assert client.get(url).status_code == 403


def test_next_may_not_lead_off_the_site(client, coordinator_vg):
    agreement = _expiring_vg_agreement()
    client.force_login(coordinator_vg)
    response = _confirm(client, agreement, "https://example.com/")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_the_sections_are_named_in_the_readers_language(client, superuser):
    client.force_login(superuser)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get("/admin/").content.decode()
    for english, swedish in [
        ("Agreements and decisions", "Överenskommelser och beslut"),
        ("Organisations and decision bodies", "Organisationer och beslutsorgan"),
        ("Governance", "Styrning"),
    ]:
        assert english in page and swedish not in page
