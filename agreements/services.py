"""Writes on agreements that span several rows, used by the admin, the API and commands alike."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from agreements.models import Agreement, AgreementParty, AgreementRelation, Clause, RelationKind
from governance.core import scope
from governance.core.concurrency import lock_unchanged, lock_writes
from governance.core.dates import add_days

SUCCESSOR_KINDS = (RelationKind.REPLACES, RelationKind.RENEWS)

# What a successor takes over from its predecessor unasked; title, type, dates and the
# parts to carry over are the coordinator's choice (``SuccessorPlan``).
COPIED_FIELDS = (
    "county",
    "renewal_type",
    "notice_period_days",
    "renewal_body",
    "renewal_text",
    "background",
    "purpose",
)

YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


@dataclass(frozen=True)
class SuccessorPlan:
    """What the coordinator asked for: the successor's own facts and what it carries over."""

    kind: str
    title: str
    agreement_kind: str
    valid_from: dt.date | None
    valid_until: dt.date | None
    short_name: str = ""
    is_draft: bool = False
    parties: bool = True
    clauses: bool = True


@dataclass
class Successor:
    """A successor as it will be (preview: nothing saved) or as it was saved."""

    agreement: Agreement
    relation: AgreementRelation
    parties: list = field(default_factory=list)  # AgreementParty
    clauses: list = field(default_factory=list)  # (Clause, old Clause)
    # Copied clauses whose text names a year of the predecessor's period: (clause, years).
    old_period_clauses: list = field(default_factory=list)

    def carried(self) -> list[str]:
        """What was (or will be) carried over, one phrase each."""
        return [
            _("%(n)d parter") % {"n": len(self.parties)},
            _("%(n)d klausuler") % {"n": len(self.clauses)},
        ]

    def summary(self) -> str:
        """What was (or will be) carried over, in one sentence."""
        parts = self.carried()
        return _("Kopierat från %(old)s: %(parts)s.") % {
            "old": self.relation.target,
            "parts": ", ".join(parts),
        }

    def review_sentence(self) -> str:
        """Which copied clauses still speak of the old period ('' when none)."""
        if not self.old_period_clauses:
            return ""
        return _("Granska klausulerna som nämner den gamla perioden: %(list)s.") % {
            "list": "; ".join(
                _("§%(order)s (%(years)s)")
                % {"order": clause.order, "years": ", ".join(str(y) for y in years)}
                for clause, years in self.old_period_clauses
            )
        }


def period_years(agreement: Agreement) -> set[int]:
    """The calendar years an agreement's own validity spans (empty without dates)."""
    start, end = agreement.valid_from, agreement.valid_until
    if start is None:
        return set()
    return set(range(start.year, (end or start).year + 1))


def years_named(text: str, years: set[int]) -> list[int]:
    """Which of ``years`` ``text`` names, in order."""
    return sorted({int(y) for y in YEAR.findall(text)} & years)


def next_period(agreement: Agreement) -> tuple[dt.date | None, dt.date | None]:
    """The period right after ``agreement``'s, as long as it (whole years stay whole years)."""
    start, end = agreement.valid_from, agreement.valid_until
    if end is None:
        return None, None
    new_start = add_days(end, 1)
    if start is None:
        return new_start, None
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return new_start, dt.date(min(end.year + (end.year - start.year + 1), 9999), 12, 31)
    return new_start, add_days(new_start, (end - start).days)


def _shift_years(text: str, years: set[int], offset: int) -> str:
    return YEAR.sub(
        lambda m: str(int(m.group()) + offset) if int(m.group()) in years else m.group(), text
    )


def successor_initial(agreement: Agreement, kind: str = RelationKind.REPLACES) -> dict:
    """The successor form's starting facts: the predecessor's, moved to the next period (the
    form carries every part over unless the coordinator says otherwise)."""
    valid_from, valid_until = next_period(agreement)
    offset = (
        (valid_from.year - agreement.valid_from.year) if valid_from and agreement.valid_from else 0
    )
    years = period_years(agreement)
    return {
        "kind": kind,
        "title": _shift_years(agreement.title, years, offset),
        "short_name": _shift_years(agreement.short_name, years, offset),
        "agreement_kind": agreement.kind,
        "valid_from": valid_from,
        "valid_until": valid_until,
        "is_draft": False,
    }


def _shift(day: dt.date, old_start: dt.date | None, new_start: dt.date | None) -> dt.date:
    """``day`` moved as far as the period's start moved: by whole years where the starts
    share a day of the year (1 March stays 1 March across a leap year), else by days."""
    if old_start is None or new_start is None:
        return day
    if (old_start.month, old_start.day) == (new_start.month, new_start.day):
        year = min(max(day.year + new_start.year - old_start.year, 1), 9999)
        try:
            return day.replace(year=year)
        except ValueError:  # 29 February in a common year
            return day.replace(year=year, day=28)
    return add_days(day, (new_start - old_start).days)


def moved_into(day: dt.date | None, old_start, start, end) -> dt.date | None:
    """A rule's own date moved to the new period, kept inside it."""
    if day is None:
        return None
    day = _shift(day, old_start, start)
    if start is not None and day < start:
        day = start
    if end is not None and day > end:
        day = end
    return day


def check_scope(by, obj) -> None:
    if by is not None:
        scope.check_write(by, obj)


def plan_successor(agreement: Agreement, plan: SuccessorPlan, *, by=None) -> Successor:
    """The successor ``plan`` describes, validated and checked against ``by``'s scope, unsaved.

    The preview shows this; ``register_successor`` saves exactly this.
    """
    if plan.kind not in SUCCESSOR_KINDS:
        raise ValueError(f"a successor replaces or renews, not {plan.kind!r}")
    check_scope(by, agreement)
    drafts = [s for s in agreement.successors() if s.is_draft]
    if drafts:
        raise ValidationError(
            _("Det finns redan ett utkast till efterföljare: %(draft)s.") % {"draft": drafts[0]}
        )
    new = Agreement(
        title=plan.title,
        short_name=plan.short_name,
        kind=plan.agreement_kind,
        valid_from=plan.valid_from,
        valid_until=plan.valid_until,
        is_draft=plan.is_draft,
        **{name: getattr(agreement, name) for name in COPIED_FIELDS},
    )
    new.full_clean(exclude=["slug"])
    check_scope(by, new)
    successor = Successor(
        agreement=new, relation=AgreementRelation(source=new, kind=plan.kind, target=agreement)
    )
    if plan.parties:
        successor.parties = [
            AgreementParty(agreement=new, organisation=p.organisation, role=p.role, order=p.order)
            for p in agreement.party_links.select_related("organisation")
        ]
    if plan.clauses:
        years = period_years(agreement) - period_years(new)
        for old in agreement.clauses.all():
            copy = Clause(agreement=new, order=old.order, heading=old.heading, text=old.text)
            successor.clauses.append((copy, old))
            named = years_named(f"{old.heading} {old.text}", years)
            if named:
                successor.old_period_clauses.append((copy, named))
    return successor


@transaction.atomic
def register_successor(
    agreement: Agreement, plan: SuccessorPlan, *, by=None, expected_version: int | None = None
) -> Successor:
    """Save the successor of ``agreement`` that ``plan`` describes, all or nothing.

    The new agreement is linked to ``agreement`` by an ``AgreementRelation`` of
    ``plan.kind``; parties and clauses (with the organisations and bodies they name) are
    copied as chosen (the clauses' routing rules: ``governance.routing.successor``). Every
    row is validated as the admin and the API validate it and checked against ``by``'s
    scope (``scope.check_write``).
    ``expected_version``: the version of ``agreement`` the coordinator saw; a change
    made since is refused (``StaleVersion``) rather than copied unseen.
    """
    if expected_version is not None:
        lock_unchanged(agreement, expected_version=expected_version)
    lock_writes(AgreementRelation)
    successor = plan_successor(agreement, plan, by=by)
    new = successor.agreement
    new.save()
    for party in successor.parties:
        party.agreement = new
        party.full_clean()
        check_scope(by, party)
        party.save()
    for clause, old in successor.clauses:
        clause.agreement = new
        clause.full_clean(exclude=["slug"])
        check_scope(by, clause)
        clause.save()
        clause.organisations.set(old.organisations.all())
        clause.bodies.set(old.bodies.all())
    relation = successor.relation
    relation.source = new
    relation.full_clean()
    check_scope(by, relation)
    relation.save()
    return successor
