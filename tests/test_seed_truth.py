"""The seed registry tells the truth about certainty: the corrected mandates, the facts it
lacked, what it inferred (marked so), and where the documents disagree."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from agreements.models import Agreement, Decision
from bodies.models import Body, BodyKind, BodyLevel, Organisation, PersonRole
from governance.core.models import Statement, StatementKind
from governance.core.records import Basis
from governance.routing.models import Initiative, RoutingRule

# The source documents' slugs (governance/seed/data/sources.yaml).
VG_DECLARATION = "avsiktsforklaring-vg-2016-text"
COUNTY_PLANS = "skl-lansplaner-2014"
SKL_BROCHURE = "skl-broschyr-regionala-stodstrukturer"
DALARNA_PROPOSAL = "dalarna-forslag-ny-organisation"

# Topics of statements on which the sources disagree, or that only one source states.
LONG_TERM_PLAN = "När började kravet på en långsiktig plan?"
STATE_SUPPORT_ENDED = "När upphörde det statliga stödet till stödstrukturerna?"
PLAN_SIGNATURES = "Vem undertecknade länsplanerna 2013?"

pytestmark = pytest.mark.usefixtures("seed")

SEED_DIR = Path(__file__).resolve().parent.parent / "governance" / "seed"


def body(slug):
    return Body.objects.get(slug=slug)


# The three mandates the documents state -----------------------------------------------------


def test_kalmar_presidium_conference_decides():
    # It adopted the new structure and sets direction and action plan (seed 002).
    assert body("presidiekonferens-i-kalmar-lan").has_decision_mandate is True


def test_norrbotten_collaboration_committee_decides():
    # Its commission is to "fastställa gemensamma överenskommelser" (seed 002).
    assert body("samverkansberedningen-kommunerna-landstinget").has_decision_mandate is True


def test_dalarna_steering_group_decides_and_is_a_rules_deciding_body():
    steering = body("styrgruppen-for-chefsnatverket")
    assert steering.has_decision_mandate is True
    assert RoutingRule.objects.filter(deciding_body=steering).exists()


def test_no_seeded_body_is_said_to_only_recommend_and_silence_stays_unknown():
    assert not Body.objects.filter(has_decision_mandate=False).exists()
    unknown = Body.objects.filter(has_decision_mandate__isnull=True)
    for slug in (
        "maritgruppen",
        "kommunberedningen",
        "natverk-valfard",
        "lansstyrgruppen-norrbotten",
    ):
        assert unknown.filter(slug=slug).exists(), slug
    assert unknown.count() >= 25


# Facts the registry lacked ----------------------------------------------------------------


def test_national_network_of_platform_leaders_led_by_skls_coordinator():
    network = body("nationellt-natverk-for-plattformsledare")
    assert (network.kind, network.level, network.county) == (
        BodyKind.NETWORK,
        BodyLevel.NATIONAL,
        None,
    )
    assert list(network.owners.values_list("slug", flat=True)) == ["skl"]
    assert "nationella samordnare" in network.mandate
    assert network.source.slug == COUNTY_PLANS


def test_skls_figures_on_who_signed_the_county_plans():
    figures = Statement.objects.filter(topic=PLAN_SIGNATURES, subject_id=None)
    texts = " ".join(figures.values_list("text", flat=True))
    assert figures.count() == 3
    assert "Två tredjedelar" in texts and "region- eller förbundsdirektören" in texts
    assert "Drygt hälften" in texts and "både kommunerna och landstinget" in texts
    assert "I tio län" in texts and "hälso- och sjukvårdsdirektören" in texts
    assert set(figures.values_list("source__slug", flat=True)) == {COUNTY_PLANS}


@pytest.mark.parametrize(
    ("name", "role_words", "source"),
    [
        ("Åsa Furén-Thulin", "förordet", COUNTY_PLANS),
        ("Per Albinsson", "Nationell samordnare", COUNTY_PLANS),
        ("Per Albinsson", "Kontaktperson", SKL_BROCHURE),
        ("Anna Lilja Qvarlander", "Kontaktperson", SKL_BROCHURE),
    ],
)
def test_people_named_in_a_role_with_their_source(name, role_words, source):
    role = PersonRole.objects.get(person__name=name, source__slug=source, role__contains=role_words)
    assert role.organisation.slug == "skl"
    assert role.section


def test_no_telephone_numbers_or_email_addresses_in_the_seed():
    phone = re.compile(r"\b0\d{1,3}-\d{2,3} ?\d{2} ?\d{2}\b")
    email = re.compile(r"[\w.]+@[\w.]+\.se\b")
    paths = sorted(SEED_DIR.glob("data/*.yaml"))
    assert len(paths) > 5
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert not phone.search(text), path.name
        assert not email.search(text), path.name


# Announced changes: dated events where the source dates them, notes where it does not ------


def test_marit_structure_to_be_dismantled_is_an_event_of_2015():
    change = Statement.objects.about(body("maritgruppen")).get()
    assert change.kind == StatementKind.ANNOUNCED_CHANGE
    assert (change.event_on, change.event_year) == (None, 2015)


def test_orebro_regionkommun_is_dated_1_january_2015():
    change = Statement.objects.about(Organisation.objects.get(slug="regionforbundet-orebro")).get()
    assert change.event_on == dt.date(2015, 1, 1)


def test_dalarnas_region_formation_is_a_note_without_a_date():
    change = Statement.objects.get(slug="regionbildning-dalarna")
    assert change.kind == StatementKind.ANNOUNCED_CHANGE
    assert not change.is_event
    assert change.source.slug == DALARNA_PROPOSAL


# Where the documents disagree, both are kept, each with its source ---------------------------


def test_when_the_long_term_plan_requirement_began_both_accounts():
    accounts = Statement.objects.filter(topic=LONG_TERM_PLAN)
    assert sorted(accounts.values_list("source__slug", "event_year")) == sorted(
        [(COUNTY_PLANS, 2013), (DALARNA_PROPOSAL, 2014)]
    )


def test_when_state_support_ended_both_accounts():
    accounts = Statement.objects.filter(topic=STATE_SUPPORT_ENDED)
    by_source = dict(accounts.values_list("source__slug", "event_year"))
    assert by_source[VG_DECLARATION] == 2016
    assert by_source[DALARNA_PROPOSAL] == 2015


# Inferred values say so, with their reason ---------------------------------------------------


def test_yearly_national_agreements_have_inferred_dates():
    for slug in ("overenskommelse-2013", "overenskommelse-2015", "overenskommelse-ebp-2016"):
        agreement = Agreement.objects.get(slug=slug)
        assert agreement.valid_from_basis == Basis.INFERRED
        assert agreement.valid_until_basis == Basis.INFERRED
        assert "1 januari" in agreement.basis_note


def test_vg_declaration_start_is_inferred_its_end_stated():
    declaration = Agreement.objects.get(slug="avsiktsforklaring-vg-2016")
    assert declaration.valid_from == dt.date(2016, 1, 1)
    assert declaration.valid_from_basis == Basis.INFERRED
    assert declaration.valid_until_basis == Basis.STATED
    assert "härlett" in declaration.basis_note


def test_dalarnas_routing_rules_start_is_inferred():
    rules = RoutingRule.objects.filter(county__code="20")
    assert rules.exists()
    assert set(rules.values_list("valid_from", "valid_from_basis")) == {
        (dt.date(2019, 1, 1), Basis.INFERRED)
    }
    assert all("härlett" in note for note in rules.values_list("basis_note", flat=True))


def test_the_21_plan_decisions_have_an_inferred_year():
    decisions = Decision.objects.filter(kind="plan_decision")
    assert decisions.count() == 21
    assert set(decisions.values_list("year", "date_basis")) == {(2013, Basis.INFERRED)}


def test_which_principals_an_initiative_concerns_is_marked_as_the_registrys_classification():
    initiatives = Initiative.objects.filter(source_agreement__county__isnull=True)
    assert initiatives.exists()
    assert set(initiatives.values_list("concerns_basis", flat=True)) == {Basis.INFERRED}
    assert all(i.basis_note.startswith("Registrets bedömning") for i in initiatives)


def test_skls_page_names_the_people_with_their_roles_and_sources(client):
    skl = Organisation.objects.get(slug="skl")
    html = client.get(skl.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Åsa Furén-Thulin, Sektionschef" in html
    assert "Anna Lilja Qvarlander, Kontaktperson för broschyren" in html
    assert "073-" not in html
