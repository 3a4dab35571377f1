"""The agreement list builds its parts from plain rows; its output must be exactly what
``AgreementSerializer`` gives for each agreement."""

from __future__ import annotations

import json

import pytest
from rest_framework.test import APIRequestFactory

from agreements.api import AgreementViewSet
from agreements.models import Agreement, Clause, Signatory
from agreements.serializers import AgreementListSerializer, AgreementSerializer
from bodies.models import Body, Organisation, Person

pytestmark = pytest.mark.django_db


def _both(agreements, fresh, request):
    context = {"request": request, "on": None}
    one_by_one = [AgreementSerializer(a, context=context).data for a in fresh]
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
    agreements = list(view.get_queryset())
    assert len(agreements) >= 9
    assert Clause.objects.count() > 10

    fast, expected = _both(agreements, list(view.get_queryset()), request)

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
    import datetime as dt

    from agreements.models import AgreementKind, RenewalType
    from bodies.models import Meeting

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
