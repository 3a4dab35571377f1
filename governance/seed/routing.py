"""Routing rules (hanteringsregler) taken from the agreements' clauses.

Västra Götaland (seed 000): the declaration of intent 2016 lists seven "att …"
clauses. Clauses 2–6 route matters and become rules here. Clause 1 (develop a
common county-level structure during 2016) and clause 7 (develop the forms of
collaboration with trust) are intentions, not routing: they name no matter,
handler or deciding body, so they get no rule. The VG rules carry no dates of
their own: they apply as long as the declaration does, up to and including
2018-12-31; after that the declaration's renewal body (SRO) must decide.

Dalarna (seed 004): the organisation proposal 2019 gives the mandate flow
heads' network → steering group → working group, and Välfärdsrådet's political
initiatives. The proposal is a first draft, never adopted in the documents, so
its own validity would make these rules never apply. They are given an explicit
start of 2019-01-01 (the proposal describes the organisation taking shape with
the new region and the recruitments of 2019) and no end, so that the mandate
flow can be asked about; every answer built on them says it rests on a draft,
and each rule's explanation says why. Change the dates when a decision exists.

Records are looked up by the stable slugs of the earlier seed steps. Clauses of
the Dalarna proposal are reused when a clause with the passage already exists,
otherwise created with the next free order (slug ``<agreement>-<order>``).
"""

from __future__ import annotations

import datetime as dt

VG_AGREEMENT = "avsiktsforklaring-vg-2016"
DALARNA_AGREEMENT = "organisationsforslag-dalarna-2019"
DALARNA_START = dt.date(2019, 1, 1)

# (clause order, matter, concerns, handlers, deciding body, priority, explanation)
VG_RULES = [
    (
        2,
        "nationell-satsning",
        "municipalities",
        ["vastkom"],
        None,
        10,
        "Nationella satsningar som avser länet för Västra Götalands kommuner hanteras via VästKom.",
    ),
    (
        3,
        "nationell-satsning",
        "region",
        ["koncernkontoret"],
        None,
        20,
        "Nationella satsningar som avser länet inom Västra Götalandsregionen hanteras via "
        "Koncernkontoret.",
    ),
    (
        4,
        "nationell-satsning",
        "both",
        ["vastkom", "koncernkontoret"],
        None,
        30,
        "VästKom och Koncernkontoret har gemensamt ansvar för att i nära samverkan bevaka "
        "nationella satsningar som berör båda organisationerna.",
    ),
    (
        5,
        "fordelning-av-nationella-medel",
        "any",
        [],
        "lisa",
        10,
        "Beslut om hantering och fördelning av nationella länsgemensamma satsningar fattas i "
        "LiSA. Gäller oavsett vilka huvudmän satsningen berör: de är länsgemensamma.",
    ),
    (
        5,
        "lansovergripande-stallningstagande",
        "any",
        [],
        "lisa",
        10,
        "Länsövergripande och samverkansstrategiska ställningstaganden görs i LiSA.",
    ),
    (
        6,
        "politiskt-stallningstagande",
        "any",
        [],
        "sro",
        10,
        "Övergripande politiska ställningstaganden fattas i SRO, det politiska samrådsorganet "
        "mellan VästKoms och Västra Götalandsregionens politiska ledningar.",
    ),
]

DRAFT_NOTE = (
    " Organisationsförslaget är ett första utkast som inte är antaget. Regeln gäller i "
    "registret från 2019-01-01, då förslaget beskriver organisationen som tar form med "
    "regionbildningen och rekryteringarna 2019, och tills vidare, så att mandatflödet går att "
    "fråga efter. Svaren anger att de bygger på ett utkast. Ändra datumen när beslut finns."
)

DALARNA_START_BASIS = (
    "Startdatumet är härlett: förslaget anger inget datum. Registret räknar från "
    "2019-01-01, då förslaget beskriver organisationen som tar form med regionbildningen "
    "och rekryteringarna under 2019."
)

# (passage to find or create, heading, matter, concerns, handlers, deciding body, explanation)
DALARNA_RULES = [
    (
        "Besluta om uppstart och avslut av arbetsgrupp",
        "Länsnätverk förvaltningschefer inom hälsa och välfärd",
        "start-eller-avslut-av-arbetsgrupp",
        "any",
        [],
        "chefsnatverket",
        "Chefsnätverket är den övergripande beslutande instansen och beslutar om uppstart och "
        "avslut av arbetsgrupper.",
    ),
    (
        "Ansvarar för att en tydlig uppdragsbeskrivning upprättas enligt nätverkets beslut",
        "Styrgrupp för chefsnätverket",
        "uppdragsbeskrivning-for-arbetsgrupp",
        "any",
        [],
        "styrgruppen-for-chefsnatverket",
        "Styrgruppen upprättar uppdragsbeskrivningen enligt chefsnätverkets beslut, ger den till "
        "ansvarig utvecklingsledare när arbetsgruppen startar och följer upp arbetsgrupperna.",
    ),
    (
        "Välfärdsrådet ska i sina respektive organisationer ta initiativ till de politiska "
        "insatser som rådets kunskapsinhämtning föranleder.",
        "Politisk organisation",
        "politiskt-initiativ",
        "any",
        ["region-dalarna", "kommunerna-i-dalarna"],
        "valfardsradet",
        "Välfärdsrådet tar initiativ till politiska insatser; initiativen tas i ledamöternas "
        "respektive organisationer, Region Dalarna och länets kommuner.",
    ),
]


def _matter(slug):
    from governance.models import Matter

    return Matter.objects.get(slug=slug)


def _add_rule(
    *,
    clause,
    county,
    matter_slug,
    concerns,
    handlers,
    deciding,
    priority,
    explanation,
    valid_from=None,
    basis_note="",
) -> int:
    from bodies.models import Body, Organisation
    from governance.models import RoutingRule
    from governance.routing import save_routing_rule

    matter = _matter(matter_slug)
    if RoutingRule.objects.filter(
        clause=clause, matter=matter, county=county, concerns=concerns
    ).exists():
        return 0
    rule = RoutingRule(
        slug=f"{clause.slug}-{matter.slug}",
        clause=clause,
        matter=matter,
        county=county,
        concerns=concerns,
        deciding_body=Body.objects.get(slug=deciding) if deciding else None,
        priority=priority,
        explanation=explanation,
        valid_from=valid_from,
        valid_from_basis="inferred" if basis_note else "stated",
        basis_note=basis_note,
        source_id=clause.source_id or clause.agreement.source_id,
    )
    save_routing_rule(rule, [Organisation.objects.get(slug=s) for s in handlers])
    return 1


def _load_vg() -> int:
    from agreements.models import Agreement, Clause
    from bodies.models import County

    agreement = Agreement.objects.filter(slug=VG_AGREEMENT).first()
    if agreement is None:
        return 0
    county = agreement.county or County.objects.get(code="14")
    created = 0
    for order, matter, concerns, handlers, deciding, priority, explanation in VG_RULES:
        clause = Clause.objects.get(agreement=agreement, order=order)
        created += _add_rule(
            clause=clause,
            county=county,
            matter_slug=matter,
            concerns=concerns,
            handlers=handlers,
            deciding=deciding,
            priority=priority,
            explanation=explanation,
        )
    return created


def _dalarna_clause(agreement, passage: str, heading: str, body_slug: str):
    from django.db.models import Max

    from agreements.models import Clause

    # The passage may be stored with or without its final full stop.
    found = agreement.clauses.filter(text__icontains=passage.rstrip(".")).order_by("order").first()
    if found:
        return found
    from bodies.models import Body

    order = (agreement.clauses.aggregate(m=Max("order"))["m"] or 0) + 1
    clause = Clause.objects.create(
        agreement=agreement,
        order=order,
        slug=f"{agreement.slug}-{order}",
        heading=heading,
        text=passage,
        source_id=agreement.source_id,
    )
    clause.bodies.add(Body.objects.get(slug=body_slug))
    return clause


def _load_dalarna() -> int:
    from agreements.models import Agreement
    from bodies.models import County

    agreement = Agreement.objects.filter(slug=DALARNA_AGREEMENT).first()
    if agreement is None:
        return 0
    county = agreement.county or County.objects.get(code="20")
    created = 0
    for passage, heading, matter, concerns, handlers, deciding, explanation in DALARNA_RULES:
        clause = _dalarna_clause(agreement, passage, heading, deciding)
        created += _add_rule(
            clause=clause,
            county=county,
            matter_slug=matter,
            concerns=concerns,
            handlers=handlers,
            deciding=deciding,
            priority=10,
            explanation=f"{explanation} Förslaget: ”{passage.rstrip('.')}”.{DRAFT_NOTE}",
            valid_from=DALARNA_START,
            basis_note=DALARNA_START_BASIS,
        )
    return created


def load() -> int:
    """Create the routing rules that are missing; an agreement not seeded yet is skipped."""
    return _load_vg() + _load_dalarna()
