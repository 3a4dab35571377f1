"""Reads about a body's place among others, for the body's page: they span decisions
(agreements) and routing rules (routing), so they are the site's."""

from __future__ import annotations

from django.db.models import Q

from agreements.models import Clause, Decision
from bodies.models import Body
from governance.routing.models import RoutingRule


def bodies_deciding_together(body: Body):
    """Other bodies that decide with ``body`` on the same agreements: both took a decision on
    one agreement (e.g. LiSA and SRO adopting the same declaration of intent), or the agreement's
    routing rules give each of them a kind of matter to decide."""
    # The agreements in common, once, as keys: joining bodies to every decision and routing
    # rule and filtering afterwards made PostgreSQL join 100,000 decisions on a large registry.
    shared = (
        Decision.objects.filter(body=body, agreement__isnull=False)
        .values("agreement_id")
        .union(Clause.objects.filter(routing_rules__deciding_body=body).values("agreement_id"))
    )
    return (
        Body.objects.filter(
            Q(pk__in=Decision.objects.filter(agreement_id__in=shared).values("body_id"))
            | Q(
                pk__in=RoutingRule.objects.filter(clause__agreement_id__in=shared).values(
                    "deciding_body_id"
                )
            )
        )
        .exclude(pk=body.pk)
        .order_by("name")
    )
