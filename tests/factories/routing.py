"""Matters, national initiatives and routing rules."""

from __future__ import annotations

import itertools

from bodies.models import Principal
from governance.routing.models import Initiative, Matter, RoutingRule
from governance.routing.services import save_routing_rule
from tests.factories.agreements import agreement, clause
from tests.factories.bodies import county

_n = itertools.count(1)


def matter(name: str | None = None, **fields) -> Matter:
    return Matter.objects.create(name=name or f"Testärende {next(_n)}", **fields)


def initiative(title: str | None = None, *, about: Matter | None = None, **fields) -> Initiative:
    """A national initiative concerning the municipalities, about matter ``about``."""
    fields.setdefault("concerns", Principal.MUNICIPALITIES)
    return Initiative.objects.create(
        title=title or f"Testsatsning {next(_n)}", matter=about or matter(), **fields
    )


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
