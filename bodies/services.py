"""Time in a body's life: chair rotation, appointments and succession, membership as of a date,
and the terms that are about to end.

Admin, pages, API and management commands call these functions; none of them
repeats the rules.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from bodies.models import (
    Body,
    ChairRotationRule,
    ChairTerm,
    Membership,
    MembershipRole,
    Person,
    SeatSide,
)

ROTATING_SIDES = (SeatSide.MUNICIPALITIES, SeatSide.REGION)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` calendar months on, clamped to the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def other_side(side: str) -> str:
    return SeatSide.REGION if side == SeatSide.MUNICIPALITIES else SeatSide.MUNICIPALITIES


# Chair rotation --------------------------------------------------------------


@dataclass(frozen=True)
class PlannedTerm:
    """One chair or vice-chair term as the rotation rule schedules it."""

    role: str
    side: str
    starts_on: dt.date
    ends_on: dt.date


def rotation_schedule(rule: ChairRotationRule, *, start: dt.date, until: dt.date):
    """The rule's chair and vice-chair terms that overlap ``start``–``until``.

    Terms are counted from ``rule.first_term_starts_on``: term n starts n × term
    length later and ends the day before term n + 1; the chair's side alternates
    from ``first_chair_side``; the vice chair comes from the other side (or the
    same one when the rule says so).
    """
    n, planned = 0, []
    while True:
        starts_on = add_months(rule.first_term_starts_on, n * rule.term_months)
        if starts_on > until:
            return planned
        ends_on = add_months(rule.first_term_starts_on, (n + 1) * rule.term_months) - dt.timedelta(
            days=1
        )
        if ends_on >= start:
            chair_side = rule.first_chair_side if n % 2 == 0 else other_side(rule.first_chair_side)
            vice_side = other_side(chair_side) if rule.vice_chair_from_other_side else chair_side
            planned.append(PlannedTerm(MembershipRole.CHAIR, chair_side, starts_on, ends_on))
            planned.append(PlannedTerm(MembershipRole.VICE_CHAIR, vice_side, starts_on, ends_on))
        n += 1


@dataclass
class GenerationResult:
    created: list[ChairTerm] = field(default_factory=list)
    updated: list[ChairTerm] = field(default_factory=list)
    unchanged: list[ChairTerm] = field(default_factory=list)
    kept: list[ChairTerm] = field(default_factory=list)  # edited by hand, left alone
    removed: int = 0  # generated terms the rule no longer schedules

    @property
    def terms(self) -> list[ChairTerm]:
        return sorted(
            [*self.created, *self.updated, *self.unchanged, *self.kept],
            key=lambda t: (t.starts_on, t.role),
        )


class NoRotationRule(ValueError):
    pass


@transaction.atomic
def generate_chair_terms(
    body: Body, *, years: int, start: dt.date | None = None
) -> GenerationResult:
    """Create or bring up to date the chair and vice-chair terms of ``body`` for ``years``
    years from ``start`` (default: the rule's first term), following its rotation rule.

    Idempotent: running it again changes nothing. A term edited by hand
    (``generated=False``) is never touched, and no generated term is created that
    would overlap it in the same role. Generated terms in the window that the rule
    no longer schedules (the rule was changed) are removed.
    """
    if years < 1:
        raise ValueError(_("Antal år måste vara minst 1."))
    try:
        rule = body.rotation_rule
    except ChairRotationRule.DoesNotExist:
        raise NoRotationRule(
            _("%(body)s har ingen rotationsregel för ordförandeskapet.") % {"body": body}
        ) from None
    start = start or rule.first_term_starts_on
    until = add_months(start, 12 * years) - dt.timedelta(days=1)
    planned = rotation_schedule(rule, start=start, until=until)
    window_start = min((p.starts_on for p in planned), default=start)

    existing = list(
        ChairTerm.objects.select_for_update()
        .filter(body=body, ends_on__gte=window_start, starts_on__lte=until)
        .order_by("starts_on", "role")
    )
    by_key = {(t.role, t.starts_on): t for t in existing if t.generated}
    by_hand = [t for t in existing if not t.generated]
    result = GenerationResult(kept=by_hand)
    wanted = set()
    for plan in planned:
        if any(
            t.role == plan.role and t.starts_on <= plan.ends_on and t.ends_on >= plan.starts_on
            for t in by_hand
        ):
            continue
        wanted.add((plan.role, plan.starts_on))
        term = by_key.get((plan.role, plan.starts_on))
        if term is None:
            term = ChairTerm(body=body, role=plan.role, starts_on=plan.starts_on, generated=True)
            term.side, term.ends_on = plan.side, plan.ends_on
            term.full_clean()
            term.save()
            result.created.append(term)
        elif (term.side, term.ends_on) != (plan.side, plan.ends_on):
            term.side, term.ends_on = plan.side, plan.ends_on
            term.save(update_fields=["side", "ends_on"])
            result.updated.append(term)
        else:
            result.unchanged.append(term)
    stale = [t.pk for key, t in by_key.items() if key not in wanted and t.starts_on >= start]
    if stale:
        result.removed, _ignored = ChairTerm.objects.filter(pk__in=stale).delete()
    return result


@dataclass(frozen=True)
class ChairPeriod:
    """The chair and vice chair of one period, for display."""

    starts_on: dt.date
    ends_on: dt.date
    chair: ChairTerm | None
    vice_chair: ChairTerm | None
    current: bool = False  # the period runs on the day asked about


def chair_periods(body: Body, *, from_day: dt.date, count: int = 5) -> list[ChairPeriod]:
    """The current period and the next ones (at most ``count``), chair beside vice chair."""
    terms = list(
        ChairTerm.objects.filter(body=body, ends_on__gte=from_day)
        .select_related("person")
        .order_by("starts_on", "role")
    )
    periods: dict[dt.date, dict] = {}
    for term in terms:
        slot = periods.setdefault(term.starts_on, {"ends_on": term.ends_on})
        slot[term.role] = term
        slot["ends_on"] = max(slot["ends_on"], term.ends_on)
    return [
        ChairPeriod(
            starts_on=starts_on,
            ends_on=slot["ends_on"],
            chair=slot.get(MembershipRole.CHAIR),
            vice_chair=slot.get(MembershipRole.VICE_CHAIR),
            current=starts_on <= from_day <= slot["ends_on"],
        )
        for starts_on, slot in sorted(periods.items())
    ][:count]


# Term-end warnings ------------------------------------------------------------------


@dataclass(frozen=True)
class TermEnding:
    """A membership or chair term ending soon."""

    kind: str  # "membership" or "chair_term"
    ends_on: dt.date
    body: Body
    role_label: str
    person: Person | None
    side_label: str
    obj: Membership | ChairTerm

    def days_left(self, today: dt.date) -> int:
        return (self.ends_on - today).days


@dataclass(frozen=True)
class TermWarnings:
    """The term ends within ``days`` days, as shown on the start page and in the admin."""

    days: int
    endings: list[TermEnding]

    def __iter__(self):
        return iter(self.endings)

    def __len__(self):
        return len(self.endings)


def term_end_warning_days() -> int:
    """How many days ahead term ends are flagged (setting ``TERM_END_WARNING_DAYS``)."""
    return settings.TERM_END_WARNING_DAYS


def _ending_window(days: int, today: dt.date) -> tuple[dt.date, dt.date]:
    if days < 0:
        raise ValueError(_("Antal dagar kan inte vara negativt."))
    return today, today + dt.timedelta(days=days)


def memberships_ending_within(days: int, today: dt.date, queryset=None):
    """Memberships whose last day falls from ``today`` to ``today + days``."""
    queryset = Membership.objects.all() if queryset is None else queryset
    return queryset.filter(ends_on__range=_ending_window(days, today))


def chair_terms_ending_within(days: int, today: dt.date, queryset=None):
    """Chair and vice-chair terms whose last day falls from ``today`` to ``today + days``."""
    queryset = ChairTerm.objects.all() if queryset is None else queryset
    return queryset.filter(ends_on__range=_ending_window(days, today))


def terms_ending_within(days: int, today: dt.date, *, bodies=None) -> list[TermEnding]:
    """Memberships and chair terms whose last day falls from ``today`` to ``today + days``,
    soonest first. ``bodies`` (a queryset or list) narrows it, e.g. to a county."""
    memberships = memberships_ending_within(days, today).select_related("seat__body", "person")
    terms = chair_terms_ending_within(days, today).select_related("body", "person")
    if bodies is not None:
        memberships = memberships.filter(seat__body__in=bodies)
        terms = terms.filter(body__in=bodies)
    found = [
        TermEnding(
            kind="membership",
            ends_on=m.ends_on,
            body=m.seat.body,
            role_label=m.get_role_display(),
            person=m.person,
            side_label=m.seat.get_side_display(),
            obj=m,
        )
        for m in memberships
    ]
    found += [
        TermEnding(
            kind="chair_term",
            ends_on=t.ends_on,
            body=t.body,
            role_label=t.get_role_display(),
            person=t.person,
            side_label=t.get_side_display(),
            obj=t,
        )
        for t in terms
    ]
    return sorted(found, key=lambda e: (e.ends_on, str(e.body), e.kind, e.role_label))
