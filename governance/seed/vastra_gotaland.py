"""Västra Götaland: the 2016 declaration of intent between VGR and VästKom (seeds 000/001),
its predecessor of 2013 and its national basis, the bodies and organisations it names.

Dates the document does not state:
* The 2016 declaration gives no start date. It is entered as valid from 2016-01-01:
  its predecessor applied to the end of 2015, it rests on the agreement for 2016 and its
  first clause speaks of work "under år 2016". ``validity_text`` keeps the document's words.
* The 2013 declaration applied "t o m utgången av 2015"; SKL's compilation of the county
  plans (seed 002) says VästKom and VGR decided it "för 2014 och 2015", hence 2014-01-01.
"""

from __future__ import annotations

import datetime as dt

from governance.seed.sources import VG_DECLARATION

TITLE = (
    "Regionala samverkans- och stödstrukturer för gemensam kunskapsutveckling inom "
    "socialtjänst och närliggande hälso- och sjukvård"
)

# Background and purpose in the registry's own words, with the declaration's sections;
# its clauses ("att …") are its own words, since their wording is the agreement.
BACKGROUND = (
    "Sedan 2010 har staten genom överenskommelser med SKL velat bygga upp regionala "
    "stödstrukturer för kunskapsutveckling i socialtjänsten och närliggande hälso- och "
    "sjukvård. I Västra Götaland var LiSA-gruppen (Ledning i samverkan) länets stödstruktur "
    "och en förutsättning för att länet skulle kunna ta del av statsbidragen.\n\n"
    "Överenskommelsen för 2015 mellan staten och SKL preciserade stödstrukturernas uppdrag "
    "i fem punkter (se målen 1–5 i registret).\n\n"
    "Den föregående avsiktsförklaringen, antagen av LiSA-gruppen 2013-09-18 och av SRO "
    "2013-09-27, gällde till utgången av 2015. Den fördelade statens utvecklingsmedel till "
    "delregionerna, vilket byggde upp delregionala stödstrukturer men inget arbete för hela "
    "länet. En utvärdering av LiSA-gruppens arbetsformer 2014 och en uppföljning våren 2015 "
    "ledde till bedömningen att arbetet för hela länet inte kunde tas vidare.\n\n"
    "(Källa: avsiktsförklaringen, avsnittet Bakgrund.)"
)

PURPOSE = (
    "Avsiktsförklaringen mellan Västra Götalandsregionen och VästKom bygger på 2016 års "
    "överenskommelse mellan regeringen och SKL om stöd för en evidensbaserad praktik i "
    "socialtjänsten. 2016 var det sista året med statliga medel för detta; målet var att "
    "stödstrukturerna skulle ha en långsiktig och stabil form när överenskommelsen upphörde "
    "efter 2016. Överenskommelsen 2016 skulle stärka stödstrukturerna inför det, stödja "
    "pågående utvecklingsarbete och bygga vidare på NSK-S och programråden inför lokal "
    "finansiering 2017.\n\n"
    "Nationellt ska kunskapsstyrningen bli samordnad, effektiv och anpassad till patienters, "
    "brukares, professioners och huvudmäns behov. NSK-S och motsvarande grupp för "
    "landstingen, NSK, ska under Rådet för statlig styrning och Huvudmannagruppen bidra till "
    "en gemensam kunskapsstyrning (förordning 2015:155). Inom SKL väntas nätverket för "
    "regionala samverkans- och stödstrukturer företräda stödstrukturerna och under 2016 ta "
    "fram en plan för sitt arbete.\n\n"
    "Avsiktsförklaringen gäller kunskapsutveckling där socialtjänsten och hälso- och "
    "sjukvården möter samma målgrupp, och kunskapsfrågor som kommunerna och VGR har skäl att "
    "ta sig an tillsammans.\n\n"
    "(Källa: avsiktsförklaringen, avsnittet Saken.)"
)

CLAUSE_HEADING = "I Västra Götaland är vi överens om:"

# (text as written, organisation slugs it names, body slugs it names), in order.
CLAUSES = [
    (
        "att under år 2016 på länsnivå utveckla en gemensam, långsiktig och stabil struktur för "
        "kunskapsutveckling",
        [],
        [],
    ),
    (
        "att nationella satsningar som avser länet för Västra Götalands kommuner hanteras via "
        "VästKom",
        ["vastkom"],
        [],
    ),
    (
        "att nationella satsningar som avser länet inom Västra Götalandsregionen hanteras via "
        "Koncernkontoret",
        ["vgr", "koncernkontoret"],
        [],
    ),
    (
        "att VästKom och Koncernkontoret har gemensamt ansvar för att jobba i nära samverkan för "
        "att bevaka nationella satsningar som berör båda organisationerna.",
        ["vastkom", "koncernkontoret"],
        [],
    ),
    (
        "att länsövergripande och samverkansstrategiska ställningstaganden, inklusive beslut om "
        "hantering och fördelning av nationella länsgemensamma satsningar, görs i Ledning i "
        "samverkan VGR/VGK (LISA).",
        [],
        ["lisa"],
    ),
    (
        "att övergripande politiska ställningstaganden fattas i det politiska samrådsorganet "
        "mellan VästKoms och Västra Götalandsregionens politiska ledningar (SRO).",
        ["vastkom", "vgr"],
        ["sro"],
    ),
    (
        "att parternas uttalade avsikt är att med förtroende och tillit utveckla formerna för "
        "samverkan och kunskapsutveckling till stöd för en god vård för medborgarna i Västra "
        "Götaland.",
        [],
        [],
    ),
]

# (person slug, name, title as written, organisation slug), in the document's order.
SIGNATORIES = [
    ("ulf-olsson", "Ulf Olsson", "Ordförande VästKom", "vastkom"),
    ("thomas-jungbeck", "Thomas Jungbeck", "Direktör", "vastkom"),
    ("johnny-magnusson", "Johnny Magnusson", "Ordförande Regionstyrelsen", "vgr"),
    ("ann-sofi-lodin", "Ann-Sofi Lodin", "Regiondirektör", "vgr"),
]


def load() -> int:
    from agreements.models import (
        Agreement,
        AgreementKind,
        AgreementParty,
        AgreementRelation,
        Clause,
        Decision,
        DecisionKind,
        PartyRole,
        RelationKind,
        RenewalType,
        Signatory,
    )
    from bodies.models import (
        Body,
        BodyKind,
        BodyLevel,
        County,
        Organisation,
        OrganisationKind,
        Person,
        Responsibility,
    )
    from funding.models import Allocation
    from governance.seed.util import Seeder

    s = Seeder(VG_DECLARATION)
    county = County.objects.get(code="14")

    # Organisations -----------------------------------------------------------------
    vgr = s.record(
        Organisation,
        "vgr",
        name="Västra Götalandsregionen",
        short_name="VGR",
        kind=OrganisationKind.REGION,
        county=county,
    )
    vastkom = s.record(
        Organisation,
        "vastkom",
        name="Västsvenska kommunalförbundens samorganisation",
        short_name="VästKom",
        kind=OrganisationKind.MUNICIPAL_FEDERATION,
        county=county,
        description="Samorganisation för de fyra kommunalförbunden i Västra Götaland. Hanterar "
        "nationella satsningar som avser länet för Västra Götalands kommuner.",
    )
    s.record(
        Organisation,
        "koncernkontoret",
        name="Koncernkontoret",
        kind=OrganisationKind.DEPARTMENT,
        county=county,
        parent=vgr,
        description="Hanterar nationella satsningar som avser länet inom Västra Götalandsregionen.",
    )
    orgs = {
        o.slug: o
        for o in Organisation.objects.filter(slug__in=["vgr", "vastkom", "koncernkontoret"])
    }

    # Bodies ----------------------------------------------------------------------------
    lisa = s.record(
        Body,
        "lisa",
        name="Ledning i samverkan VGR/VGK",
        short_name="LiSA",
        kind=BodyKind.OFFICIALS_LEADERSHIP,
        level=BodyLevel.COUNTY,
        county=county,
        has_decision_mandate=True,
        mandate="Bildandet av LiSA-gruppen, Ledning i samverkan, som en regional stödstruktur "
        "var en förutsättning för att länet skulle kunna avropa statsbidragen i Regeringens "
        "överenskommelse med SKL. LiSA-gruppens arbetsformer utvärderades 2014, med en "
        "uppföljande rapport våren 2015.",
        m2m={"owners": [vgr, vastkom]},
    )
    s.child(
        Responsibility,
        {"body": lisa, "order": 1},
        text="Länsövergripande och samverkansstrategiska ställningstaganden, inklusive beslut "
        "om hantering och fördelning av nationella länsgemensamma satsningar.",
    )
    sro = s.record(
        Body,
        "sro",
        name="Politiska samrådsorganet mellan VästKom och Västra Götalandsregionen",
        short_name="SRO",
        kind=BodyKind.POLITICAL,
        level=BodyLevel.COUNTY,
        county=county,
        has_decision_mandate=True,
        composition="VästKoms och Västra Götalandsregionens politiska ledningar.",
        m2m={"owners": [vgr, vastkom]},
    )
    s.responsibilities(
        sro,
        [
            "Övergripande politiska ställningstaganden.",
            "Nytt beslut om hur parterna ska arbeta vidare när avsiktsförklaringen 2016 har "
            "upphört att gälla (efter 2018).",
        ],
    )

    # The 2013 declaration, its adoptions and its distribution of development money --------
    previous = s.record(
        Agreement,
        "avsiktsforklaring-vg-2013",
        title="Avsiktsförklaring mellan VästKom och Västra Götalandsregionen 2014–2015",
        kind=AgreementKind.DECLARATION_OF_INTENT,
        county=county,
        valid_from=dt.date(2014, 1, 1),
        valid_from_basis="inferred",
        basis_note="Startdatumet är härlett: SKL:s sammanställning talar om en "
        "avsiktsförklaring för 2014 och 2015, och avsiktsförklaringen 2016 säger att den "
        "gällde t.o.m. utgången av 2015; ingen dag anges för starten.",
        valid_until=dt.date(2015, 12, 31),
        validity_text="gällde t o m utgången av 2015",
        background="Titeln anges inte i källdokumenten. Enligt SKL:s sammanställning av "
        "länsplanerna fattade VästKom och Västra Götalandsregionen för 2014 och 2015 beslut "
        "om en ny gemensam avsiktsförklaring avseende utvecklingsinsatser och åtaganden "
        "kopplade till regeringens överenskommelser med SKL om stöd till en evidensbaserad "
        "praktik för god kvalitet inom socialtjänsten.",
        purpose="Slog fast en fördelning av statens utvecklingsmedel till delregionerna i "
        "Västra Götalands län. Den fördelningen har grundlagt förutsättningar för delregionala "
        "stödstrukturer men inte ett länsövergripande arbete.",
    )
    for order, org in enumerate((vgr, vastkom), start=1):
        s.child(AgreementParty, {"agreement": previous, "organisation": org}, order=order)
    for slug, body, date in (
        ("antagande-avsiktsforklaring-vg-2013-lisa", lisa, dt.date(2013, 9, 18)),
        ("antagande-avsiktsforklaring-vg-2013-sro", sro, dt.date(2013, 9, 27)),
    ):
        s.record(
            Decision,
            slug,
            body=body,
            date=date,
            kind=DecisionKind.ADOPTION,
            agreement=previous,
            summary="Antog avsiktsförklaringen om regionala samverkans- och stödstrukturer, "
            "med en fördelning av statens utvecklingsmedel till delregionerna.",
        )
    s.record(
        Allocation,
        "utvecklingsmedel-delregionerna-vg",
        county=county,
        sub_region="Delregionerna i Västra Götalands län",
        purpose="Fördelning av statens utvecklingsmedel till delregionerna i Västra Götalands "
        "län. Belopp och fördelningsgrund anges inte i källdokumentet.",
        agreement=previous,
    )

    # The 2016 declaration -----------------------------------------------------------------
    declaration = s.record(
        Agreement,
        "avsiktsforklaring-vg-2016",
        title=TITLE,
        short_name="Avsiktsförklaring VG 2016",
        kind=AgreementKind.DECLARATION_OF_INTENT,
        county=county,
        valid_from=dt.date(2016, 1, 1),
        valid_from_basis="inferred",
        basis_note="Startdatumet är härlett: avsiktsförklaringen anger bara att den gäller "
        "t.o.m. utgången av 2018 och utgår från 2016 års överenskommelse; registret räknar "
        "den från 1 januari 2016.",
        valid_until=dt.date(2018, 12, 31),
        validity_text="Denna avsiktsförklaring gäller t.o.m. utgången av 2018.",
        renewal_type=RenewalType.EXPRESS,
        renewal_body=sro,
        renewal_text="Därefter krävs nytt beslut i det politiska samrådet mellan VästKom och "
        "Västra Götalandsregionen om hur parterna ska arbeta vidare.",
        background=BACKGROUND,
        purpose=PURPOSE,
    )
    for order, org in enumerate((vgr, vastkom), start=1):
        s.child(
            AgreementParty,
            {"agreement": declaration, "organisation": org},
            role=PartyRole.PARTY,
            order=order,
        )
    bodies = {b.slug: b for b in Body.objects.filter(slug__in=["lisa", "sro"])}
    for order, (text, org_slugs, body_slugs) in enumerate(CLAUSES, start=1):
        s.record(
            Clause,
            f"avsiktsforklaring-vg-2016-{order}",
            agreement=declaration,
            order=order,
            heading=CLAUSE_HEADING,
            text=text,
            m2m={
                "organisations": [orgs[slug] for slug in org_slugs],
                "bodies": [bodies[slug] for slug in body_slugs],
            },
        )
    for order, (slug, name, title, org_slug) in enumerate(SIGNATORIES, start=1):
        person = s.record(Person, slug, name=name)
        s.child(
            Signatory,
            {"agreement": declaration, "person": person},
            title=title,
            organisation=orgs[org_slug],
            order=order,
        )
    national = Agreement.objects.get(slug="overenskommelse-ebp-2016")
    s.child(
        AgreementRelation,
        {"source": declaration, "kind": RelationKind.BASED_ON, "target": national},
    )
    s.child(
        AgreementRelation,
        {"source": declaration, "kind": RelationKind.REPLACES, "target": previous},
    )
    return s.created
