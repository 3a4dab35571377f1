"""The seed registry holds the facts of seeds 000/001 (VG declaration), 003 (SKL brochure)
and 004 (Dalarna's proposal), and the loader is idempotent."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command

from agreements.models import Agreement, AgreementStatus, Clause, Decision, RelationKind
from bodies.models import (
    Body,
    BodyKind,
    BodyStatus,
    ChairRotationRule,
    Organisation,
    OrganisationKind,
    Person,
)
from funding.models import Allocation, CofinancingShare, FundedPosition, StateGrant
from governance.core.models import SourceDocument
from governance.routing.models import Goal, Initiative, Matter, Milestone
from governance.seed.loader import load

pytestmark = pytest.mark.usefixtures("seed")


def org(slug):
    return Organisation.objects.get(slug=slug)


def body(slug):
    return Body.objects.get(slug=slug)


def agreement(slug):
    return Agreement.objects.get(slug=slug)


def clause(slug, order):
    return Clause.objects.get(slug=f"{slug}-{order}")


def responsibilities(slug):
    return list(body(slug).responsibilities.values_list("text", flat=True))


def signatory(name):
    return agreement("avsiktsforklaring-vg-2016").signatories.get(person__name=name)


def seat(slug):
    from bodies.models import Seat

    return Seat.objects.get(slug=slug)


VG = "avsiktsforklaring-vg-2016"
VG13 = "avsiktsforklaring-vg-2013"
DALARNA = "organisationsforslag-dalarna-2019"

FACTS = [
    # --- Västra Götaland: the 2016 declaration (seeds 000/001) -------------------------
    (
        "vg-2016 title",
        lambda: agreement(VG).title.startswith(
            "Regionala samverkans- och stödstrukturer för gemensam kunskapsutveckling"
        ),
        True,
    ),
    ("vg-2016 kind", lambda: agreement(VG).kind, "declaration_of_intent"),
    ("vg-2016 valid until end of 2018", lambda: agreement(VG).valid_until, dt.date(2018, 12, 31)),
    (
        "vg-2016 validity as written",
        lambda: "t.o.m. utgången av 2018" in agreement(VG).validity_text,
        True,
    ),
    ("vg-2016 renewal needs express decision", lambda: agreement(VG).renewal_type, "express"),
    ("vg-2016 renewal body is SRO", lambda: agreement(VG).renewal_body.slug, "sro"),
    (
        "vg-2016 renewal text",
        lambda: agreement(VG).renewal_text.startswith(
            "Därefter krävs nytt beslut i det politiska samrådet"
        ),
        True,
    ),
    (
        "vg-2016 parties",
        lambda: sorted(agreement(VG).parties.values_list("slug", flat=True)),
        ["vastkom", "vgr"],
    ),
    (
        "vg-2016 based on national 2016",
        lambda: agreement(VG).based_on.slug,
        "overenskommelse-ebp-2016",
    ),
    ("vg-2016 predecessor", lambda: agreement(VG).predecessor.slug, VG13),
    ("vg-2016 seven clauses", lambda: agreement(VG).clauses.count(), 7),
    (
        "vg clause 1 text",
        lambda: clause(VG, 1).text,
        "att under år 2016 på länsnivå utveckla en gemensam, långsiktig och stabil struktur för kunskapsutveckling",
    ),
    (
        "vg clause 2 via VästKom",
        lambda: list(clause(VG, 2).organisations.values_list("slug", flat=True)),
        ["vastkom"],
    ),
    (
        "vg clause 3 names Koncernkontoret",
        lambda: "koncernkontoret" in clause(VG, 3).organisations.values_list("slug", flat=True),
        True,
    ),
    ("vg clause 3 text", lambda: clause(VG, 3).text.endswith("hanteras via Koncernkontoret"), True),
    (
        "vg clause 4 names both",
        lambda: sorted(clause(VG, 4).organisations.values_list("slug", flat=True)),
        ["koncernkontoret", "vastkom"],
    ),
    (
        "vg clause 5 names LiSA",
        lambda: list(clause(VG, 5).bodies.values_list("slug", flat=True)),
        ["lisa"],
    ),
    (
        "vg clause 5 distribution",
        lambda: (
            "beslut om hantering och fördelning av nationella länsgemensamma satsningar"
            in clause(VG, 5).text
        ),
        True,
    ),
    (
        "vg clause 6 names SRO",
        lambda: list(clause(VG, 6).bodies.values_list("slug", flat=True)),
        ["sro"],
    ),
    ("vg clause 7 trust", lambda: "med förtroende och tillit" in clause(VG, 7).text, True),
    ("vg four signatories", lambda: agreement(VG).signatories.count(), 4),
    ("Ulf Olsson's title", lambda: signatory("Ulf Olsson").title, "Ordförande VästKom"),
    ("Ulf Olsson signs for VästKom", lambda: signatory("Ulf Olsson").organisation.slug, "vastkom"),
    ("Thomas Jungbeck's title", lambda: signatory("Thomas Jungbeck").title, "Direktör"),
    (
        "Johnny Magnusson's title",
        lambda: signatory("Johnny Magnusson").title,
        "Ordförande Regionstyrelsen",
    ),
    (
        "Johnny Magnusson signs for VGR",
        lambda: signatory("Johnny Magnusson").organisation.slug,
        "vgr",
    ),
    ("Ann-Sofi Lodin's title", lambda: signatory("Ann-Sofi Lodin").title, "Regiondirektör"),
    (
        "vg-2016 background names the 2015 agreement",
        lambda: "Överenskommelsen för 2015 mellan staten och SKL" in agreement(VG).background,
        True,
    ),
    ("vg-2016 source document", lambda: agreement(VG).source.reference, "Seed 000"),
    # --- the 2013 declaration --------------------------------------------------------------
    ("vg-2013 valid until end of 2015", lambda: agreement(VG13).valid_until, dt.date(2015, 12, 31)),
    (
        "vg-2013 adopted in LiSA",
        lambda: Decision.objects.get(agreement__slug=VG13, body__slug="lisa").date,
        dt.date(2013, 9, 18),
    ),
    (
        "vg-2013 adopted in SRO",
        lambda: Decision.objects.get(agreement__slug=VG13, body__slug="sro").date,
        dt.date(2013, 9, 27),
    ),
    (
        "vg-2013 adoptions are decisions of kind adoption",
        lambda: Decision.objects.adoptions().filter(agreement__slug=VG13).count(),
        2,
    ),
    (
        "vg-2013 distribution to the sub-regions, no figures",
        lambda: Allocation.objects.filter(
            agreement__slug=VG13, amount_sek__isnull=True, sub_region__icontains="delregion"
        ).count(),
        1,
    ),
    (
        "vg-2013 superseded in mid 2016",
        lambda: agreement(VG13).status_on(dt.date(2016, 6, 1)),
        AgreementStatus.SUPERSEDED,
    ),
    # --- Västra Götaland organisations and bodies ---------------------------------------------
    (
        "VästKom's full name",
        lambda: org("vastkom").name,
        "Västsvenska kommunalförbundens samorganisation",
    ),
    ("VGR's name", lambda: org("vgr").name, "Västra Götalandsregionen"),
    (
        "VGR is a region in county 14",
        lambda: (org("vgr").kind, org("vgr").county.code),
        ("region", "14"),
    ),
    ("Koncernkontoret is within VGR", lambda: org("koncernkontoret").parent.slug, "vgr"),
    ("LiSA's name", lambda: body("lisa").name, "Ledning i samverkan VGR/VGK"),
    ("LiSA is officials' leadership", lambda: body("lisa").kind, BodyKind.OFFICIALS_LEADERSHIP),
    ("SRO is political", lambda: body("sro").kind, BodyKind.POLITICAL),
    (
        "SRO owned by VGR and VästKom",
        lambda: sorted(body("sro").owners.values_list("slug", flat=True)),
        ["vastkom", "vgr"],
    ),
    # --- national level ---------------------------------------------------------------------
    (
        "national 2016 title",
        lambda: agreement("overenskommelse-ebp-2016").title,
        "Stöd för en evidensbaserad praktik för god kvalitet inom socialtjänsten",
    ),
    (
        "national 2016 parties",
        lambda: sorted(
            agreement("overenskommelse-ebp-2016").parties.values_list("slug", flat=True)
        ),
        ["regeringen", "skl"],
    ),
    (
        "national 2010 platform title",
        lambda: agreement("overenskommelse-2010").title,
        "Plattform för arbetet med att utveckla en evidensbaserad praktik i socialtjänsten",
    ),
    (
        "national 2011 rests on the platform",
        lambda: agreement("overenskommelse-2011").based_on.slug,
        "overenskommelse-2010",
    ),
    (
        "national 2011 title",
        lambda: agreement("overenskommelse-2011").title,
        "Stöd till en evidensbaserad praktik för god kvalitet inom socialtjänstens område",
    ),
    (
        # Seed 002, table of contents: "Stöd till en evidensbaserad praktik för god kvalitet
        # i socialtjänsten 2013".
        "national 2013 title",
        lambda: agreement("overenskommelse-2013").title,
        "Stöd till en evidensbaserad praktik för god kvalitet i socialtjänsten",
    ),
    (
        # Seed 002: "planerna skulle vara SKL tillhanda senast den 15 november 2013".
        "county plans due 15 November 2013",
        lambda: "senast den 15 november 2013" in agreement("overenskommelse-2013").background,
        True,
    ),
    ("SKL's full name", lambda: org("skl").name, "Sveriges Kommuner och Landsting"),
    ("Regeringen is the government", lambda: org("regeringen").kind, OrganisationKind.GOVERNMENT),
    (
        "NSK-S is a national group",
        lambda: (body("nsk-s").kind, body("nsk-s").level),
        ("national_group", "national"),
    ),
    ("NSK-S under SFS 2015:155", lambda: "2015:155" in body("nsk-s").mandate, True),
    ("NSK exists beside NSK-S", lambda: body("nsk").short_name, "NSK"),
    (
        "SKL's network is owned by SKL",
        lambda: list(
            body("skls-natverk-for-regionala-stodstrukturer").owners.values_list("slug", flat=True)
        ),
        ["skl"],
    ),
    (
        "co-financing 2014",
        lambda: CofinancingShare.objects.get(year=2014).principals_share_percent,
        Decimal("25"),
    ),
    (
        "co-financing 2015",
        lambda: CofinancingShare.objects.get(year=2015).principals_share_percent,
        Decimal("50"),
    ),
    (
        "co-financing from 2016, open ended",
        lambda: (
            CofinancingShare.objects.get(year=2016).principals_share_percent,
            CofinancingShare.objects.get(year=2016).open_ended,
        ),
        (Decimal("100"), True),
    ),
    (
        "co-financing set in the 2013 agreement",
        lambda: set(CofinancingShare.objects.values_list("agreement__slug", flat=True)),
        {"overenskommelse-2013"},
    ),
    (
        "2016 is the last year of state money",
        lambda: StateGrant.objects.filter(
            year=2016, agreement__slug="overenskommelse-ebp-2016"
        ).count(),
        1,
    ),
    (
        "five goals plus one framing goal",
        lambda: (
            Goal.objects.filter(framing=False).count(),
            Goal.objects.filter(framing=True).count(),
        ),
        (5, 1),
    ),
    (
        "goal 4 dialogue partner",
        lambda: Goal.objects.get(number=4).text.startswith(
            "vara en dialogpart gentemot den nationella nivån"
        ),
        True,
    ),
    (
        "framing goal",
        lambda: Goal.objects.get(framing=True).text,
        "bidra till en förbättring av socialtjänstens verksamhet – till nytta för brukarna",
    ),
    (
        "timeline years",
        lambda: sorted(set(Milestone.objects.values_list("year", flat=True))),
        [2004, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2016],
    ),
    ("2004 reference", lambda: Milestone.objects.get(year=2004).reference, "SK 2004/0977"),
    ("2007 reference", lambda: Milestone.objects.get(year=2007).reference, "SKL 2007/0255"),
    ("2008 reference", lambda: Milestone.objects.get(year=2008).reference, "SOU 2008:18"),
    (
        "2009 eighteen workshops",
        lambda: "arton workshops" in Milestone.objects.get(year=2009).text,
        True,
    ),
    (
        "2012 seventeen surveys",
        lambda: Milestone.objects.get(year=2012).text.startswith("Sjutton länsvisa kartläggningar"),
        True,
    ),
    (
        "Statskontoret: 93 % of municipalities",
        lambda: (
            "93 procent av kommunerna"
            in Milestone.objects.get(slug="milstolpe-2014-statskontoret").text
        ),
        True,
    ),
    (
        "Statskontoret: 70 % of committee chairs",
        lambda: (
            "70 procent av ordförandena i socialnämnderna"
            in Milestone.objects.get(slug="milstolpe-2014-statskontoret").text
        ),
        True,
    ),
    (
        "2016 initiative: NSK-S and programråd",
        lambda: (
            Initiative.objects.get(
                slug="uppbyggnad-nsk-s-och-programrad-2016"
            ).source_agreement.slug
        ),
        "overenskommelse-ebp-2016",
    ),
    (
        "seven matters",
        lambda: Matter.objects.filter(
            slug__in=[
                "nationell-satsning",
                "fordelning-av-nationella-medel",
                "lansovergripande-stallningstagande",
                "politiskt-stallningstagande",
                "start-eller-avslut-av-arbetsgrupp",
                "uppdragsbeskrivning-for-arbetsgrupp",
                "politiskt-initiativ",
            ]
        ).count(),
        7,
    ),
    # --- Dalarna (seed 004) ------------------------------------------------------------------
    (
        "Region Dalarna was Landstinget Dalarna",
        lambda: list(org("region-dalarna").former_names.values_list("name", flat=True)),
        ["Landstinget Dalarna"],
    ),
    (
        "Dalarna's municipalities as one principal",
        lambda: (org("kommunerna-i-dalarna").kind, org("kommunerna-i-dalarna").county.code),
        ("other", "20"),
    ),
    ("SUD's name", lambda: org("sud").name, "Socialtjänstens utvecklingscentrum i Dalarna"),
    (
        "heads' network name",
        lambda: body("chefsnatverket").name,
        "Länsnätverk förvaltningschefer inom hälsa och välfärd",
    ),
    (
        "heads' network has eleven responsibilities",
        lambda: body("chefsnatverket").responsibilities.count(),
        11,
    ),
    (
        "heads' network first responsibility",
        lambda: responsibilities("chefsnatverket")[0].startswith("Högsta tjänstemannaledningsnivå"),
        True,
    ),
    (
        "heads' network decides working groups (4th)",
        lambda: responsibilities("chefsnatverket")[3],
        "Besluta om uppstart och avslut av arbetsgrupp",
    ),
    (
        "heads' network last responsibility",
        lambda: responsibilities("chefsnatverket")[-1],
        "Ansvarar för att ökad brukarmedverkan/delaktighet utvecklas inom hela verksamhetsområdet",
    ),
    (
        "heads' network meets 9 times with summer break",
        lambda: (body("chefsnatverket").meetings_per_year, body("chefsnatverket").summer_break),
        (9, True),
    ),
    ("heads' network chair term one year", lambda: body("chefsnatverket").term_months, 12),
    (
        "heads' network rotation",
        lambda: "växlas mellan kommuner och landstinget" in body("chefsnatverket").rotation,
        True,
    ),
    (
        "heads' network minutes, personal participation",
        lambda: (
            body("chefsnatverket").minutes_kept,
            body("chefsnatverket").personal_participation,
        ),
        (True, True),
    ),
    ("heads' network decides", lambda: body("chefsnatverket").has_decision_mandate, True),
    (
        "heads' network preparatory meetings",
        lambda: "förmöte" in body("chefsnatverket").preparatory_meetings,
        True,
    ),
    (
        "heads' network seats: municipalities and region",
        lambda: sorted(body("chefsnatverket").seats.values_list("side", flat=True)),
        ["municipalities", "region"],
    ),
    (
        "no invented chair rotation start",
        lambda: ChairRotationRule.objects.filter(body__slug="chefsnatverket").exists(),
        False,
    ),
    (
        "steering group gets its mandate from the network",
        lambda: body("styrgruppen-for-chefsnatverket").parent.slug,
        "chefsnatverket",
    ),
    (
        "steering group has eight responsibilities",
        lambda: body("styrgruppen-for-chefsnatverket").responsibilities.count(),
        8,
    ),
    (
        "steering group's open question",
        lambda: responsibilities("styrgruppen-for-chefsnatverket")[-1],
        "Någon forma av beslutsmandat i andra frågor?",
    ),
    (
        "steering group: three Region Dalarna seats",
        lambda: seat("styrgruppen-for-chefsnatverket-region-dalarna").count,
        3,
    ),
    (
        "steering group meets 9 times",
        lambda: body("styrgruppen-for-chefsnatverket").meetings_per_year,
        9,
    ),
    (
        "working groups under the steering group",
        lambda: (
            body("arbetsgrupper-dalarna").parent.slug,
            body("arbetsgrupper-dalarna").commissioned_by.slug,
        ),
        ("styrgruppen-for-chefsnatverket", "styrgruppen-for-chefsnatverket"),
    ),
    (
        "working groups have six responsibilities",
        lambda: body("arbetsgrupper-dalarna").responsibilities.count(),
        6,
    ),
    (
        "working groups are time-bound",
        lambda: "tidsbestämt" in body("arbetsgrupper-dalarna").commission_description,
        True,
    ),
    (
        "mandate chain",
        lambda: [b.slug for b in body("arbetsgrupper-dalarna").ancestors()],
        ["styrgruppen-for-chefsnatverket", "chefsnatverket"],
    ),
    ("Välfärdsrådet is political", lambda: body("valfardsradet").kind, BodyKind.POLITICAL),
    (
        "Välfärdsrådet's composition",
        lambda: "hälso- och sjukvårdsnämndens presidium" in body("valfardsradet").composition,
        True,
    ),
    ("Välfärdsrådet has five tasks", lambda: body("valfardsradet").responsibilities.count(), 5),
    (
        "department is a department",
        lambda: body("avdelningen-for-halsa-och-valfard").kind,
        BodyKind.DEPARTMENT,
    ),
    (
        "department financed jointly",
        lambda: (
            "finansieras gemensamt av Regionen och länets kommuner"
            in body("avdelningen-for-halsa-och-valfard").mandate
        ),
        True,
    ),
    (
        "steering group is proposed",
        lambda: body("styrgruppen-for-chefsnatverket").status,
        BodyStatus.PROPOSED,
    ),
    (
        "proposal is a draft",
        lambda: (agreement(DALARNA).is_draft, agreement(DALARNA).kind),
        (True, "organisation_proposal"),
    ),
    (
        "proposal's status is draft",
        lambda: agreement(DALARNA).status_on(dt.date(2019, 6, 1)),
        AgreementStatus.DRAFT,
    ),
    (
        "evaluation: 30-person network",
        lambda: "ett nätverk på 30 personer" in agreement(DALARNA).background,
        True,
    ),
    (
        "evaluation of SUD in 2017",
        lambda: "utvärdering 2017 av SUD" in agreement(DALARNA).background,
        True,
    ),
    (
        "three jointly funded positions since 2015",
        lambda: (
            FundedPosition.objects.get(slug="grundstruktur-region-dalarna").count,
            FundedPosition.objects.get(slug="grundstruktur-region-dalarna").from_year,
        ),
        (3, 2015),
    ),
    (
        "jointly funded by region and municipalities",
        lambda: sorted(
            FundedPosition.objects.get(slug="grundstruktur-region-dalarna").funders.values_list(
                "slug", flat=True
            )
        ),
        ["kommunerna-i-dalarna", "region-dalarna"],
    ),
    (
        "one more position by Region Dalarna",
        lambda: FundedPosition.objects.get(slug="tjanst-region-dalarna").count,
        1,
    ),
    (
        "three development leaders recruited 2019",
        lambda: (
            FundedPosition.objects.get(slug="utvecklingsledare-halsa-och-valfard-2019").count,
            FundedPosition.objects.get(slug="utvecklingsledare-halsa-och-valfard-2019").from_year,
        ),
        (3, 2019),
    ),
    (
        "2015 funding decision",
        lambda: Decision.objects.get(slug="beslut-grundstruktur-dalarna-2015").year,
        2015,
    ),
    (
        "five regional development groups at the 2017 evaluation",
        lambda: body("regionala-utvecklingsgrupper-dalarna").composition.startswith(
            "Fem regionala utvecklingsgrupper"
        ),
        True,
    ),
    (
        "FoUrum is an FoU environment in Jönköping",
        lambda: (org("fourum").kind, org("fourum").county.code),
        ("fou", "06"),
    ),
    ("proposal has eighteen clauses", lambda: agreement(DALARNA).clauses.count(), 18),
    (
        "proposal clause 16 is the heads' network section",
        lambda: (
            clause(DALARNA, 16).heading,
            list(clause(DALARNA, 16).bodies.values_list("slug", flat=True)),
        ),
        ("Länsnätverk förvaltningschefer inom hälsa och välfärd", ["chefsnatverket"]),
    ),
    (
        "proposal's first aim",
        lambda: clause(DALARNA, 1).text.startswith(
            "Fördjupa och stärka samverkan mellan kommunerna och Landstinget"
        ),
        True,
    ),
    (
        # Seed 003, back page: "Bestnr: 5369".
        "brochure's order number",
        lambda: "5369" in SourceDocument.objects.get(reference="Seed 003").description,
        True,
    ),
    (
        "every seed document has a source row",
        lambda: SourceDocument.objects.filter(reference__startswith="Seed ").count(),
        5,
    ),
    (
        "signatories are people",
        lambda: Person.objects.filter(
            slug__in=["ulf-olsson", "thomas-jungbeck", "johnny-magnusson", "ann-sofi-lodin"]
        ).count(),
        4,
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "getter, expected", [pytest.param(get, want, id=name) for name, get, want in FACTS]
)
def test_seeded_fact_matches_the_source_document(getter, expected):
    assert getter() == expected


def test_the_fact_table_covers_at_least_forty_facts():
    assert len(FACTS) >= 40


@pytest.mark.django_db
def test_every_record_seeded_from_these_documents_names_its_source():
    from django.apps import apps

    from governance.core.records import RegistryRecord

    ours = ["vgr", "vastkom", "lisa", "sro", "chefsnatverket", VG, DALARNA, "skl", "mal-1"]
    for model in apps.get_models():
        if issubclass(model, RegistryRecord):
            assert not model.objects.filter(slug__in=ours, source__isnull=True).exists(), model


@pytest.mark.django_db
def test_the_vg_declarations_form_one_lineage_resting_on_the_national_agreement():
    declaration, previous = agreement(VG), agreement(VG13)
    assert previous.successors() == [declaration]
    assert [a.slug for a in declaration.lineage()] == [VG13, VG]
    assert declaration.outgoing_relations.filter(kind=RelationKind.BASED_ON).count() == 1


@pytest.mark.django_db
def test_loading_the_registry_again_creates_nothing():
    assert sum(load().values()) == 0


@pytest.mark.django_db
def test_reloading_keeps_a_coordinators_edit_of_a_seeded_record():
    Body.objects.filter(slug="chefsnatverket").update(meetings_per_year=10)
    lisa = body("lisa")
    lisa.name = "Ledning i samverkan (ändrat namn)"
    lisa.save()
    first = body("chefsnatverket").responsibilities.order_by("order").first()
    first.text = "Omformulerat ansvar"
    first.save()

    created = load()

    assert sum(created.values()) == 0
    assert body("chefsnatverket").meetings_per_year == 10
    assert body("lisa").name == "Ledning i samverkan (ändrat namn)"
    assert responsibilities("chefsnatverket")[0] == "Omformulerat ansvar"
    assert body("chefsnatverket").responsibilities.count() == 11


@pytest.mark.django_db
def test_the_loader_recreates_a_deleted_seed_record_and_nothing_else():
    Initiative.objects.filter(slug="pilotprojekt-aldreomsorgen-2010").delete()

    created = load()

    assert created["skl-broschyr-regionala-stodstrukturer"] == 1
    assert sum(created.values()) == 1
    assert Initiative.objects.filter(slug="pilotprojekt-aldreomsorgen-2010").exists()


@pytest.mark.django_db
def test_load_registry_command_reports_nothing_missing_on_a_loaded_database(capsys):
    call_command("load_registry")
    assert "nothing missing" in capsys.readouterr().out


@pytest.mark.django_db
def test_all_seeded_slugs_are_ascii():
    from django.apps import apps

    from governance.core.records import RegistryRecord

    for model in apps.get_models():
        if issubclass(model, RegistryRecord):
            for slug in model.objects.values_list("slug", flat=True):
                assert slug.isascii() and slug == slug.lower(), (model, slug)
