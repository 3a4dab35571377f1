"""Every date and year of the registry lies in one range (1900–2199), in the model and in the
database; what the registry computes from dates at its ends never overflows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.test import Client

from agreements.models import (
    STATUS_DATES,
    Agreement,
    AgreementKind,
    AgreementRelation,
    Decision,
    RelationKind,
    RenewalType,
)
from agreements.renewal import Rhythm, last_meeting_on_or_before, renewal_deadline
from bodies.models import Body, BodyKind, BodyLevel, Meeting
from funding.models import Allocation
from governance.core.dates import EARLIEST, LATEST, add_days, validate_date, validate_year
from governance.core.records import REGISTRY_APPS
from tests.factories import agreements, bodies, documents, funding, routing, sources
from tests.test_models import refused_by_database

BEFORE = dt.date(1899, 12, 31)
AFTER = dt.date(2200, 1, 1)


def _registry_models():
    return [
        model
        for app in REGISTRY_APPS
        for model in apps.get_app_config(app).get_models()
        # The history's event tables copy what the records held.
        if not model._meta.label.endswith("Event") and not model._meta.proxy
    ]


# Columns the database itself works out from a record's in-range dates, replacing whatever a
# client writes (tests/test_agreement_status.py): no value from outside can reach them.
DERIVED = {(Agreement, name) for name in STATUS_DATES}


def _fields(kind):
    return [
        (model, field)
        for model in _registry_models()
        for field in model._meta.concrete_fields
        if kind(field) and (model, field.name) not in DERIVED
    ]


DATE_FIELDS = _fields(lambda f: type(f) is models.DateField)
YEAR_FIELDS = _fields(
    lambda f: (
        isinstance(f, models.PositiveSmallIntegerField)
        and (f.name == "year" or f.name.endswith("_year"))
        and not f.name.endswith("per_year")
    )  # a count, not a year
)


def _label(pair):
    model, field = pair
    return f"{model._meta.label}.{field.name}"


def test_the_registry_has_the_date_and_year_fields_this_file_speaks_of():
    assert len(DATE_FIELDS) >= 18
    assert len(YEAR_FIELDS) >= 9


@pytest.mark.parametrize("pair", DATE_FIELDS + YEAR_FIELDS, ids=_label)
def test_every_date_and_year_field_carries_the_range_as_validator_and_constraint(pair):
    model, field = pair
    validator = validate_date if isinstance(field, models.DateField) else validate_year
    assert validator in field.validators
    names = {c.name for c in model._meta.constraints}
    assert f"{model._meta.app_label}_{model._meta.model_name}_{field.name}_in_range" in names


# One minimal row of each model with a date field, its optional dates left empty, so that a
# date written out of range is refused by its range alone, not by an order of two dates.
ONE_ROW = {
    "bodies.County": lambda: bodies.county("14"),
    "bodies.Municipality": bodies.municipality,
    "bodies.Organisation": bodies.organisation,
    "bodies.Person": bodies.person,
    "bodies.Body": bodies.body,
    "bodies.Seat": bodies.seat,
    "bodies.Membership": bodies.membership,
    "bodies.Meeting": bodies.meeting,
    "bodies.FormerName": bodies.former_name,
    "bodies.ChairRotationRule": bodies.chair_rotation_rule,
    "bodies.ChairTerm": bodies.chair_term,
    "agreements.Agreement": agreements.agreement,
    "agreements.Clause": lambda: agreements.clause(agreements.agreement()),
    "agreements.Signatory": lambda: agreements.signatory(agreements.agreement()),
    "agreements.Decision": lambda: agreements.decision(bodies.body()),
    "funding.StateGrant": funding.state_grant,
    "funding.Allocation": funding.allocation,
    "funding.CofinancingShare": funding.cofinancing_share,
    "funding.DistributionKey": funding.distribution_key,
    "funding.FundedPosition": funding.funded_position,
    "governance.SourceDocument": lambda: sources.source_document(2016),
    "governance.Statement": sources.statement,
    "governance.SupportStructure": bodies.support_structure,
    "governance.PersonRole": bodies.person_role,
    "governance.Matter": routing.matter,
    "governance.Initiative": routing.initiative,
    "governance.RoutingRule": routing.routing_rule,
    "governance.Goal": routing.goal,
    "governance.Milestone": routing.milestone,
    "documents.Document": documents.document,
}


def test_every_model_with_a_date_field_has_a_row_to_try():
    assert {model._meta.label for model, _field in DATE_FIELDS} <= ONE_ROW.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("pair", DATE_FIELDS, ids=_label)
def test_the_database_refuses_dates_outside_the_range_in_every_date_field(pair):
    model, field = pair
    row = ONE_ROW[model._meta.label]()
    assert isinstance(row, model)
    rows = model._default_manager.filter(pk=row.pk)
    for day in (BEFORE, AFTER, dt.date(1, 1, 1), dt.date(9999, 12, 31)):
        assert refused_by_database(lambda day=day: rows.update(**{field.name: day}))


@pytest.mark.django_db
def test_the_database_accepts_the_ends_of_the_range():
    rows = Agreement.objects.filter(pk=agreements.agreement().pk)
    assert not refused_by_database(lambda: rows.update(valid_from=EARLIEST, valid_until=LATEST))


@pytest.mark.django_db
@pytest.mark.parametrize("year", [0, 1899, 2200, 9999])
def test_the_database_refuses_years_outside_the_range(year):
    rows = Decision.objects.filter(pk=agreements.decision(bodies.body()).pk)
    assert refused_by_database(lambda: rows.update(year=year))


@pytest.mark.django_db
@pytest.mark.parametrize("day", [BEFORE, AFTER, dt.date(1, 1, 1)])
def test_full_clean_names_the_date_field_outside_the_range(day):
    agreement = Agreement(title="Utanför", kind=AgreementKind.COUNTY_PLAN, valid_from=day)
    with pytest.raises(ValidationError) as refused:
        agreement.full_clean(exclude=["slug"])
    assert refused.value.message_dict["valid_from"] == [
        "Datumet måste ligga mellan 1900-01-01 och 2199-12-31."
    ]


@pytest.mark.django_db
def test_an_allocation_for_year_zero_is_refused_with_a_message():
    allocation = Allocation(year=0, purpose="Noll", sub_region="Nordost")
    with pytest.raises(ValidationError) as refused:
        allocation.full_clean(exclude=["slug"])
    assert refused.value.message_dict["year"] == ["Året måste ligga mellan 1900 och 2199."]
    allocation.year = 1900
    allocation.full_clean(exclude=["slug"])


def test_add_days_holds_at_the_ends_of_pythons_calendar():
    assert add_days(dt.date(1, 1, 5), -365) == dt.date.min
    assert add_days(dt.date(9999, 12, 31), 1) == dt.date.max
    assert add_days(LATEST, 1) == dt.date(2200, 1, 1)
    assert add_days(EARLIEST, -1) == BEFORE


# What the registry computes from dates at the ends of the range ----------------------------


@pytest.fixture
def edge_agreements(db):
    """Agreements at both ends of the range, with express renewal and the longest notice
    period, and one that extends another county's agreement to the last day."""
    vg = bodies.county("14")
    dalarna = bodies.county("20")
    board = Body.objects.create(
        slug="kant-styrelse",
        name="Kantstyrelse",
        kind=BodyKind.POLITICAL,
        level=BodyLevel.COUNTY,
        county=vg,
        meetings_per_year=4,
    )
    Meeting.objects.create(body=board, date=EARLIEST)
    first = Agreement.objects.create(
        slug="kant-tidigast",
        title="Tidigast möjliga",
        kind=AgreementKind.COUNTY_PLAN,
        county=vg,
        valid_from=EARLIEST,
        valid_until=dt.date(1900, 6, 1),
        renewal_type=RenewalType.EXPRESS,
        renewal_body=board,
        notice_period_days=32767,
    )
    last = Agreement.objects.create(
        slug="kant-senast",
        title="Senast möjliga",
        kind=AgreementKind.COUNTY_PLAN,
        county=vg,
        valid_from=dt.date(2199, 1, 1),
        valid_until=LATEST,
        renewal_type=RenewalType.EXPRESS,
        renewal_body=board,
    )
    other = Agreement.objects.create(
        slug="kant-dalarna",
        title="Dalarnas avtal",
        kind=AgreementKind.COLLABORATION_AGREEMENT,
        county=dalarna,
        valid_from=dt.date(2020, 1, 1),
        valid_until=dt.date(2021, 12, 31),
    )
    AgreementRelation.objects.create(source=last, kind=RelationKind.EXTENDS, target=other)
    return first, last, other


def test_renewal_deadlines_at_the_ends_of_the_range_are_computed(edge_agreements):
    first, last, _other = edge_agreements
    early = renewal_deadline(Agreement.objects.get(pk=first.pk))
    assert early.lapses_on == dt.date(1900, 6, 1)
    assert early.latest_day < EARLIEST
    late = renewal_deadline(Agreement.objects.get(pk=last.pk))
    assert late.lapses_on == LATEST and late.date <= LATEST


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/agreements/",
        "/api/v1/agreements/?format=csv",
        "/api/v1/agreements/kant-tidigast/",
        "/api/v1/agreements/kant-senast/",
        "/api/v1/agreements/?on=1900-01-01",
        "/api/v1/agreements/?on=2199-12-31&status=in_force",
        "/kalender.ics",
        "/overenskommelser/",
        "/overenskommelser/kant-tidigast/",
        "/overenskommelser/kant-senast/",
        "/overenskommelser/kant-dalarna/",
        "/",
    ],
)
def test_pages_feeds_and_api_answer_for_agreements_at_the_ends_of_the_range(edge_agreements, url):
    assert Client().get(url).status_code == 200


def test_meeting_estimates_near_the_start_of_pythons_calendar_do_not_overflow():
    # Stored dates cannot get there; a computed day (a long notice period back) still may.
    day, estimated, _basis, meeting = last_meeting_on_or_before(
        Rhythm(meetings_per_year=4, summer_break=False), dt.date(1, 3, 1), meetings=[]
    )
    assert estimated and meeting is None and day <= dt.date(1, 3, 1)
