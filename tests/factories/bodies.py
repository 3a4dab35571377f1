"""Counties, municipalities, organisations, bodies, people and their seats."""

from __future__ import annotations

import datetime as dt
import itertools
from functools import cache

from bodies.models import (
    Body,
    BodyKind,
    BodyLevel,
    ChairRotationRule,
    ChairTerm,
    County,
    FormerName,
    Meeting,
    Membership,
    MembershipRole,
    Municipality,
    Organisation,
    OrganisationKind,
    Person,
    PersonRole,
    Seat,
    SeatSide,
    SupportStructure,
)
from governance.seed.loader import DATA_DIR, read_file

_n = itertools.count(1)


@cache
def _seed_counties() -> dict[str, dict]:
    """The counties' names and slugs as the seed gives them, by SCB code."""
    content = read_file(DATA_DIR / "counties.yaml")
    return {r["fields"]["code"]: r["fields"] for r in content["records"]}


def county(code: str = "14") -> County:
    """The county with SCB code ``code``, created with the seed's name if it is missing."""
    known = _seed_counties().get(code, {"name": f"Testlän {code}", "slug": f"testlan-{code}"})
    found, _ = County.objects.get_or_create(
        code=code, defaults={"name": known["name"], "slug": known["slug"]}
    )
    return found


def municipality(code: str = "1480", *, in_county: County | None = None, **fields) -> Municipality:
    fields.setdefault("name", f"Testkommun {code}")
    return Municipality.objects.create(code=code, county=in_county or county(code[:2]), **fields)


def organisation(name: str | None = None, *, in_county: County | None = None, **fields):
    """A region in ``in_county`` by default (no county: a national organisation)."""
    fields.setdefault("kind", OrganisationKind.REGION)
    return Organisation.objects.create(
        name=name or f"Testorganisation {next(_n)}", county=in_county, **fields
    )


def person(name: str | None = None, **fields) -> Person:
    return Person.objects.create(name=name or f"Test Person {next(_n)}", **fields)


def body(name: str | None = None, *, in_county: County | None = None, parent=None, **fields):
    """A county-level steering group; ``owners`` (organisations) are added after saving."""
    owners = fields.pop("owners", ())
    fields.setdefault("kind", BodyKind.STEERING_GROUP)
    fields.setdefault("level", BodyLevel.COUNTY)
    made = Body.objects.create(
        name=name or f"Testorgan {next(_n)}", county=in_county, parent=parent, **fields
    )
    if owners:
        made.owners.add(*owners)
    return made


def seat(of_body: Body | None = None, **fields) -> Seat:
    fields.setdefault("side", SeatSide.REGION)
    fields.setdefault("role", "Ledamot")
    return Seat.objects.create(body=of_body or body(), **fields)


def membership(in_seat: Seat | None = None, *, who: Person | None = None, **fields):
    fields.setdefault("starts_on", dt.date(2016, 1, 1))
    return Membership.objects.create(seat=in_seat or seat(), person=who or person(), **fields)


def meeting(of_body: Body | None = None, **fields) -> Meeting:
    fields.setdefault("date", dt.date(2016, 3, 1))
    return Meeting.objects.create(body=of_body or body(), **fields)


def support_structure(in_county: County | None = None, **fields) -> SupportStructure:
    """A county's support structure (its profile); ``source`` dates it."""
    return SupportStructure.objects.create(county=in_county or county(), **fields)


def former_name(of=None, name: str | None = None, **fields) -> FormerName:
    """A name organisation ``of`` (or a body, given as ``body=``) went by, undated."""
    if "body" not in fields:
        fields["organisation"] = of or organisation()
    return FormerName.objects.create(name=name or f"Tidigare namn {next(_n)}", **fields)


def chair_rotation_rule(of_body: Body | None = None, **fields) -> ChairRotationRule:
    """A yearly rotation of ``of_body``'s chair, from 2016."""
    fields.setdefault("first_term_starts_on", dt.date(2016, 1, 1))
    return ChairRotationRule.objects.create(body=of_body or body(), **fields)


def chair_term(of_body: Body | None = None, **fields) -> ChairTerm:
    """The municipalities' chair of ``of_body`` for 2016."""
    fields.setdefault("role", MembershipRole.CHAIR)
    fields.setdefault("side", SeatSide.MUNICIPALITIES)
    fields.setdefault("starts_on", dt.date(2016, 1, 1))
    fields.setdefault("ends_on", dt.date(2016, 12, 31))
    return ChairTerm.objects.create(body=of_body or body(), **fields)


def person_role(who: Person | None = None, **fields) -> PersonRole:
    """A person a source names in a role."""
    fields.setdefault("role", "Kontaktperson")
    return PersonRole.objects.create(person=who or person(), **fields)
