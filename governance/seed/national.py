"""The national level: Regeringen, SKL, the yearly national agreements, national groups,
the goals of the support structures, SKL's timeline 2004–2016 and the co-financing schedule.

Sources: the VG declaration (seed 000) for the 2015 and 2016 agreements, NSK-S, NSK and
the goals; SKL's brochure (seed 003) for the timeline, the 2010 and 2011 agreements and
Statskontoret's figures; SKL's compilation of the county plans (seed 002) for the
wording of the 2013 agreement and its co-financing schedule; Dalarna's proposal (seed
004) for the 2014 agreement.

Dates: the national agreements are yearly ("överenskommelse för år 2015"), so each is
entered as valid from 1 January to 31 December of its year, marked as inferred
(``valid_from_basis``); ``validity_text`` keeps the document's own words. Which
principals an initiative concerns is the registry's classification, never the
documents' words: every ``concerns`` is marked inferred with its reason. The documents give no reference numbers for them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from governance.seed.sources import (
    COUNTY_PLANS,
    DALARNA_PROPOSAL,
    SKL_BROCHURE,
    VG_DECLARATION,
)

GOALS = [
    # (number, text, framing, source) — the five as the 2015 agreement words them (seed 000),
    # and the brochure's framing goal (seed 003), which it lists first.
    (
        1,
        "kunna försörja kommunerna och landstingens verksamheter med ett praktiskt verksamhetsstöd",
        False,
        VG_DECLARATION,
    ),
    (
        2,
        "medverka till att skapa förutsättningar för ett kunskapsbaserat arbete i hela "
        "socialtjänsten och närliggande hälso- och sjukvård",
        False,
        VG_DECLARATION,
    ),
    (
        3,
        "vara arena för lokala och regionala politiska prioriteringar och strategier inom "
        "välfärdsområdet",
        False,
        VG_DECLARATION,
    ),
    (
        4,
        "vara en dialogpart gentemot den nationella nivån i frågor som rör kunskapsutveckling "
        "och kunskapsstyrning",
        False,
        VG_DECLARATION,
    ),
    (
        5,
        "utgöra utvecklingsstöd för implementering av ny kunskap, till exempel nationella "
        "riktlinjer och nya metoder",
        False,
        VG_DECLARATION,
    ),
    (
        6,
        "bidra till en förbättring av socialtjänstens verksamhet – till nytta för brukarna",
        True,
        SKL_BROCHURE,
    ),
]

# Statskontoret's findings (2014) as the brochure reports them, in short.
STATSKONTORET_FINDINGS = [
    "satsningen gav ett samlat grepp om aktuella frågor och utvecklingsarbeten",
    "samverkan i länen har stärkts, mellan kommuner och mellan kommuner och landsting",
    "93 procent av kommunerna har tagit del av stödstrukturernas verksamhet",
    "socialtjänst, FoU och universitet/högskolor samverkar mer",
    "drygt 90 procent av hälso- och sjukvårdsdirektörerna menar att landstingets samverkan "
    "med socialtjänsten har utvecklats tack vare stödstrukturen",
    "mer än 70 procent av socialcheferna menar att stödstrukturen hjälpt kommunen att införa "
    "nationella riktlinjer och vägledningar",
    "70 procent av ordförandena i socialnämnderna har tagit del av verksamheten",
]

# (slug, year, title, text, reference) — SKL's timeline (seed 003), text as written.
MILESTONES = [
    (
        "milstolpe-2004",
        2004,
        "Begäran om riktat stöd till lokala/regionala strukturer",
        "Socialstyrelsen och Svenska Kommunförbundet skriver till Socialdepartementet med en "
        'önskan om "riktat stöd till lokala/regionala strukturer för integrering av forskning, '
        'utbildning och praktik".',
        "SK 2004/0977",
    ),
    (
        "milstolpe-2007",
        2007,
        "Förslag om årliga avtal mellan regeringen och SKL",
        "Socialstyrelsen tillsammans med SKL föreslår årliga avtal mellan regeringen och SKL, "
        "arbete på lokal och regional nivå med stöd av nationell samordning samt riktat stöd "
        "till lokala/regionala strukturer.",
        "SKL 2007/0255",
    ),
    (
        "milstolpe-2008",
        2008,
        "Betänkandet Evidensbaserad praktik inom socialtjänsten",
        "Utredningen för en kunskapsbaserad socialtjänst (Kerstin Wigzell) lämnar betänkandet "
        "Evidensbaserad praktik inom socialtjänsten – till nytta för brukaren (SOU 2008:18). "
        "Det blir grunden för det fortsatta utvecklingsarbetet och de nationella satsningarna.",
        "SOU 2008:18",
    ),
    (
        "milstolpe-2009",
        2009,
        "Dialog om gemensamt utvecklingsarbete för EBP",
        "Kommuner, landsting och regioner bjuds in till dialog om att gemensamt utveckla en "
        "evidensbaserad praktik (EBP) i socialtjänsten: arton workshops i länen och därefter "
        "en nationell konferens i Stockholm.",
        "",
    ),
    (
        "milstolpe-2010",
        2010,
        "Överenskommelsen Plattform för arbetet med att utveckla en evidensbaserad praktik",
        "Det nuvarande arbetet påbörjas genom en överenskommelse mellan regeringen och SKL: "
        '"Plattform för arbetet med att utveckla en evidensbaserad praktik i socialtjänsten". '
        "Äldreomsorgen är pilotprojekt.",
        "",
    ),
    (
        "milstolpe-2011",
        2011,
        "Ny överenskommelse; den sociala barn- och ungdomsvården lyfts in",
        "En ny överenskommelse bygger på plattformen: Stöd till en evidensbaserad praktik för "
        "god kvalitet inom socialtjänstens område. Utöver de tidigare utvecklingsmedlen för "
        "missbruks- och beroendevården omfattar den nu också den sociala barn- och "
        "ungdomsvården.",
        "",
    ),
    (
        "milstolpe-2012",
        2012,
        "Sjutton länsvisa kartläggningar om funktionsnedsättning",
        "Sjutton länsvisa kartläggningar genomförs av utvecklingsbehoven inom "
        "verksamhetsområdet personer med funktionsnedsättning. Detta ligger till grund för att "
        "området lyfts in i överenskommelsen för 2013.",
        "",
    ),
    (
        "milstolpe-2013",
        2013,
        "Samtliga län redovisar en långsiktig plan",
        "Samtliga län redovisar en plan för långsiktig organisation, styrning och finansiering "
        "av stödstrukturerna.",
        "",
    ),
    (
        "milstolpe-2014",
        2014,
        "Statskontorets slutrapport; NSK-S förstärks",
        "Statskontorets löpande uppföljning av överenskommelsen presenteras i en slutrapport. "
        "Den Nationella Samverkansgruppen för Kunskapsstyrning inom Socialtjänsten, NSK-S, "
        "förstärks.",
        "",
    ),
    (
        "milstolpe-2014-statskontoret",
        2014,
        "Statskontorets slutrapport: resultat",
        "Enligt Statskontorets slutrapport (2014), så som SKL:s broschyr återger den:\n"
        + "\n".join(f"- {finding}" for finding in STATSKONTORET_FINDINGS)
        + "\nStatskontoret bedömer att stödstrukturerna har gjort det lättare att arbeta "
        "evidensbaserat.",
        "",
    ),
    (
        "milstolpe-2016",
        2016,
        "Stödstrukturerna lever vidare",
        "Stödstrukturerna lever vidare med relevant, nationellt stöd. De regionala samverkans- "
        "och stödstrukturerna bidrar till en förbättring av socialtjänstens verksamhet – till "
        "nytta för brukarna.",
        "",
    ),
]

# Why the registry classifies an initiative as concerning these principals.
CONCERNS_BASIS = {
    "municipalities": "Registrets bedömning: området hör till kommunernas socialtjänst; "
    "källan säger inte vilka huvudmän satsningen berör.",
    "both": "Registrets bedömning: stödstrukturerna är gemensamma för kommuner och "
    "landsting; källan säger inte vilka huvudmän satsningen berör.",
    "region": "Registrets bedömning: området hör till hälso- och sjukvården; källan säger "
    "inte vilka huvudmän satsningen berör.",
    "any": "Registrets bedömning; källan säger inte vilka huvudmän satsningen berör.",
}

COFINANCING_2013 = (
    "Parterna är ense om att utvecklingen av de regionala stödstrukturerna behöver fortsätta. "
    "Den statliga finansieringen till stöd för denna utveckling ska därför fortsätta under "
    "2013. En förutsättning är att huvudmännen från och med 2014 successivt övertar "
    "finansieringsansvaret enligt följande: 25 procent av kostnaderna för 2014. 50 procent av "
    "kostnaderna för 2015. 100 procent av kostnaderna från och med 2016. Under 2013 ska "
    "arbetet i de regionala stödstrukturerna därför särskilt fokusera på att utforma en plan "
    "för organisation, styrning och finansiering av stödstrukturerna som garanterar "
    "långsiktighet. Länen ska redovisa en sådan plan inför utbetalning av medel för "
    "utvecklingsarbetet under 2014."
)


YEARLY_BASIS = (
    "Datumen är härledda: källan talar om överenskommelsen för ett år, inte om dagar, så "
    "registret räknar den från 1 januari till 31 december det året."
)


def _year(year: int) -> dict:
    return {
        "valid_from": dt.date(year, 1, 1),
        "valid_until": dt.date(year, 12, 31),
        "valid_from_basis": "inferred",
        "valid_until_basis": "inferred",
        "basis_note": YEARLY_BASIS,
    }


def load() -> int:
    from agreements.models import (
        Agreement,
        AgreementKind,
        AgreementParty,
        AgreementRelation,
        PartyRole,
        RelationKind,
    )
    from bodies.models import Body, BodyKind, BodyLevel, County, Organisation, OrganisationKind
    from bodies.models import Principal as P
    from funding.models import CofinancingShare, StateGrant
    from governance.models import Goal, Initiative, Matter, Milestone
    from governance.seed.util import Seeder

    s = Seeder(VG_DECLARATION)
    brochure = s.use_source(SKL_BROCHURE)
    plans = s.use_source(COUNTY_PLANS)
    dalarna = s.use_source(DALARNA_PROPOSAL)

    # Organisations -----------------------------------------------------------
    regeringen = s.record(
        Organisation, "regeringen", name="Regeringen", kind=OrganisationKind.GOVERNMENT
    )
    skl = s.record(
        Organisation,
        "skl",
        name="Sveriges Kommuner och Landsting",
        short_name="SKL",
        kind=OrganisationKind.NATIONAL_ASSOCIATION,
    )
    s.record(
        Organisation,
        "socialstyrelsen",
        source=brochure,
        name="Socialstyrelsen",
        kind=OrganisationKind.NATIONAL_AGENCY,
    )
    s.record(
        Organisation,
        "svenska-kommunforbundet",
        source=brochure,
        name="Svenska Kommunförbundet",
        kind=OrganisationKind.NATIONAL_ASSOCIATION,
        description="Skrev 2004 tillsammans med Socialstyrelsen till Socialdepartementet "
        "(SK 2004/0977).",
    )
    s.record(
        Organisation,
        "statskontoret",
        source=brochure,
        name="Statskontoret",
        kind=OrganisationKind.NATIONAL_AGENCY,
        description="Följde löpande upp överenskommelsen; slutrapport 2014.",
    )

    # The brochure's example of a county's support structure (FoUrum, Jönköping).
    s.record(
        Organisation,
        "fourum",
        source=brochure,
        name="FoUrum",
        kind=OrganisationKind.FOU,
        county=County.objects.get(code="06"),
        description="FoUrum vid Jönköpings Regionförbund arbetar med att utveckla kvaliteten "
        "inom socialtjänsten i Jönköpings län. Varje kommun är en jämbördig part i "
        "partnerskapet. Styrning sker genom kommunpolitiker från länet, en styrgrupp med "
        "länets alla socialchefer, samt olika chefsnätverk. Kommunerna definierar uppdraget "
        "till FoUrum, bidrar med grundfinansiering och deltar aktivt i arbetet. Majoriteten "
        "medarbetare har kvar sin anställning i sin kommun, men anlitas genom så kallade "
        "tjänsteköp under en kortare eller längre period.",
    )

    # National groups -----------------------------------------------------------
    national = {"level": BodyLevel.NATIONAL, "kind": BodyKind.NATIONAL_GROUP}
    s.record(
        Body,
        "radet-for-statlig-styrning",
        name="Rådet för statlig styrning",
        mandate="Leder tillsammans med Huvudmannagruppen arbetet i NSK-S och NSK (Förordning "
        "om statlig styrning med kunskap avseende hälso- och sjukvård och socialtjänst, "
        "SFS 2015:155).",
        **national,
    )
    s.record(
        Body,
        "huvudmannagruppen",
        name="Huvudmannagruppen",
        mandate="Leder tillsammans med Rådet för statlig styrning arbetet i NSK-S och NSK.",
        **national,
    )
    led_by = (
        "Har uppdraget att under ledning av Rådet för statlig styrning och Huvudmannagruppen "
        "bidra till en gemensam styrning för kunskap till stöd för socialtjänst och hälso- och "
        "sjukvård (Förordning om statlig styrning med kunskap avseende hälso- och sjukvård och "
        "socialtjänst, 2015:155)."
    )
    s.record(
        Body,
        "nsk-s",
        name="Nationella samverkansgruppen för kunskapsstyrning inom socialtjänsten",
        short_name="NSK-S",
        mandate=led_by,
        **national,
    )
    s.record(
        Body,
        "nsk",
        name="Nationella samverkansgruppen för kunskapsstyrning (landstingen)",
        short_name="NSK",
        mandate="Motsvarande grupp som NSK-S inom landstingen. " + led_by,
        **national,
    )
    s.record(
        Body,
        "skls-natverk-for-regionala-stodstrukturer",
        name="Nätverket för regionala samverkans- och stödstrukturer inom socialtjänst och "
        "närliggande hälso- och sjukvård",
        kind=BodyKind.NETWORK,
        level=BodyLevel.NATIONAL,
        mandate="Inom SKL förväntas nätverket företräda de regionala samverkans- och "
        "stödstrukturerna. Under 2016 ska en plan tas fram för hur nätverket ska arbeta med de "
        "frågor som rör utvecklingen av en kunskapsbaserad verksamhet.",
        m2m={"owners": [skl]},
    )

    # National agreements -------------------------------------------------------
    def national_agreement(slug, year, source, **fields):
        agreement = s.record(
            Agreement,
            slug,
            source=source,
            kind=AgreementKind.NATIONAL_AGREEMENT,
            **_year(year),
            **fields,
        )
        for order, org in enumerate((regeringen, skl), start=1):
            s.child(
                AgreementParty,
                {"agreement": agreement, "organisation": org},
                role=PartyRole.PARTY,
                order=order,
            )
        return agreement

    a2010 = national_agreement(
        "overenskommelse-2010",
        2010,
        brochure,
        title="Plattform för arbetet med att utveckla en evidensbaserad praktik i socialtjänsten",
        short_name="Plattformen 2010",
        validity_text="2010",
        purpose="Det nuvarande arbetet påbörjas genom en överenskommelse mellan regeringen och "
        "SKL. Äldreomsorgen är pilotprojekt. Enligt plattformen skulle de överenskomna "
        "insatserna samordnas mellan SKL och staten och ske utifrån gemensamma prioriteringar "
        "på nationell respektive lokal grund (Dalarnas organisationsförslag).",
    )
    a2011 = national_agreement(
        "overenskommelse-2011",
        2011,
        brochure,
        title="Stöd till en evidensbaserad praktik för god kvalitet inom socialtjänstens område",
        validity_text="2011",
        purpose="Plattformen ligger till grund för en ny överenskommelse. Ett nytt "
        "verksamhetsområde lyfts in: Den sociala barn- och ungdomsvården.",
    )
    s.child(
        AgreementRelation,
        {"source": a2011, "kind": RelationKind.BASED_ON, "target": a2010},
    )
    a2013 = national_agreement(
        "overenskommelse-2013",
        2013,
        plans,
        # The compilation's table of contents: "Stöd till en evidensbaserad praktik för god
        # kvalitet i socialtjänsten 2013"; its foreword words it the same way.
        title="Stöd till en evidensbaserad praktik för god kvalitet i socialtjänsten",
        validity_text="Överenskommelsen för 2013",
        purpose="Överenskommelsens egna ord, citerade i SKL:s sammanställning av "
        "länsplanerna (avsnittet Planerna har god förankring):\n”" + COFINANCING_2013 + "”",
        background="Överenskommelsen för 2013 mellan regeringen och Sveriges Kommuner och "
        "Landsting (SKL) om stöd till en evidensbaserad praktik för god kvalitet i "
        "socialtjänsten (på ett ställe i sammanställningen: i socialtjänsten och angränsande "
        "hälso- och sjukvård). För att få ta del av 2014 års medel skulle länen under 2013 "
        "utforma en plan för organisation, styrning och finansiering av stödstrukturerna. I en "
        "promemoria från SKL som skickades ut i april 2013 meddelades att planerna skulle vara "
        "SKL tillhanda senast den 15 november 2013. Ett av kraven var att planerna skulle "
        "skrivas under av behöriga företrädare för huvudmännen. Samtliga län hade i november "
        "2013 skickat in sina länsplaner till SKL.\n\n"
        "Området personer med funktionsnedsättning lyfts in i överenskommelsen för "
        "2013, på grundval av sjutton länsvisa kartläggningar 2012 (SKL:s broschyr).",
    )
    national_agreement(
        "overenskommelse-2014",
        2014,
        dalarna,
        title="Överenskommelse för år 2014 mellan regeringen och SKL",
        validity_text="Överenskommelsen 2014",
        purpose="I överenskommelsen 2014 ställde regeringen och SKL krav på regionerna/länen "
        "att upprätta en långsiktig plan för en hållbar regional stödstruktur inom socialtjänst "
        "och närliggande hälso- och sjukvård.",
        background="Titeln anges inte i källdokumentet.",
    )
    national_agreement(
        "overenskommelse-2015",
        2015,
        s.source,
        title="Överenskommelse för år 2015 mellan staten och SKL",
        validity_text="Överenskommelse för år 2015",
        purpose="Överenskommelsens precisering av stödstrukturernas uppdrag, citerad i "
        "avsiktsförklaringen VGR–VästKom 2016 (avsnittet Bakgrund). De regionala "
        "stödstrukturerna ska:\n"
        + "\n".join(f"- ”{text}”" for _, text, framing, _ in GOALS if not framing),
        background="Titeln anges inte i källdokumentet.",
    )
    a2016 = national_agreement(
        "overenskommelse-ebp-2016",
        2016,
        s.source,
        title="Stöd för en evidensbaserad praktik för god kvalitet inom socialtjänsten",
        short_name="Överenskommelse EBP 2016",
        validity_text="2016 års överenskommelse; avslutas efter 2016",
        purpose="Överenskommelsen skulle stärka stödstrukturerna inför att den upphörde "
        "efter 2016, stödja pågående utvecklingsarbete för en evidensbaserad praktik i "
        "socialtjänsten och fortsätta stödja uppbyggnaden av NSK-S och programråden inför "
        "lokal finansiering 2017 (källa: avsiktsförklaringen VGR–VästKom 2016, avsnittet "
        "Saken).",
        background="2016 var det sista året med statliga medel till en evidensbaserad praktik "
        "i socialtjänsten. Målet var att stödstrukturerna skulle ha en långsiktig och stabil "
        "form även efter 2016, när överenskommelsen upphörde.",
    )

    # Money -----------------------------------------------------------------------
    s.record(
        StateGrant,
        "statsbidrag-ebp-2013",
        source=plans,
        year=2013,
        agreement=a2013,
        title="Statlig finansiering av de regionala stödstrukturerna",
        description="Den statliga finansieringen till stöd för denna utveckling ska därför "
        "fortsätta under 2013. Beloppet anges inte i källdokumentet.",
    )
    s.record(
        StateGrant,
        "statsbidrag-ebp-2016",
        year=2016,
        agreement=a2016,
        title="Medel till en evidensbaserad praktik för god kvalitet inom socialtjänsten",
        description="Överenskommelsen för 2016 är det sista året som medel anslås. Beloppet "
        "anges inte i källdokumentet.",
    )
    for year, percent, open_ended in ((2014, 25, False), (2015, 50, False), (2016, 100, True)):
        s.record(
            CofinancingShare,
            f"medfinansiering-{year}",
            source=plans,
            year=year,
            principals_share_percent=Decimal(percent),
            open_ended=open_ended,
            agreement=a2013,
        )

    # Goals and milestones -----------------------------------------------------------
    for number, text, framing, source in GOALS:
        s.record(
            Goal,
            f"mal-{number}",
            source=s.use_source(source),
            number=number,
            text=text,
            framing=framing,
        )
    for slug, year, title, text, reference in MILESTONES:
        s.record(
            Milestone,
            slug,
            source=brochure,
            year=year,
            title=title,
            text=text,
            reference=reference,
        )

    # National initiatives the documents name ----------------------------------------------
    national_initiative = Matter.objects.get(slug="nationell-satsning")
    distribution = Matter.objects.get(slug="fordelning-av-nationella-medel")
    initiatives = [
        # (slug, title, year, agreement, concerns, matter, subject, description, source)
        (
            "utvecklingsmedel-regionala-stodstrukturer",
            "Utvecklingsmedel för att bygga upp regionala stödstrukturer",
            2010,
            a2010,
            P.BOTH,
            distribution,
            "Regionala stödstrukturer för kunskapsutveckling",
            "I samband med överenskommelsen fördelades ekonomiska medel ut till länen i syfte "
            "att bygga upp regionala stödstrukturer för kunskapsutveckling. Från och med 2015 "
            "upphörde det finansiella stödet som följt med tidigare överenskommelser (enligt "
            "Dalarnas organisationsförslag).",
            dalarna,
        ),
        (
            "pilotprojekt-aldreomsorgen-2010",
            "Äldreomsorgen som pilotprojekt",
            2010,
            a2010,
            P.MUNICIPALITIES,
            national_initiative,
            "Äldreomsorg",
            "Äldreomsorgen är pilotprojekt i plattformen 2010.",
            brochure,
        ),
        (
            "social-barn-och-ungdomsvard-2011",
            "Den sociala barn- och ungdomsvården lyfts in",
            2011,
            a2011,
            P.MUNICIPALITIES,
            national_initiative,
            "Social barn- och ungdomsvård",
            "Ett nytt verksamhetsområde lyfts in i överenskommelsen 2011.",
            brochure,
        ),
        (
            "utvecklingsmedel-missbruks-och-beroendevarden",
            "Utvecklingsmedel för missbruks- och beroendevården",
            None,
            None,
            P.BOTH,
            distribution,
            "Missbruks- och beroendevård",
            "Sedan tidigare (före överenskommelsen 2011) fanns det utvecklingsmedel för "
            "missbruks- och beroendevården; året anges inte.",
            brochure,
        ),
        (
            "personer-med-funktionsnedsattning-2013",
            "Personer med funktionsnedsättning lyfts in",
            2013,
            a2013,
            P.MUNICIPALITIES,
            national_initiative,
            "Personer med funktionsnedsättning",
            "Sjutton länsvisa kartläggningar 2012 av utvecklingsbehoven ligger till grund för "
            "att området lyfts in i överenskommelsen för 2013.",
            brochure,
        ),
        (
            "starka-regionala-stodstrukturer-2016",
            "Stärka de regionala samverkans- och stödstrukturerna inför överenskommelsens "
            "avslut efter 2016",
            2016,
            a2016,
            P.BOTH,
            national_initiative,
            "Regionala stödstrukturer",
            "Ett av syftena med 2016 års överenskommelse.",
            s.source,
        ),
        (
            "utvecklingsinsatser-ebp-socialtjansten-2016",
            "Stödja pågående utvecklingsinsatser inom socialtjänstens område för en "
            "evidensbaserad praktik",
            2016,
            a2016,
            P.MUNICIPALITIES,
            national_initiative,
            "Evidensbaserad praktik i socialtjänsten",
            "Ett av syftena med 2016 års överenskommelse.",
            s.source,
        ),
        (
            "uppbyggnad-nsk-s-och-programrad-2016",
            "Fortsatt stöd till uppbyggnad av NSK-S och programråd inför lokal finansiering 2017",
            2016,
            a2016,
            P.MUNICIPALITIES,
            national_initiative,
            "Kunskapsstyrning i socialtjänsten",
            "Ett av syftena med 2016 års överenskommelse. NSK-S är den nationella "
            "samverkansgruppen för kunskapsstyrning inom socialtjänsten.",
            s.source,
        ),
    ]
    for slug, title, year, agreement, concerns, matter, subject, description, source in initiatives:
        s.record(
            Initiative,
            slug,
            source=source,
            title=title,
            year=year,
            source_agreement=agreement,
            concerns=concerns,
            concerns_basis="inferred",
            basis_note=CONCERNS_BASIS[concerns],
            matter=matter,
            subject=subject,
            description=description,
        )
    return s.created
