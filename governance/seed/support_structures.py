"""The 21 county profiles of SKL's compilation of the county plans of November 2013 (seed 002).

"Länens planer för framtida organisation, styrning och finansiering av de regionala
stödstrukturerna för kunskapsutveckling" (SKL 2014) says for every county where the
platform leaders (plattformsledare) are employed, whether they sit in an FoU environment,
who signed and who decided the plan, the political arena for welfare questions and the
decisions still needed in 2014–2015. Each profile below is a ``SupportStructure`` with
one ``PlatformHost`` per host kind, plus the organisations, bodies and dated decisions
the profiles name.

How the document's words were entered:

* Host kinds follow the "Värdorganisationer" paragraph exactly; Stockholm is counted both
  under municipality/municipal federation and under county council, so it has two hosts
  (22 host rows). A host is linked to an organisation only when the document names it
  (Stockholm from 2014-01-01: Kommunförbundet Stockholms län and Hälso- och
  sjukvårdsförvaltningen; Uppsala: Enheten för välfärd och FoU-stöd på regionförbundet;
  Värmland: FoU Välfärd …); otherwise ``organisation`` is blank and ``note`` says what
  the document says.
* "Region Dalarna" in 2013 is the regional federation (``region-dalarna-regionforbund``),
  not the region that Dalarna's proposal (seed 004) calls Region Dalarna (``region-dalarna``,
  former Landstinget Dalarna): the document counts Dalarna's host among the regionförbund,
  its plan was decided in a federation board and its direktion had members from both the
  municipalities and the county council. Dalarna's host, the direktion and
  Välfärdsberedningen belong to the federation.
* ``plan_signed_by`` is filled only for the counties the document names in its
  paragraph on signatures (Blekinge, Dalarna, Halland, Jönköping, Kalmar, Stockholm,
  Värmland); the paragraph's other figures (two thirds signed by a region/federation
  director, just over half by both sides, ten by the county council or health-care
  director) name no counties and are statements of the source (``governance.seed.statements``).
* ``has_decision_mandate`` is set only where the document says so (True for bodies that
  decide, adopt or "fastställa"); where it says nothing the mandate is unknown (None).
* The descriptions follow the county's paragraph in the section the field is named for;
  none repeats more than 400 characters of it word for word, and the longest are
  rewritten in the registry's own words (tests/test_seed_wording.py).
* ``plan_decided_by`` and ``plan_decision_level`` follow the paragraph on who decided:
  political level in 15 counties ("drygt två tredjedelar", Skåne "delvis", hence mixed),
  officials' level in the other six.
* ``has_political_arena``: the document counts 15 counties with a county-wide political
  arena with members from the municipalities' social committees (or equivalent) and
  elected members of the county council. The 15 whose paragraph describes such a joint
  arena are True. False: Blekinge ("ingen länsgemensam politisk arena"), Halland (only
  Kommunberedningen; no forum for welfare questions), Gotland (one principal; a clearer
  link to the regional leadership is still to be created), Jönköping (the Primärkommunala
  nämnden is the municipalities' committee), Värmland (meetings for exchange of
  experience, no arena described) and Västra Götaland (the plan calls making the
  structures an arena a challenge). The paragraph's text is kept in ``political_arena``.
* The stored text of the document ends on page 20, in the section on dialogue with the
  national level (Stockholm's paragraph is cut off mid-sentence). Its sections on
  universities and on user involvement are therefore not available:
  ``university_collaboration`` holds only what the sections on decisions say about
  universities, and ``user_involvement`` is left blank for every county.

* Each county's decision on its plan is an ``agreements.Decision`` of kind plan_decision,
  dated by year only (2013, see ``PLAN_DECISION_YEAR``), with the decider in the
  document's words and, for Jönköping (Primärkommunala nämnden) and Örebro
  (socialchefsnätverket), the body in the registry.

A profile and its hosts are created together, only when the county has no profile; an
existing profile (and its hosts) is never changed, so a coordinator's edit survives a
reload. Organisations, bodies and decisions are looked up by slug and created when missing.
"""

from __future__ import annotations

from django.utils.text import slugify

from governance.records import SLUG_MAX_LENGTH

SOURCE_SLUG = "skl-lansplaner-2014"
SOURCE_DEFAULTS = {
    "title": (
        "Länens planer för framtida organisation, styrning och finansiering av de "
        "regionala stödstrukturerna för kunskapsutveckling"
    ),
    "publisher": "Sveriges Kommuner och Landsting (SKL)",
    "year": 2014,
    "reference": "Seed 002",
    "description": "SKL:s sammanställning av de 21 länens planer som lämnades in i november 2013.",
}

# Recurring wordings of the document.
BOARD = "Region- eller kommunförbundsstyrelse"
COUNTY_GROUP = (
    "Länssamverkansgruppering på regional nivå med förtroendevalda från både kommuner och landsting"
)
SENIOR_MANAGERS = "Länsgemensam samverkansgrupp bestående av högre chefer"
ELECTED_CHAIR = "Även förtroendevald styrelseordförande har skrivit under planen."
MUNICIPAL_HEADS = "Underskrifter från kommunala förvaltningschefer."
UNIVERSITY_AGREEMENTS = "Planen efterlyser nya samverkansavtal med universitet och högskolor."

# slug: fields. County is given by SCB code; parent by slug.
ORGANISATIONS: dict[str, dict] = {
    # In 2013 "Region Dalarna" was a regional federation, not the region of seed 004
    # (slug region-dalarna, former Landstinget Dalarna): the compilation counts Dalarna
    # among the twelve counties whose platform leaders sit in a regionförbund or
    # regionkommun, its plan was decided in a "region- eller kommunförbundsstyrelse", and
    # its direktion had 15 municipal chairs and ten elected members from the county council.
    "region-dalarna-regionforbund": {
        "name": "Region Dalarna",
        "kind": "regional_federation",
        "county": "20",
        "description": "Regionförbundet i Dalarna, som det beskrivs i SKL:s sammanställning av "
        "länsplanerna 2013: i direktionen för Region Dalarna finns 15 "
        "kommunstyrelseordföranden och tio förtroendevalda från landstinget. "
        "Plattformsledaren och stabsfunktionen för den regionala stödstrukturen finns här. "
        "Inte samma organisation som regionen Region Dalarna i Dalarnas organisationsförslag.",
    },
    "hogskolan-dalarna": {"name": "Högskolan Dalarna", "kind": "university", "county": "20"},
    "landstinget-blekinge": {"name": "Landstinget Blekinge", "kind": "region", "county": "10"},
    "blekinge-tekniska-hogskola": {
        "name": "Blekinge Tekniska Högskola",
        "kind": "university",
        "county": "10",
    },
    "region-gotland": {
        "name": "Region Gotland",
        "kind": "region",
        "county": "09",
        "description": "Regionkommun.",
    },
    "region-halland": {"name": "Region Halland", "kind": "region", "county": "13"},
    "jonkopings-regionforbund": {
        "name": "Jönköpings Regionförbund",
        "kind": "regional_federation",
        "county": "06",
        "description": "Den Primärkommunala nämnden på regionförbundet har det politiska "
        "ansvaret för det länsgemensamma utvecklingsarbetet.",
    },
    # Also named by SKL's brochure (seed 003), whose step creates it first.
    "fourum": {
        "name": "FoUrum",
        "kind": "fou",
        "county": "06",
        "description": "Det länsgemensamma utvecklingsarbetet i Jönköpings län sker framför "
        "allt inom ramen för FoUrums verksamhet.",
    },
    "foui": {
        "name": "Forskning och Utveckling/Innovation i Norrbottens kommuner",
        "short_name": "FoUI",
        "kind": "fou",
        "county": "25",
        "description": "Ny och förstärkt FoU-miljö (beslut under 2014) som enligt länsplanen "
        "förstärker det vetenskapliga stödet till kommunerna.",
    },
    "region-skane": {"name": "Region Skåne", "kind": "region", "county": "12"},
    "ksl": {
        "name": "Kommunförbundet Stockholms län",
        "short_name": "KSL",
        "kind": "municipal_federation",
        "county": "01",
    },
    "halso-och-sjukvardsforvaltningen": {
        "name": "Hälso- och sjukvårdsförvaltningen",
        "kind": "department",
        "county": "01",
        "description": "Landstingets förvaltning i Stockholms län; från och med den 1 januari "
        "2014 har ledande tjänstemän här plattformsuppdraget tillsammans med KSL.",
    },
    "regionforbundet-uppsala-lan": {
        "name": "Regionförbundet Uppsala län",
        "kind": "regional_federation",
        "county": "03",
    },
    "enheten-for-valfard-och-fou-stod": {
        "name": "Enheten för välfärd och FoU-stöd",
        "kind": "department",
        "county": "03",
        "parent": "regionforbundet-uppsala-lan",
        "description": "Plattformen i den regionala stödstrukturen i Uppsala län finns här.",
    },
    "fou-valfard": {
        "name": "FoU Välfärd",
        "kind": "fou",
        "county": "17",
        "description": "Plattformen för den regionala stödstrukturen i Värmland; från och "
        "med den 1 januari 2016 finansierad med basmedel och avgiftsbelagda projekt.",
    },
    "fou-vasterbotten": {
        "name": "FoU Västerbotten",
        "kind": "fou",
        "county": "24",
        "description": "AC Konsensus, som har det politiska ägarskapet för den regionala "
        "stödstrukturen, informeras fortlöpande om FoU Västerbottens arbete.",
    },
    "kommunforbundet-vasternorrland": {
        "name": "Kommunförbundet Västernorrland",
        "kind": "municipal_federation",
        "county": "22",
    },
    "vkl": {
        "name": "Västmanlands Kommuner & Landsting",
        "short_name": "VKL",
        "kind": "regional_federation",
        "county": "19",
    },
    "malardalens-hogskola": {"name": "Mälardalens högskola", "kind": "university", "county": "19"},
    "regionforbundet-orebro": {
        "name": "Regionförbundet Örebro",
        "kind": "regional_federation",
        "county": "18",
        "description": "Bildar från 2015 en region tillsammans med landstinget.",
    },
}

# slug: fields. All are county-level bodies; owners by organisation slug.
BODIES: dict[str, dict] = {
    "direktionen-for-region-dalarna": {
        "name": "Direktionen för Region Dalarna",
        "kind": "political",
        "county": "20",
        "owners": ["region-dalarna-regionforbund"],
        "has_decision_mandate": True,
        "composition": "15 kommunstyrelseordföranden och tio förtroendevalda från landstinget.",
        "mandate": "Regionförbundet Region Dalarnas direktion; Välfärdsberedningen består av "
        "sju förtroendevalda från direktionen.",
        "seats": [
            ("municipalities", "Kommunstyrelseordförande", 15),
            ("region", "Förtroendevalda från landstinget", 10),
        ],
    },
    "valfardsberedningen": {
        "name": "Välfärdsberedningen",
        "kind": "political",
        "county": "20",
        "owners": ["region-dalarna-regionforbund"],
        "parent": "direktionen-for-region-dalarna",
        "composition": "Sju förtroendevalda från direktionen för Region Dalarna.",
        "mandate": "Konstituerades i april 2011. Har ansvar för att stödja och vägleda "
        "utvecklingsarbetet inom välfärdsområdet.",
        "seats": [("other", "Förtroendevalda från direktionen för Region Dalarna", 7)],
    },
    "natverk-valfard": {
        "name": "Nätverk Välfärd",
        "kind": "political",
        "county": "21",
        "mandate": "Politisk ledning i Närvårdsorganisationen, Gävleborgs samverkande lednings- "
        "och styrningsstruktur (skapad sex år före länsplanen 2013).",
    },
    "lansledning-narvard": {
        "name": "Länsledning Närvård",
        "kind": "officials_leadership",
        "county": "21",
        "mandate": "Tjänstemannaledning i Närvårdsorganisationen.",
    },
    "politiska-styrgrupper-gavleborg": {
        "name": "Politiska styrgrupper på delregional nivå i Närvårdsorganisationen",
        "kind": "political",
        "level": "sub_regional",
        "county": "21",
        "composition": "Fyra politiska styrgrupper på delregional nivå.",
        "mandate": "Del av Närvårdsorganisationen, Gävleborgs samverkande lednings- och "
        "styrningsstruktur, tillsammans med Nätverk Välfärd och Länsledning Närvård.",
    },
    "kommunberedningen": {
        "name": "Kommunberedningen",
        "kind": "political",
        "county": "13",
        "composition": "Ordförandena och vice ordförandena i de sex kommunstyrelserna samt sex "
        "förtroendevalda från Region Hallands politiska ledning.",
        "mandate": "Enda politiska forum på länsnivå; har inget uttalat särskilt ansvar för "
        "gemensamma frågor inom välfärdsområdet.",
        "seats": [
            ("municipalities", "Ordförandena i de sex kommunstyrelserna", 6),
            ("municipalities", "Vice ordförandena i de sex kommunstyrelserna", 6),
            ("region", "Förtroendevalda från Region Hallands politiska ledning", 6),
        ],
    },
    "svom": {
        "name": "Sociala vård- och omsorgsgruppen",
        "short_name": "SVOM",
        "kind": "political",
        "county": "23",
        "composition": "Landstinget och länets åtta kommuner, representerade av ansvariga "
        "politiker och tjänstemän.",
        "mandate": "Politiskt samverkansorgan för kommunernas socialtjänst och landstingets "
        "hälso- och sjukvård; samverkans- och kunskapsarena för gemensamma frågor som kan "
        "rekommendera kommunerna och landstinget att följa de beslut som fattas.",
    },
    "primarkommunala-namnden": {
        "name": "Primärkommunala nämnden",
        "kind": "political",
        "county": "06",
        "owners": ["jonkopings-regionforbund"],
        "has_decision_mandate": True,
        "mandate": "Har det politiska ansvaret på regionförbundet; uppdraget är bland annat att "
        "politiskt förankra uppdrag, mål, budget och inriktning för det länsgemensamma "
        "utvecklingsarbetet, som framför allt sker inom ramen för FoUrums verksamhet.",
    },
    "presidiekonferens-i-kalmar-lan": {
        "name": "Presidiekonferens i Kalmar län",
        "kind": "political",
        "county": "08",
        "meetings_per_year": 2,
        "composition": "Landstingspresidiet, PKN-presidiet och samtliga socialnämndspresidier i "
        "länets tolv kommuner.",
        # The conference adopted the new structure in September 2013 and sets the
        # direction and action plan: it decides, it does not only recommend.
        "has_decision_mandate": True,
        "mandate": "Antog i september 2013 länets nya struktur för samverkan och gemensam "
        "ledning. Följer arbetets innehåll och resultat och fastställer inriktning och "
        "handlingsplan för nästa samarbetsperiod.",
    },
    "presidiemoten-i-kalmar-lan": {
        "name": "Presidiemöten i Kalmar län",
        "kind": "political",
        "county": "08",
        "meetings_per_year": 2,
        "composition": "Presidierna för landstingsstyrelsen och primärkommunala nämnden på "
        "regionförbundet.",
        "mandate": "Stämmer av innehåll, uppföljning av resultat och inriktning inför "
        "delårsbokslut samt årsbokslut. Ett av de gemensamma fora i årshjulet som antogs vid "
        "presidiekonferensen i september 2013.",
    },
    "gemensamma-konferenser-kronoberg": {
        "name": "Gemensamma konferenser för social-/omsorgsnämndernas presidier och "
        "landstingets samverkansberedning",
        "kind": "political",
        "county": "07",
        "meetings_per_year": 4,
        "composition": "Social-/omsorgsnämndernas presidier och landstingets samverkansberedning.",
        "mandate": "Sammankallas fyra gånger per år till gemensamma konferenser.",
    },
    "ledningsgruppen-for-samordning-av-lanets-halso-och-sjukvard-och-socialtjanst": {
        "name": "Ledningsgruppen för samordning av länets hälso- och sjukvård och socialtjänst",
        "kind": "officials_leadership",
        "county": "07",
        "mandate": "Bereder ärenden och ansvarar för implementering i respektive organisation.",
    },
    "samverkansberedningen-kommunerna-landstinget": {
        "name": "Samverkansberedningen kommunerna landstinget",
        "kind": "political",
        "county": "25",
        # Its commission includes to "fastställa gemensamma överenskommelser".
        "has_decision_mandate": True,
        "mandate": "Ny politisk organisation som infördes 2012; uppdraget fastställdes i "
        "september 2013: bland annat att utveckla en väl fungerande samverkan i gemensamma "
        "frågor, prioritera mellan utvecklingsområden, fastställa gemensamma överenskommelser "
        "och säkerställa att politiska beslut tas i respektive huvudmannaorganisation.",
    },
    "lansstyrgruppen-norrbotten": {
        "name": "Länsstyrgruppen",
        "kind": "steering_group",
        "county": "25",
        "mandate": "Tjänstemannaarenan; direktiv för länsstyrgruppen är beslutade.",
    },
    "regional-politisk-samverkansgrupp-for-vard-och-omsorg": {
        "name": "Regional politisk samverkansgrupp för vård och omsorg",
        "kind": "political",
        "county": "12",
        "composition": "Representanter för hälso- och sjukvårdsnämnden i Region Skåne och "
        "Kommunförbundets beredning för vård och omsorg.",
        "mandate": "Behandlar gemensamma frågor som rör hälso- och sjukvård och socialtjänst.",
    },
    "reko-moten": {
        "name": "REKO-möten",
        "kind": "political",
        "level": "sub_regional",
        "county": "12",
        "composition": "Politiker från Region Skånes närsjukvårdberedning och kommunernas "
        "socialnämnder/vård och omsorgsnämnder (eller motsvarande), tillsammans med tjänstemän.",
        "mandate": "Dialog och information kring gemensamma frågor på delregional nivå.",
    },
    "presidiegruppen": {
        "name": "Presidiegruppen",
        "kind": "political",
        "county": "01",
        "composition": "Landstingets Hälso- och sjukvårdsnämnd (HSN) och Kommunförbundet "
        "Stockholms läns (KSL) Sociala välfärdsberedning.",
        "mandate": "Strategiskt forum för samverkan: ta initiativ till att förbättra brister i "
        "samverkan och undanröja hinder för att stötta utvecklingen av vård och omsorg i "
        "Stockholms län, identifiera gemensamma utvecklingsområden och skapa gemensamma "
        "målbilder.",
    },
    "lansgemensam-namnd-for-vard-omsorg-och-hjalpmedel": {
        "name": "Länsgemensam nämnd för vård, omsorg och hjälpmedel",
        "kind": "political",
        "county": "04",
        "has_decision_mandate": True,
        "mandate": "Finns sedan 2011. Driftsansvar för hjälpmedel och ansvar för samverkan och "
        "utveckling inom vissa delar av vård och omsorg. En utredning (beslutad hösten 2013) "
        "syftar till att nämnden får ett sammanhållet ansvar för stödstrukturen i länet, "
        "samfinansierad av huvudmännen och på plats den 1 januari 2015.",
    },
    "ac-konsensus": {
        "name": "AC Konsensus",
        "kind": "political",
        "county": "24",
        "has_decision_mandate": True,
        "former_name": "LAKO",
        "composition": "Sex ledamöter från länets femton kommuner och lika många från landstinget.",
        "mandate": "Samverkansorgan med det politiska ägarskapet för den regionala "
        "stödstrukturen; följer dess utveckling och informeras fortlöpande om FoU "
        "Västerbottens arbete.",
        "seats": [
            ("municipalities", "Ledamöter från länets femton kommuner", 6),
            ("region", "Ledamöter från landstinget", 6),
        ],
    },
    "socialkola": {
        "name": "SocialKOLA",
        "kind": "political",
        "county": "22",
        "mandate": "Politiskt samverkansforum mellan kommunerna och landstinget för frågor som "
        "rör socialtjänst och hälso- och sjukvård: dialog och beredning inför beslut om "
        "gemensamma projekt, överenskommelser, avtal, riktlinjer och policydokument av "
        "länsgemensam karaktär; initierar utvecklings- och förbättringsområden.",
    },
    "vard-och-omsorgsberedningen": {
        "name": "Vård- och omsorgsberedningen",
        "kind": "political",
        "county": "19",
        "owners": ["vkl"],
        "mandate": "Beredning inom VKL som hanterar samtliga områden inom socialtjänsten och "
        "angränsande delar av hälso- och sjukvården.",
    },
    "presidiekonferenser-vastmanland": {
        "name": "Presidiekonferenser i Västmanlands län",
        "kind": "political",
        "county": "19",
        "meetings_per_year": 2,
        "composition": "Politiker och chefstjänstemän från kommuner och landsting.",
        "mandate": "Arrangeras två gånger per år för gemensamma diskussioner.",
    },
    "maritgruppen": {
        "name": "Samverkansgruppen för hälso- och sjukvård, socialtjänst, elevstöd och "
        "skolhälsovård",
        "short_name": "Maritgruppen",
        "kind": "political",
        "county": "18",
        "mandate": "Politisk ledning och styrning under 2014 tillsammans med styrelsen för "
        "Regionförbundet Örebro. Maritstrukturen ska avvecklas när regionen bildas 2015.",
    },
    "socialchefsnatverket": {
        "name": "Socialchefsnätverket",
        "kind": "network",
        "county": "18",
        "has_decision_mandate": True,
        "mandate": "Fattade beslut om Örebro läns plan för organisation, styrning och "
        "finansiering av den regionala stödstrukturen.",
    },
    "lans-slako": {
        "name": "Läns SLAKO",
        "kind": "political",
        "county": "05",
        "has_decision_mandate": True,
        "composition": "Alla kommuner i länet (social- eller omsorgsnämnder) samt landstinget.",
        "mandate": "Den politiska plattformen för att besluta om inriktning och övergripande "
        "ambitionsnivå för stödstrukturen för kunskapsutveckling; arena för lokala och "
        "regionala politiska prioriteringar och strategier inom välfärdsområdet.",
    },
}

# The bodies in the registry that decided a county's plan (by county code); every plan
# decision also keeps the document's words in ``decided_by_text``.
PLAN_DECIDING_BODIES = {"06": "primarkommunala-namnden", "18": "socialchefsnatverket"}

# Every plan was decided in 2013: the 2013 agreement required the counties to draw up
# their plans during 2013, SKL's memo of April 2013 set 15 November 2013 as the deadline
# and all counties had submitted their plans in November 2013. No day is given, and the
# compilation never says when a plan was decided: the year is inferred, and says so.
PLAN_DECISION_YEAR = 2013
PLAN_DECISION_BASIS = (
    "Året är härlett: sammanställningen anger inte när planen beslutades, men planerna "
    "skulle tas fram under 2013 och alla län hade lämnat in sina planer i november 2013."
)

# Decisions the profiles date: (body slug, year, kind, summary).
DECISIONS = [
    (
        "ac-konsensus",
        2010,
        "organisation",
        "Beslut att bygga upp en ny FoU-miljö som skulle utgöra navet i den regionala "
        "stödstrukturen i Västerbotten.",
    ),
    (
        "presidiekonferens-i-kalmar-lan",
        2013,
        "organisation",
        "Ny struktur och modell för samverkan och gemensam ledning och styrning i länet "
        "antogs vid presidiekonferensen i september 2013, med ett årshjul av gemensamma "
        "fora: presidiekonferenser och presidiemöten två gånger per år.",
    ),
]

# code: profile. hosts: (kind, organisation slug or None, note).
PROFILES: dict[str, dict] = {
    "01": {  # Stockholm
        "hosts": [
            (
                "municipal",
                "ksl",
                "Från och med den 1 januari 2014 flyttas plattformsuppdraget till ledande "
                "tjänstemän på Kommunförbundet Stockholms län och Hälso- och "
                "sjukvårdsförvaltningen.",
            ),
            (
                "county_council",
                "halso-och-sjukvardsforvaltningen",
                "Landstinget som arbetsgivare; från och med den 1 januari 2014 har ledande "
                "tjänstemän på Hälso- och sjukvårdsförvaltningen plattformsuppdraget "
                "tillsammans med KSL.",
            ),
        ],
        "in_fou_environment": False,
        "plan_signed_by": ELECTED_CHAIR,
        "plan_decided_by": COUNTY_GROUP + ".",
        "plan_decision_level": "political",
        "has_political_arena": True,
        "political_arena": (
            "Presidiegruppen är det strategiska forumet där landstingets hälso- och "
            "sjukvårdsnämnd (HSN) och KSL:s sociala välfärdsberedning möts. Gruppen ska rätta "
            "till brister och hinder i samverkan, så att vården och omsorgen i länet kan "
            "utvecklas, och enas om gemensamma utvecklingsområden och mål. För äldrefrågorna "
            "finns dessutom ett eget politiskt samverkansorgan."
        ),
        "decisions_needed": (
            "Länet fortsätter att utveckla den struktur som finns i dag, med fokus på behov som "
            "är gemensamma mellan olika målgrupper. Styrgrupperna i länet är väl etablerade och "
            "inte finansierade av statliga medel. Från och med den 1 januari 2014 flyttas "
            "plattformsuppdraget till ledande tjänstemän på Kommunförbundet Stockholms län och "
            "Hälso- och sjukvårdsförvaltningen, vilket ger en starkare koppling till det "
            "politiska samrådsorganet Presidiegruppen."
        ),
        "national_dialogue": (
            "Dialogen med den nationella nivån bör stärkas genom regelbundna avrapporteringar; "
            "planen exemplifierar med den länsdialog som genomfördes i länet i september 2013."
        ),
    },
    "03": {  # Uppsala
        "hosts": [
            (
                "regional_federation",
                "enheten-for-valfard-och-fou-stod",
                "Plattformen finns på Enheten för välfärd och FoU-stöd på regionförbundet.",
            )
        ],
        "in_fou_environment": True,
        "plan_decided_by": BOARD + ".",
        "plan_decision_level": "political",
        "has_political_arena": True,
        "political_arena": (
            "Enligt planen är Regionförbundet Uppsala läns styrelse kommunernas och "
            "landstingets gemensamma politiska organ i länet, och där fattas de strategiska "
            "besluten om stödstrukturen."
        ),
        "decisions_needed": (
            "Planeringen började i FoU-stöds ledningsgrupp i maj 2013, men den långsiktiga "
            "finansieringen hade enligt planen inte diskuterats. Behovet utreds under 2014; "
            "under 2015 beslutar kommunerna, landstinget och regionförbundet var för sig hur "
            "stor finansieringen blir och hur den fördelas och utformas."
        ),
    },
    "04": {  # Sörmland
        "hosts": [("county_council", None, "Landstinget är plattformsledarens arbetsgivare.")],
        "in_fou_environment": False,
        "plan_decided_by": BOARD + ".",
        "plan_decision_level": "political",
        "has_political_arena": True,
        "political_arena": (
            "Länet har sedan 2011 en gemensam nämnd för vård, omsorg och hjälpmedel, som driver "
            "hjälpmedelsverksamheten och ansvarar för samverkan och utveckling i delar av vården "
            "och omsorgen. Eftersom viktiga områden låg utanför nämnden beslutades hösten 2013 "
            "en utredning om att ge den ett samlat ansvar för länets stödstruktur, finansierat "
            "av huvudmännen tillsammans och på plats den 1 januari 2015."
        ),
        "decisions_needed": (
            "Målsättningen är att samla den regionala stödstrukturen på ett ställe i länet och "
            "säkerställa långsiktig finansiering från länets huvudmän. Det kräver beslut om "
            "bland annat den gemensamma nämndens framtida uppdrag, verksamhetens innehåll, "
            "organisation och finansiering. En utredning är tillsatt och inriktningen är att "
            "allt ska vara på plats den 1 januari 2015. De som har utvecklingsledaruppdrag "
            "kommer från verksamheterna, ett arbetssätt som länet vill fortsätta att utveckla."
        ),
    },
    "05": {  # Östergötland
        "hosts": [("fou", None, "En FoU-miljö som finansieras av sju kommuner.")],
        "in_fou_environment": True,
        "plan_decided_by": COUNTY_GROUP + ".",
        "plan_decision_level": "political",
        "has_political_arena": True,
        "political_arena": (
            "Läns SLAKO är den politiska plattformen för att besluta om inriktning och "
            "övergripande ambitionsnivå för stödstrukturen för kunskapsutveckling. Alla "
            "kommuner i länet (social- eller omsorgsnämnder) samt landstinget är "
            "representerade. Läns SLAKO är arena för lokala och regionala politiska "
            "prioriteringar och strategier inom välfärdsområdet."
        ),
        "decisions_needed": (
            "Förutsättningarna för ett långsiktigt åtagande finns enligt planen redan i den "
            "ordinarie organisationen. I den fortsatta processen behövs anpassningar och "
            "kompletterande beslut; en arbetsordning och modell för detta är framtagen. "
            "Stödstrukturen bygger på befintliga FoU-miljöer som finansieras med medel från "
            "kommunerna och landstinget."
        ),
    },
    "06": {  # Jönköping
        "hosts": [
            (
                "regional_federation",
                "jonkopings-regionforbund",
                "Regionförbund; plattformsledaren är placerad i en FoU-miljö. Det "
                "länsgemensamma utvecklingsarbetet sker framför allt inom FoUrum.",
            )
        ],
        "in_fou_environment": True,
        "plan_signed_by": ELECTED_CHAIR,
        "plan_decided_by": (
            "Primärkommunala nämnden samt styrelser eller nämnder i länets samtliga kommuner."
        ),
        "plan_decision_level": "political",
        "has_political_arena": False,
        "political_arena": (
            "Den Primärkommunala nämnden på regionförbundet har det politiska ansvaret. "
            "Nämndens uppdrag är bland annat att politiskt förankra uppdrag, mål, budget och "
            "inriktning för det länsgemensamma utvecklingsarbetet som framför allt sker inom "
            "ramen för FoUrums verksamhet."
        ),
        "decisions_needed": (
            "Länets kommuner har redan fattat de beslut och ingått de avtal som behövs för att "
            "i ett gemensamt åtagande upprätthålla och utveckla en långsiktigt hållbar regional "
            "stödstruktur. Ytterligare beslut rörande finansiering kommer inte att behöva "
            "fattas."
        ),
        "national_dialogue": (
            "En förutsättning för långsiktighet i dialogen med den nationella nivån är att den "
            "motsvaras av samma kontinuitet i stödet från statens sida, exempelvis genom att "
            "nuvarande riksnätverk för varje prioriterat område består i framtiden."
        ),
    },
    "07": {  # Kronoberg
        "hosts": [("regional_federation", None, "Regionförbund.")],
        "in_fou_environment": False,
        "plan_decided_by": BOARD + ".",
        "plan_decision_level": "political",
        "has_political_arena": True,
        "political_arena": (
            "Regionförbundets styrelse har det yttersta politiska ansvaret tills regionkommunen "
            "bildas i januari 2015. Ledningsgruppen för samordning av hälso- och sjukvård och "
            "socialtjänst bereder ärendena och ser till att besluten genomförs hos "
            "huvudmännen. Social- och omsorgsnämndernas presidier möter landstingets "
            "samverkansberedning på gemensamma konferenser fyra gånger om året."
        ),
        "decisions_needed": (
            "Huvudmännens grundfinansiering förväntas framöver täcka fler kostnader än tidigare; "
            "grundfinansieringens storlek anger vilken ambitionsnivå länet väljer för en "
            "långsiktig och stabil stödstruktur. Därför behöver beslut fattas om stödstrukturens "
            "framtida syfte och finansiering samt hur detta ska regleras."
        ),
        "national_dialogue": (
            "Dialog med den nationella nivån är mycket positivt: den ger länet möjlighet att "
            "påverka, men också att dela med sig av goda exempel och ta del av andras. Nationell "
            "samordning är nödvändig och en förutsättning för att långsiktighet ska kunna uppnås."
        ),
    },
    "08": {  # Kalmar
        "hosts": [("regional_federation", None, "Regionförbund.")],
        "in_fou_environment": False,
        "plan_signed_by": "Enhetschefer från både regionförbund och landsting.",
        "plan_decided_by": COUNTY_GROUP + ".",
        "plan_decision_level": "political",
        "has_political_arena": True,
        "political_arena": (
            "Vid en presidiekonferens i september 2013 antogs en ny struktur och modell för "
            "samverkan och gemensam ledning och styrning i länet, med ett årshjul av gemensamma "
            "fora: presidiekonferenser två gånger per år där landstingspresidiet, PKN-presidiet "
            "och samtliga socialnämndspresidier i länets tolv kommuner möts, fokuserar på "
            "innehåll och resultat och fastställer inriktning och handlingsplan för "
            "nästkommande samarbetsperiod; presidiemöten två gånger per år där presidierna för "
            "landstingsstyrelsen och primärkommunala nämnden på regionförbundet stämmer av "
            "innehåll, uppföljning av resultat och inriktning inför delårsbokslut och "
            "årsbokslut."
        ),
        "decisions_needed": (
            "Under 2013 beslutades en ny struktur och modell för samverkan och gemensam styrning "
            "och ledning i länet. Uppbyggnaden finansieras till stor del av statsbidrag, men "
            "arbetet syftar till att konstruktionen för ledning, styrning och samverkan ska "
            "inrymmas fullt ut i respektive organisations ordinarie verksamhet efter den "
            "31 december 2015."
        ),
    },
    "09": {  # Gotland
        "hosts": [("regional_federation", "region-gotland", "Regionkommun.")],
        "in_fou_environment": False,
        "plan_decided_by": BOARD + ".",
        "plan_decision_level": "political",
        "has_political_arena": False,
        "political_arena": (
            "Under 2014 och 2015 ska ett förslag arbetas fram om en permanent organisering av "
            "den regionala stödstrukturen på Gotland. En aspekt är att en tydligare koppling "
            "till den politiska regionledningen behöver skapas."
        ),
        "decisions_needed": (
            "Region Gotland avser att vidareutveckla nuvarande stödstruktur för "
            "kunskapsutveckling utifrån nationella direktiv och Gotlands regionala behov och "
            "planerar för ett fullständigt regionalt ansvarstagande för stödstrukturen från "
            "2016. Under 2014 och 2015 arbetar ledningskontoret tillsammans med "
            "plattformsledaren fram ett förslag om en permanent organisering utifrån Region "
            "Gotlands förutsättningar. Regionstyrelsen får en lägesrapport inför sommaren 2014."
        ),
    },
    "10": {  # Blekinge
        "hosts": [
            (
                "county_council",
                "landstinget-blekinge",
                "Landstinget som arbetsgivare; plattformsledaren är placerad i en FoU-miljö.",
            )
        ],
        "in_fou_environment": True,
        "plan_signed_by": MUNICIPAL_HEADS,
        "plan_decided_by": SENIOR_MANAGERS + ".",
        "plan_decision_level": "officials",
        "has_political_arena": False,
        "political_arena": (
            "Det finns i dag ingen länsgemensam politisk arena som hanterar frågor inom "
            "socialtjänsten och angränsande hälso- och sjukvård. Ett arbete pågår med att forma "
            "om en nuvarande gemensam nämnd för hjälpmedelsfrågor till att även vara gemensam "
            "nämnd för frågor som till exempel rör de mest sjuka äldre, som ett led i "
            "verkställigheten av en gemensam handlingsplan som huvudmännen undertecknade i "
            "december 2011."
        ),
        "decisions_needed": (
            "Tre frågor ska avgöras: hur den politiska nivån ska samordna och leda arbetet "
            "(med handlingsplanen från 2011 som grund), ett nytt samverkansavtal om "
            "FoU-verksamheten som tas fram under 2014 och gäller från 1 januari 2015, och ett "
            "avtal om forskningssamverkan mellan Landstinget Blekinge och Blekinge Tekniska "
            "Högskola. Enligt planen ska de, tillsammans med dagens struktur, säkra ett "
            "gemensamt långsiktigt åtagande också efter 2016."
        ),
        "university_collaboration": (
            "På ledningsnivå pågår överläggningar mellan Landstinget Blekinge och Blekinge "
            "Tekniska Högskola om avtal rörande forskningssamverkan. " + UNIVERSITY_AGREEMENTS
        ),
    },
    "12": {  # Skåne
        "hosts": [("municipal", None, "Kommun eller kommunalförbund.")],
        "in_fou_environment": False,
        "plan_decided_by": (
            "Delvis på politisk nivå i region- eller kommunförbundsstyrelse, delvis i "
            "länsgemensam samverkansgrupp bestående av högre chefer."
        ),
        "plan_decision_level": "mixed",
        "has_political_arena": True,
        "political_arena": (
            "Regional politisk samverkansgrupp för vård och omsorg, med representanter för "
            "hälso- och sjukvårdsnämnden i Region Skåne och Kommunförbundets beredning för vård "
            "och omsorg, behandlar gemensamma frågor som rör hälso- och sjukvård och "
            "socialtjänst. På delregional nivå finns REKO-möten där politiker från Region "
            "Skånes närsjukvårdsberedning och kommunernas socialnämnder/vård- och "
            "omsorgsnämnder (eller motsvarande) träffas, tillsammans med tjänstemän, för dialog "
            "och information kring gemensamma frågor."
        ),
        "decisions_needed": (
            "Ett förslag har utarbetats om en ny regional utvecklingsenhet för socialtjänsten, "
            "samfinansierad av länets kommuner, som ska starta sin verksamhet under 2015. Beslut "
            "om detta fattas under 2014. Går förslaget igenom förstärks möjligheterna att från "
            "regional nivå stödja kunskapsutvecklingen i de lokala verksamheterna påtagligt."
        ),
        "national_dialogue": (
            "Det är viktigt att behålla de nätverk som finns i dag med en nationell samordnare, "
            "för långsiktighet i fortsatta dialoger och samordning av kunskapsutveckling och "
            "kunskapsspridning i landet (planen s. 12)."
        ),
    },
    "13": {  # Halland
        "hosts": [("regional_federation", "region-halland", "Regionkommun.")],
        "in_fou_environment": False,
        "plan_signed_by": MUNICIPAL_HEADS,
        "plan_decided_by": SENIOR_MANAGERS + ".",
        "plan_decision_level": "officials",
        "has_political_arena": False,
        "political_arena": (
            "På länsnivå finns endast Kommunberedningen, som består av ordförandena och vice "
            "ordförandena i de sex kommunstyrelserna samt sex förtroendevalda från Region "
            "Hallands politiska ledning. Något politiskt forum som mer uttalat har ett särskilt "
            "ansvar för gemensamma frågor inom välfärdsområdet finns inte. Sedan kommunförbundet "
            "i länet lades ned (2003) har inga gemensamma presidiekonferenser anordnats för "
            "socialnämnder eller motsvarande."
        ),
        "decisions_needed": (
            "Ambitionen är att stödstrukturen för vård och socialtjänst finns kvar och fortsätter "
            "att utvecklas som en del av den övergripande samverkansstrukturen mellan kommunerna "
            "och Region Halland, följs upp kontinuerligt och anpassas efter huvudmännens behov, "
            "och att huvudmännen även fortsatt gemensamt finansierar den."
        ),
        "national_dialogue": (
            "Har redan i dag en tät och regelbunden dialog med den nationella nivån."
        ),
    },
    "14": {  # Västra Götaland
        "hosts": [("municipal", None, "Kommun eller kommunalförbund.")],
        "in_fou_environment": False,
        "plan_decided_by": COUNTY_GROUP + ".",
        "plan_decision_level": "political",
        "has_political_arena": False,
        "political_arena": (
            "Både politik- och tjänstemannaorganisation finns inom de fyra kommunalförbunden och "
            "i VästKom (Västsvenska Kommunalförbundens samorganisation) samt i angränsande "
            "hälso- och sjukvård, både delregionalt och länsövergripande, med delvis olika "
            "uppdrag och mål. Utmaningen är enligt länsplanen att få dessa strukturer att utgöra "
            "en kompetent arena för politiska prioriteringar i Västra Götalandsområdet på olika "
            "nivåer. Ledningsstrukturerna för samverkan som byggts upp under 2012 och 2013 "
            "behöver utvärderas för att kvalitetssäkra samverkan, uppdrag och funktion."
        ),
        "decisions_needed": (
            "Kommunerna har redan beslutat om långsiktighet genom kommunalförbundens och "
            "FoU-verksamheternas grunduppdrag. För 2014 och 2015 har VästKom och Västra "
            "Götalandsregionen beslutat om en ny gemensam avsiktsförklaring om "
            "utvecklingsinsatser och åtaganden kopplade till regeringens överenskommelser med "
            "SKL om stöd till en evidensbaserad praktik. Frågan om långsiktig finansiering står "
            "i direkt relation till kommunernas behov och efterfrågan på stöd från de "
            "delregionala strukturerna och till vilken roll VästKom ska ha ur ett "
            "länsövergripande perspektiv; diskussionen om långsiktiga ambitioner och "
            "finansiering kvarstår."
        ),
    },
    "17": {  # Värmland
        "hosts": [
            (
                "university",
                "fou-valfard",
                "Plattformsledaren finns på ett universitet, på FoU Välfärd; universitetet "
                "namnges inte i sammanställningen.",
            )
        ],
        "in_fou_environment": True,
        "plan_signed_by": "FoU-föreståndaren.",
        "plan_decided_by": SENIOR_MANAGERS + ".",
        "plan_decision_level": "officials",
        "has_political_arena": False,
        "political_arena": (
            "Länet har enligt planen en stabil struktur för ledning och styrning. Nya perspektiv "
            "är det övergripande och gemensamma utvecklingsarbetet där ledande politiker och "
            "tjänstemän i såväl landstinget som länets sexton kommuner återkommande möts för "
            "gemensamma kunskaps- och erfarenhetsutbyten."
        ),
        "decisions_needed": (
            "Inget behov av att förändra organisationen i nuläget; den existerande "
            "organisationen förväntas fungera även i framtiden. Från och med den 1 januari "
            "2016 finansieras plattformen på FoU Välfärd med såväl basmedel som avgiftsbelagda "
            "projekt."
        ),
        "university_collaboration": ("Plattformen (FoU Välfärd) finns på ett universitet."),
    },
    "18": {  # Örebro
        "hosts": [("regional_federation", "regionforbundet-orebro", "Regionförbund.")],
        "in_fou_environment": False,
        "plan_decided_by": "Socialchefsnätverket.",
        "plan_decision_level": "officials",
        "has_political_arena": True,
        "political_arena": (
            "Under 2014 sker den politiska ledningen och styrningen via styrelsen på "
            "Regionförbundet Örebro och genom Samverkansgruppen för hälso- och sjukvård, "
            "socialtjänst, elevstöd och skolhälsovård, den så kallade Maritgruppen. Från 2015 "
            "bildar Regionförbundet Örebro och landstinget tillsammans en region; "
            "Maritstrukturen avvecklas och ersätts av nya politiska samverkansarenor, vilket "
            "kan leda till att särskilda råd etableras inom specifika områden, till exempel "
            "folkhälsa, social välfärd och vård."
        ),
        "decisions_needed": (
            "En regionkommun bildas från och med den 1 januari 2015. För ett gemensamt "
            "långsiktigt åtagande krävs beslut om verksamhetsorganisation och samverkansstruktur "
            "i den nya regionbildningen; dessa fattas under 2014. Finansieringen på längre sikt "
            "beror på besluten om verksamhetsorganisation och budget för den nya regionen."
        ),
    },
    "19": {  # Västmanland
        "hosts": [
            ("regional_federation", "vkl", "Regionförbund: Västmanlands Kommuner & Landsting.")
        ],
        "in_fou_environment": False,
        "plan_decided_by": BOARD + ".",
        "plan_decision_level": "political",
        "has_political_arena": True,
        "political_arena": (
            "Den länsgemensamma politiska styrningen sker genom styrelsen för VKL (Västmanlands "
            "Kommuner & Landsting) och dess Vård- och omsorgsberedning, som hanterar samtliga "
            "områden inom socialtjänsten och angränsande delar av hälso- och sjukvården. Två "
            "gånger per år arrangeras dessutom presidiekonferenser där politiker och "
            "chefstjänstemän från kommuner och landsting möts för gemensamma diskussioner."
        ),
        "decisions_needed": (
            "Skapandet av ett utbildningsråd för länsgemensamma kunskaps- och utbildningsfrågor "
            "diskuteras. Beslut behöver fattas om samverkan mellan Mälardalens högskola och de "
            "nio mindre kommunerna i länet. Dessutom behövs en överenskommelse om framtida "
            "finansiering utifrån de behov av regional samordning och kunskapsspridning som "
            "huvudmännen i länet uttrycker."
        ),
        "university_collaboration": (
            "Beslut behöver fattas om samverkan mellan Mälardalens högskola och de nio mindre "
            "kommunerna i länet; ett utbildningsråd för länsgemensamma kunskaps- och "
            "utbildningsfrågor diskuteras. " + UNIVERSITY_AGREEMENTS
        ),
    },
    "20": {  # Dalarna
        "hosts": [
            (
                "regional_federation",
                "region-dalarna-regionforbund",
                "Regionförbund; stabsfunktionen på Region Dalarna.",
            )
        ],
        "in_fou_environment": False,
        "plan_signed_by": "En enhetschef på Region Dalarna.",
        "plan_decided_by": BOARD + ".",
        "plan_decision_level": "political",
        "has_political_arena": True,
        "political_arena": (
            "I direktionen för Region Dalarna finns 15 kommunstyrelseordföranden och tio "
            "förtroendevalda från landstinget. En särskild beredning, Välfärdsberedningen, "
            "konstituerades i april 2011; den består av sju förtroendevalda från direktionen "
            "och har ansvar för att stödja och vägleda utvecklingsarbetet inom "
            "välfärdsområdet."
        ),
        "decisions_needed": (
            "Samverkan med Högskolan Dalarna ska anpassas till den nya stödstrukturen under "
            "2014–2015. Under 2014 behövs beslut om stabsfunktionen på Region Dalarna: ett "
            "tydligare uppdrag, resurser och hur kostnaden fördelas. Under 2015 ska "
            "huvudmännen besluta om resurser när de planerar sina verksamheter."
        ),
        "national_dialogue": (
            "Den ordning som etablerats med SKL som plattform för regionernas dialog med den "
            "nationella nivån bör fortsätta, liksom samverkan mellan SKL och berörda statliga "
            "myndigheter."
        ),
        "university_collaboration": (
            "Organisationen för samverkan med Högskolan Dalarna behöver under 2014 och 2015 "
            "anpassas till den framtida stödstrukturen."
        ),
    },
    "21": {  # Gävleborg
        "hosts": [
            (
                "regional_federation",
                None,
                "Regionförbund; plattformsledaren är placerad i en FoU-miljö.",
            )
        ],
        "in_fou_environment": True,
        "plan_decided_by": SENIOR_MANAGERS + ".",
        "plan_decision_level": "officials",
        "has_political_arena": True,
        "political_arena": (
            "Länet styrs och leds genom Närvårdsorganisationen, som bildades sex år före planen "
            "och ska finnas kvar: Nätverk Välfärd är den politiska ledningen, Länsledning "
            "Närvård tjänstemannaledningen, och fyra politiska styrgrupper arbetar delregionalt."
        ),
        "decisions_needed": (
            "En process pågår för att från och med 2015 bilda en regionkommun. Beslut om "
            "finansiering av den regionala stödstrukturen tas under 2014 inför bildandet av "
            "regionkommunen. Huvudmännens beslut ingår i en kompletterande handlingsplan som "
            "lämnas till SKL under 2014."
        ),
        "national_dialogue": (
            "Positiv till en fortsatt dialog med den nationella nivån: länet vill dela med sig "
            "av sina många utvecklingsarbeten inom det sociala välfärdsområdet och ta del av "
            "andra läns utvecklingsprojekt genom kontakter och möten på nationell nivå."
        ),
    },
    "22": {  # Västernorrland
        "hosts": [
            (
                "municipal",
                "kommunforbundet-vasternorrland",
                "Kommunalförbund: kommunförbundet i länet.",
            )
        ],
        "in_fou_environment": False,
        "plan_decided_by": "Direktören på kommunförbundet.",
        "plan_decision_level": "officials",
        "has_political_arena": True,
        "political_arena": (
            "SocialKOLA: sedan några år ett politiskt samverkansforum mellan kommunerna och "
            "landstinget för frågor som rör socialtjänst och hälso- och sjukvård. Det är ett "
            "forum för dialog och beredning inför beslut om gemensamma projekt, "
            "överenskommelser, avtal, riktlinjer och policydokument av länsgemensam karaktär. "
            "En viktig roll är att initiera utvecklings- och förbättringsområden."
        ),
        "decisions_needed": (
            "Beslut behöver fattas bland annat om kommunförbundets fortsatta roll, om en "
            "länsgemensam prioriteringsmodell för utvecklingsfrågor och om resurser till de "
            "kvarstående utvecklingsbehoven inom områden där det statliga stödet upphör."
        ),
    },
    "23": {  # Jämtland
        "hosts": [("regional_federation", None, "Regionförbund eller regionkommun.")],
        "in_fou_environment": False,
        "plan_decided_by": COUNTY_GROUP + ".",
        "plan_decision_level": "political",
        "has_political_arena": True,
        "political_arena": (
            "Sociala vård- och omsorgsgruppen (SVOM) är ett politiskt samverkansorgan för "
            "kommunernas socialtjänst och landstingets hälso- och sjukvård, där landstinget och "
            "länets åtta kommuner representeras av ansvariga politiker och tjänstemän. SVOM är "
            "en samverkans- och kunskapsarena för gemensamma frågor och kan rekommendera "
            "kommunerna och landstinget att följa de beslut som fattas."
        ),
        "decisions_needed": (
            "Beslut behöver fattas under 2014 och 2015 främst om omfattningen av resurserna för "
            "regionalt stöd, om en finansieringsmodell för gemensamma utvecklingsområden och om "
            "formalisering av och uppdrag för en föreslagen länsövergripande utvecklingsgrupp. "
            "Därutöver ska den av kommunerna samfinansierade kliniska lektors-/adjunkttjänsten "
            "utvecklas."
        ),
        "national_dialogue": (
            "En fortsatt dialog med och samordning av den nationella nivån är en förutsättning "
            "för att kunskapsutveckling och kunskapsspridning i länen ska bli långsiktigt "
            "hållbar; dagens dialog förutsätts fortsätta. Hur det nationella stödet inom de i "
            "dag statligt finansierade utvecklingsområdena ska bli långsiktigt hållbart bör "
            "även diskuteras på nationell nivå och kommuniceras med länen (planen s. 9)."
        ),
        "university_collaboration": (
            "Den av kommunerna samfinansierade kliniska lektors-/adjunkttjänsten ska utvecklas."
        ),
    },
    "24": {  # Västerbotten
        "hosts": [
            (
                "regional_federation",
                None,
                "Regionförbund eller regionkommun; plattformsledaren är placerad i en "
                "FoU-miljö. AC Konsensus beslutade 2010 att bygga upp en ny FoU-miljö som "
                "navet i stödstrukturen.",
            )
        ],
        "in_fou_environment": True,
        "plan_decided_by": COUNTY_GROUP + ".",
        "plan_decision_level": "political",
        "has_political_arena": True,
        "political_arena": (
            "AC Konsensus (före detta LAKO) har som samverkansorgan det politiska ägarskapet och "
            "är det forum som 2010 beslutade att bygga upp en ny FoU-miljö som skulle utgöra "
            "navet i den regionala stödstrukturen. Gruppen följer stödstrukturens utveckling och "
            "informeras fortlöpande om FoU Västerbottens arbete. AC Konsensus har sex ledamöter "
            "från länets femton kommuner och lika många från landstinget."
        ),
        "decisions_needed": (
            "För att säkerställa stödstrukturens innehåll, styrning och ledning från och med den "
            "1 januari 2016 föreslår planen att en arbetsgrupp med representation för "
            "huvudmännen tillsätts under 2014 med uppdrag att kartlägga behov och framtida "
            "struktur. Utredningen ska vara genomförd så att beslut kan fattas på politisk nivå "
            "innan statsbidragen för stödstrukturen upphör den 31 december 2015."
        ),
        "national_dialogue": (
            "Har i dag en god dialog med den nationella nivån genom SKL:s formella nätverk."
        ),
    },
    "25": {  # Norrbotten
        "hosts": [
            (
                "municipal",
                None,
                "Kommun eller kommunalförbund; plattformsledaren är placerad i en FoU-miljö.",
            )
        ],
        "in_fou_environment": True,
        "plan_decided_by": BOARD + ".",
        "plan_decision_level": "political",
        "has_political_arena": True,
        "political_arena": (
            "Samverkansberedningen kommunerna landstinget, en ny politisk organisation som "
            "infördes 2012. I september 2013 fastställdes dess uppdrag, bland annat att "
            "utveckla en väl fungerande samverkan i gemensamma frågor, prioritera mellan "
            "utvecklingsområden, fastställa gemensamma överenskommelser och säkerställa att "
            "politiska beslut tas i respektive huvudmannaorganisation."
        ),
        "decisions_needed": (
            "För ett gemensamt långsiktigt åtagande finns redan beslut om mål/direktiv för den "
            "politiska samverkansgruppen, direktiv för länsstyrgruppen (tjänstemannaarenan) och "
            "beslut under 2014 om en ny och förstärkt FoU-miljö, FoUI (Forskning och "
            "Utveckling/Innovation i Norrbottens kommuner). Länets kommuner har också fattat de "
            "beslut som krävs för att stödja beslutet om FoUI, som enligt planen förstärker det "
            "vetenskapliga stödet till kommunerna. Samverkansberedningen har också beslutat att "
            "följa de prioriterade arbetsområden som slagits fast i den gemensamma "
            "avsiktsförklaringen från 2010."
        ),
        "national_dialogue": (
            "Genom stödstrukturens modell finns en koppling mellan kommunernas verksamhet och "
            "nationella myndigheter och aktörer. En fortsatt dialog med samordning av den "
            "nationella nivån är en förutsättning för att kunskapsutveckling och "
            "kunskapsspridning i länen ska bli långsiktigt hållbar."
        ),
    },
}


class _Loader:
    """Creates the rows of this module that are missing and counts them."""

    def __init__(self):
        from bodies.models import County
        from governance.models import SourceDocument

        self.source, created = SourceDocument.objects.get_or_create(
            slug=SOURCE_SLUG, defaults=SOURCE_DEFAULTS
        )
        self.created = int(created)
        self.counties = {c.code: c for c in County.objects.all()}

    def record(self, model, slug=None, m2m=None, **fields):
        """The record with ``slug`` (default: the slug rule applied to the new record),
        created, validated and with its source, only when no record has that slug."""
        obj = model(source=self.source, **fields)
        obj.slug = slug or slugify(obj.slug_text())[: SLUG_MAX_LENGTH - 6].strip("-")
        existing = model._default_manager.filter(slug=obj.slug).first()
        if existing is not None:
            return existing
        obj.full_clean()
        obj.save()
        for name, values in (m2m or {}).items():
            getattr(obj, name).set(values)
        self.created += 1
        return obj

    def organisations(self):
        from bodies.models import Organisation

        for slug, spec in ORGANISATIONS.items():
            fields = dict(spec, county=self.counties[spec["county"]])
            if "parent" in fields:
                fields["parent"] = Organisation.objects.get(slug=fields["parent"])
            self.record(Organisation, slug, **fields)

    def bodies(self):
        from bodies.models import Body, BodyLevel, FormerName, Organisation, Seat

        for slug, spec in BODIES.items():
            fields = {"level": BodyLevel.COUNTY, **spec, "county": self.counties[spec["county"]]}
            owners = [Organisation.objects.get(slug=s) for s in fields.pop("owners", [])]
            if "parent" in fields:
                fields["parent"] = Body.objects.get(slug=fields["parent"])
            former_name = fields.pop("former_name", None)
            seats = fields.pop("seats", [])
            if Body.objects.filter(slug=slug).exists():
                continue
            body = self.record(Body, slug, m2m={"owners": owners}, **fields)
            if former_name:
                FormerName.objects.create(body=body, name=former_name)
                self.created += 1
            for order, (side, role, count) in enumerate(seats, start=1):
                self.record(Seat, body=body, side=side, role=role, count=count, order=order)

    def decisions(self):
        from agreements.models import Decision
        from bodies.models import Body

        for body_slug, year, kind, summary in DECISIONS:
            body = Body.objects.get(slug=body_slug)
            self.record(Decision, body=body, year=year, kind=kind, summary=summary)

        for code, spec in PROFILES.items():
            county = self.counties[code]
            body_slug = PLAN_DECIDING_BODIES.get(code)
            self.record(
                Decision,
                f"beslut-om-lansplan-{county.slug}",
                body=Body.objects.get(slug=body_slug) if body_slug else None,
                decided_by_text=spec["plan_decided_by"].rstrip("."),
                year=PLAN_DECISION_YEAR,
                date_basis="inferred",
                basis_note=PLAN_DECISION_BASIS,
                kind="plan_decision",
                summary=(
                    f"Beslut om {county.name}s plan för "
                    "organisation, styrning och finansiering av den regionala stödstrukturen "
                    "för kunskapsutveckling (länsplanen till SKL, november 2013)."
                ),
            )

    def profiles(self):
        from bodies.models import Organisation
        from governance.models import PlatformHost, SupportStructure

        for code, spec in PROFILES.items():
            county = self.counties[code]
            if SupportStructure.objects.filter(county=county).exists():
                continue
            fields = dict(spec)
            hosts = fields.pop("hosts")
            structure = self.record(SupportStructure, county=county, **fields)
            for kind, organisation_slug, note in hosts:
                organisation = (
                    Organisation.objects.get(slug=organisation_slug) if organisation_slug else None
                )
                host = PlatformHost(
                    support_structure=structure, kind=kind, organisation=organisation, note=note
                )
                host.full_clean()
                host.save()
                self.created += 1


def load() -> int:
    """Create the county profiles of seed 002 that are missing; returns how many rows."""
    loader = _Loader()
    loader.organisations()
    loader.bodies()
    loader.decisions()
    loader.profiles()
    return loader.created
