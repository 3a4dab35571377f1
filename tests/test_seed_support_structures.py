"""The 21 county profiles of SKL's compilation of the county plans (seed 002), as loaded."""

from __future__ import annotations

import pytest

from agreements.models import Decision
from bodies.models import Body, Organisation, PlatformHost, SupportStructure
from governance.seed import loader

pytestmark = pytest.mark.usefixtures("seed")

SEED_002 = "skl-lansplaner-2014"

COUNTY_CODES = {
    "Stockholm": "01",
    "Uppsala": "03",
    "Sörmland": "04",
    "Östergötland": "05",
    "Jönköping": "06",
    "Kronoberg": "07",
    "Kalmar": "08",
    "Gotland": "09",
    "Blekinge": "10",
    "Skåne": "12",
    "Halland": "13",
    "Västra Götaland": "14",
    "Värmland": "17",
    "Örebro": "18",
    "Västmanland": "19",
    "Dalarna": "20",
    "Gävleborg": "21",
    "Västernorrland": "22",
    "Jämtland": "23",
    "Västerbotten": "24",
    "Norrbotten": "25",
}

# "Värdorganisationer": which counties' platform leaders have which kind of host.
HOST_KINDS = {
    "regional_federation": [
        "Dalarna",
        "Gotland",
        "Gävleborg",
        "Halland",
        "Jämtland",
        "Jönköping",
        "Kalmar",
        "Kronoberg",
        "Uppsala",
        "Västerbotten",
        "Västmanland",
        "Örebro",
    ],
    "municipal": ["Norrbotten", "Skåne", "Stockholm", "Västernorrland", "Västra Götaland"],
    "county_council": ["Blekinge", "Stockholm", "Sörmland"],
    "university": ["Värmland"],
    "fou": ["Östergötland"],
}
IN_FOU_ENVIRONMENT = [
    "Blekinge",
    "Gävleborg",
    "Jönköping",
    "Norrbotten",
    "Uppsala",
    "Värmland",
    "Västerbotten",
    "Östergötland",
]
DECIDED_IN_FEDERATION_BOARDS = [
    "Dalarna",
    "Gotland",
    "Kronoberg",
    "Norrbotten",
    "Skåne",
    "Sörmland",
    "Uppsala",
    "Västmanland",
]
DECIDED_IN_COUNTY_GROUPS_WITH_ELECTED = [
    "Jämtland",
    "Kalmar",
    "Stockholm",
    "Västerbotten",
    "Västra Götaland",
    "Östergötland",
]
DECIDED_BY_SENIOR_MANAGERS = ["Blekinge", "Gävleborg", "Halland", "Skåne", "Värmland"]
WITHOUT_POLITICAL_ARENA = [
    "Blekinge",
    "Gotland",
    "Halland",
    "Jönköping",
    "Värmland",
    "Västra Götaland",
]


def _profile(county: str) -> SupportStructure:
    return SupportStructure.objects.select_related("county", "source").get(
        county__code=COUNTY_CODES[county]
    )


def _host_kinds(county: str) -> set[str]:
    return set(_profile(county).hosts.values_list("kind", flat=True))


# One row per fact of the document: (county, field, expected text fragment or value).
FACTS = [
    # Who signed the plan ("Planerna har god förankring").
    ("Dalarna", "plan_signed_by", "enhetschef på Region Dalarna"),
    ("Värmland", "plan_signed_by", "FoU-föreståndaren"),
    ("Jönköping", "plan_signed_by", "förtroendevald styrelseordförande"),
    ("Stockholm", "plan_signed_by", "förtroendevald styrelseordförande"),
    ("Halland", "plan_signed_by", "kommunala förvaltningschefer"),
    ("Blekinge", "plan_signed_by", "kommunala förvaltningschefer"),
    ("Kalmar", "plan_signed_by", "Enhetschefer från både regionförbund och landsting"),
    # Who decided it.
    ("Jönköping", "plan_decided_by", "Primärkommunala nämnden"),
    ("Jönköping", "plan_decided_by", "länets samtliga kommuner"),
    ("Örebro", "plan_decided_by", "Socialchefsnätverket"),
    ("Västernorrland", "plan_decided_by", "Direktören på kommunförbundet"),
    ("Skåne", "plan_decision_level", "mixed"),
    ("Örebro", "plan_decision_level", "officials"),
    ("Västernorrland", "plan_decision_level", "officials"),
    ("Jönköping", "plan_decision_level", "political"),
    # The political arena of each county.
    ("Blekinge", "political_arena", "ingen länsgemensam politisk arena"),
    ("Dalarna", "political_arena", "Välfärdsberedningen"),
    ("Dalarna", "political_arena", "15 kommunstyrelseordföranden och tio förtroendevalda"),
    ("Gävleborg", "political_arena", "Nätverk Välfärd är den politiska ledningen"),
    ("Halland", "political_arena", "Kommunberedningen"),
    ("Halland", "political_arena", "lades ned (2003)"),
    ("Jämtland", "political_arena", "Sociala vård- och omsorgsgruppen (SVOM)"),
    ("Kalmar", "political_arena", "presidiekonferens i september 2013"),
    ("Kronoberg", "political_arena", "regionkommunen bildas i januari 2015"),
    ("Norrbotten", "political_arena", "Samverkansberedningen kommunerna landstinget"),
    ("Skåne", "political_arena", "Regional politisk samverkansgrupp för vård och omsorg"),
    ("Stockholm", "political_arena", "Presidiegruppen"),
    ("Sörmland", "political_arena", "sedan 2011 en gemensam nämnd"),
    ("Uppsala", "political_arena", "Regionförbundet Uppsala läns styrelse"),
    ("Västerbotten", "political_arena", "AC Konsensus (före detta LAKO)"),
    ("Västernorrland", "political_arena", "SocialKOLA"),
    ("Västmanland", "political_arena", "Vård- och omsorgsberedning"),
    ("Örebro", "political_arena", "Maritgruppen"),
    ("Östergötland", "political_arena", "Läns SLAKO"),
    # Decisions needed in 2014 and 2015.
    ("Blekinge", "decisions_needed", "gäller från 1 januari 2015"),
    ("Dalarna", "decisions_needed", "stabsfunktionen på Region Dalarna"),
    ("Gotland", "decisions_needed", "fullständigt regionalt ansvarstagande"),
    ("Gotland", "decisions_needed", "lägesrapport inför sommaren 2014"),
    ("Gävleborg", "decisions_needed", "kompletterande handlingsplan"),
    ("Jämtland", "decisions_needed", "kliniska lektors-/adjunkttjänsten"),
    ("Jönköping", "decisions_needed", "Ytterligare beslut rörande finansiering kommer inte"),
    ("Kalmar", "decisions_needed", "31 december 2015"),
    ("Kronoberg", "decisions_needed", "stödstrukturens framtida syfte och finansiering"),
    ("Norrbotten", "decisions_needed", "FoUI"),
    ("Skåne", "decisions_needed", "ny regional utvecklingsenhet för socialtjänsten"),
    ("Stockholm", "decisions_needed", "1 januari 2014"),
    ("Sörmland", "decisions_needed", "1 januari 2015"),
    ("Uppsala", "decisions_needed", "under 2015 beslutar kommunerna"),
    ("Värmland", "decisions_needed", "basmedel som avgiftsbelagda projekt"),
    ("Västerbotten", "decisions_needed", "arbetsgrupp med representation för huvudmännen"),
    ("Västernorrland", "decisions_needed", "kommunförbundets fortsatta roll"),
    ("Västmanland", "decisions_needed", "Mälardalens högskola och de nio mindre kommunerna"),
    ("Västra Götaland", "decisions_needed", "ny gemensam avsiktsförklaring"),
    ("Örebro", "decisions_needed", "1 januari 2015"),
    ("Östergötland", "decisions_needed", "befintliga FoU-miljöer"),
    # Dialogue with the national level, universities.
    ("Västerbotten", "national_dialogue", "SKL:s formella nätverk"),
    ("Halland", "national_dialogue", "tät och regelbunden dialog"),
    ("Dalarna", "national_dialogue", "SKL som plattform"),
    ("Blekinge", "university_collaboration", "Blekinge Tekniska Högskola"),
    ("Dalarna", "university_collaboration", "Högskolan Dalarna"),
]


@pytest.mark.parametrize(("county", "field", "expected"), FACTS)
def test_profile_states_the_documents_fact(county, field, expected):
    value = getattr(_profile(county), field)
    if field == "plan_decision_level":
        assert value == expected
    else:
        assert expected in value


@pytest.mark.parametrize(
    ("kind", "county"), [(kind, c) for kind, counties in HOST_KINDS.items() for c in counties]
)
def test_county_has_the_host_kind_the_document_gives(kind, county):
    assert kind in _host_kinds(county)


@pytest.mark.parametrize("kind", list(HOST_KINDS))
def test_no_other_county_has_that_host_kind(kind):
    counties = set(
        PlatformHost.objects.filter(kind=kind).values_list(
            "support_structure__county__code", flat=True
        )
    )
    assert counties == {COUNTY_CODES[c] for c in HOST_KINDS[kind]}


def test_every_county_has_one_profile_and_stockholm_two_hosts():
    assert SupportStructure.objects.count() == 21
    assert PlatformHost.objects.count() == 22
    assert _host_kinds("Stockholm") == {"municipal", "county_council"}
    assert all(
        profile.hosts.count() == 1
        for profile in SupportStructure.objects.exclude(county__code="01")
    )


def test_eight_counties_place_platform_leaders_in_an_fou_environment():
    codes = set(
        SupportStructure.objects.filter(in_fou_environment=True).values_list(
            "county__code", flat=True
        )
    )
    assert codes == {COUNTY_CODES[c] for c in IN_FOU_ENVIRONMENT}


def test_political_arena_exists_in_fifteen_counties():
    assert SupportStructure.objects.filter(has_political_arena=True).count() == 15
    without = set(
        SupportStructure.objects.filter(has_political_arena=False).values_list(
            "county__code", flat=True
        )
    )
    assert without == {COUNTY_CODES[c] for c in WITHOUT_POLITICAL_ARENA}


@pytest.mark.parametrize(
    ("counties", "wording"),
    [
        (DECIDED_IN_FEDERATION_BOARDS, "region- eller kommunförbundsstyrelse"),
        (DECIDED_IN_COUNTY_GROUPS_WITH_ELECTED, "förtroendevalda från både kommuner"),
        (DECIDED_BY_SENIOR_MANAGERS, "samverkansgrupp bestående av högre chefer"),
    ],
)
def test_deciding_body_kind_is_named_for_exactly_the_counties_listed(counties, wording):
    named = {
        p.county.code
        for p in SupportStructure.objects.select_related("county")
        if wording in p.plan_decided_by.lower()
    }
    assert named == {COUNTY_CODES[c] for c in counties}


def test_plan_decided_at_political_level_in_fifteen_counties_skane_partly():
    levels = dict(SupportStructure.objects.values_list("county__code", "plan_decision_level"))
    assert sum(level == "political" for level in levels.values()) == 14
    assert levels[COUNTY_CODES["Skåne"]] == "mixed"
    assert {code for code, level in levels.items() if level == "officials"} == {
        COUNTY_CODES[c]
        for c in ["Blekinge", "Gävleborg", "Halland", "Värmland", "Örebro", "Västernorrland"]
    }


def test_signatories_are_given_only_for_the_counties_the_document_names():
    signed = set(
        SupportStructure.objects.exclude(plan_signed_by="").values_list("county__code", flat=True)
    )
    assert signed == {
        COUNTY_CODES[c]
        for c in ["Blekinge", "Dalarna", "Halland", "Jönköping", "Kalmar", "Stockholm", "Värmland"]
    }


def test_user_involvement_is_left_blank_because_the_text_ends_before_that_section():
    assert not SupportStructure.objects.exclude(user_involvement="").exists()


@pytest.mark.parametrize(
    ("county", "kind", "organisation_slug", "organisation_kind"),
    [
        ("Stockholm", "municipal", "ksl", "municipal_federation"),
        ("Stockholm", "county_council", "halso-och-sjukvardsforvaltningen", "department"),
        ("Uppsala", "regional_federation", "enheten-for-valfard-och-fou-stod", "department"),
        ("Värmland", "university", "fou-valfard", "fou"),
        ("Västernorrland", "municipal", "kommunforbundet-vasternorrland", "municipal_federation"),
        ("Västmanland", "regional_federation", "vkl", "regional_federation"),
        (
            "Jönköping",
            "regional_federation",
            "jonkopings-regionforbund",
            "regional_federation",
        ),
        ("Blekinge", "county_council", "landstinget-blekinge", "region"),
        # Seed 002: in 2013 Region Dalarna was a regionförbund (counted among the twelve,
        # plan decided in a federation board, a direktion with county council members).
        ("Dalarna", "regional_federation", "region-dalarna-regionforbund", "regional_federation"),
    ],
)
def test_named_host_is_linked_to_its_organisation(
    county, kind, organisation_slug, organisation_kind
):
    host = _profile(county).hosts.select_related("organisation").get(kind=kind)
    assert host.organisation.slug == organisation_slug
    assert host.organisation.kind == organisation_kind
    assert host.organisation.county.code == COUNTY_CODES[county]


def test_hosts_the_document_does_not_name_have_no_organisation():
    unnamed = {
        (h.support_structure.county.code, h.kind)
        for h in PlatformHost.objects.filter(organisation__isnull=True).select_related(
            "support_structure__county"
        )
    }
    assert (COUNTY_CODES["Östergötland"], "fou") in unnamed
    assert (COUNTY_CODES["Västra Götaland"], "municipal") in unnamed
    assert (COUNTY_CODES["Sörmland"], "county_council") in unnamed


@pytest.mark.parametrize(
    ("slug", "kind", "county"),
    [
        ("hogskolan-dalarna", "university", "Dalarna"),
        ("blekinge-tekniska-hogskola", "university", "Blekinge"),
        ("malardalens-hogskola", "university", "Västmanland"),
        ("fourum", "fou", "Jönköping"),
        ("foui", "fou", "Norrbotten"),
        ("fou-vasterbotten", "fou", "Västerbotten"),
        ("region-gotland", "region", "Gotland"),
        ("regionforbundet-orebro", "regional_federation", "Örebro"),
    ],
)
def test_named_organisation_has_its_kind_and_county(slug, kind, county):
    organisation = Organisation.objects.get(slug=slug)
    assert (organisation.kind, organisation.county.code) == (kind, COUNTY_CODES[county])


def test_named_bodies_belong_to_their_counties():
    expected = {
        "primarkommunala-namnden": "Jönköping",
        "svom": "Jämtland",
        "presidiegruppen": "Stockholm",
        "socialkola": "Västernorrland",
        "lans-slako": "Östergötland",
        "maritgruppen": "Örebro",
        "socialchefsnatverket": "Örebro",
        "ac-konsensus": "Västerbotten",
        "valfardsberedningen": "Dalarna",
        "direktionen-for-region-dalarna": "Dalarna",
        "presidiemoten-i-kalmar-lan": "Kalmar",
        "gemensamma-konferenser-kronoberg": "Kronoberg",
        "presidiekonferenser-vastmanland": "Västmanland",
    }
    found = dict(Body.objects.filter(slug__in=expected).values_list("slug", "county__code"))
    assert found == {slug: COUNTY_CODES[c] for slug, c in expected.items()}
    assert Organisation.objects.get(slug="enheten-for-valfard-och-fou-stod").parent.slug == (
        "regionforbundet-uppsala-lan"
    )


def test_ac_konsensus_has_six_members_from_each_side_and_was_lako():
    body = Body.objects.get(slug="ac-konsensus")
    assert dict(body.seats.values_list("side", "count")) == {"municipalities": 6, "region": 6}
    assert list(body.former_names.values_list("name", flat=True)) == ["LAKO"]


def test_region_dalarna_of_2013_is_the_regional_federation_not_the_region():
    # Seed 002: Dalarna's platform leader sits in a regionförbund or regionkommun; "I
    # direktionen för Region Dalarna finns 15 kommunstyrelseordföranden och tio
    # förtroendevalda från landstinget"; Välfärdsberedningen has seven of them.
    federation = Organisation.objects.get(slug="region-dalarna-regionforbund")
    assert (federation.name, federation.kind, federation.county.code) == (
        "Region Dalarna",
        "regional_federation",
        "20",
    )
    assert federation.source.slug == SEED_002
    direktion = Body.objects.get(slug="direktionen-for-region-dalarna")
    assert list(direktion.owners.values_list("slug", flat=True)) == [federation.slug]
    assert sorted(direktion.seats.values_list("side", "count")) == [
        ("municipalities", 15),
        ("region", 10),
    ]
    beredning = Body.objects.get(slug="valfardsberedningen")
    assert list(beredning.owners.values_list("slug", flat=True)) == [federation.slug]
    assert beredning.parent == direktion
    assert list(beredning.seats.values_list("count", flat=True)) == [7]


def test_kommunberedningen_has_six_chairs_six_vice_chairs_and_six_from_region_halland():
    # Seed 002, Halland: "ordförandena och vice ordförandena i de sex kommunstyrelserna,
    # samt sex förtroendevalda från Region Hallands politiska ledning".
    body = Body.objects.get(slug="kommunberedningen")
    assert list(body.seats.values_list("side", "count")) == [
        ("municipalities", 6),
        ("municipalities", 6),
        ("region", 6),
    ]


def test_sub_regional_forums_are_entered_at_that_level():
    # Seed 002, Gävleborg: "samt på delregional nivå fyra politiska styrgrupper"; Skåne: "På
    # delregional nivå finns så kallade REKOmöten".
    found = dict(
        Body.objects.filter(slug__in=["politiska-styrgrupper-gavleborg", "reko-moten"]).values_list(
            "slug", "level"
        )
    )
    assert found == {
        "politiska-styrgrupper-gavleborg": "sub_regional",
        "reko-moten": "sub_regional",
    }
    assert "Fyra" in Body.objects.get(slug="politiska-styrgrupper-gavleborg").composition


@pytest.mark.parametrize(
    ("slug", "meetings"),
    [
        # Seed 002, Kalmar: "Presidiemöten två per år där presidierna för landstingsstyrelsen
        # och primärkommunala nämnden på regionförbundet möts".
        ("presidiemoten-i-kalmar-lan", 2),
        # Seed 002, Kronoberg: "Fyra gånger per år sammankallas dessutom social-/
        # omsorgsnämndernas presidier och landstingets samverkansberedning".
        ("gemensamma-konferenser-kronoberg", 4),
        # Seed 002, Västmanland: "Två gånger per år arrangeras dessutom presidiekonferenser".
        ("presidiekonferenser-vastmanland", 2),
    ],
)
def test_named_forums_meet_as_often_as_the_document_says(slug, meetings):
    assert Body.objects.get(slug=slug).meetings_per_year == meetings


def test_dated_decisions_are_recorded_with_body_and_year():
    fou = Decision.objects.get(body__slug="ac-konsensus")
    assert (fou.year, fou.kind) == (2010, "organisation")
    assert "ny FoU-miljö" in fou.summary
    kalmar = Decision.objects.get(body__slug="presidiekonferens-i-kalmar-lan")
    assert kalmar.year == 2013
    assert "september 2013" in kalmar.summary


def test_every_county_has_a_plan_decision_of_2013_with_its_decider():
    decisions = Decision.objects.filter(kind="plan_decision", slug__startswith="beslut-om-lansplan")
    assert decisions.count() == 21
    assert set(decisions.values_list("year", flat=True)) == {2013}
    dalarna = decisions.get(slug="beslut-om-lansplan-dalarnas-lan")
    assert dalarna.body is None
    assert dalarna.decided_by_text == "Region- eller kommunförbundsstyrelse"
    assert "Dalarnas läns plan" in dalarna.summary
    jonkoping = decisions.get(slug="beslut-om-lansplan-jonkopings-lan")
    assert jonkoping.body.slug == "primarkommunala-namnden"
    assert "länets samtliga kommuner" in jonkoping.decided_by_text
    assert decisions.get(slug="beslut-om-lansplan-orebro-lan").body.slug == ("socialchefsnatverket")


def _slugs_in_data_file(model: str) -> list[str]:
    content = loader.read_file(loader.DATA_DIR / f"{SEED_002}.yaml")
    return [r["fields"]["slug"] for r in content["records"] if r["model"] == model]


def test_every_profile_and_row_it_created_names_seed_002():
    assert set(SupportStructure.objects.values_list("source__slug", flat=True)) == {SEED_002}
    organisations = _slugs_in_data_file("bodies.organisation")
    bodies = _slugs_in_data_file("bodies.body")
    # The county bodies, and the national network of platform leaders the foreword names.
    assert len(organisations) == 18 and len(bodies) == 26
    for slug in organisations:
        assert Organisation.objects.get(slug=slug).source.slug == SEED_002, slug
    for slug in bodies:
        assert Body.objects.get(slug=slug).source.slug == SEED_002, slug
    # Högskolan Dalarna is also named by the Dalarna proposal (seed 004) and FoUrum by SKL's
    # brochure (seed 003): each is one record, with the source of the document's file that holds it.
    assert "hogskolan-dalarna" not in organisations and "fourum" not in organisations
    assert Organisation.objects.get(slug="hogskolan-dalarna").source.slug == (
        "dalarna-forslag-ny-organisation"
    )
    assert Organisation.objects.get(slug="fourum").source.slug == (
        "skl-broschyr-regionala-stodstrukturer"
    )


def test_profile_slug_is_the_county_slug_and_links_to_the_county_page():
    profile = _profile("Västra Götaland")
    assert profile.slug == "vastra-gotalands-lan" == profile.county.slug
    assert profile.get_absolute_url().endswith("/lan/vastra-gotalands-lan/")


def test_loading_again_creates_nothing():
    counts = (SupportStructure.objects.count(), PlatformHost.objects.count())
    assert loader.load()[SEED_002] == 0
    assert (SupportStructure.objects.count(), PlatformHost.objects.count()) == counts


def test_reload_keeps_a_coordinators_edit_of_a_profile_and_its_hosts():
    profile = _profile("Gotland")
    profile.decisions_needed = "Ändrat av samordnaren."
    profile.save()
    profile.hosts.update(note="Samordnarens anteckning")
    profile.hosts.create(kind="county_council")

    assert loader.load()[SEED_002] == 0

    profile.refresh_from_db()
    assert profile.decisions_needed == "Ändrat av samordnaren."
    assert set(profile.hosts.values_list("kind", "note")) == {
        ("regional_federation", "Samordnarens anteckning"),
        ("county_council", ""),
    }


def test_a_deleted_profile_is_recreated_with_its_hosts_on_reload():
    _profile("Kalmar").delete()
    assert loader.load()[SEED_002] == 2  # the profile and its one host
    assert _host_kinds("Kalmar") == {"regional_federation"}
