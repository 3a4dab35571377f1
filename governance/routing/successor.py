"""A successor's routing rules: the rules of the old agreement's clauses, copied onto the
successor's clauses with their own dates moved to the new period.

``agreements.services`` registers the successor itself (the agreement, its parties and
clauses and the relation to the old one); routing rules build on clauses, so this package
adds them, in the same transaction, through the one write service ``save_routing_rule``.
The admin's "Registrera efterföljare" calls these functions (``governance.routing.admin``).
"""

from __future__ import annotations

import dataclasses

from django.db import transaction
from django.utils.translation import gettext as _

from agreements import services as agreement_services
from agreements.models import Agreement
from governance.routing.models import RoutingRule
from governance.routing.services import save_routing_rule


@dataclasses.dataclass(frozen=True)
class SuccessorPlan(agreement_services.SuccessorPlan):
    routing_rules: bool = True


@dataclasses.dataclass
class Successor(agreement_services.Successor):
    rules: list = dataclasses.field(default_factory=list)  # (RoutingRule, handlers)

    def carried(self) -> list[str]:
        return [*super().carried(), _("%(n)d hanteringsregler") % {"n": len(self.rules)}]


def _with_rules(agreement: Agreement, base, plan: SuccessorPlan, by) -> Successor:
    """``base`` with the old clauses' routing rules copied onto its clauses, unsaved."""
    successor = Successor(**{f.name: getattr(base, f.name) for f in dataclasses.fields(base)})
    if not (plan.clauses and plan.routing_rules):
        return successor
    copies = {old.pk: copy for copy, old in successor.clauses}
    rules = (
        RoutingRule.objects.filter(clause__agreement=agreement)
        .select_related("matter", "county", "deciding_body")
        .prefetch_related("handlers")
        .order_by("clause__order", "priority", "pk")
    )
    for old in rules:

        def moved(day, old=old):
            return agreement_services.moved_into(
                day, agreement.valid_from, plan.valid_from, plan.valid_until
            )

        rule = RoutingRule(
            matter=old.matter,
            concerns=old.concerns,
            county=old.county,
            deciding_body=old.deciding_body,
            priority=old.priority,
            clause=copies[old.clause_id],
            valid_from=moved(old.valid_from),
            valid_until=moved(old.valid_until),
            valid_from_basis=old.valid_from_basis,
            basis_note=old.basis_note,
            explanation=old.explanation,
        )
        agreement_services.check_scope(by, rule)
        successor.rules.append((rule, list(old.handlers.all())))
    return successor


def plan_successor(agreement: Agreement, plan: SuccessorPlan, *, by=None) -> Successor:
    """The successor ``plan`` describes, its clauses' routing rules included, unsaved."""
    return _with_rules(
        agreement, agreement_services.plan_successor(agreement, plan, by=by), plan, by
    )


@transaction.atomic
def register_successor(
    agreement: Agreement, plan: SuccessorPlan, *, by=None, expected_version: int | None = None
) -> Successor:
    """Save the successor ``plan`` describes and its clauses' routing rules, all or nothing:
    a rule that contradicts another is refused, naming it, and nothing is saved."""
    base = agreement_services.register_successor(
        agreement, plan, by=by, expected_version=expected_version
    )
    successor = _with_rules(agreement, base, plan, by)
    for rule, handlers in successor.rules:
        save_routing_rule(rule, handlers, user=by)
    return successor
