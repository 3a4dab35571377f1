"""Term-end warnings in the admin, and chair terms that a coordinator corrects by hand."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from bodies.models import (
    ChairRotationRule,
    ChairTerm,
    Membership,
    MembershipRole,
    Person,
    Seat,
    SeatSide,
)
from bodies.services import generate_chair_terms
from tests.admin.helpers import change_url, form_data
from tests.factories import bodies


@pytest.fixture
def network(db):
    """A network of Dalarna's without chair terms or seats."""
    return bodies.body("Chefsnätverket", in_county=bodies.county("20"))


def chair_term(body, ends_in_days, name, role=MembershipRole.CHAIR):
    today = timezone.localdate()
    return ChairTerm.objects.create(
        body=body,
        role=role,
        side=SeatSide.REGION,
        starts_on=today - dt.timedelta(days=200),
        ends_on=today + dt.timedelta(days=ends_in_days),
        person=Person.objects.create(name=name),
        generated=False,
    )


def membership(body, ends_in_days, name):
    today = timezone.localdate()
    seat = Seat.objects.create(body=body, side=SeatSide.MUNICIPALITIES, role="Ledamot", count=1)
    return Membership.objects.create(
        seat=seat,
        person=Person.objects.create(name=name),
        starts_on=today - dt.timedelta(days=400),
        ends_on=today + dt.timedelta(days=ends_in_days),
    )


def test_admin_index_lists_terms_ending_within_the_configured_days(
    client, superuser, network, settings
):
    settings.TERM_END_WARNING_DAYS = 45
    soon = chair_term(network, 20, "Ordförande Snart")
    chair_term(network, 60, "Vice Ordförande Senare", MembershipRole.VICE_CHAIR)
    member = membership(network, 44, "Ledamot Snart")
    client.force_login(superuser)

    html = client.get(reverse("admin:index")).content.decode()

    assert "slutar inom 45 dagar" in html
    assert "Ordförande Snart" in html and "Ledamot Snart" in html
    assert "Vice Ordförande Senare" not in html
    assert reverse("admin:bodies_chairterm_change", args=[soon.pk]) in html
    assert reverse("admin:bodies_membership_change", args=[member.pk]) in html
    # A chair term keeps no confirmation of its own: "Bekräfta" confirms its body.
    assert reverse("admin:bodies_body_confirm", args=[network.pk]) in html
    assert reverse("admin:bodies_membership_confirm", args=[member.pk]) in html


def test_ending_soon_filter_on_memberships_and_chair_terms(client, superuser, network, settings):
    settings.TERM_END_WARNING_DAYS = 30
    soon = chair_term(network, 10, "Snart")
    chair_term(network, 90, "Senare", MembershipRole.VICE_CHAIR)
    ending, staying = membership(network, 29, "Går snart"), membership(network, 31, "Stannar")
    client.force_login(superuser)

    terms = client.get(reverse("admin:bodies_chairterm_changelist") + "?ending=soon")
    members = client.get(reverse("admin:bodies_membership_changelist") + "?ending=soon")

    assert [t.pk for t in terms.context["cl"].result_list] == [soon.pk]
    assert [m.pk for m in members.context["cl"].result_list] == [ending.pk]
    assert "inom 30 dagar" in members.content.decode()
    assert staying.pk not in [m.pk for m in members.context["cl"].result_list]


def test_body_change_form_shows_its_terms_ending_soon(client, superuser, network):
    chair_term(network, 15, "Ordförande På Väg Ut")
    client.force_login(superuser)

    html = client.get(change_url(network)).content.decode()

    assert "Slutar snart" in html
    assert "Ordförande På Väg Ut" in html


@pytest.fixture
def yearly_rotation(network):
    """One-year chair terms from 2025, alternating between the principals."""
    ChairRotationRule.objects.update_or_create(
        body=network,
        defaults={
            "term_months": 12,
            "first_term_starts_on": dt.date(2025, 1, 1),
            "first_chair_side": SeatSide.MUNICIPALITIES,
        },
    )
    return network


def test_generated_chair_term_edited_in_the_admin_is_kept_when_the_rotation_runs_again(
    client, superuser, network, yearly_rotation
):
    generate_chair_terms(network, years=2)
    term = ChairTerm.objects.get(body=network, role=MembershipRole.CHAIR, starts_on="2025-01-01")
    assert term.generated
    client.force_login(superuser)
    data = form_data(client.get(change_url(term)), "chairterm_form")
    data["ends_on"] = "2025-06-30"

    assert client.post(change_url(term), data).status_code == 302

    term.refresh_from_db()
    assert (term.ends_on, term.generated) == (dt.date(2025, 6, 30), False)
    generate_chair_terms(network, years=2)
    term.refresh_from_db()
    assert (term.ends_on, term.generated) == (dt.date(2025, 6, 30), False)


def test_only_the_chair_term_edited_in_the_body_form_stops_being_generated(
    client, superuser, network, yearly_rotation
):
    generate_chair_terms(network, years=1)
    client.force_login(superuser)
    data = form_data(client.get(change_url(network)), "body_form")
    prefix = next(
        k[: -len("-ends_on")]
        for k, v in data.items()
        if k.startswith("chair_terms") and k.endswith("-ends_on") and v == "2025-12-31"
    )
    data[f"{prefix}-ends_on"] = "2025-10-31"

    response = client.post(change_url(network), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    edited = ChairTerm.objects.get(body=network, ends_on="2025-10-31")
    untouched = ChairTerm.objects.exclude(pk=edited.pk).get(body=network)
    assert edited.generated is False
    assert untouched.generated is True
