"""Writes on agreements that span several rows, used by the admin, the API and commands alike."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from agreements.models import Agreement, AgreementParty, AgreementRelation, Clause, RelationKind
from governance import scope
from governance.concurrency import lock_writes

SUCCESSOR_KINDS = (RelationKind.REPLACES, RelationKind.RENEWS)

# What a successor takes over from its predecessor; dates, number and status are new.
COPIED_FIELDS = (
    "title",
    "kind",
    "county",
    "renewal_type",
    "notice_period_days",
    "renewal_body",
    "renewal_text",
    "background",
    "purpose",
)


@transaction.atomic
def create_successor(
    agreement: Agreement, *, kind: str = RelationKind.REPLACES, by=None
) -> Agreement:
    """A draft that replaces or renews ``agreement``: same parties and clauses, for editing.

    The draft is linked to ``agreement`` by an ``AgreementRelation`` of ``kind``;
    being a draft, it changes nothing about the predecessor's status until it is
    published with its own dates. ``by`` (a user) must be allowed to write the
    draft and the relation (``scope.check_write``: the county of both agreements).
    """
    if kind not in SUCCESSOR_KINDS:
        raise ValueError(f"a successor replaces or renews, not {kind!r}")
    if by is not None:
        scope.check_write(by, agreement)
    existing = [s for s in agreement.successors() if s.is_draft]
    if existing:
        raise ValidationError(
            _("Det finns redan ett utkast till efterföljare: %(draft)s.") % {"draft": existing[0]}
        )

    successor = Agreement(
        is_draft=True,
        **{name: getattr(agreement, name) for name in COPIED_FIELDS},
    )
    successor.full_clean(exclude=["slug"])
    if by is not None:
        scope.check_write(by, successor)
    successor.save()

    AgreementParty.objects.bulk_create(
        AgreementParty(
            agreement=successor, organisation_id=p.organisation_id, role=p.role, order=p.order
        )
        for p in agreement.party_links.all()
    )
    for clause in agreement.clauses.prefetch_related("organisations", "bodies"):
        copy = Clause.objects.create(
            agreement=successor, order=clause.order, heading=clause.heading, text=clause.text
        )
        copy.organisations.set(clause.organisations.all())
        copy.bodies.set(clause.bodies.all())

    lock_writes(AgreementRelation)
    relation = AgreementRelation(source=successor, kind=kind, target=agreement)
    relation.full_clean()
    if by is not None:
        scope.check_write(by, relation)
    relation.save()
    return successor
