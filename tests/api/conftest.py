"""Fixtures for the API tests: clients (anonymous, token, session) and a few records of our own."""

from __future__ import annotations

import datetime as dt

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from agreements.models import (
    Agreement,
    AgreementKind,
    AgreementParty,
    AgreementRelation,
    Clause,
    Decision,
    DecisionKind,
    RelationKind,
)
from bodies.models import (
    Body,
    BodyKind,
    BodyLevel,
    Identifier,
    IdentifierScheme,
    Organisation,
    OrganisationKind,
)
from tests.factories.bodies import county


def forget_throttle_counts():
    from django.core.cache import caches
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM governance_api_throttle")
    caches["api"].clear()


@pytest.fixture
def fresh_throttle_counts(db):
    """No counts left by earlier tests: the flush of transactional tests does not empty the
    counts table (it has no model). Emptied again after, for the transactional tests."""
    forget_throttle_counts()
    yield
    forget_throttle_counts()


@pytest.fixture
def anon():
    return APIClient()


def token_client(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def vg_client(coordinator_vg):
    return token_client(coordinator_vg)


@pytest.fixture
def dalarna_client(coordinator_dalarna):
    return token_client(coordinator_dalarna)


@pytest.fixture
def reader_client(reader):
    return token_client(reader)


@pytest.fixture
def vg(db):
    return county("14")


@pytest.fixture
def dalarna(db):
    return county("20")


@pytest.fixture
def records(vg, dalarna):
    """A small world of our own, beside the seed data: slugs start with ``api-``."""
    org = Organisation.objects.create(
        slug="api-org", name="API-testorganisation", kind=OrganisationKind.REGION, county=vg
    )
    Identifier.objects.create(
        organisation=org, scheme=IdentifierScheme.ORGANISATION_NUMBER, value="000000-0001"
    )
    other = Organisation.objects.create(
        slug="api-other", name="API-annan", kind=OrganisationKind.OTHER, county=dalarna
    )
    parent_body = Body.objects.create(
        slug="api-board",
        name="API-styrelse",
        kind=BodyKind.POLITICAL,
        level=BodyLevel.COUNTY,
        county=vg,
    )
    child_body = Body.objects.create(
        slug="api-group",
        name="API-grupp",
        kind=BodyKind.WORKING_GROUP,
        level=BodyLevel.COUNTY,
        county=vg,
        parent=parent_body,
    )
    dalarna_body = Body.objects.create(
        slug="api-dalarna-body",
        name="API-nätverk Dalarna",
        kind=BodyKind.NETWORK,
        level=BodyLevel.COUNTY,
        county=dalarna,
    )
    old = Agreement.objects.create(
        slug="api-agreement-old",
        title="API-överenskommelse 2013",
        kind=AgreementKind.DECLARATION_OF_INTENT,
        county=vg,
        valid_from=dt.date(2013, 1, 1),
        valid_until=dt.date(2015, 12, 31),
    )
    new = Agreement.objects.create(
        slug="api-agreement-new",
        title="API-överenskommelse 2016",
        kind=AgreementKind.DECLARATION_OF_INTENT,
        county=vg,
        valid_from=dt.date(2016, 1, 1),
        valid_until=dt.date(2018, 12, 31),
        renewal_body=parent_body,
    )
    AgreementRelation.objects.create(source=new, kind=RelationKind.RENEWS, target=old)
    AgreementParty.objects.create(agreement=new, organisation=org)
    clause = Clause.objects.create(agreement=new, order=1, text="Parterna samverkar.")
    clause.organisations.add(org)
    clause.bodies.add(parent_body)
    adoption = Decision.objects.create(
        body=parent_body,
        date=dt.date(2015, 12, 1),
        kind=DecisionKind.ADOPTION,
        summary="Antog API-överenskommelsen 2016.",
        agreement=new,
    )
    return {
        "org": org,
        "other": other,
        "parent_body": parent_body,
        "child_body": child_body,
        "dalarna_body": dalarna_body,
        "old": old,
        "new": new,
        "clause": clause,
        "adoption": adoption,
    }


@pytest.fixture
def every_resource(records, vg):
    """At least one row in every resource, also those the seed leaves empty."""
    from bodies.models import Meeting, Membership, Municipality, Person, Seat, SeatSide
    from funding.models import DistributionKey, DistributionShare

    person = Person.objects.create(slug="api-person", name="API Person")
    seat = Seat.objects.create(
        slug="api-seat", body=records["parent_body"], side=SeatSide.REGION, role="Ledamot"
    )
    Membership.objects.create(
        slug="api-membership", seat=seat, person=person, starts_on=dt.date(2016, 1, 1)
    )
    Meeting.objects.create(
        slug="api-meeting", body=records["parent_body"], date=dt.date(2016, 3, 1)
    )
    Municipality.objects.get_or_create(code="1499", defaults={"name": "API-kommun", "county": vg})
    key = DistributionKey.objects.create(slug="api-key", name="API-nyckel", county=vg)
    DistributionShare.objects.create(
        key=key, organisation=records["org"], weight=3, share_percent=75
    )
    DistributionShare.objects.create(
        key=key, organisation=records["other"], weight=1, share_percent=25
    )
    return records


RESOURCES = [
    "counties",
    "municipalities",
    "organisations",
    "persons",
    "bodies",
    "seats",
    "memberships",
    "meetings",
    "agreements",
    "decisions",
    "matters",
    "initiatives",
    "routing-rules",
    "support-structures",
    "goals",
    "milestones",
    "grants",
    "allocations",
    "cofinancing",
    "distribution-keys",
    "positions",
]
