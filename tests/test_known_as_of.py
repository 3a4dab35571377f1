"""Known as of: status words follow from when a record was last confirmed, on pages, in the
API and in the admin's "Bekräfta" action."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import reverse

from bodies.models import Body, BodyKind, BodyStatus
from bodies.status import body_status
from governance.core.known_as_of import confirm, known_as_of
from governance.core.models import SourceDocument, StatementKind
from tests.factories import bodies, sources

pytestmark = pytest.mark.django_db

D = dt.date
PLANS_TITLE = "SKL:s sammanställning av länsplanerna"


@pytest.fixture
def plans():
    """A source of 2014 with the short title of SKL's summary of the county plans."""
    return sources.source_document(2014, slug="skl-lansplaner-2014", short_title=PLANS_TITLE)


@pytest.fixture
def maritgruppen(plans):
    """A body in Örebro (county 18) known only from a source of 2014, never confirmed, whose
    dismantling the source announces for 2015; nothing says whether it decides."""
    made = bodies.body(
        "Samverkansgruppen för hälso- och sjukvård, socialtjänst, elevstöd och skolhälsovård",
        short_name="Maritgruppen",
        kind=BodyKind.POLITICAL,
        in_county=bodies.county("18"),
        source=plans,
    )
    sources.statement(
        plans,
        kind=StatementKind.ANNOUNCED_CHANGE,
        topic="Maritstrukturen avvecklas",
        event_year=2015,
        subject_type=ContentType.objects.get_for_model(Body),
        subject_id=made.pk,
    )
    return Body.objects.select_related("source").get(pk=made.pk)


def test_a_body_is_in_operation_according_to_its_source_within_the_period(maritgruppen):
    words = body_status(maritgruppen, D(2015, 6, 1))
    assert words.code == "in_operation"
    assert words.text == f"Verksam enligt {PLANS_TITLE} (2014)"


def test_after_the_period_the_status_is_unknown_since_the_confirmation(maritgruppen):
    words = body_status(maritgruppen, D(2016, 1, 2))
    assert words.code == "unknown"
    assert words.text == "Status okänd sedan 2014"
    assert "Verksam" not in body_status(maritgruppen).text


def test_the_period_is_a_setting(maritgruppen, settings):
    settings.STATUS_CONFIRMATION_DAYS = 365 * 30
    assert body_status(maritgruppen, D(2026, 1, 1)).code == "in_operation"
    settings.STATUS_CONFIRMATION_DAYS = 30
    assert body_status(maritgruppen, D(2014, 3, 1)).code == "unknown"


def test_a_confirmation_renews_the_status(maritgruppen):
    source = SourceDocument.objects.create(
        slug="protokoll-2025", title="Protokoll 2025", short_title="Protokoll", year=2025
    )
    confirm([maritgruppen], source=source, on=D(2025, 5, 2), today=D(2025, 6, 1))

    fresh = Body.objects.get(pk=maritgruppen.pk)
    assert known_as_of(fresh).label == "2025-05-02"
    assert body_status(fresh, D(2026, 1, 1)).text == "Verksam enligt Protokoll (2025-05-02)"
    assert body_status(fresh, D(2027, 6, 1)).text == "Status okänd sedan 2025-05-02"


def test_a_confirmation_in_the_future_is_refused(maritgruppen, plans):
    source = plans
    with pytest.raises(ValidationError):
        confirm([maritgruppen], source=source, on=D(2030, 1, 1), today=D(2026, 1, 1))
    assert Body.objects.get(pk=maritgruppen.pk).confirmed_on is None


def test_proposed_and_dissolved_bodies_say_so():
    council = bodies.body("Välfärdsrådet", status=BodyStatus.PROPOSED)
    assert council.status == BodyStatus.PROPOSED
    assert body_status(council).code == "proposed"
    council.dissolved_on, council.status = D(2020, 1, 1), BodyStatus.DISSOLVED
    assert body_status(council).text == "Upplöst 2020-01-01"


def test_body_page_never_says_a_plain_verksam(client, maritgruppen):
    html = client.get(maritgruppen.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Status okänd sedan 2014" in html
    assert "<dd>Verksam</dd>" not in html
    # The announced dismantling is shown as a dated event with its source.
    assert "Maritstrukturen avvecklas" in html
    assert "händelse 2015" in html


def test_body_list_shows_status_words(client, maritgruppen):
    html = client.get(reverse("web:body-list"), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Status okänd sedan" in html
    assert "<td>Verksam</td>" not in html


def test_api_gives_status_words_and_known_as_of(client, maritgruppen):
    data = client.get(f"/api/v1/bodies/{maritgruppen.slug}/").json()
    assert data["status_words"] == {"code": "unknown", "text": "Status okänd sedan 2014"}
    assert data["known_as_of"] == {
        "date": "2014",
        "source": "skl-lansplaner-2014",
        "confirmed": False,
        "stale": True,
    }
    assert data["has_decision_mandate"] is None


def test_body_page_says_when_the_mandate_is_unknown(client, maritgruppen):
    html = client.get(maritgruppen.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    missing = re.search(r'id="missing-heading".*?</section>', html, re.S).group(0)
    assert "om organet fattar beslut eller ger rekommendationer" in missing.lower()
    assert "Nej, organet ger rekommendationer" not in html
    assert "Ja, organet fattar beslut" not in html


# The admin's "Bekräfta" action --------------------------------------------------------------


def _changelist():
    return reverse("admin:bodies_body_changelist")


def test_admin_confirm_asks_for_source_and_date_then_confirms(
    client, superuser, maritgruppen, plans
):
    client.force_login(superuser)
    source = plans
    ask = client.post(
        _changelist(), {"action": "confirm_selected", "_selected_action": [maritgruppen.pk]}
    )
    assert ask.status_code == 200
    assert "Källa som bekräftar uppgifterna" in ask.content.decode()
    assert Body.objects.get(pk=maritgruppen.pk).confirmed_on is None

    done = client.post(
        _changelist(),
        {
            "action": "confirm_selected",
            "_selected_action": [maritgruppen.pk],
            "confirm": "yes",
            "source": source.pk,
            "confirmed_on": "2024-03-01",
        },
    )
    assert done.status_code == 302
    fresh = Body.objects.get(pk=maritgruppen.pk)
    assert (fresh.confirmed_on, fresh.confirmed_source) == (D(2024, 3, 1), source)


def test_admin_confirm_with_a_bad_date_shows_an_error_and_saves_nothing(
    client, superuser, maritgruppen, plans
):
    client.force_login(superuser)
    source = plans
    response = client.post(
        _changelist(),
        {
            "action": "confirm_selected",
            "_selected_action": [maritgruppen.pk],
            "confirm": "yes",
            "source": source.pk,
            "confirmed_on": "2999-01-01",
        },
    )
    assert response.status_code == 200
    assert "framtida datum" in response.content.decode()
    assert Body.objects.get(pk=maritgruppen.pk).confirmed_on is None


def test_admin_confirm_refuses_records_outside_the_coordinators_counties(
    client, coordinator_vg, maritgruppen, plans
):
    client.force_login(coordinator_vg)
    source = plans
    client.post(
        _changelist(),
        {
            "action": "confirm_selected",
            "_selected_action": [maritgruppen.pk],
            "confirm": "yes",
            "source": source.pk,
            "confirmed_on": "2024-03-01",
        },
    )
    assert Body.objects.get(pk=maritgruppen.pk).confirmed_on is None
