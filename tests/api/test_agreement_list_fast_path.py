"""The agreement list builds its parts from plain rows; its output must be exactly what
``AgreementSerializer`` gives for each agreement."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from rest_framework.test import APIRequestFactory

from agreements.models import (
    Agreement,
    AgreementKind,
    AgreementRelation,
    Clause,
    RelationKind,
    RenewalType,
    Signatory,
)
from bodies.models import Body, Meeting, Organisation, Person
from governance.api.agreements.serializers import (
    AgreementListSerializer,
    AgreementSerializer,
    agreement_rows,
)
from governance.api.agreements.views import AgreementViewSet

pytestmark = pytest.mark.usefixtures("seed")


def _both(agreements, fresh, request):
    context = {"request": request, "on": None}
    one_by_one = [AgreementSerializer(a, context=context).data for a in fresh]
    # The rows as the list view reads them; the items are then built from plain values.
    fast = AgreementSerializer(agreements, many=True, context=context)
    assert isinstance(fast, AgreementListSerializer)
    # Through JSON, as clients see them (dates, decimals and lazy strings rendered).
    return json.loads(json.dumps(fast.data, default=str)), json.loads(
        json.dumps(one_by_one, default=str)
    )


def test_list_of_the_seed_agreements_equals_the_serializer_output_of_each():
    # Give the seed data every part: signatories and clause references as well.
    agreement = Agreement.objects.filter(clauses__isnull=False).order_by("pk").first()
    clause = agreement.clauses.order_by("order").first()
    clause.organisations.add(*Organisation.objects.order_by("pk")[:2])
    clause.bodies.add(*Body.objects.order_by("pk")[:2])
    Signatory.objects.create(
        agreement=agreement,
        person=Person.objects.create(name="Anna  Andersson"),
        title="Ordförande",
        organisation=Organisation.objects.order_by("pk").first(),
        order=1,
    )
    request = APIRequestFactory().get("/api/v1/agreements/")
    view = AgreementViewSet(action="list", request=request, format_kwarg=None)
    rows = list(agreement_rows(view.get_queryset()))
    assert len(rows) >= 9
    assert isinstance(rows[0], dict)
    assert Clause.objects.count() > 10

    fast, expected = _both(rows, list(view.get_queryset()), request)

    assert fast == expected
    assert any(a["signatories"] for a in fast)
    assert any(c["organisations"] and c["bodies"] for a in fast for c in a["clauses"])
    assert any(a["adoptions"] for a in fast)


def test_list_api_page_equals_the_detail_of_each_agreement(anon):
    page = anon.get("/api/v1/agreements/?page_size=20").json()["results"]
    assert page
    for item in page:
        detail = anon.get(item["url"]).json()
        assert item == detail


def test_detail_gives_the_renewal_deadline_with_its_body_and_meeting(anon):
    body = Body.objects.order_by("pk").first()
    Meeting.objects.filter(body=body).delete()
    meeting = Meeting.objects.create(body=body, date=dt.date(2030, 11, 29))
    express = Agreement.objects.create(
        title="Avtal som måste förnyas",
        kind=AgreementKind.values[0],
        valid_from=dt.date(2028, 1, 1),
        valid_until=dt.date(2030, 12, 31),
        renewal_type=RenewalType.EXPRESS,
        renewal_body=body,
        notice_period_days=14,
    )
    tacit = Agreement.objects.create(
        title="Avtal som förlängs tyst",
        kind=AgreementKind.values[0],
        valid_from=dt.date(2028, 1, 1),
        valid_until=dt.date(2030, 12, 31),
        renewal_type=RenewalType.TACIT,
        renewal_body=body,
    )

    deadline = anon.get(f"/api/v1/agreements/{express.slug}/").json()["renewal_deadline"]

    assert deadline["date"] == "2030-11-29"
    assert deadline["estimated"] is False
    assert deadline["basis"] == "meeting"
    assert deadline["body"]["slug"] == body.slug
    assert deadline["body"]["url"].endswith(f"/api/v1/bodies/{body.slug}/")
    assert deadline["meeting"]["slug"] == meeting.slug
    assert deadline["latest_day"] == "2030-12-17"
    assert deadline["lapses_on"] == "2030-12-31"
    assert anon.get(f"/api/v1/agreements/{tacit.slug}/").json()["renewal_deadline"] is None
    listed = anon.get("/api/v1/agreements/?page_size=200").json()["results"]
    assert next(a for a in listed if a["slug"] == express.slug)["renewal_deadline"] == deadline


def _agreement(slug, start, end, *, draft=False, body=None, notice=0):
    return Agreement.objects.create(
        slug=f"fast-{slug}",
        title=f"Lineage {slug}",
        kind=AgreementKind.COLLABORATION_AGREEMENT,
        is_draft=draft,
        valid_from=start,
        valid_until=end,
        renewal_type=RenewalType.EXPRESS if body else RenewalType.NONE,
        renewal_body=body,
        notice_period_days=notice,
    )


def _relate(source, kind, target):
    AgreementRelation.objects.create(source=source, kind=kind, target=target)


@pytest.mark.parametrize("on", ["", "2019-06-01", "2031-06-01"])
def test_list_equals_detail_through_extensions_supersession_and_renewal_deadlines(anon, on):
    """Every status and every kind of renewal deadline, read from rows by the list and
    from instances by the detail: extension chains (a draft extension counts for nothing),
    renewals that have and have not started, drafts, frameworks."""
    D = dt.date
    meets = Body.objects.order_by("pk")[0]
    rhythm = Body.objects.order_by("pk")[1]
    silent = Body.objects.order_by("pk")[2]
    Meeting.objects.filter(body__in=[meets, rhythm, silent]).delete()
    Body.objects.filter(pk=rhythm.pk).update(meetings_per_year=4, summer_break=True)
    Body.objects.filter(pk=silent.pk).update(meetings_per_year=None)
    Meeting.objects.create(body=meets, date=D(2030, 11, 20))

    extended = _agreement("extended", D(2018, 1, 1), D(2019, 12, 31), body=rhythm, notice=30)
    first = _agreement("ext-1", D(2020, 1, 1), D(2021, 12, 31))
    second = _agreement("ext-2", D(2022, 1, 1), D(2030, 12, 31))
    draft_extension = _agreement("ext-draft", D(2031, 1, 1), None, draft=True)
    _relate(first, RelationKind.EXTENDS, extended)
    _relate(second, RelationKind.EXTENDS, first)
    _relate(draft_extension, RelationKind.EXTENDS, second)
    _relate(_agreement("ext-1-replacement", D(2040, 1, 1), None), RelationKind.REPLACES, first)

    renewed = _agreement("renewed", D(2016, 1, 1), D(2031, 12, 31), body=meets)
    renewal = _agreement("renewal", D(2030, 1, 1), D(2034, 12, 31), body=silent, notice=60)
    _relate(renewal, RelationKind.RENEWS, renewed)
    meeting_due = _agreement("meeting-due", D(2028, 1, 1), D(2030, 12, 31), body=meets)
    replaced_by_draft = _agreement("replaced-by-draft", D(2017, 1, 1), D(2019, 12, 31))
    _relate(
        _agreement("draft", D(2020, 1, 1), None, draft=True),
        RelationKind.REPLACES,
        replaced_by_draft,
    )
    framework = _agreement("framework", D(2015, 1, 1), None)
    _relate(meeting_due, RelationKind.BASED_ON, framework)
    _agreement("upcoming", D(2040, 1, 1), None)
    _agreement("no-start", None, None)
    _agreement("lapsed", D(2010, 1, 1), D(2012, 12, 31))
    _relate(renewed, RelationKind.RENEWS, _agreement("before-renewed", D(2012, 1, 1), None))

    query = f"&on={on}" if on else ""
    listed = anon.get(f"/api/v1/agreements/?page_size=200{query}").json()["results"]
    ours = [item for item in listed if item["slug"].startswith("fast-")]
    assert len(ours) == 15
    for item in ours:
        detail = anon.get(f"/api/v1/agreements/{item['slug']}/?on={on}").json()
        assert item == detail, item["slug"]

    by_slug = {item["slug"]: item for item in ours}
    # The comparison covers what the rules decide, not only empty fields.
    assert by_slug["fast-extended"]["renewal_deadline"]["lapses_on"] == "2030-12-31"
    assert by_slug["fast-extended"]["renewal_deadline"]["basis"] == "rhythm"
    assert by_slug["fast-meeting-due"]["renewal_deadline"]["basis"] == "meeting"
    assert by_slug["fast-renewal"]["renewal_deadline"]["basis"] == "no_meetings"
    assert by_slug["fast-renewed"]["renewal_deadline"] is None
    assert by_slug["fast-meeting-due"]["based_on"]["slug"] == "fast-framework"
    assert by_slug["fast-ext-2"]["predecessor"]["slug"] == "fast-ext-1"
    assert [s["slug"] for s in by_slug["fast-ext-1"]["successors"]] == [
        "fast-ext-2",
        "fast-ext-1-replacement",
    ]
    if on == "2019-06-01":
        statuses = {item["status"] for item in ours}
        assert statuses == {"draft", "upcoming", "in_force", "expired", "superseded"}
        assert by_slug["fast-replaced-by-draft"]["status"] == "in_force"
    if on == "2031-06-01":
        assert by_slug["fast-renewed"]["status"] == "superseded"
        assert by_slug["fast-extended"]["status"] == "expired"
        assert by_slug["fast-ext-1"]["status"] == "expired"
