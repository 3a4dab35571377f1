"""Which statements of the sources a page shows beside a record."""

from __future__ import annotations

from django.db.models import Q


def statements_for(record) -> list:
    """The statements about ``record``, and every other source's statement on the same
    questions, so that where the documents disagree a page shows all of them."""
    from governance.core.models import Statement

    own = list(Statement.objects.about(record).select_related("source"))
    topics = {s.topic for s in own}
    if not topics:
        return []
    others = (
        Statement.objects.filter(topic__in=topics)
        .exclude(pk__in=[s.pk for s in own])
        .select_related("source")
    )
    return sorted([*own, *others], key=lambda s: (s.topic, s.order, s.pk))


def general_statements():
    """Statements about no single record (e.g. SKL's figures on the county plans), and
    the statements sharing a question with them."""
    from governance.core.models import Statement

    topics = Statement.objects.filter(subject_type__isnull=True).values("topic")
    return (
        Statement.objects.filter(Q(subject_type__isnull=True) | Q(topic__in=topics))
        .select_related("source")
        .order_by("topic", "order", "pk")
    )
