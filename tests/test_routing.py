"""Routing rules: the resolver's answers for every routing clause, and refused conflicts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from agreements.models import Clause
from bodies.models import Body, County, Organisation
from governance.routing.models import Initiative, Matter, RoutingRule
from governance.routing.services import (
    check_conflicts,
    find_conflicts,
    resolve_routing,
    routing_for_initiative,
    routing_for_initiatives,
    save_routing_rule,
)

pytestmark = pytest.mark.django_db

IN_VG_DECLARATION = dt.date(2017, 6, 1)
AFTER_VG_DECLARATION = dt.date(2019, 3, 1)
IN_DALARNA_PROPOSAL = dt.date(2019, 6, 1)


def _ask(matter, concerns, county, on):
    return resolve_routing(
        matter=Matter.objects.get(slug=matter),
        concerns=concerns,
        county=County.objects.get(code=county),
        on=on,
    )


# (case, matter, concerns, county, date, handlers, deciding body, clause slugs)
VG = "avsiktsforklaring-vg-2016"
CASES = [
    (
        "VG att 2: national initiative for the municipalities via VästKom",
        "nationell-satsning",
        "municipalities",
        "14",
        IN_VG_DECLARATION,
        {"vastkom"},
        None,
        [f"{VG}-2"],
    ),
    (
        "VG att 3: national initiative within VGR via Koncernkontoret",
        "nationell-satsning",
        "region",
        "14",
        IN_VG_DECLARATION,
        {"koncernkontoret"},
        None,
        [f"{VG}-3"],
    ),
    (
        "VG att 4: initiative concerning both is watched jointly",
        "nationell-satsning",
        "both",
        "14",
        IN_VG_DECLARATION,
        {"vastkom", "koncernkontoret"},
        None,
        [f"{VG}-2", f"{VG}-3", f"{VG}-4"],
    ),
    (
        "VG att 5: distribution of joint national initiatives decided in LiSA",
        "fordelning-av-nationella-medel",
        "both",
        "14",
        IN_VG_DECLARATION,
        set(),
        "lisa",
        [f"{VG}-5"],
    ),
    (
        "VG att 5: county-wide strategic position taken in LiSA",
        "lansovergripande-stallningstagande",
        "municipalities",
        "14",
        IN_VG_DECLARATION,
        set(),
        "lisa",
        [f"{VG}-5"],
    ),
    (
        "VG att 6: overarching political position taken in SRO",
        "politiskt-stallningstagande",
        "region",
        "14",
        IN_VG_DECLARATION,
        set(),
        "sro",
        [f"{VG}-6"],
    ),
    (
        "Dalarna: the heads' network decides start and end of a working group",
        "start-eller-avslut-av-arbetsgrupp",
        "both",
        "20",
        IN_DALARNA_PROPOSAL,
        set(),
        "chefsnatverket",
        None,
    ),
    (
        "Dalarna: the steering group writes the commission description",
        "uppdragsbeskrivning-for-arbetsgrupp",
        "municipalities",
        "20",
        IN_DALARNA_PROPOSAL,
        set(),
        "styrgruppen-for-chefsnatverket",
        None,
    ),
    (
        "Dalarna: Välfärdsrådet takes political initiatives, in region and municipalities",
        "politiskt-initiativ",
        "region",
        "20",
        IN_DALARNA_PROPOSAL,
        {"region-dalarna", "kommunerna-i-dalarna"},
        "valfardsradet",
        None,
    ),
]


@pytest.mark.parametrize(
    ("matter", "concerns", "county", "on", "handlers", "deciding", "clauses"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
@pytest.mark.usefixtures("seed")
def test_resolver_answers_each_routing_clause(
    matter, concerns, county, on, handlers, deciding, clauses
):
    answer = _ask(matter, concerns, county, on)

    assert answer.in_force is True
    assert {h.slug for h in answer.handlers} == handlers
    assert (answer.deciding_body.slug if answer.deciding_body else None) == deciding
    assert answer.rules, "an answer in force names the rules it comes from"
    for matched in answer.rules:
        assert matched.clause.text
        assert matched.agreement == matched.clause.agreement
    if clauses is not None:
        assert [m.clause.slug for m in answer.rules] == clauses
    else:
        assert {m.agreement.slug for m in answer.rules} == {"organisationsforslag-dalarna-2019"}


@pytest.mark.usefixtures("seed")
def test_vg_answer_names_handler_and_date_in_message():
    answer = _ask("nationell-satsning", "municipalities", "14", IN_VG_DECLARATION)

    assert "VästKom" in answer.message
    assert "2017-06-01" in answer.message


@pytest.mark.usefixtures("seed")
def test_vg_rules_stop_after_2018_and_sro_must_decide_renewal():
    answer = _ask("nationell-satsning", "municipalities", "14", AFTER_VG_DECLARATION)

    assert answer.in_force is False
    assert answer.handlers == []
    assert answer.deciding_body is None
    assert answer.renewal_body.slug == "sro"
    assert answer.ended_agreement.slug == VG
    assert "2018-12-31" in answer.message
    assert "SRO" in answer.message


@pytest.mark.usefixtures("seed")
def test_vg_rules_still_apply_on_the_last_day_of_2018():
    answer = _ask("politiskt-stallningstagande", "both", "14", dt.date(2018, 12, 31))

    assert answer.in_force is True
    assert answer.deciding_body.slug == "sro"


@pytest.mark.usefixtures("seed")
def test_vg_clauses_1_and_7_route_nothing():
    for order in (1, 7):
        clause = Clause.objects.get(slug=f"{VG}-{order}")
        assert not clause.routing_rules.exists()
    routed = set(
        RoutingRule.objects.filter(clause__agreement__slug=VG).values_list(
            "clause__order", flat=True
        )
    )
    assert routed == {2, 3, 4, 5, 6}


@pytest.mark.usefixtures("seed")
def test_dalarna_answers_say_they_rest_on_a_draft():
    answer = _ask("start-eller-avslut-av-arbetsgrupp", "both", "20", IN_DALARNA_PROPOSAL)

    assert answer.based_on_draft is True
    assert any("utkast" in note for note in answer.notes)
    assert all("utkast" in m.rule.explanation for m in answer.rules)


@pytest.mark.usefixtures("seed")
def test_dalarna_rules_do_not_apply_before_2019():
    answer = _ask("start-eller-avslut-av-arbetsgrupp", "both", "20", dt.date(2018, 6, 1))

    assert answer.in_force is False
    assert "2019-01-01" in answer.message


@pytest.mark.usefixtures("seed")
def test_county_without_rules_for_the_matter_says_so():
    answer = _ask("politiskt-initiativ", "region", "14", IN_VG_DECLARATION)

    assert answer.in_force is False
    assert answer.renewal_body is None
    assert "ingen hanteringsregel" in answer.message.lower()


@pytest.mark.usefixtures("seed")
def test_resolver_reads_a_fixed_number_of_queries(django_assert_max_num_queries):
    matter = Matter.objects.get(slug="nationell-satsning")
    county = County.objects.get(code="14")
    with django_assert_max_num_queries(4):
        answer = resolve_routing(
            matter=matter, concerns="both", county=county, on=IN_VG_DECLARATION
        )
        [str(m.clause.agreement) for m in answer.rules]


@pytest.mark.usefixtures("seed")
def test_resolver_refuses_unknown_concerns():
    with pytest.raises(ValueError):
        _ask("nationell-satsning", "everyone", "14", IN_VG_DECLARATION)


# Conflicts -----------------------------------------------------------------------


def _vg_rule(**overrides):
    fields = {
        "matter": Matter.objects.get(slug="nationell-satsning"),
        "concerns": "municipalities",
        "county": County.objects.get(code="14"),
        "clause": Clause.objects.get(slug=f"{VG}-2"),
        "priority": 50,
    }
    fields.update(overrides)
    return RoutingRule(**fields)


@pytest.mark.usefixtures("seed")
def test_conflicting_deciding_body_is_refused_by_clean_naming_the_other_rule():
    existing = RoutingRule.objects.get(
        clause__slug=f"{VG}-2", matter__slug="nationell-satsning", concerns="municipalities"
    )
    rule = _vg_rule(deciding_body=Body.objects.get(slug="sro"))

    with pytest.raises(ValidationError) as refused:
        rule.full_clean()

    assert existing.slug in str(refused.value)
    assert not RoutingRule.objects.filter(
        deciding_body__slug="sro", concerns="municipalities"
    ).exists()


@pytest.mark.usefixtures("seed")
def test_conflicting_handlers_are_refused_by_check_conflicts():
    existing = RoutingRule.objects.get(
        clause__slug=f"{VG}-2", matter__slug="nationell-satsning", concerns="municipalities"
    )
    rule = _vg_rule()
    rule.full_clean()  # no deciding body on either: clean alone cannot tell

    with pytest.raises(ValidationError) as refused:
        check_conflicts(rule, [Organisation.objects.get(slug="koncernkontoret")])

    assert existing.slug in str(refused.value)


@pytest.mark.usefixtures("seed")
def test_save_routing_rule_refuses_a_conflict_and_saves_nothing():
    before = RoutingRule.objects.count()

    with pytest.raises(ValidationError):
        save_routing_rule(_vg_rule(), [Organisation.objects.get(slug="koncernkontoret")])

    assert RoutingRule.objects.count() == before


@pytest.mark.usefixtures("seed")
def test_editing_a_rule_into_a_conflict_is_refused():
    region_rule = RoutingRule.objects.get(clause__slug=f"{VG}-3", concerns="region")
    region_rule.concerns = "municipalities"

    with pytest.raises(ValidationError):
        check_conflicts(region_rule, list(region_rule.handlers.all()))


@pytest.mark.usefixtures("seed")
def test_same_answer_is_not_a_conflict():
    rule = _vg_rule()

    assert find_conflicts(rule, [Organisation.objects.get(slug="vastkom")]) == []


@pytest.mark.usefixtures("seed")
def test_rule_valid_after_the_other_ends_is_not_a_conflict():
    rule = _vg_rule(valid_from=dt.date(2019, 1, 1), deciding_body=Body.objects.get(slug="sro"))

    assert find_conflicts(rule, [Organisation.objects.get(slug="koncernkontoret")]) == []


@pytest.mark.usefixtures("seed")
def test_rule_for_other_principals_or_county_is_not_a_conflict():
    other_principals = _vg_rule(concerns="any", deciding_body=Body.objects.get(slug="sro"))
    other_county = _vg_rule(county=County.objects.get(code="01"))

    assert find_conflicts(other_principals, []) == []
    assert find_conflicts(other_county, []) == []


@pytest.mark.usefixtures("seed")
def test_rule_ending_before_it_starts_is_refused_by_the_database_check():
    rule = _vg_rule(valid_from=dt.date(2019, 1, 1), valid_until=dt.date(2018, 1, 1))

    with pytest.raises(ValidationError):
        rule.full_clean()


# Initiatives -----------------------------------------------------------------------


def test_every_seeded_initiative_is_routed():
    initiatives = list(Initiative.objects.select_related("matter", "county"))
    routed = routing_for_initiatives(initiatives)

    for initiative in initiatives:
        answers = routed[initiative.pk]
        assert answers, initiative
        assert all(a.message for a in answers)


@pytest.mark.usefixtures("seed")
def test_initiative_for_both_in_vg_is_routed_to_vastkom_and_koncernkontoret():
    initiative = Initiative.objects.create(
        title="Testsatsning",
        year=2016,
        concerns="both",
        county=County.objects.get(code="14"),
        matter=Matter.objects.get(slug="nationell-satsning"),
    )

    [answer] = routing_for_initiative(initiative)

    assert answer.on == dt.date(2016, 12, 31)
    assert {h.slug for h in answer.handlers} == {"vastkom", "koncernkontoret"}


@pytest.mark.usefixtures("seed")
def test_national_initiative_is_routed_in_every_county_with_rules():
    initiative = Initiative.objects.create(
        title="Nationell testsatsning",
        year=2017,
        concerns="municipalities",
        matter=Matter.objects.get(slug="nationell-satsning"),
    )

    answers = routing_for_initiative(initiative)

    assert [a.county.code for a in answers] == ["14"]
    assert [h.slug for h in answers[0].handlers] == ["vastkom"]


@pytest.mark.usefixtures("seed")
def test_initiative_routing_reads_rules_once(django_assert_max_num_queries):
    matter = Matter.objects.get(slug="nationell-satsning")
    for n in range(5):
        Initiative.objects.create(
            title=f"Satsning {n}", year=2016, concerns="region", matter=matter
        )
    initiatives = list(Initiative.objects.select_related("matter", "county"))

    with django_assert_max_num_queries(4):
        routing_for_initiatives(initiatives)


@pytest.mark.usefixtures("seed")
def test_dalarna_rules_point_at_the_proposal_passage_without_duplicating_it():
    import re

    rules = RoutingRule.objects.filter(clause__agreement__slug="organisationsforslag-dalarna-2019")
    assert rules.count() == 3
    # Each rule's explanation quotes the passage of the proposal it rests on.
    passages = [re.search(r"Förslaget: ”(.+?)”", r.explanation).group(1) for r in rules]
    for passage in passages:
        clauses = Clause.objects.filter(
            agreement__slug="organisationsforslag-dalarna-2019",
            text__icontains=passage.rstrip("."),
        )
        assert clauses.count() == 1, passage
        assert clauses.get().routing_rules.filter(county__code="20").exists()


@pytest.mark.usefixtures("seed")
def test_rules_in_force_on_uses_the_agreements_validity():
    from governance.routing.services import rules_in_force_on

    vg = RoutingRule.objects.filter(clause__agreement__slug=VG)

    assert rules_in_force_on(IN_VG_DECLARATION, vg).count() == vg.count() == 6
    assert not rules_in_force_on(AFTER_VG_DECLARATION, vg).exists()
    assert rules_in_force_on(IN_DALARNA_PROPOSAL).filter(county__code="20").count() == 3
