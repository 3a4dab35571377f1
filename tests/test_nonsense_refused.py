"""Records that cannot be true are refused with a message, and by the database where a rule
can be written there: self-commissioning bodies, framework cycles, terms of no length,
control characters in names and titles, repeated routing rules."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from agreements.models import (
    Agreement,
    AgreementKind,
    AgreementRelation,
    RelationKind,
    Signatory,
)
from bodies.models import Body, BodyKind, BodyLevel, Organisation, Person, Seat, SeatSide
from governance.core.text import validate_single_line
from governance.routing.models import Matter, RoutingRule
from governance.routing.services import check_conflicts
from tests.factories import agreements, bodies, routing
from tests.test_models import refused_by_database

pytestmark = pytest.mark.django_db

CONTROL = "Texten får inte innehålla radbrytningar, tabbar eller andra styrtecken."


def _body(slug, **fields):
    return Body.objects.create(
        slug=slug,
        name=slug.title(),
        kind=BodyKind.WORKING_GROUP,
        level=BodyLevel.COUNTY,
        county=bodies.county("14"),
        **fields,
    )


# Commissioning ------------------------------------------------------------------------------


def test_a_body_cannot_commission_itself():
    group = _body("egen-grupp")
    group.commissioned_by = group
    with pytest.raises(ValidationError) as refused:
        group.full_clean()
    assert "commissioned_by" in refused.value.message_dict
    assert refused_by_database(
        lambda: Body.objects.filter(pk=group.pk).update(commissioned_by=group)
    )


def test_bodies_cannot_commission_each_other_in_a_cycle():
    first = _body("forsta-gruppen")
    second = _body("andra-gruppen", commissioned_by=first)
    third = _body("tredje-gruppen", commissioned_by=second)
    first.commissioned_by = third
    with pytest.raises(ValidationError) as refused:
        first.full_clean()
    assert refused.value.message_dict["commissioned_by"] == [
        "Ett organ kan inte ge uppdrag åt sig självt (direkt eller via andra organ)."
    ]


def test_a_chain_of_commissions_without_a_cycle_is_accepted():
    first = _body("uppdragsgivare")
    second = _body("uppdragstagare", commissioned_by=first)
    second.full_clean()


# Frameworks ---------------------------------------------------------------------------------


def _agreement(slug):
    return Agreement.objects.create(slug=slug, title=slug.title(), kind=AgreementKind.ACTION_PLAN)


def test_agreements_cannot_rest_on_each_other_in_a_cycle():
    a, b, c = _agreement("ramverk-a"), _agreement("ramverk-b"), _agreement("ramverk-c")
    AgreementRelation.objects.create(source=a, kind=RelationKind.BASED_ON, target=b)
    AgreementRelation.objects.create(source=b, kind=RelationKind.BASED_ON, target=c)
    closing = AgreementRelation(source=c, kind=RelationKind.BASED_ON, target=a)
    with pytest.raises(ValidationError) as refused:
        closing.full_clean()
    assert refused.value.messages == [
        "En överenskommelse kan inte utgå från sig själv (via andra överenskommelser)."
    ]
    # A lineage in the other direction is no framework cycle.
    AgreementRelation(source=c, kind=RelationKind.REPLACES, target=a).full_clean()


# Terms --------------------------------------------------------------------------------------


def test_a_term_of_zero_months_is_refused():
    body = _body("nollgrupp")
    body.term_months = 0
    with pytest.raises(ValidationError) as refused:
        body.full_clean()
    assert "term_months" in refused.value.message_dict
    assert refused_by_database(lambda: Body.objects.filter(pk=body.pk).update(term_months=0))
    seat = Seat.objects.create(body=body, side=SeatSide.REGION, role="Ledamot")
    seat.term_months = 0
    with pytest.raises(ValidationError):
        seat.full_clean()
    assert refused_by_database(lambda: Seat.objects.filter(pk=seat.pk).update(term_months=0))


# Single-line text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Rad\nbrytning", "Tab\tbort", "Escape\x1b[2J", "Del\x7f", "C1\x85"]
)
def test_control_characters_are_refused_in_single_line_text(text):
    with pytest.raises(ValidationError) as refused:
        validate_single_line(text)
    assert refused.value.messages == [CONTROL]


def test_names_and_titles_with_control_characters_are_refused_by_the_model():
    agreement = Agreement(title="Avtal\r\nInjektion", kind=AgreementKind.ACTION_PLAN)
    with pytest.raises(ValidationError) as refused:
        agreement.full_clean(exclude=["slug"])
    assert refused.value.message_dict["title"] == [CONTROL]

    signatory = Signatory(
        agreement=agreements.agreement(),
        person=Person.objects.create(name="Signe"),
        organisation=bodies.organisation(),
        title="Ordförande\x07",
    )
    with pytest.raises(ValidationError) as refused:
        signatory.full_clean()
    assert refused.value.message_dict["title"] == [CONTROL]


def test_long_texts_may_have_line_breaks():
    agreement = Agreement(
        title="Avtal", kind=AgreementKind.ACTION_PLAN, purpose="Första stycket.\n\nAndra."
    )
    agreement.full_clean(exclude=["slug"])


@pytest.mark.parametrize(
    ("model", "field", "make"),
    [
        (Agreement, "title", agreements.agreement),
        (Body, "name", bodies.body),
        (Organisation, "name", bodies.organisation),
        (Person, "name", bodies.person),
    ],
    ids=["Agreement", "Body", "Organisation", "Person"],
)
def test_the_database_refuses_control_characters_in_names_and_titles(model, field, make):
    rows = model.objects.filter(pk=make().pk)
    assert refused_by_database(lambda: rows.update(**{field: "Namn\nmed radbrytning"}))


# Routing rules ------------------------------------------------------------------------------


def test_an_exact_copy_of_a_routing_rule_is_refused():
    existing = routing.routing_rule(deciding_body=bodies.body())
    copy = RoutingRule(
        matter=existing.matter,
        concerns=existing.concerns,
        county=existing.county,
        clause=existing.clause,
        deciding_body=existing.deciding_body,
        valid_from=existing.valid_from,
        valid_until=existing.valid_until,
        priority=existing.priority + 1,
    )
    copy.full_clean(exclude=["slug"])  # alone it cannot tell a repetition from a contradiction
    with pytest.raises(ValidationError) as refused:
        check_conflicts(copy, list(existing.handlers.all()))
    assert refused.value.messages == [
        f"Regeln upprepar regeln ”{existing}” ({existing.slug}) från samma klausul; "
        "ändra den i stället för att lägga till en likadan."
    ]

    def insert_copy():
        copy.slug = "kopia-av-regel"
        copy.save()

    assert refused_by_database(insert_copy)


def test_a_rule_for_another_clause_is_no_copy():
    existing = routing.routing_rule(handlers=[bodies.organisation()])
    other_clause = agreements.clause(existing.clause.agreement)
    assert not refused_by_database(
        lambda: RoutingRule.objects.create(
            slug="annan-klausul",
            matter=Matter.objects.get(pk=existing.matter_id),
            concerns=existing.concerns,
            county=existing.county,
            clause=other_clause,
            valid_from=existing.valid_from,
            valid_until=existing.valid_until,
        )
    )
