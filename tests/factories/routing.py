"""Matters, national initiatives, goals, milestones and routing rules."""

from __future__ import annotations

import datetime as dt
import itertools
from functools import partial
from types import SimpleNamespace

from agreements.models import AgreementKind, RelationKind
from bodies.models import BodyKind, OrganisationKind, Principal
from governance.routing.models import Goal, Initiative, Matter, Milestone, RoutingRule
from governance.routing.services import save_routing_rule
from tests.factories.agreements import adoption, agreement, clause, relation
from tests.factories.bodies import body, county, organisation

_n = itertools.count(1)


def matter(name: str | None = None, **fields) -> Matter:
    return Matter.objects.create(name=name or f"Testärende {next(_n)}", **fields)


def initiative(title: str | None = None, *, about: Matter | None = None, **fields) -> Initiative:
    """A national initiative concerning the municipalities, about matter ``about``."""
    fields.setdefault("concerns", Principal.MUNICIPALITIES)
    return Initiative.objects.create(
        title=title or f"Testsatsning {next(_n)}", matter=about or matter(), **fields
    )


def goal(number: int | None = None, **fields) -> Goal:
    fields.setdefault("text", "Ett mål för de regionala stödstrukturerna.")
    return Goal.objects.create(number=number or next(_n), **fields)


def milestone(year: int = 2016, **fields) -> Milestone:
    fields.setdefault("title", f"Testmilstolpe {next(_n)}")
    fields.setdefault("text", "Något hände nationellt.")
    return Milestone.objects.create(year=year, **fields)


def routing_rule(*, about: Matter | None = None, handlers=(), **fields) -> RoutingRule:
    """A rule saved through the write path that refuses conflicts (``save_routing_rule``):
    by default the municipalities' matters in Västra Götaland, from a clause of a new
    agreement there."""
    fields.setdefault("concerns", Principal.MUNICIPALITIES)
    if "county" not in fields:
        fields["county"] = county("14")
    if "clause" not in fields:
        fields["clause"] = clause(agreement(in_county=fields["county"]))
    rule = RoutingRule(matter=about or matter(), **fields)
    return save_routing_rule(rule, handlers)


def vg_declaration() -> SimpleNamespace:
    """Västra Götaland's declaration of intent of 2016 in miniature, for the rules of routing:
    valid 2016–2018, replacing that of 2013 (2014–2015, adopted by SRO), its renewal decided
    by SRO; clause 2 routes the municipalities' national initiatives to VästKom, clause 3 the
    region's to Koncernkontoret, clause 4 those concerning both to the two jointly, clause 6
    has SRO decide political positions (clause 1 routes nothing). Returns the rows by name."""
    vg = county("14")
    sro = body("Politiska samrådsorganet", short_name="SRO", in_county=vg)
    made = SimpleNamespace(county=vg, sro=sro)
    made.vastkom = organisation(
        "Västsvenska kommunalförbundens samorganisation",
        short_name="VästKom",
        kind=OrganisationKind.MUNICIPAL_FEDERATION,
        in_county=vg,
    )
    made.koncernkontoret = organisation(
        "Koncernkontoret", kind=OrganisationKind.DEPARTMENT, in_county=vg
    )
    made.declaration = agreement(
        "Avsiktsförklaring VG 2016",
        start=dt.date(2016, 1, 1),
        end=dt.date(2018, 12, 31),
        in_county=vg,
        renewal_body=sro,
    )
    # It replaced the declaration of 2013 (2014–2015), which SRO adopted on 2013-09-27.
    made.predecessor = agreement(
        "Avsiktsförklaring VG 2013",
        start=dt.date(2014, 1, 1),
        end=dt.date(2015, 12, 31),
        in_county=vg,
    )
    relation(made.declaration, RelationKind.REPLACES, made.predecessor)
    made.adoption = adoption(made.predecessor, sro, date=dt.date(2013, 9, 27))
    made.clauses = {
        order: clause(made.declaration, order=order, text=text)
        for order, text in [
            (1, "att utveckla en gemensam struktur för kunskapsutveckling"),
            (2, "att nationella satsningar för kommunerna hanteras via VästKom"),
            (3, "att nationella satsningar inom regionen hanteras via Koncernkontoret"),
            (4, "att VästKom och Koncernkontoret gemensamt bevakar satsningar som berör båda"),
            (6, "att övergripande politiska ställningstaganden görs i SRO"),
        ]
    }
    made.initiatives = matter("Nationell satsning")
    made.positions = matter("Politiskt ställningstagande")
    rule = partial(routing_rule, county=vg, about=made.initiatives)
    made.municipalities = rule(
        concerns=Principal.MUNICIPALITIES,
        clause=made.clauses[2],
        priority=10,
        handlers=[made.vastkom],
    )
    made.region = rule(
        concerns=Principal.REGION,
        clause=made.clauses[3],
        priority=20,
        handlers=[made.koncernkontoret],
    )
    made.both = rule(
        concerns=Principal.BOTH,
        clause=made.clauses[4],
        priority=30,
        handlers=[made.koncernkontoret, made.vastkom],
    )
    made.political = routing_rule(
        about=made.positions,
        concerns=Principal.ANY,
        county=vg,
        clause=made.clauses[6],
        priority=10,
        deciding_body=sro,
    )
    return made


def dalarna_proposal() -> SimpleNamespace:
    """Dalarna's organisation proposal of 2019 in miniature: a draft without dates, whose
    rules apply from 2019-01-01 by their own date (a draft lends none): the heads' network
    decides the start or end of a working group, its steering group writes the commission,
    Välfärdsrådet takes political initiatives that region and municipalities handle."""
    dalarna = county("20")
    made = SimpleNamespace(county=dalarna)
    made.proposal = agreement(
        "Förslag på ny organisation (utkast)",
        start=None,
        in_county=dalarna,
        kind=AgreementKind.ORGANISATION_PROPOSAL,
        is_draft=True,
    )
    made.network = body("Chefsnätverket", in_county=dalarna)
    made.steering = body("Styrgruppen för chefsnätverket", in_county=dalarna)
    made.council = body("Välfärdsrådet", kind=BodyKind.POLITICAL, in_county=dalarna)
    made.region = organisation("Region Dalarna", in_county=dalarna)
    made.municipalities = organisation(
        "Kommunerna i Dalarna", kind=OrganisationKind.OTHER, in_county=dalarna
    )
    made.working_groups = matter("Start eller avslut av arbetsgrupp")
    made.commissions = matter("Uppdragsbeskrivning för arbetsgrupp")
    made.political = matter("Politiskt initiativ")
    explanation = (
        "Organisationsförslaget är ett utkast som inte är antaget; regeln gäller från 2019."
    )
    rule = partial(
        routing_rule,
        concerns=Principal.ANY,
        county=dalarna,
        valid_from=dt.date(2019, 1, 1),
        explanation=explanation,
    )
    made.rules = [
        rule(
            about=made.working_groups,
            clause=clause(made.proposal, order=16),
            deciding_body=made.network,
        ),
        rule(
            about=made.commissions,
            clause=clause(made.proposal, order=17),
            deciding_body=made.steering,
        ),
        rule(
            about=made.political,
            clause=clause(made.proposal, order=14),
            deciding_body=made.council,
            handlers=[made.region, made.municipalities],
        ),
    ]
    return made
