"""Routing rules: the resolver's answers for every routing clause, and refused conflicts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from agreements.models import Clause
from bodies.models import County
from governance.routing.models import Initiative, Matter, RoutingRule
from governance.routing.services import (
    check_conflicts,
    find_conflicts,
    resolve_routing,
    routing_for_initiative,
    routing_for_initiatives,
    save_routing_rule,
)
from tests.factories import agreements, bodies, routing

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


@pytest.fixture
def vg():
    return routing.vg_declaration()


@pytest.fixture
def dalarna():
    return routing.dalarna_proposal()


def _resolve(matter, concerns, county, on):
    return resolve_routing(matter=matter, concerns=concerns, county=county, on=on)


def test_vg_answer_names_handler_and_date_in_message(vg):
    answer = _resolve(vg.initiatives, "municipalities", vg.county, IN_VG_DECLARATION)

    assert "VästKom" in answer.message
    assert "2017-06-01" in answer.message


def test_vg_rules_stop_after_2018_and_sro_must_decide_renewal(vg):
    answer = _resolve(vg.initiatives, "municipalities", vg.county, AFTER_VG_DECLARATION)

    assert answer.in_force is False
    assert answer.handlers == []
    assert answer.deciding_body is None
    assert answer.renewal_body == vg.sro
    assert answer.ended_agreement == vg.declaration
    assert "2018-12-31" in answer.message
    assert "SRO" in answer.message


def test_vg_rules_still_apply_on_the_last_day_of_2018(vg):
    answer = _resolve(vg.positions, "both", vg.county, dt.date(2018, 12, 31))

    assert answer.in_force is True
    assert answer.deciding_body == vg.sro


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


def test_dalarna_answers_say_they_rest_on_a_draft(dalarna):
    answer = _resolve(dalarna.working_groups, "both", dalarna.county, IN_DALARNA_PROPOSAL)

    assert answer.in_force is True
    assert answer.based_on_draft is True
    assert any("utkast" in note for note in answer.notes)
    assert all("utkast" in m.rule.explanation for m in answer.rules)


def test_dalarna_rules_do_not_apply_before_2019(dalarna):
    answer = _resolve(dalarna.working_groups, "both", dalarna.county, dt.date(2018, 6, 1))

    assert answer.in_force is False
    assert "2019-01-01" in answer.message


def test_county_without_rules_for_the_matter_says_so(vg, dalarna):
    answer = _resolve(dalarna.political, "region", vg.county, IN_VG_DECLARATION)

    assert answer.in_force is False
    assert answer.renewal_body is None
    assert "ingen hanteringsregel" in answer.message.lower()


def test_resolver_reads_a_fixed_number_of_queries(vg, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        answer = resolve_routing(
            matter=vg.initiatives, concerns="both", county=vg.county, on=IN_VG_DECLARATION
        )
        [str(m.clause.agreement) for m in answer.rules]
    assert len(answer.rules) == 3


def test_resolver_refuses_unknown_concerns(vg):
    with pytest.raises(ValueError):
        _resolve(vg.initiatives, "everyone", vg.county, IN_VG_DECLARATION)


# Conflicts -----------------------------------------------------------------------


def _vg_rule(vg, **overrides):
    fields = {
        "matter": vg.initiatives,
        "concerns": "municipalities",
        "county": vg.county,
        "clause": vg.clauses[2],
        "priority": 50,
    }
    fields.update(overrides)
    return RoutingRule(**fields)


def test_conflicting_deciding_body_is_refused_by_clean_naming_the_other_rule(vg):
    rule = _vg_rule(vg, deciding_body=vg.sro)

    with pytest.raises(ValidationError) as refused:
        rule.full_clean()

    assert vg.municipalities.slug in str(refused.value)
    assert not RoutingRule.objects.filter(deciding_body=vg.sro, concerns="municipalities").exists()


def test_conflicting_handlers_are_refused_by_check_conflicts(vg):
    rule = _vg_rule(vg)
    rule.full_clean()  # no deciding body on either: clean alone cannot tell

    with pytest.raises(ValidationError) as refused:
        check_conflicts(rule, [vg.koncernkontoret])

    assert vg.municipalities.slug in str(refused.value)


def test_save_routing_rule_refuses_a_conflict_and_saves_nothing(vg):
    before = RoutingRule.objects.count()

    with pytest.raises(ValidationError):
        save_routing_rule(_vg_rule(vg), [vg.koncernkontoret])

    assert RoutingRule.objects.count() == before


def test_editing_a_rule_into_a_conflict_is_refused(vg):
    region_rule = RoutingRule.objects.get(pk=vg.region.pk)
    region_rule.concerns = "municipalities"

    with pytest.raises(ValidationError):
        check_conflicts(region_rule, list(region_rule.handlers.all()))


def test_same_answer_is_not_a_conflict(vg):
    rule = _vg_rule(vg)

    assert find_conflicts(rule, [vg.vastkom]) == []


def test_rule_valid_after_the_other_ends_is_not_a_conflict(vg):
    rule = _vg_rule(vg, valid_from=dt.date(2019, 1, 1), deciding_body=vg.sro)

    assert find_conflicts(rule, [vg.koncernkontoret]) == []


def test_rule_for_other_principals_or_county_is_not_a_conflict(vg):
    other_principals = _vg_rule(vg, concerns="any", deciding_body=vg.sro)
    other_county = _vg_rule(vg, county=bodies.county("01"))

    assert find_conflicts(other_principals, []) == []
    assert find_conflicts(other_county, []) == []


def test_rule_ending_before_it_starts_is_refused_by_the_database_check(vg):
    rule = _vg_rule(vg, valid_from=dt.date(2019, 1, 1), valid_until=dt.date(2018, 1, 1))

    with pytest.raises(ValidationError):
        rule.full_clean()


# Initiatives -----------------------------------------------------------------------


@pytest.mark.usefixtures("seed")
def test_every_seeded_initiative_is_routed():
    initiatives = list(Initiative.objects.select_related("matter", "county"))
    assert initiatives

    routed = routing_for_initiatives(initiatives)

    for initiative in initiatives:
        answers = routed[initiative.pk]
        assert answers, initiative
        assert all(a.message for a in answers)


def test_initiative_for_both_in_vg_is_routed_to_vastkom_and_koncernkontoret(vg):
    initiative = Initiative.objects.create(
        title="Testsatsning",
        year=2016,
        concerns="both",
        county=vg.county,
        matter=vg.initiatives,
    )

    [answer] = routing_for_initiative(initiative)

    assert answer.on == dt.date(2016, 12, 31)
    assert set(answer.handlers) == {vg.vastkom, vg.koncernkontoret}


def test_national_initiative_is_routed_in_every_county_with_rules(vg, dalarna):
    initiative = Initiative.objects.create(
        title="Nationell testsatsning",
        year=2017,
        concerns="municipalities",
        matter=vg.initiatives,
    )

    answers = routing_for_initiative(initiative)

    assert [a.county.code for a in answers] == ["14"]
    assert answers[0].handlers == [vg.vastkom]


def test_initiative_routing_reads_rules_once(vg, dalarna, django_assert_max_num_queries):
    for n in range(5):
        routing.initiative(f"Satsning {n}", year=2016, concerns="region", about=vg.initiatives)
    routing.initiative("Dalarnas satsning", year=2019, about=dalarna.political)
    initiatives = list(Initiative.objects.select_related("matter", "county"))

    with django_assert_max_num_queries(4):
        routed = routing_for_initiatives(initiatives)
    assert len(routed) == 6


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


def test_rules_in_force_on_uses_the_agreements_validity(vg, dalarna):
    from governance.routing.services import rules_in_force_on

    of_vg = RoutingRule.objects.filter(clause__agreement=vg.declaration)
    # A rule from the draft without a date of its own: the draft lends it none.
    undated = routing.routing_rule(
        about=dalarna.political,
        concerns="region",
        county=dalarna.county,
        clause=agreements.clause(dalarna.proposal, order=20),
    )

    assert rules_in_force_on(IN_VG_DECLARATION, of_vg).count() == of_vg.count() == 4
    assert not rules_in_force_on(AFTER_VG_DECLARATION, of_vg).exists()
    in_dalarna = rules_in_force_on(IN_DALARNA_PROPOSAL).filter(county=dalarna.county)
    assert set(in_dalarna) == set(dalarna.rules)
    assert undated not in in_dalarna
