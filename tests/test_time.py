"""Time in the registry: chair rotation, succession, membership as of a date, lineage status,
renewal deadlines, term-end warnings and identifiers (issue 10)."""

from __future__ import annotations

import datetime as dt
import itertools
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from agreements.models import (
    Agreement,
    AgreementKind,
    AgreementRelation,
    AgreementStatus,
    RelationKind,
    RenewalType,
)
from agreements.renewal import (
    Basis,
    renewal_deadline,
    renewal_deadlines,
    renewal_deadlines_between,
    rhythm_meetings,
    upcoming_renewal_deadlines,
)
from bodies.models import (
    Body,
    BodyKind,
    ChairRotationRule,
    ChairTerm,
    FormerName,
    Identifier,
    IdentifierScheme,
    Meeting,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    Person,
    Seat,
    SeatSide,
)
from bodies.services import chair_periods, generate_chair_terms, terms_ending_within
from tests.factories import bodies

pytestmark = pytest.mark.django_db

D = dt.date


def body(slug: str, **attrs) -> Body:
    """A county network with ``slug``; ``attrs`` override the defaults."""
    attrs.setdefault("name", slug)
    return bodies.body(slug=slug, kind=BodyKind.NETWORK, **attrs)


@pytest.fixture
def heads_network():
    """Dalarna's heads' network: chair and vice chair for one year, alternating between
    the municipalities and the county council."""
    network = body(
        "chefsnatverket",
        name="Länsnätverk förvaltningschefer inom hälsa och välfärd",
        meetings_per_year=9,
        summer_break=True,
    )
    bodies.chair_rotation_rule(
        network,
        term_months=12,
        first_term_starts_on=D(2019, 1, 1),
        first_chair_side=SeatSide.MUNICIPALITIES,
        vice_chair_from_other_side=True,
    )
    return network


@pytest.fixture
def sro():
    return body("sro", name="Politiskt samrådsorgan VästKom–VGR", short_name="SRO")


def person(name: str) -> Person:
    return Person.objects.create(name=name)


# Chair rotation -------------------------------------------------------------------


def test_rotation_over_five_years_alternates_sides_with_contiguous_dates(heads_network):
    result = generate_chair_terms(heads_network, years=5)

    chairs = [t for t in result.terms if t.role == MembershipRole.CHAIR]
    vices = [t for t in result.terms if t.role == MembershipRole.VICE_CHAIR]
    assert [(t.starts_on, t.ends_on) for t in chairs] == [
        (D(y, 1, 1), D(y, 12, 31)) for y in range(2019, 2024)
    ]
    assert [t.side for t in chairs] == [
        SeatSide.MUNICIPALITIES,
        SeatSide.REGION,
        SeatSide.MUNICIPALITIES,
        SeatSide.REGION,
        SeatSide.MUNICIPALITIES,
    ]
    for chair, vice in zip(chairs, vices, strict=True):
        assert (vice.starts_on, vice.ends_on) == (chair.starts_on, chair.ends_on)
        assert vice.side != chair.side
    for earlier, later in itertools.pairwise(chairs):
        assert later.starts_on == earlier.ends_on + dt.timedelta(days=1)
    assert ChairTerm.objects.filter(body=heads_network, generated=True).count() == 10


def test_generating_again_changes_nothing(heads_network):
    first = generate_chair_terms(heads_network, years=5)
    again = generate_chair_terms(heads_network, years=5)

    assert again.created == [] and again.updated == [] and again.removed == 0
    assert {t.pk for t in again.terms} == {t.pk for t in first.terms}


def test_term_edited_by_hand_is_never_overwritten(heads_network):
    generate_chair_terms(heads_network, years=5)
    chair_2021 = ChairTerm.objects.get(
        body=heads_network, role=MembershipRole.CHAIR, starts_on=D(2021, 1, 1)
    )
    # In reality the county council kept the chair a second year, from February.
    chair_2021.side = SeatSide.REGION
    chair_2021.starts_on = D(2021, 2, 1)
    chair_2021.person = person("Anna Andersson")
    chair_2021.generated = False
    chair_2021.save()

    result = generate_chair_terms(heads_network, years=5)

    chair_2021.refresh_from_db()
    assert (chair_2021.side, chair_2021.starts_on, chair_2021.person.name) == (
        SeatSide.REGION,
        D(2021, 2, 1),
        "Anna Andersson",
    )
    assert chair_2021 in result.kept
    chairs_2021 = ChairTerm.objects.filter(
        body=heads_network, role=MembershipRole.CHAIR, starts_on__year=2021
    )
    assert list(chairs_2021) == [chair_2021]  # no generated term overlapping it


def test_changed_rule_updates_generated_terms_but_not_hand_edited_ones(heads_network):
    generate_chair_terms(heads_network, years=3)
    ChairTerm.objects.filter(
        body=heads_network, role=MembershipRole.VICE_CHAIR, starts_on=D(2019, 1, 1)
    ).update(generated=False, side=SeatSide.MUNICIPALITIES)
    heads_network.rotation_rule.first_chair_side = SeatSide.REGION
    heads_network.rotation_rule.save()

    result = generate_chair_terms(heads_network, years=3)

    sides = dict(
        ChairTerm.objects.filter(body=heads_network)
        .values_list("role", "side")
        .filter(starts_on=D(2019, 1, 1))
    )
    assert sides == {"chair": SeatSide.REGION, "vice_chair": SeatSide.MUNICIPALITIES}
    assert len(result.updated) == 5  # 3 chairs + vice chairs of 2020 and 2021


def test_generation_from_a_later_start_covers_the_term_in_progress(heads_network):
    result = generate_chair_terms(heads_network, years=2, start=D(2022, 6, 1))

    assert sorted({t.starts_on for t in result.terms}) == [
        D(2022, 1, 1),
        D(2023, 1, 1),
        D(2024, 1, 1),
    ]
    periods = chair_periods(heads_network, from_day=D(2022, 6, 1))
    assert periods[0].current and not periods[1].current
    assert periods[0].chair.side == SeatSide.REGION  # 2022 is the fourth term: region


def test_body_without_rotation_rule_is_refused_with_a_message():
    group = body("utan-regel", name="Organ utan regel")
    with pytest.raises(ValueError, match="ingen rotationsregel"):
        generate_chair_terms(group, years=5)


def test_command_generates_terms_and_reports_counts(heads_network):
    out = StringIO()
    call_command(
        "generate_chair_terms",
        heads_network.slug,
        "--years",
        "5",
        "--start",
        "2019-01-01",
        stdout=out,
    )
    assert "10" in out.getvalue()
    assert ChairTerm.objects.filter(body=heads_network).count() == 10


def test_command_refuses_unknown_body_and_bad_date(heads_network):
    with pytest.raises(CommandError, match="finns inget organ"):
        call_command("generate_chair_terms", "finns-inte", "--years", "5")
    with pytest.raises(CommandError, match="ÅÅÅÅ-MM-DD"):
        call_command("generate_chair_terms", heads_network.slug, "--start", "1 jan")


# Succession ------------------------------------------------------------------------


@pytest.fixture
def single_seat(heads_network):
    return Seat.objects.create(
        body=heads_network, side=SeatSide.REGION, role="Direktören för hälsa och välfärd", count=1
    )


def appoint_member(**fields) -> Membership:
    """A membership validated and saved as the admin and the API save one."""
    membership = Membership(**fields)
    membership.full_clean()
    membership.save()
    return membership


def test_successor_closes_the_open_end_of_a_member_serving_until_successor(single_seat):
    first = appoint_member(
        seat=single_seat, person=person("Bo Berg"), starts_on=D(2019, 1, 1), until_successor=True
    )

    appoint_member(seat=single_seat, person=person("Cia Ek"), starts_on=D(2020, 3, 1))

    first.refresh_from_db()
    assert first.ends_on == D(2020, 2, 29)


def test_succession_holds_for_writes_that_bypass_the_service(single_seat):
    first = Membership.objects.create(
        seat=single_seat, person=person("Bo Berg"), starts_on=D(2019, 1, 1), until_successor=True
    )
    Membership.objects.bulk_create(
        [Membership(seat=single_seat, person=person("Cia Ek"), starts_on=D(2021, 1, 1), slug="ek")]
    )
    first.refresh_from_db()
    assert first.ends_on == D(2020, 12, 31)


def test_member_with_a_fixed_end_is_not_cut_short_and_the_overlap_is_refused(single_seat):
    fixed = appoint_member(
        seat=single_seat, person=person("Bo Berg"), starts_on=D(2019, 1, 1), ends_on=D(2020, 12, 31)
    )

    with pytest.raises(ValidationError) as refused:
        appoint_member(seat=single_seat, person=person("Cia Ek"), starts_on=D(2020, 3, 1))

    assert "redan 1 innehavare" in str(refused.value.message_dict["starts_on"])
    fixed.refresh_from_db()
    assert fixed.ends_on == D(2020, 12, 31)


def test_on_a_seat_for_several_only_the_longest_serving_makes_room(heads_network):
    seat = Seat.objects.create(
        body=heads_network, side=SeatSide.REGION, role="Representanter för regionen", count=2
    )
    oldest = appoint_member(
        seat=seat, person=person("Ada"), starts_on=D(2018, 1, 1), until_successor=True
    )
    second = appoint_member(
        seat=seat, person=person("Ben"), starts_on=D(2019, 1, 1), until_successor=True
    )

    appoint_member(seat=seat, person=person("Cecilia"), starts_on=D(2020, 1, 1))

    oldest.refresh_from_db()
    second.refresh_from_db()
    assert (oldest.ends_on, second.ends_on) == (D(2019, 12, 31), None)


def test_seat_without_a_stated_count_closes_nobody(heads_network):
    seat = Seat.objects.create(
        body=heads_network, side=SeatSide.MUNICIPALITIES, role="Förvaltningschefer", count=None
    )
    first = appoint_member(
        seat=seat, person=person("Ada"), starts_on=D(2019, 1, 1), until_successor=True
    )
    appoint_member(seat=seat, person=person("Ben"), starts_on=D(2020, 1, 1))
    first.refresh_from_db()
    assert first.ends_on is None


# Lineage and status -------------------------------------------------------------------------


def agreement(title: str, valid_from, valid_until, **attrs) -> Agreement:
    return Agreement.objects.create(
        title=title,
        kind=AgreementKind.DECLARATION_OF_INTENT,
        valid_from=valid_from,
        valid_until=valid_until,
        **attrs,
    )


def relate(source, kind, target):
    return AgreementRelation.objects.create(source=source, kind=kind, target=target)


def status(a: Agreement, day: dt.date) -> str:
    """Status from the model method, checked against the queryset's answer."""
    fresh = Agreement.objects.get(pk=a.pk)
    by_method = fresh.status_on(day)
    by_query = {
        s for s in AgreementStatus.values if Agreement.objects.with_status(s, day).filter(pk=a.pk)
    }
    assert by_query == {by_method}, (by_method, by_query)
    return by_method


@pytest.mark.parametrize("kind", [RelationKind.REPLACES, RelationKind.RENEWS])
def test_replacing_or_renewing_supersedes_the_earlier_agreement_from_the_new_start(kind):
    old = agreement("Avsiktsförklaring 2013", D(2013, 9, 27), D(2015, 12, 31))
    new = agreement("Avsiktsförklaring 2016", D(2016, 1, 1), D(2018, 12, 31))
    relate(new, kind, old)

    assert status(old, D(2015, 6, 1)) == AgreementStatus.IN_FORCE
    assert status(old, D(2016, 1, 1)) == AgreementStatus.SUPERSEDED
    assert status(new, D(2016, 1, 1)) == AgreementStatus.IN_FORCE


def test_replacement_before_the_end_date_supersedes_early():
    old = agreement("Gammal", D(2014, 1, 1), D(2016, 12, 31))
    new = agreement("Ny", D(2015, 7, 1), None)
    relate(new, RelationKind.REPLACES, old)

    assert status(old, D(2015, 8, 1)) == AgreementStatus.SUPERSEDED
    assert not Agreement.objects.in_force_on(D(2015, 8, 1)).filter(pk=old.pk).exists()


def test_a_draft_replacement_does_not_supersede():
    old = agreement("Gällande", D(2016, 1, 1), D(2018, 12, 31))
    draft = agreement("Utkast", D(2017, 1, 1), None, is_draft=True)
    relate(draft, RelationKind.REPLACES, old)
    assert status(old, D(2017, 6, 1)) == AgreementStatus.IN_FORCE


def test_extension_keeps_the_agreement_in_force_until_the_extension_ends():
    old = agreement("Avsiktsförklaring", D(2016, 1, 1), D(2018, 12, 31))
    ext = agreement("Förlängning", D(2019, 1, 1), D(2019, 12, 31))
    relate(ext, RelationKind.EXTENDS, old)

    assert Agreement.objects.get(pk=old.pk).in_force_until == D(2019, 12, 31)
    assert status(old, D(2019, 6, 1)) == AgreementStatus.IN_FORCE
    assert status(old, D(2020, 1, 1)) == AgreementStatus.EXPIRED
    assert not Agreement.objects.expiring_within(30, D(2018, 12, 15)).filter(pk=old.pk).exists()
    assert Agreement.objects.expiring_within(30, D(2019, 12, 15)).filter(pk=old.pk).exists()


def test_extension_of_an_extension_carries_through():
    old = agreement("Original", D(2016, 1, 1), D(2018, 12, 31))
    first = agreement("Första förlängningen", D(2019, 1, 1), D(2019, 12, 31))
    second = agreement("Andra förlängningen", D(2020, 1, 1), D(2020, 12, 31))
    relate(first, RelationKind.EXTENDS, old)
    relate(second, RelationKind.EXTENDS, first)

    assert Agreement.objects.get(pk=old.pk).in_force_until == D(2020, 12, 31)
    assert status(old, D(2020, 6, 1)) == AgreementStatus.IN_FORCE


def test_a_draft_extension_does_not_extend():
    old = agreement("Original", D(2016, 1, 1), D(2018, 12, 31))
    relate(agreement("Utkast", D(2019, 1, 1), D(2019, 12, 31), is_draft=True), "extends", old)
    assert status(old, D(2019, 6, 1)) == AgreementStatus.EXPIRED


def test_based_on_links_a_framework_without_changing_either_status():
    national = agreement("Nationell överenskommelse 2016", D(2016, 1, 1), D(2016, 12, 31))
    regional = agreement("Avsiktsförklaring VG", D(2016, 1, 1), D(2018, 12, 31))
    relate(regional, RelationKind.BASED_ON, national)

    assert status(national, D(2016, 6, 1)) == AgreementStatus.IN_FORCE
    assert status(national, D(2017, 6, 1)) == AgreementStatus.EXPIRED
    assert status(regional, D(2017, 6, 1)) == AgreementStatus.IN_FORCE
    assert Agreement.objects.get(pk=regional.pk).based_on == national


def test_amendment_neither_supersedes_nor_extends():
    main = agreement("Samverkansavtal", D(2016, 1, 1), D(2018, 12, 31))
    amendment = agreement("Ändring av bilaga", D(2017, 1, 1), D(2019, 12, 31))
    relate(amendment, RelationKind.AMENDS, main)

    assert status(main, D(2017, 6, 1)) == AgreementStatus.IN_FORCE
    assert status(main, D(2019, 6, 1)) == AgreementStatus.EXPIRED


def test_in_force_until_replaced_has_no_end_until_a_replacement_starts():
    standing = agreement("Tills vidare", D(2015, 1, 1), None)
    assert status(standing, D(2030, 1, 1)) == AgreementStatus.IN_FORCE
    relate(agreement("Ersättare", D(2031, 1, 1), None), RelationKind.REPLACES, standing)
    assert status(standing, D(2030, 12, 31)) == AgreementStatus.IN_FORCE
    assert status(standing, D(2031, 1, 1)) == AgreementStatus.SUPERSEDED


# Renewal deadline ------------------------------------------------------------------------


@pytest.fixture
def vg_declaration(sro):
    return agreement(
        "Avsiktsförklaring VG (test)",
        D(2016, 1, 1),
        D(2018, 12, 31),
        renewal_type=RenewalType.EXPRESS,
        renewal_body=sro,
    )


def test_deadline_is_the_last_entered_meeting_before_the_agreement_lapses(sro, vg_declaration):
    for day in (D(2018, 9, 28), D(2018, 11, 30), D(2019, 1, 25)):
        Meeting.objects.create(body=sro, date=day)

    deadline = renewal_deadline(vg_declaration)

    assert (deadline.date, deadline.estimated, deadline.basis) == (
        D(2018, 11, 30),
        False,
        Basis.MEETING,
    )
    assert deadline.body == sro
    with translation.override("sv"):
        assert (
            deadline.sentence_on(D(2018, 10, 1))
            == "SRO måste besluta senast vid sitt möte den 30 november 2018."
        )
        assert (
            deadline.sentence_on(D(2018, 12, 1))
            == "SRO skulle ha beslutat senast vid sitt möte den 30 november 2018."
        )


def test_notice_period_moves_the_deadline_to_an_earlier_meeting(sro, vg_declaration):
    for day in (D(2018, 9, 28), D(2018, 11, 30)):
        Meeting.objects.create(body=sro, date=day)
    vg_declaration.notice_period_days = 60

    deadline = renewal_deadline(vg_declaration)

    assert deadline.latest_day == D(2018, 11, 1)
    assert deadline.date == D(2018, 9, 28)


def test_deadline_is_estimated_from_the_rhythm_with_a_summer_break(sro, vg_declaration):
    sro.meetings_per_year, sro.summer_break = 9, True
    sro.save()

    deadline = renewal_deadline(vg_declaration)

    # Nine meetings, none in June–August: one a month; mid-December 2018 is a Sunday.
    assert (deadline.date, deadline.estimated, deadline.basis) == (
        D(2018, 12, 14),
        True,
        Basis.RHYTHM,
    )
    with translation.override("sv"):
        assert deadline.sentence_on(D(2018, 10, 1)).startswith(
            "SRO måste besluta senast vid sitt möte den 14 december"
        )
        assert "uppskattat" in deadline.sentence_on(D(2018, 10, 1))


def test_summer_break_skips_june_to_august_in_the_estimate(sro):
    sro.meetings_per_year, sro.summer_break = 9, True
    days = rhythm_meetings(sro, 2018)
    assert len(days) == 9
    assert not {d.month for d in days} & {6, 7, 8}
    assert all(d.weekday() < 5 for d in days)

    summer_end = agreement(
        "Löper ut i augusti",
        D(2017, 1, 1),
        D(2018, 8, 31),
        renewal_type=RenewalType.EXPRESS,
        renewal_body=sro,
    )
    sro.save()
    assert renewal_deadline(summer_end).date.month == 5


def test_rhythm_with_fewer_meetings_than_months_spreads_them_out(sro):
    sro.meetings_per_year, sro.summer_break = 4, True
    assert [d.month for d in rhythm_meetings(sro, 2018)] == [2, 4, 9, 11]


def test_without_meetings_or_rhythm_the_last_day_itself_is_the_deadline(sro, vg_declaration):
    sro.meetings_per_year = None
    sro.save()
    vg_declaration.notice_period_days = 30
    deadline = renewal_deadline(vg_declaration)
    assert (deadline.date, deadline.basis) == (D(2018, 12, 1), Basis.NO_MEETINGS)


def test_extension_moves_the_deadline(sro, vg_declaration):
    Meeting.objects.create(body=sro, date=D(2018, 11, 30))
    Meeting.objects.create(body=sro, date=D(2019, 11, 29))
    relate(agreement("Förlängning", D(2019, 1, 1), D(2019, 12, 31)), "extends", vg_declaration)
    assert renewal_deadline(Agreement.objects.get(pk=vg_declaration.pk)).date == D(2019, 11, 29)


def test_no_deadline_without_express_renewal_or_once_renewed(sro, vg_declaration):
    tacit = agreement(
        "Tyst förlängning",
        D(2016, 1, 1),
        D(2018, 12, 31),
        renewal_type=RenewalType.TACIT,
        renewal_body=sro,
    )
    standing = agreement(
        "Tills vidare", D(2016, 1, 1), None, renewal_type=RenewalType.EXPRESS, renewal_body=sro
    )
    assert renewal_deadline(tacit) is None
    assert renewal_deadline(standing) is None

    relate(agreement("Förnyad", D(2019, 1, 1), D(2021, 12, 31)), "renews", vg_declaration)
    assert Agreement.objects.get(pk=vg_declaration.pk).renewal_deadline is None


def test_upcoming_deadlines_list_the_agreement_within_the_horizon(sro, vg_declaration):
    Meeting.objects.create(body=sro, date=D(2018, 11, 30))

    soon = upcoming_renewal_deadlines(D(2018, 10, 1), within_days=90)
    later = upcoming_renewal_deadlines(D(2018, 6, 1), within_days=90)

    assert vg_declaration in [d.agreement for d in soon]
    assert vg_declaration not in [d.agreement for d in later]


# Term-end warnings -----------------------------------------------------------------------


def test_terms_ending_within_n_days_lists_memberships_and_chair_terms(heads_network, single_seat):
    today = D(2019, 12, 1)
    generate_chair_terms(heads_network, years=2)
    ending = appoint_member(
        seat=single_seat,
        person=person("Slutar snart"),
        starts_on=D(2019, 1, 1),
        ends_on=D(2019, 12, 20),
    )
    other_seat = Seat.objects.create(
        body=heads_network, side=SeatSide.MUNICIPALITIES, role="Kommunernas plats", count=1
    )
    appoint_member(
        seat=other_seat,
        person=person("Slutar senare"),
        starts_on=D(2019, 1, 1),
        ends_on=D(2020, 3, 1),
    )
    appoint_member(
        seat=other_seat,
        person=person("Redan slutat"),
        starts_on=D(2018, 1, 1),
        ends_on=D(2018, 12, 31),
    )

    warnings = terms_ending_within(30, today, bodies=[heads_network])

    assert [(w.kind, w.ends_on) for w in warnings] == [
        ("membership", D(2019, 12, 20)),
        ("chair_term", D(2019, 12, 31)),
        ("chair_term", D(2019, 12, 31)),
    ]
    assert warnings[0].obj == ending
    assert warnings[0].days_left(today) == 19
    assert terms_ending_within(10, today, bodies=[heads_network]) == []


# Identifiers and former names -----------------------------------------------------------------


@pytest.fixture
def dalarna_region():
    region = Organisation.objects.create(
        name="Region Dalarna (test)",
        kind=OrganisationKind.REGION,
        county=bodies.county("20"),
    )
    Identifier.objects.create(organisation=region, scheme=IdentifierScheme.SCB_COUNTY, value="20")
    Identifier.objects.create(
        organisation=region, scheme=IdentifierScheme.ORGANISATION_NUMBER, value="2321000180"
    )
    return region


def test_organisation_is_found_by_any_of_its_identifiers(dalarna_region):
    # Another region, with identifiers of its own, that no lookup of Dalarna's may find.
    other = bodies.organisation("Västra Götalandsregionen (test)", in_county=bodies.county())
    Identifier.objects.create(organisation=other, scheme=IdentifierScheme.SCB_COUNTY, value="14")
    Identifier.objects.create(
        organisation=other, scheme=IdentifierScheme.ORGANISATION_NUMBER, value="2321000131"
    )
    by = Organisation.objects.by_identifier
    assert list(by("scb_county", "20")) == [dalarna_region]
    assert list(by("org_number", "232100-0180")) == [dalarna_region]
    assert list(by("org_number", "2321000180")) == [dalarna_region]
    assert not by("scb_county", "21").exists()
    with pytest.raises(ValueError, match="unknown identifier scheme"):
        by("postnummer", "79131")


def test_scb_codes_are_text_with_leading_zeros():
    stockholm = Organisation.objects.create(
        name="Stockholms stad (test)", kind=OrganisationKind.MUNICIPALITY
    )
    Identifier.objects.create(
        organisation=stockholm, scheme=IdentifierScheme.SCB_MUNICIPALITY, value="0180"
    )
    assert list(Organisation.objects.by_identifier("scb_municipality", "0180")) == [stockholm]
    assert not Organisation.objects.by_identifier("scb_municipality", "180").exists()

    bad = Identifier(organisation=stockholm, scheme=IdentifierScheme.SCB_MUNICIPALITY, value="180")
    with pytest.raises(ValidationError) as refused:
        bad.full_clean()
    assert "fyra siffror" in str(refused.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        bad.save()


def test_former_name_is_used_for_dates_it_covers(dalarna_region):
    FormerName.objects.create(
        organisation=dalarna_region, name="Landstinget Dalarna", used_until=D(2018, 12, 31)
    )
    region = Organisation.objects.prefetch_related("former_names").get(pk=dalarna_region.pk)
    assert region.name_on(D(2017, 5, 1)) == "Landstinget Dalarna"
    assert region.name_on(D(2019, 5, 1)) == "Region Dalarna (test)"


# The seeded documents ------------------------------------------------------------------------


@pytest.mark.usefixtures("seed")
def test_seeded_vg_declaration_lineage_and_sro_deadline_from_its_rhythm():
    """The VG declaration 2016 replaces the 2013 one, rests on the national 2016 agreement,
    and needs a new SRO decision after 2018-12-31."""
    declaration = Agreement.objects.with_lineage().get(slug="avsiktsforklaring-vg-2016")
    previous = Agreement.objects.get(slug="avsiktsforklaring-vg-2013")
    assert declaration.based_on.slug == "overenskommelse-ebp-2016"
    assert status(previous, D(2016, 1, 1)) == AgreementStatus.SUPERSEDED
    assert status(declaration, D(2018, 12, 31)) == AgreementStatus.IN_FORCE
    assert status(declaration, D(2019, 1, 1)) == AgreementStatus.EXPIRED

    sro = declaration.renewal_body
    Meeting.objects.filter(body=sro, date__year=2018).delete()
    sro.meetings_per_year, sro.summer_break = 9, True
    sro.save()

    deadline = Agreement.objects.get(pk=declaration.pk).renewal_deadline
    assert (deadline.body.slug, deadline.date, deadline.estimated) == ("sro", D(2018, 12, 14), True)
    with translation.override("sv"):
        assert "SRO måste besluta senast vid sitt möte den 14 december 2018." in (
            deadline.sentence_on(D(2018, 10, 1))
        )
        # Said today, years later, the deadline is in the past tense.
        assert "SRO skulle ha beslutat senast vid sitt möte den 14 december 2018." in (
            deadline.sentence
        )


@pytest.mark.usefixtures("seed")
def test_seeded_heads_network_gets_a_rotation_once_its_rule_is_entered():
    network = Body.objects.get(slug="chefsnatverket")
    ChairRotationRule.objects.create(
        body=network, first_term_starts_on=D(2019, 1, 1), first_chair_side=SeatSide.MUNICIPALITIES
    )
    result = generate_chair_terms(network, years=5)
    chairs = [t.side for t in result.terms if t.role == MembershipRole.CHAIR]
    assert chairs == ["municipalities", "region"] * 2 + ["municipalities"]


@pytest.mark.usefixtures("seed")
def test_seeded_region_dalarna_kept_its_former_name():
    region = Organisation.objects.get(slug="region-dalarna")
    assert "Landstinget Dalarna" in [f.name for f in region.former_names.all()]


def test_deadlines_of_many_agreements_take_a_constant_number_of_queries(
    sro, django_assert_max_num_queries
):
    Meeting.objects.create(body=sro, date=D(2018, 11, 30))
    for n in range(12):
        agreement(
            f"Avtal {n}",
            D(2016, 1, 1),
            D(2018, 12, 31) + dt.timedelta(days=n),
            renewal_type=RenewalType.EXPRESS,
            renewal_body=sro,
        )
    with django_assert_max_num_queries(6):
        deadlines = renewal_deadlines_between(D(2018, 1, 1), D(2019, 12, 31))
    assert {d.date for d in deadlines if d.agreement.title.startswith("Avtal")} == {D(2018, 11, 30)}


def test_deadlines_in_a_window_are_those_of_all_deadlines_falling_in_it(sro):
    # A body meeting once a year (in May) puts estimated deadlines up to a year before
    # the latest day; an extension moves an agreement's end beyond its own end date.
    yearly = body("arligt-organ", name="Årligt organ", meetings_per_year=1, summer_break=True)
    Meeting.objects.create(body=sro, date=D(2019, 3, 15))
    for n, (until, notice, by) in enumerate(
        [
            (D(2019, 4, 30), 0, yearly),
            (D(2019, 12, 31), 90, yearly),
            (D(2020, 2, 28), 30, sro),
            (D(2019, 6, 30), 0, sro),
            (D(2021, 1, 31), 0, yearly),
        ]
    ):
        agreement(
            f"Fönsteravtal {n}",
            D(2016, 1, 1),
            until,
            renewal_type=RenewalType.EXPRESS,
            renewal_body=by,
            notice_period_days=notice,
        )
    extended = agreement(
        "Förlängt avtal",
        D(2016, 1, 1),
        D(2018, 6, 30),
        renewal_type=RenewalType.EXPRESS,
        renewal_body=yearly,
    )
    relate(agreement("Förlängning", D(2018, 7, 1), D(2020, 3, 31)), "extends", extended)

    every = renewal_deadlines()
    assert {d.basis for d in every} >= {Basis.MEETING, Basis.RHYTHM}
    for start, end in itertools.product(
        [D(2018, 1, 1), D(2019, 1, 1), D(2019, 5, 1), D(2020, 1, 1)],
        [D(2019, 3, 15), D(2019, 6, 30), D(2020, 12, 31)],
    ):
        expected = [(d.agreement.pk, d.date) for d in every if start <= d.date <= end]
        found = [(d.agreement.pk, d.date) for d in renewal_deadlines_between(start, end)]
        assert found == expected, (start, end)


def test_calendar_feed_carries_the_renewal_deadline(client, sro, vg_declaration):
    Meeting.objects.create(body=sro, date=D(2018, 11, 30))

    feed = client.get(reverse("web:calendar"))

    assert feed.status_code == 200
    events = [
        e
        for e in Calendar.from_ical(feed.content).walk("VEVENT")
        if str(e["uid"]).startswith(f"renewal-deadline-{vg_declaration.slug}@")
    ]
    assert len(events) == 1
    assert events[0].decoded("dtstart") == D(2018, 11, 30)
    assert "SRO" in str(events[0]["description"])


def test_reminders_command_lists_renewal_deadlines_and_term_ends(sro, vg_declaration, single_seat):
    Meeting.objects.create(body=sro, date=D(2018, 11, 30))
    appoint_member(
        seat=single_seat,
        person=person("Slutar i november"),
        starts_on=D(2018, 1, 1),
        ends_on=D(2018, 11, 15),
    )
    out = StringIO()

    with translation.override("sv"):
        call_command("remind_expiring", "--date", "2018-10-01", "--days", "90", stdout=out)

    text = out.getvalue()
    assert "SRO måste besluta senast vid sitt möte den 30 november 2018." in text
    assert "Slutar i november slutar 2018-11-15 (45 dagar kvar)" in text


# Template partials --------------------------------------------------------------------------


def test_chair_terms_partial_shows_current_and_coming_periods(heads_network):
    generate_chair_terms(heads_network, years=40)
    html = render_to_string("partials/chair_terms.html", {"body": heads_network})
    assert "Nuvarande och kommande ordförandeperioder" in html
    assert html.count("<tr>") == 1 + 5  # header + the current period and four coming ones
    assert "pågår" in html


def test_renewal_deadline_partial_shows_the_sentence_on_the_agreement(sro, vg_declaration):
    Meeting.objects.create(body=sro, date=D(2018, 11, 30))
    with translation.override("sv"):
        html = render_to_string("partials/renewal_deadline.html", {"agreement": vg_declaration})
    # Shown today, long after it passed: in the past tense.
    assert "SRO skulle ha beslutat senast vid sitt möte den 30 november 2018." in html
    assert "måste besluta" not in html
    Agreement.objects.filter(pk=vg_declaration.pk).update(notice_period_days=60)
    fresh = Agreement.objects.get(pk=vg_declaration.pk)
    with translation.override("sv"):
        html = render_to_string("partials/renewal_deadline.html", {"agreement": fresh})
    assert "Med 60 dagars uppsägningstid skulle beslutet ha fattats senast 2018-11-01." in html


def test_renewal_deadline_partial_is_empty_for_agreements_without_express_renewal():
    standing = agreement("Tills vidare", D(2016, 1, 1), None)
    html = render_to_string("partials/renewal_deadline.html", {"agreement": standing})
    assert html.strip() == ""


def chair_term_ending_in(body, days: int, name: str) -> ChairTerm:
    today = timezone.localdate()
    return ChairTerm.objects.create(
        body=body,
        role=MembershipRole.CHAIR,
        side=SeatSide.REGION,
        starts_on=today - dt.timedelta(days=300),
        ends_on=today + dt.timedelta(days=days),
        person=person(name),
    )


def test_start_page_lists_terms_ending_within_90_days(client, heads_network):
    chair_term_ending_in(heads_network, 30, "Ordförande Slutar")
    html = client.get(reverse("web:start")).content.decode()
    assert "Ordförande Slutar" in html
    assert heads_network.get_absolute_url() in html


def test_term_warnings_follow_the_configured_number_of_days(client, heads_network, settings):
    settings.TERM_END_WARNING_DAYS = 10
    chair_term_ending_in(heads_network, 30, "Ordförande Om En Månad")
    html = client.get(reverse("web:start")).content.decode()
    assert "slutar inom 10 dagar" in html
    assert "Ordförande Om En Månad" not in html

    settings.TERM_END_WARNING_DAYS = 30
    html = client.get(reverse("web:start")).content.decode()
    assert "slutar inom 30 dagar" in html
    assert "Ordförande Om En Månad" in html


# The pages, over HTTP ------------------------------------------------------------------------


def test_agreement_page_says_when_sro_must_decide(client, sro, vg_declaration):
    declaration = vg_declaration
    Meeting.objects.create(body=declaration.renewal_body, date=D(2018, 11, 30))

    page = client.get(declaration.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="sv")

    assert page.status_code == 200
    html = page.content.decode()
    assert "SRO skulle ha beslutat senast vid sitt möte den 30 november 2018." in html
    assert "SRO måste besluta" not in html


def test_body_page_shows_the_coming_chair_periods(client, heads_network):
    today = timezone.localdate()
    ChairRotationRule.objects.filter(body=heads_network).update(
        first_term_starts_on=D(today.year, 1, 1)
    )
    generate_chair_terms(Body.objects.get(pk=heads_network.pk), years=3)

    page = client.get(heads_network.get_absolute_url()).content.decode()

    assert "Nuvarande och kommande ordförandeperioder" in page
    assert f"{today.year + 2}-01-01" in page


def test_start_page_shows_ending_terms_and_coming_renewal_decisions(client, sro, heads_network):
    today = timezone.localdate()
    ChairTerm.objects.create(
        body=heads_network,
        role=MembershipRole.VICE_CHAIR,
        side=SeatSide.MUNICIPALITIES,
        starts_on=today - dt.timedelta(days=300),
        ends_on=today + dt.timedelta(days=20),
        person=person("Vice Slutar Snart"),
    )
    soon = agreement(
        "Avtal som ska förnyas",
        today - dt.timedelta(days=700),
        today + dt.timedelta(days=200),
        renewal_type=RenewalType.EXPRESS,
        renewal_body=sro,
    )
    Meeting.objects.create(body=sro, date=today + dt.timedelta(days=150))

    page = client.get(reverse("web:start"), HTTP_ACCEPT_LANGUAGE="sv").content.decode()

    assert "Vice Slutar Snart" in page
    assert soon.get_absolute_url() in page
    assert "SRO måste besluta senast vid sitt möte" in page
