"""Extra registry rows for the page tests, on top of the seeded documents.

The seed data is whatever the documents hold; these rows make each page's
behaviour testable on its own (an agreement that expires within a year of
today, a mandate chain, a distribution key …) and let the query-count tests
multiply the rows a page shows.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from agreements.models import (
    Agreement,
    AgreementKind,
    AgreementParty,
    AgreementRelation,
    Clause,
    Decision,
    DecisionKind,
    RelationKind,
    Signatory,
)
from bodies.models import (
    Body,
    BodyKind,
    BodyLevel,
    ChairTerm,
    County,
    Meeting,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    Person,
    Responsibility,
    Seat,
    SeatSide,
)
from funding.models import (
    Allocation,
    CofinancingShare,
    DistributionKey,
    DistributionShare,
    FundedPosition,
)
from governance.routing.models import Initiative, Matter, Milestone
from tests.factories import bodies as shared

_counter = itertools.count(1)


def county(code="14") -> County:
    return shared.county(code)


def org(name: str, *, kind=OrganisationKind.REGION, in_county=None) -> Organisation:
    return Organisation.objects.create(name=name, kind=kind, county=in_county)


def body(name: str, *, in_county=None, parent=None, **fields) -> Body:
    fields.setdefault("kind", BodyKind.STEERING_GROUP)
    fields.setdefault("level", BodyLevel.COUNTY)
    return Body.objects.create(name=name, county=in_county, parent=parent, **fields)


def agreement(title: str, *, start, end=None, in_county=None, **fields) -> Agreement:
    fields.setdefault("kind", AgreementKind.DECLARATION_OF_INTENT)
    return Agreement.objects.create(
        title=title, valid_from=start, valid_until=end, county=in_county, **fields
    )


def governance_world(prefix: str = "Testlän") -> dict:
    """A small, complete governance of one county: owners, a mandate chain, an agreement
    that must be renewed within the year, its predecessor and national basis."""
    today = timezone.localdate()
    n = next(_counter)
    c = county("14")
    region = org(f"{prefix} region {n}", in_county=c)
    federation = org(
        f"{prefix} kommunförbund {n}", kind=OrganisationKind.MUNICIPAL_FEDERATION, in_county=c
    )
    council = body(
        f"{prefix} politiska rådet {n}",
        in_county=c,
        kind=BodyKind.POLITICAL,
        has_decision_mandate=True,
        mandate="Rådet tar övergripande politiska ställningstaganden i länet.",
        meetings_per_year=9,
        summer_break=True,
        minutes_kept=True,
        personal_participation=True,
        composition="Ordförandena i kommunernas socialnämnder och regionens presidium.",
    )
    council.owners.add(region, federation)
    leadership = body(
        f"{prefix} ledningsgruppen {n}",
        in_county=c,
        parent=council,
        kind=BodyKind.OFFICIALS_LEADERSHIP,
    )
    leadership.owners.add(region, federation)
    working = body(
        f"{prefix} arbetsgruppen {n}",
        in_county=c,
        parent=leadership,
        kind=BodyKind.WORKING_GROUP,
        level=BodyLevel.SUB_REGIONAL,
    )
    Responsibility.objects.create(body=council, order=1, text="Initierar politiska initiativ.")
    seat = Seat.objects.create(
        body=council,
        side=SeatSide.MUNICIPALITIES,
        appointing_organisation=federation,
        role="Ordförande i social- eller omsorgsnämnd",
        count=9,
    )
    Seat.objects.create(
        body=council,
        side=SeatSide.REGION,
        appointing_organisation=region,
        role="Presidiet",
        count=3,
    )
    chair = Person.objects.create(name=f"Kim Ordförandesson {n}")
    Membership.objects.create(
        seat=seat, person=chair, role=MembershipRole.CHAIR, starts_on=today - dt.timedelta(days=30)
    )
    ChairTerm.objects.create(
        body=council,
        role=MembershipRole.VICE_CHAIR,
        side=SeatSide.REGION,
        starts_on=today - dt.timedelta(days=10),
        ends_on=today + dt.timedelta(days=300),
    )
    national = agreement(
        f"Nationell överenskommelse om stöd {n}",
        start=dt.date(2016, 1, 1),
        end=dt.date(2016, 12, 31),
        kind=AgreementKind.NATIONAL_AGREEMENT,
    )
    old = agreement(
        f"{prefix} avsiktsförklaring äldre {n}",
        start=today - dt.timedelta(days=3 * 365),
        end=today - dt.timedelta(days=366),
        in_county=c,
    )
    current = agreement(
        f"{prefix} avsiktsförklaring om kunskapsutveckling {n}",
        start=today - dt.timedelta(days=365),
        end=today + dt.timedelta(days=120),
        in_county=c,
        renewal_body=council,
        purpose="Att gemensamt utveckla en långsiktig struktur.",
    )
    AgreementRelation.objects.create(source=current, kind=RelationKind.REPLACES, target=old)
    AgreementRelation.objects.create(source=current, kind=RelationKind.BASED_ON, target=national)
    AgreementParty.objects.create(agreement=current, organisation=region, order=1)
    AgreementParty.objects.create(agreement=current, organisation=federation, order=2)
    clause = Clause.objects.create(
        agreement=current,
        order=1,
        heading="Vi är överens om:",
        text="att övergripande politiska ställningstaganden tas i rådet.",
    )
    clause.bodies.add(council)
    clause.organisations.add(region)
    Signatory.objects.create(
        agreement=current, person=chair, title="Ordförande", organisation=federation, order=1
    )
    Decision.objects.create(
        body=council,
        date=today - dt.timedelta(days=366),
        kind=DecisionKind.ADOPTION,
        agreement=current,
        summary="Rådet antog avsiktsförklaringen om kunskapsutveckling.",
    )
    Meeting.objects.create(body=council, date=today + dt.timedelta(days=14), notes="Budget")
    return {
        "county": c,
        "region": region,
        "federation": federation,
        "council": council,
        "leadership": leadership,
        "working": working,
        "national": national,
        "old": old,
        "current": current,
        "clause": clause,
        "chair": chair,
    }


def multiply_rows(world: dict, times: int = 6) -> None:
    """More of every kind of row the pages list, hung on ``world``'s records."""
    today = timezone.localdate()
    c, council, current = world["county"], world["council"], world["current"]
    matter = Matter.objects.first() or Matter.objects.create(name="Testärende")
    key = DistributionKey.objects.create(name=f"Testnyckel {next(_counter)}", county=c)
    weights = {}
    for i in range(times):
        n = next(_counter)
        o = org(f"Extra organisation {n}", in_county=c)
        child = body(f"Extra organ {n}", in_county=c, parent=council)
        child.owners.add(o)
        grandchild = body(f"Extra undergrupp {n}", in_county=c, parent=child)
        Responsibility.objects.create(body=council, order=10 + i, text=f"Extra ansvar {n}")
        seat = Seat.objects.create(
            body=council, side=SeatSide.OTHER, appointing_organisation=o, role=f"Extra roll {n}"
        )
        Membership.objects.create(seat=seat, person=Person.objects.create(name=f"Person {n}"))
        Decision.objects.create(
            body=council, date=today - dt.timedelta(days=i + 1), summary=f"Extra beslut {n}"
        )
        Decision.objects.create(
            body=grandchild,
            date=today - dt.timedelta(days=i + 2),
            kind=DecisionKind.ADOPTION,
            agreement=current,
            summary=f"Extra antagande {n}",
        )
        a = agreement(
            f"Extra avsiktsförklaring {n}",
            start=today - dt.timedelta(days=10),
            end=today + dt.timedelta(days=30 + i),
            in_county=c,
            renewal_body=child,
        )
        AgreementParty.objects.create(agreement=a, organisation=o)
        AgreementRelation.objects.create(source=a, kind=RelationKind.BASED_ON, target=current)
        cl = Clause.objects.create(agreement=current, order=10 + i, text=f"att extra punkt {n}")
        cl.bodies.add(child)
        cl.organisations.add(o)
        Signatory.objects.create(
            agreement=current,
            person=Person.objects.create(name=f"Undertecknare {n}"),
            title="Direktör",
            organisation=o,
            order=10 + i,
        )
        Meeting.objects.create(body=child, date=today + dt.timedelta(days=i + 1))
        Milestone.objects.create(year=2004 + i, title=f"Extra milstolpe {n}", text="Text")
        Allocation.objects.create(year=2014, county=c, amount_sek=1000 * (i + 1), purpose="Extra")
        FundedPosition.objects.create(title=f"Extra tjänst {n}", count=1, host=o, county=c)
        CofinancingShare.objects.create(
            year=2030 + n, principals_share_percent=Decimal(50), agreement=current
        )
        Initiative.objects.create(
            title=f"Extra satsning {n}", concerns="municipalities", matter=matter, county=c
        )
        weights[o] = Decimal(100 + i)
    from funding.models import compute_shares

    # The shares of a key must sum to 100 % when the transaction commits.
    with transaction.atomic():
        for o, share in compute_shares(weights).items():
            DistributionShare.objects.create(
                key=key, organisation=o, weight=weights[o], share_percent=share
            )
