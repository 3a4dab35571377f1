"""Agreements, their parties, clauses, signatories, relations and decisions."""

from __future__ import annotations

import datetime as dt
import itertools

from agreements.models import (
    Agreement,
    AgreementKind,
    AgreementParty,
    AgreementRelation,
    Clause,
    Decision,
    DecisionKind,
    Signatory,
)
from tests.factories.bodies import organisation, person

_n = itertools.count(1)


def agreement(
    title: str | None = None, *, start=dt.date(2016, 1, 1), end=None, in_county=None, **fields
) -> Agreement:
    """A declaration of intent valid from ``start`` to ``end`` (None: open-ended)."""
    fields.setdefault("kind", AgreementKind.DECLARATION_OF_INTENT)
    return Agreement.objects.create(
        title=title or f"Testöverenskommelse {next(_n)}",
        valid_from=start,
        valid_until=end,
        county=in_county,
        **fields,
    )


def party(of: Agreement, org=None, **fields) -> AgreementParty:
    return AgreementParty.objects.create(agreement=of, organisation=org or organisation(), **fields)


def clause(of: Agreement, text: str | None = None, *, bodies=(), organisations=(), **fields):
    made = Clause.objects.create(
        agreement=of, text=text or f"Parterna samverkar {next(_n)}.", **fields
    )
    if bodies:
        made.bodies.add(*bodies)
    if organisations:
        made.organisations.add(*organisations)
    return made


def signatory(of: Agreement, *, who=None, org=None, **fields) -> Signatory:
    fields.setdefault("title", "Ordförande")
    return Signatory.objects.create(
        agreement=of, person=who or person(), organisation=org or organisation(), **fields
    )


def relation(source: Agreement, kind, target: Agreement) -> AgreementRelation:
    return AgreementRelation.objects.create(source=source, kind=kind, target=target)


def decision(by=None, *, summary: str | None = None, **fields) -> Decision:
    """A decision of body ``by`` (dated 2015-12-01 unless a date or year is given)."""
    if "year" not in fields:
        fields.setdefault("date", dt.date(2015, 12, 1))
    return Decision.objects.create(body=by, summary=summary or f"Testbeslut {next(_n)}.", **fields)


def adoption(of: Agreement, by=None, **fields) -> Decision:
    """The decision of ``by`` adopting agreement ``of``."""
    return decision(by, agreement=of, kind=DecisionKind.ADOPTION, **fields)
