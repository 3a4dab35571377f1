"""Dalarna: the first draft of a new organisation for welfare collaboration (seed 004).

Judgements, where the document leaves something open:
* The heads' network (chefsnätverket) exists already (the 2017 evaluation describes it);
  the steering group, the working groups, Välfärdsrådet and the department are described
  as parts of the proposed organisation, so their status is "proposed".
* No ``ChairRotationRule`` is seeded for chefsnätverket: the document says the chair and
  vice chair serve one year and alternate between the municipalities and the county
  council, but not when the first term starts nor which side chairs first. Both are
  required by the rule, so seeding one would invent facts. The term (12 months) and the
  rotation text are kept on the body; a coordinator adds the rule once the first term is
  known.
* Clauses, responsibilities and mandates are the document's own words (the wording is the
  fact), including its typos ("NKS-S", "Någon forma av") and open questions (ending in
  "?"). The background and purpose are summarised in the registry's own words, each
  paragraph naming the section it rests on.
"""

from __future__ import annotations

from governance.seed.sources import DALARNA_PROPOSAL

# The proposal's background, summarised in the registry's own words; the section of the
# document each paragraph rests on is named at its end.
HISTORY = (
    "Bakgrund enligt förslaget. Betänkandet om evidensbaserad praktik i socialtjänsten "
    "(SOU 2008:18) pekade på stora brister i socialtjänstens arbetssätt. Därefter slöt staten "
    "och SKL en överenskommelse om en plattform för arbetet, med insatser som skulle "
    "samordnas och prioriteras gemensamt nationellt och lokalt. Länen fick pengar för att "
    "bygga upp regionala stödstrukturer, och överenskommelserna prioriterade olika frågor år "
    "för år. Enligt förslaget krävde överenskommelsen 2014 en långsiktig plan för en hållbar "
    "stödstruktur, och det statliga stödet upphörde från 2015. Landstinget och kommunerna i "
    "Dalarna beslutade 2015 att varje år finansiera en grundstruktur på tre tjänster inom "
    "Region Dalarna, som själv står för ytterligare en tjänst. (Källa: förslaget, avsnittet "
    "Historik.)"
)

EXPERIENCE = (
    "Erfarenheter. Dalarnas modell räknas nationellt som framgångsrik; uppdraget från 2015 "
    "betonade att kommunerna och landstinget måste samverka för att klara sina gemensamma "
    "åtaganden. Erfarenheterna samlades in i chefsnätverket, bland utvecklingsledarna och i "
    "de regionala utvecklingsgrupperna, och genom en utvärdering 2017 av SUD och av "
    "stödstrukturens arbete: hur väl de främjat evidensbaserad praktik och hur samverkan "
    "fungerat. Utvärderingen var begränsad – två av fem utvecklingsgrupper, få intervjuer och "
    "mest kommunernas perspektiv. (Källa: förslaget, avsnittet Erfarenhet av arbetet.)"
)

# The points raised in the discussions and the evaluation, in short.
POSITIVES = [
    "stödstrukturen knyter ihop aktörerna och hjälper dem att använda gemensamma resurser",
    "utvecklingsgrupperna ger kommuner och landsting ett forum för sakfrågor som annars inte "
    "tas upp",
    "nätverken på handläggar- och chefsnivå ger erfarenhetsutbyte och lärande",
    "den regionala nivån bevakar omvärlden och informerar kommunerna",
    "flera överenskommelser har tagits fram och sedan fastställts av huvudmännen",
    "lokala frågor kan samlas och föras vidare till nationell nivå",
    "de mindre kommunerna får draghjälp",
]

TO_DEVELOP = [
    "chefsnätverkets diskussioner blir mer operativa än strategiska",
    "mindre kommuner hinner inte alltid vara med i utvecklingsgrupperna och riskerar att "
    "missa information",
    "ett nätverk på 30 personer med långa dagordningar är svårt att hantera; dåligt beredda "
    "frågor skjuts upp",
    "hög arbetsbelastning gör att deltagare prioriterar bort mötena",
    "chefsnätverket saknar egentligt beslutsmandat, vilket försvårar långsiktig planering",
    "handlingsplanerna kan bli överenskommelser som styr verksamhet och ekonomi",
    "det är oklart vad chefsnätverket och vad utvecklingsgrupperna ska besluta om",
    "arbetet är svårt att få in i linjeorganisationen; samordningen tar över från "
    "utvecklingen av evidensbaserad praktik",
]


def _bullets(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


BACKGROUND = (
    f"{HISTORY}\n\n{EXPERIENCE}\n\nDet som fungerar bra enligt synpunkterna:\n"
    f"{_bullets(POSITIVES)}\n\nDet som kan utvecklas:\n{_bullets(TO_DEVELOP)}"
)

# The proposal's own aims, goals and tasks: its clauses, in its own words.
AIMS = [
    "Fördjupa och stärka samverkan mellan kommunerna och Landstinget inom välfärdsområdet samt "
    "utveckla gemensamma arbetssätt som ger bättre vård och omsorg för befolkningen.",
    "Skapa förutsättningar för en verksamhet som bygger på regionalt samarbete, bästa "
    "tillgängliga kunskap, brukarens kunskap och önskemål och professionens erfarenhet",
    "Säkerställa god, säker och jämlik vård och omsorg i länet",
    "Nyttja gemensamma resurser på ett effektivt sätt",
]

GOALS = [
    "Utgöra en arena för lokala och regionala politiska prioriteringar och strategier inom "
    "välfärdsområdet",
    "Långsiktigt försörja länet/regionen med praktiskt verksamhetsstöd",
    "Samordnad kunskapsstyrning, implementering av evidensbaserade arbetsmetoder för vård och "
    "omsorg",
    "Öka samsyn och en utvecklad samhandling inom området",
]

WELFARE_WORK = [
    "kunna försörja kommunernas och landstingens verksamhet med ett praktiskt verksamhetsstöd,",
    "Medverka till att skapa förutsättningar och vara stöd för en implementering av "
    "evidensbaserade arbetsmetoder i hela socialtjänsten och närliggande hälso- och sjukvård",
    "Vara en arena för lokala och regionala politiska prioriteringar och strategier inom "
    "välfärdsområdet",
    "Vara en dialogpart gentemot sjukvårdsregional och nationella nivån i frågor som rör "
    "kunskapsutveckling och kunskapsstyrning.",
]

# What the proposal wants the new organisation to achieve, in the registry's words.
PREREQUISITE = (
    "Stödstrukturen ska på lång sikt ge regionen praktiskt stöd i kunskapsutveckling, i att "
    "införa nationella riktlinjer och ny kunskap och i systematisk uppföljning. Den ska också "
    "vara en arena för lokala politiska prioriteringar inom hälsa och välfärd och en "
    "plattform för samverkan mellan kommunerna och regionen, till nytta för invånarnas vård "
    "och omsorg."
)

AIMS_SUMMARY = [
    "djupare samverkan och gemensamma arbetssätt mellan kommunerna och landstinget",
    "en verksamhet som vilar på regionalt samarbete, bästa tillgängliga kunskap, brukarnas "
    "kunskap och önskemål och professionens erfarenhet",
    "god, säker och jämlik vård och omsorg i länet",
    "effektiv användning av gemensamma resurser",
]

GOALS_SUMMARY = [
    "en arena för lokala och regionala politiska prioriteringar inom välfärden",
    "praktiskt verksamhetsstöd till länet på lång sikt",
    "samordnad kunskapsstyrning och införande av evidensbaserade arbetssätt",
    "mer samsyn och bättre samarbete inom området",
]

WELFARE_WORK_SUMMARY = [
    "praktiskt verksamhetsstöd till kommunernas och landstingets verksamheter",
    "stöd för att införa evidensbaserade arbetssätt i socialtjänsten och närliggande hälso- "
    "och sjukvård",
    "en arena för lokala och regionala politiska prioriteringar",
    "en dialogpart mot sjukvårdsregionen och den nationella nivån om kunskapsutveckling och "
    "kunskapsstyrning",
]

STRUCTURE = (
    "Strukturen har byggts upp utifrån det mål och syfte som finns för samverkan. "
    "Chefsnätverket är den övergripande beslutande instansen som ger mandat till styrgruppen "
    "för att genomföra det utvecklingsarbete som har beslutats att genomföras. Styrgruppen ger "
    "i sin tur en tydlig uppdragsbeskrivning till en utvecklingsledare för att starta upp en "
    "arbetsgrupp. Arbetsgruppens uppdrag är tidsbestämt. En kommunikation och "
    "informationsöverföring måste ske mellan grupperna och beslut måste fattas på rätt nivå och "
    "mandat måste tydliggöras för att få ett produktivt och kvalitativt utvecklingsarbete i "
    "länet."
)

PURPOSE = (
    f"Förutsättning (källa: förslaget, Förutsättning för nytt arbetssätt): {PREREQUISITE}\n\n"
    f"Syfte:\n{_bullets(AIMS_SUMMARY)}\n\nMål:\n{_bullets(GOALS_SUMMARY)}\n\n"
    f"Välfärdssamverkan ska ge:\n{_bullets(WELFARE_WORK_SUMMARY)}\n\n"
    "Regionalt nämns Länsstyrelsen, Högskolan och Polisen som viktiga parter; nationellt "
    "bidrar SKL och Socialstyrelsen, bland annat genom SKL:s nationella nätverk och "
    "samordnare.\n\n"
    "Förslaget började ta form i slutet av 2018, när organisationen anpassades till "
    "regionbildningen efter utvärderingen och workshoppar; chefsnätverket har sedan beskrivit "
    "organisation och arbetssätt närmare. Dokumentet är ett första utkast."
)

HEADS_NETWORK_RESPONSIBILITIES = [
    "Högsta tjänstemannaledningsnivå som svarar för övergripande samordning av gemensam "
    "kunskapsbaserad verksamhetsutveckling för länets socialtjänst och hälso- och sjukvård",
    "Ansvarar för utvecklingsarbete i överenskommelse med SKL , Socialstyrelsen m fl nationella "
    "aktörer",
    "Ansvarar för prioriteringar av gemensamma utvecklingsfrågor inom verksamhetsområdet",
    "Besluta om uppstart och avslut av arbetsgrupp",
    "Ansvarar för samverkan och samordning med regionala aktörer/stödfunktioner såsom "
    "länsstyrelse, högskolan Dalarna, polis, skola, elevhälsa, brukar- och "
    "intresseorganisationer m fl",
    "Utser representanter i nationella utvecklings-, styr och samverkansgrupper och nätverk",
    "Ansvarar för revidering av länsövergripande samverkansdokument",
    "Uppmärksammar behov av kunskaps- och kompetensutveckling på lokal och regional nivå",
    "Hanterar tvister och tolkning av samverkansdokument mellan huvudmännen",
    "Ansvarar för att vidarebefordra information till berörd personal inom den egna "
    "kommunen/verksamhetsområdet",
    "Ansvarar för att ökad brukarmedverkan/delaktighet utvecklas inom hela verksamhetsområdet",
]

STEERING_GROUP_RESPONSIBILITIES = [
    "Planerar dagordningen inför chefsnätverkets möte",
    "Beslutar vilka punkter som ska avhandlas på chefsnätverket möte",
    "Bereda punkter inför chefsnätverket möte",
    "Ansvarar för att en tydlig uppdragsbeskrivning upprättas enligt nätverkets beslut",
    "Ansvarar för att ge uppdragsbeskrivning i samband med uppstart av arbetsgrupp till ansvarig",
    "Ansvarar för att strukturerat följa upp arbetet i pågående arbetsgrupper",
    "Ansvara för att arbetsgrupperna följer sin uppdragsbeskrivning och tidsplan",
    "Någon forma av beslutsmandat i andra frågor?",
]

WORKING_GROUP_RESPONSIBILITIES = [
    "Arbeta med uppdrag enligt uppdragsbeskrivning",
    "Lägga upp en detaljerad plan för uppdraget inom ramen för uppdragsbeskrivningen",
    "Föredra arbetsgruppens arbete för styrgruppen i uppföljningsmöte och slutleverans av uppdrag",
    "Vid behov föredra arbetsgruppens arbete för chefsnätverket",
    "Arbetsgruppen ansvarar för dokumentation för arbetsgruppens arbete",
    "Uppmärksammar och identifierar behov av kunskapsutveckling och förbättringar inom området "
    "i länet och återkopplar till styrgruppen.",
]

WELFARE_COUNCIL_RESPONSIBILITIES = [
    "Välfärdsrådet ska i sina respektive organisationer ta initiativ till de politiska insatser "
    "som rådets kunskapsinhämtning föranleder.",
    "Välfärdsrådet ska följa utvecklingen av omsorg och hälso- och sjukvård inom länet.",
    "Särskild uppmärksamhet ska ägnas åt folkhälsofrågor.",
    "Särskild uppmärksamhet ska ägnas åt processer som involverar såväl olika delar av Region "
    "Dalarnas hälso- och sjukvård som kommunala och privata vårdgivare.",
    "Välfärdsrådet ska också stimulera utvecklingen av patientråd eller motsvarande brukarråd "
    "för att öka patienternas inflytande.",
]

# The proposal's sections on each body, as written; they are the proposal's clauses.
WELFARE_COUNCIL_SECTION = (
    "Välfärdsrådet utgör ett politiskt samverkansorgan på övergripande regional nivå mellan "
    "Region Dalarna och länets kommuner. Denna samverkan omfattar kommunernas "
    "omsorgsverksamhet, kommunernas och regionens hälso- och sjukvård, vissa gemensamma "
    "utvecklingsinsatser samt förslag till överenskommelser inom området. Rådet består av "
    "samtliga kommuners ordförande i socialnämnd/ omsorgsnämnd samt hälso- och "
    "sjukvårdsnämndens presidium.\n"
    "Välfärdsrådet ska i sina respektive organisationer ta initiativ till de politiska insatser "
    "som rådets kunskapsinhämtning föranleder.\n"
    "Välfärdsrådet ska följa utvecklingen av omsorg och hälso- och sjukvård inom länet.\n"
    "Särskild uppmärksamhet ska ägnas åt\n"
    "- Folkhälsofrågor\n"
    "- Processer som involverar såväl olika delar av Region Dalarnas hälso- och sjukvård som "
    "kommunala och privata vårdgivare\n"
    "- Välfärdsrådet ska också stimulera utvecklingen av patientråd eller motsvarande brukarråd "
    "för att öka patienternas inflytande."
)

DEPARTMENT_SECTION = (
    "Avdelning för hälsa och välfärd är en avdelning inom hälso och sjukvårdsenheten men "
    "Hälso-och sjukvårdsdirektör som överordnad chef. Avdelningen har en avdelningschef. och "
    "regionala utvecklingsledare. Det finns ekonomiskt utrymme för tre ordinarie "
    "utvecklingsledare som kommer att rekryteras under 2019. Uppdrag till avdelningen kommer "
    "från Välfärdsrådet och/eller chefsnätverket. Verksamheten finansieras gemensamt av "
    "Regionen och länets kommuner."
)

HEADS_NETWORK_SECTION = (
    _bullets(HEADS_NETWORK_RESPONSIBILITIES) + "\n\nSammansättning\n"
    "Kommunerna: Social- omvårdnads- förvaltningschefer från berörda nämnder.\n"
    "Region Dalarna: Representanter från hälso- sjukvårdsnära verksamhetsområden.\n\n"
    "Arbetsformer: Gemensamma möten 9 ggr/år med uppehåll under sommarmånaderna.\n"
    "Ordförande samt vice ordförande för länsnätverk förvaltningschefer inom hälsa och välfärd "
    "utses av övriga representanter. Uppdragen tidsbegränsas till ett år och växlas mellan "
    "kommuner och landstinget.\n"
    "Minnesanteckningar förs vid varje möte. Inför varje möte hålls vid behov förmöte för "
    "kommunerna/ landstinget i syfte att förbereda gemensamma ståndpunkter innan beslut.\n"
    "Deltagandet är personligt och inga ersättare utses."
)

STEERING_GROUP_SECTION = (
    "Syfte med styrgruppen är att den ska fungera som tratt för chefsnätverket så att de frågor "
    "som kommer till chefsnätverket är väl beredda och av strategisk eller beslutande karaktär. "
    "Styrgruppen ska även ansvara för uppföljning av arbetsgrupperna.\n"
    + _bullets(STEERING_GROUP_RESPONSIBILITIES)
    + "\n\nSammansättning\n"
    "Kommunerna: Förslagsvis representant från de nationella nätverken NKS-S, "
    "socialchefsnätverket samt ordförande/viceordförande för nätverket.\n"
    "Region Dalarna: Tre representanter från Region Dalarna varav en är direktören för hälsa "
    "och välfärd\n"
    "Avd. för hälsa & välfärd: Avdelningschefen för hälsa och välfärd\n\n"
    "Arbetsformer: Gemensamma möten 9 ggr/år med uppehåll under sommarmånaderna.\n"
    "Minnesanteckningar förs vid varje möte.\n"
    "Deltagandet är personligt och inga ersättare utses."
)

WORKING_GROUPS_SECTION = (
    "Arbetsgruppernas uppdrag är att arbeta med utveckling inom länet enligt de beslut som "
    "chefsnätverket har fattat. Uppdragen är tydligt utformande och har en tidsplanering.\n"
    + _bullets(WORKING_GROUP_RESPONSIBILITIES)
    + "\n\nSammansättning\n"
    "Utvecklingsledare: En utvecklingsledare finns representerad i varje arbetsgrupp?\n"
    "Övriga representanter: Utifrån arbetsgruppens sakområde och uppdrag bemannas "
    "arbetsgruppen enligt uppdragsbeskrivning.\n"
    "Arbetsformer: Enligt uppdragsbeskrivning\n"
    "Deltagandet är personligt och inga ersättare utses."
)


def load() -> int:
    from agreements.models import (
        Agreement,
        AgreementKind,
        AgreementParty,
        Clause,
        Decision,
        DecisionKind,
        PartyRole,
    )
    from bodies.models import (
        Body,
        BodyKind,
        BodyLevel,
        BodyStatus,
        County,
        FormerName,
        Organisation,
        OrganisationKind,
        Seat,
        SeatSide,
    )
    from funding.models import FundedPosition
    from governance.seed.util import Seeder

    s = Seeder(DALARNA_PROPOSAL)
    county = County.objects.get(code="20")

    # Organisations -------------------------------------------------------------------
    region = s.record(
        Organisation,
        "region-dalarna",
        name="Region Dalarna",
        kind=OrganisationKind.REGION,
        county=county,
    )
    s.child(FormerName, {"organisation": region, "name": "Landstinget Dalarna"})
    municipalities = s.record(
        Organisation,
        "kommunerna-i-dalarna",
        name="Kommunerna i Dalarna",
        kind=OrganisationKind.OTHER,
        county=county,
        description="Länets kommuner som en gemensam huvudman; dokumentet namnger inte de "
        "enskilda kommunerna.",
    )
    s.record(
        Organisation,
        "sud",
        name="Socialtjänstens utvecklingscentrum i Dalarna",
        short_name="SUD",
        kind=OrganisationKind.OTHER,
        county=county,
        description="Utvärderades 2017 tillsammans med arbetet inom den regionala stödstrukturen.",
    )
    s.record(
        Organisation,
        "hogskolan-dalarna",
        name="Högskolan Dalarna",
        kind=OrganisationKind.UNIVERSITY,
        county=county,
        description="Regional aktör som chefsnätverket ansvarar för samverkan och samordning med.",
    )
    principals = [region, municipalities]
    dalarna = {"level": BodyLevel.COUNTY, "county": county}

    # Bodies ----------------------------------------------------------------------------
    council = s.record(
        Body,
        "valfardsradet",
        name="Välfärdsrådet",
        kind=BodyKind.POLITICAL,
        status=BodyStatus.PROPOSED,
        mandate="Välfärdsrådet utgör ett politiskt samverkansorgan på övergripande regional "
        "nivå mellan Region Dalarna och länets kommuner. Denna samverkan omfattar kommunernas "
        "omsorgsverksamhet, kommunernas och regionens hälso- och sjukvård, vissa gemensamma "
        "utvecklingsinsatser samt förslag till överenskommelser inom området.",
        composition="Rådet består av samtliga kommuners ordförande i socialnämnd/ "
        "omsorgsnämnd samt hälso- och sjukvårdsnämndens presidium.",
        m2m={"owners": principals},
        **dalarna,
    )
    s.responsibilities(council, WELFARE_COUNCIL_RESPONSIBILITIES)
    s.record(
        Seat,
        "valfardsradet-kommunerna",
        body=council,
        side=SeatSide.MUNICIPALITIES,
        appointing_organisation=municipalities,
        role="Samtliga kommuners ordförande i socialnämnd/omsorgsnämnd",
        order=1,
    )
    s.record(
        Seat,
        "valfardsradet-regionen",
        body=council,
        side=SeatSide.REGION,
        appointing_organisation=region,
        role="Hälso- och sjukvårdsnämndens presidium",
        order=2,
    )

    department = s.record(
        Body,
        "avdelningen-for-halsa-och-valfard",
        name="Avdelningen för hälsa och välfärd",
        kind=BodyKind.DEPARTMENT,
        status=BodyStatus.PROPOSED,
        mandate="Avdelning för hälsa och välfärd är en avdelning inom hälso och "
        "sjukvårdsenheten men Hälso-och sjukvårdsdirektör som överordnad chef. Uppdrag till "
        "avdelningen kommer från Välfärdsrådet och/eller chefsnätverket. Verksamheten "
        "finansieras gemensamt av Regionen och länets kommuner.",
        composition="Avdelningen har en avdelningschef och regionala utvecklingsledare. Det "
        "finns ekonomiskt utrymme för tre ordinarie utvecklingsledare som kommer att "
        "rekryteras under 2019.",
        m2m={"owners": [region]},
        **dalarna,
    )
    s.record(
        Seat,
        "avdelningen-for-halsa-och-valfard-avdelningschef",
        body=department,
        side=SeatSide.DEPARTMENT,
        appointing_organisation=region,
        role="Avdelningschef",
        count=1,
        order=1,
    )
    s.record(
        Seat,
        "avdelningen-for-halsa-och-valfard-utvecklingsledare",
        body=department,
        side=SeatSide.DEPARTMENT,
        appointing_organisation=region,
        role="Regionala utvecklingsledare (ordinarie)",
        count=3,
        requirements="Rekryteras under 2019.",
        order=2,
    )

    network = s.record(
        Body,
        "chefsnatverket",
        name="Länsnätverk förvaltningschefer inom hälsa och välfärd",
        short_name="Chefsnätverket",
        kind=BodyKind.OFFICIALS_LEADERSHIP,
        has_decision_mandate=True,
        mandate="Chefsnätverket är den övergripande beslutande instansen som ger mandat till "
        "styrgruppen för att genomföra det utvecklingsarbete som har beslutats att genomföras. "
        "(I utvärderingen: chefsnätverket har inget egentligt beslutsmandat, vilket gör det "
        "svårt i den långsiktiga planeringen.)",
        composition="Kommunerna: Social- omvårdnads- förvaltningschefer från berörda nämnder. "
        "Region Dalarna: Representanter från hälso- sjukvårdsnära verksamhetsområden. "
        "(Utvärderingen: arbetet i chefsnätverket med 30 personer upplevs periodvis "
        "svårhanterligt.)",
        meetings_per_year=9,
        summer_break=True,
        chair_election="Ordförande samt vice ordförande för länsnätverk förvaltningschefer "
        "inom hälsa och välfärd utses av övriga representanter.",
        term_months=12,
        rotation="Uppdragen tidsbegränsas till ett år och växlas mellan kommuner och landstinget.",
        minutes_kept=True,
        personal_participation=True,
        preparatory_meetings="Inför varje möte hålls vid behov förmöte för kommunerna/ "
        "landstinget i syfte att förbereda gemensamma ståndpunkter innan beslut.",
        m2m={"owners": principals},
        **dalarna,
    )
    s.responsibilities(network, HEADS_NETWORK_RESPONSIBILITIES)
    s.record(
        Seat,
        "chefsnatverket-kommunerna",
        body=network,
        side=SeatSide.MUNICIPALITIES,
        appointing_organisation=municipalities,
        role="Social- omvårdnads- förvaltningschefer från berörda nämnder",
        order=1,
    )
    s.record(
        Seat,
        "chefsnatverket-region-dalarna",
        body=network,
        side=SeatSide.REGION,
        appointing_organisation=region,
        role="Representanter från hälso- sjukvårdsnära verksamhetsområden",
        order=2,
    )

    steering = s.record(
        Body,
        "styrgruppen-for-chefsnatverket",
        name="Styrgrupp för chefsnätverket",
        kind=BodyKind.STEERING_GROUP,
        status=BodyStatus.PROPOSED,
        parent=network,
        # It decides which items the heads' network takes up, and is the deciding body
        # of a routing rule (governance.seed.routing).
        has_decision_mandate=True,
        mandate="Syfte med styrgruppen är att den ska fungera som tratt för chefsnätverket så "
        "att de frågor som kommer till chefsnätverket är väl beredda och av strategisk eller "
        "beslutande karaktär. Styrgruppen ska även ansvara för uppföljning av arbetsgrupperna. "
        "Styrgruppen beslutar vilka punkter som ska avhandlas på chefsnätverkets möte; om den "
        "ska ha beslutsmandat i andra frågor är en öppen fråga i förslaget.",
        composition="Kommunerna: Förslagsvis representant från de nationella nätverken NKS-S, "
        "socialchefsnätverket samt ordförande/viceordförande för nätverket. Region Dalarna: "
        "Tre representanter från Region Dalarna varav en är direktören för hälsa och välfärd. "
        "Avd. för hälsa & välfärd: Avdelningschefen för hälsa och välfärd.",
        meetings_per_year=9,
        summer_break=True,
        minutes_kept=True,
        personal_participation=True,
        m2m={"owners": principals},
        **dalarna,
    )
    s.responsibilities(steering, STEERING_GROUP_RESPONSIBILITIES)
    s.record(
        Seat,
        "styrgruppen-for-chefsnatverket-kommunerna",
        body=steering,
        side=SeatSide.MUNICIPALITIES,
        appointing_organisation=municipalities,
        role="Förslagsvis representant från de nationella nätverken NKS-S, "
        "socialchefsnätverket samt ordförande/viceordförande för nätverket",
        order=1,
    )
    s.record(
        Seat,
        "styrgruppen-for-chefsnatverket-region-dalarna",
        body=steering,
        side=SeatSide.REGION,
        appointing_organisation=region,
        role="Representanter från Region Dalarna",
        count=3,
        requirements="Varav en är direktören för hälsa och välfärd.",
        order=2,
    )
    s.record(
        Seat,
        "styrgruppen-for-chefsnatverket-avdelningschef",
        body=steering,
        side=SeatSide.DEPARTMENT,
        role="Avdelningschefen för hälsa och välfärd",
        count=1,
        order=3,
    )

    groups = s.record(
        Body,
        "arbetsgrupper-dalarna",
        name="Arbetsgrupper",
        kind=BodyKind.WORKING_GROUP,
        status=BodyStatus.PROPOSED,
        parent=steering,
        commissioned_by=steering,
        commission_description="Styrgruppen ger en tydlig uppdragsbeskrivning till en "
        "utvecklingsledare för att starta upp en arbetsgrupp. Arbetsgruppens uppdrag är "
        "tidsbestämt; uppdragen är tydligt utformade och har en tidsplanering.",
        mandate="Arbetsgruppernas uppdrag är att arbeta med utveckling inom länet enligt de "
        "beslut som chefsnätverket har fattat. Uppdragen är tydligt utformande och har en "
        "tidsplanering. Arbetsformer: Enligt uppdragsbeskrivning.",
        composition="Utvecklingsledare: En utvecklingsledare finns representerad i varje "
        "arbetsgrupp? Övriga representanter: Utifrån arbetsgruppens sakområde och uppdrag "
        "bemannas arbetsgruppen enligt uppdragsbeskrivning.",
        personal_participation=True,
        m2m={"owners": principals},
        **dalarna,
    )
    s.responsibilities(groups, WORKING_GROUP_RESPONSIBILITIES)
    s.record(
        Seat,
        "arbetsgrupper-dalarna-utvecklingsledare",
        body=groups,
        side=SeatSide.DEPARTMENT,
        role="Utvecklingsledare",
        count=1,
        requirements="En utvecklingsledare finns representerad i varje arbetsgrupp? "
        "(öppen fråga i förslaget)",
        order=1,
    )
    s.record(
        Seat,
        "arbetsgrupper-dalarna-ovriga",
        body=groups,
        side=SeatSide.OTHER,
        role="Övriga representanter utifrån arbetsgruppens sakområde och uppdrag, enligt "
        "uppdragsbeskrivning",
        order=2,
    )

    # The existing regional development groups the evaluation speaks of.
    s.record(
        Body,
        "regionala-utvecklingsgrupper-dalarna",
        name="Regionala utvecklingsgrupper",
        kind=BodyKind.WORKING_GROUP,
        mandate="De regionala utvecklingsgrupperna ger en möjlighet att diskutera frågor som "
        "inte lyfts i andra sammanhang; mötet och diskussionerna mellan kommuner och Landsting "
        "inom sakfrågorna är viktiga att behålla. Det är otydligt vilka frågor som ska beslutas "
        "av chefsnätverket och vilka som ska beslutas inom de regionala utvecklingsgrupperna "
        "(utvärderingens synpunkter).",
        composition="Fem regionala utvecklingsgrupper fanns vid utvärderingen 2017. De mindre "
        "kommunerna har inte alla gånger möjlighet att vara representerade.",
        m2m={"owners": principals},
        **dalarna,
    )

    # The proposal itself --------------------------------------------------------------
    proposal = s.record(
        Agreement,
        "organisationsforslag-dalarna-2019",
        title="Förslag på ny organisation och arbetssätt (första utkast)",
        short_name="Organisationsförslag Dalarna",
        kind=AgreementKind.ORGANISATION_PROPOSAL,
        county=county,
        is_draft=True,
        validity_text="Första utkastet; förslaget tog form i slutet av 2018. Inga "
        "giltighetsdatum anges.",
        background=BACKGROUND,
        purpose=PURPOSE,
    )
    for order, org in enumerate(principals, start=1):
        s.child(
            AgreementParty,
            {"agreement": proposal, "organisation": org},
            role=PartyRole.PRINCIPAL,
            order=order,
        )
    clauses = (
        [("Syfte", text, [], []) for text in AIMS]
        + [("Mål", text, [], []) for text in GOALS]
        + [("Arbetet inom välfärdssamverkan", text, [], []) for text in WELFARE_WORK]
        + [
            ("Struktur och arbetssätt", STRUCTURE, [], [network, steering, groups]),
            ("Politisk organisation", WELFARE_COUNCIL_SECTION, principals, [council]),
            (
                "Organisation avdelningen hälsa och välfärd",
                DEPARTMENT_SECTION,
                principals,
                [department],
            ),
            (
                "Länsnätverk förvaltningschefer inom hälsa och välfärd",
                HEADS_NETWORK_SECTION,
                principals,
                [network],
            ),
            ("Styrgrupp för chefsnätverket", STEERING_GROUP_SECTION, principals, [steering]),
            ("Arbetsgrupper", WORKING_GROUPS_SECTION, [], [groups, steering]),
        ]
    )
    for order, (heading, text, orgs, bodies) in enumerate(clauses, start=1):
        s.record(
            Clause,
            f"organisationsforslag-dalarna-2019-{order}",
            agreement=proposal,
            order=order,
            heading=heading,
            text=text,
            m2m={"organisations": orgs, "bodies": bodies},
        )

    # Funding -------------------------------------------------------------------------------
    s.record(
        Decision,
        "beslut-grundstruktur-dalarna-2015",
        decided_by_text="Landstinget Dalarna och kommunerna i Dalarna",
        year=2015,
        kind=DecisionKind.FUNDING,
        summary="Landstinget Dalarna och kommunerna i Dalarna önskade behålla den stödstruktur "
        "som utvecklats och tog beslut 2015 att årligen finansiera en grundstruktur inom Region "
        "Dalarna med en bemanning om tre tjänster.",
    )
    s.record(
        FundedPosition,
        "grundstruktur-region-dalarna",
        title="Grundstruktur inom Region Dalarna",
        count=3,
        host=region,
        county=county,
        funding_text="Landstinget Dalarna och kommunerna i Dalarna finansierar årligen, "
        "beslut 2015.",
        from_year=2015,
        m2m={"funders": principals},
    )
    s.record(
        FundedPosition,
        "tjanst-region-dalarna",
        title="Tjänst utöver grundstrukturen",
        count=1,
        host=region,
        county=county,
        funding_text="Region Dalarna bidrar utöver dessa med en tjänst.",
        m2m={"funders": [region]},
    )
    s.record(
        FundedPosition,
        "utvecklingsledare-halsa-och-valfard-2019",
        title="Ordinarie utvecklingsledare, avdelningen för hälsa och välfärd",
        count=3,
        host=region,
        county=county,
        funding_text="Det finns ekonomiskt utrymme för tre ordinarie utvecklingsledare som "
        "kommer att rekryteras under 2019. Verksamheten finansieras gemensamt av Regionen och "
        "länets kommuner.",
        from_year=2019,
        m2m={"funders": principals},
    )
    return s.created
