"""Reads about a body's place among others that several pages need."""

from __future__ import annotations

from django.db.models import Q

from bodies.models import Body


def bodies_deciding_together(body: Body):
    """Other bodies that decide with ``body`` on the same agreements: both took a decision on
    one agreement (e.g. LiSA and SRO adopting the same declaration of intent), or the agreement's
    routing rules give each of them a kind of matter to decide."""
    from agreements.models import Agreement

    shared = Agreement.objects.filter(
        Q(decisions__body=body) | Q(clauses__routing_rules__deciding_body=body)
    )
    return (
        Body.objects.filter(
            Q(decisions__agreement__in=shared) | Q(routing_rules__clause__agreement__in=shared)
        )
        .exclude(pk=body.pk)
        .distinct()
        .order_by("name")
    )
