"""When must the renewal body decide, at the latest, for an agreement that needs an express renewal?

The answer is a meeting: the last one of the renewal body that falls on or before the
day the agreement lapses minus its notice period. Entered meetings are used when the
body has any in the year up to that day; otherwise the meetings are estimated from the
body's rhythm (meetings a year, spread over the months, none in June–August when it
takes a summer break), and the answer says it is an estimate.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace
from typing import NamedTuple

from django.db.models import DateField, Exists, ExpressionWrapper, F, OuterRef
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from agreements.models import (
    SUPERSEDING_RELATIONS,
    Agreement,
    AgreementRelation,
    RenewalType,
    runs_through,
    supersedes_it,
)
from bodies.models import Body, Meeting
from governance.core.dates import add_days

SUMMER_MONTHS = (6, 7, 8)
# How far back from the last possible day entered meetings count as "the body's meetings".
MEETING_WINDOW_DAYS = 365
# How far before the latest possible day a deadline can fall: an entered meeting lies
# within MEETING_WINDOW_DAYS, an estimated one at most a year and a weekend shift before it
# (every rhythm has a meeting each year), and without either it is the day itself.
DEADLINE_REACH_DAYS = MEETING_WINDOW_DAYS + 7
LONG_TEXTS = (
    "background",
    "purpose",
    "renewal_text",
    "renewal_body__mandate",
    "renewal_body__composition",
    "renewal_body__chair_election",
    "renewal_body__rotation",
    "renewal_body__preparatory_meetings",
    "renewal_body__commission_description",
)


class Basis:
    MEETING = "meeting"  # an entered meeting
    RHYTHM = "rhythm"  # estimated from meetings_per_year / summer_break
    NO_MEETINGS = "no_meetings"  # neither: the last possible day itself


@dataclass(frozen=True)
class RenewalDeadline:
    """The last meeting at which ``body`` can decide to renew ``agreement``."""

    agreement: Agreement
    body: Body
    date: dt.date
    estimated: bool
    lapses_on: dt.date  # the agreement's last day (extensions included)
    latest_day: dt.date  # lapses_on minus the notice period
    basis: str
    meeting: Meeting | None = None

    @property
    def sentence(self) -> str:
        """E.g. 'SRO måste besluta senast vid sitt möte den 14 december 2018.' (as of today)."""
        return self.sentence_on(timezone.localdate())

    def sentence_on(self, day: dt.date) -> str:
        """The deadline as said on ``day``: in the past tense once it has passed."""
        when = date_format(self.date, "j F Y")
        values = {"body": self.body, "date": when}
        past = self.is_past(day)
        if self.basis == Basis.NO_MEETINGS:
            if past:
                return (
                    _(
                        "%(body)s skulle ha beslutat senast den %(date)s "
                        "(inga möten eller mötesrytm inlagda)."
                    )
                    % values
                )
            return (
                _(
                    "%(body)s måste besluta senast den %(date)s (inga möten eller mötesrytm inlagda)."
                )
                % values
            )
        if past:
            text = _("%(body)s skulle ha beslutat senast vid sitt möte den %(date)s.") % values
        else:
            text = _("%(body)s måste besluta senast vid sitt möte den %(date)s.") % values
        if self.estimated:
            text += " " + _("Datumet är uppskattat utifrån organets mötesrytm.")
        return text

    @property
    def notice_sentence(self) -> str:
        """What the notice period means for the decision (as of today); '' without one."""
        return self.notice_sentence_on(timezone.localdate())

    def notice_sentence_on(self, day: dt.date) -> str:
        if self.latest_day == self.lapses_on:
            return ""
        values = {
            "notice": self.agreement.notice_period_days,
            "latest": self.latest_day.isoformat(),
        }
        if self.latest_day < day:
            return (
                _(
                    "Med %(notice)s dagars uppsägningstid skulle beslutet ha fattats senast %(latest)s."
                )
                % values
            )
        return (
            _("Med %(notice)s dagars uppsägningstid måste beslutet fattas senast %(latest)s.")
            % values
        )

    def __str__(self):
        return self.sentence

    def is_past(self, today: dt.date) -> bool:
        return self.date < today

    def days_left(self, today: dt.date) -> int:
        return (self.date - today).days


class Rhythm(NamedTuple):
    """All that an estimate reads of a body: a read path over many agreements passes this
    instead of building a ``Body`` for each."""

    meetings_per_year: int | None
    summer_break: bool


def rhythm_meetings(body: Body | Rhythm, year: int) -> list[dt.date]:
    """Estimated meeting days of ``body`` in ``year`` from its rhythm ([] without one).

    ``meetings_per_year`` are spread evenly over the months (June–August left out
    when the body takes a summer break), evenly within a month when it has several,
    and a meeting that would fall on a weekend moves back to the Friday.
    """
    return list(_rhythm(body.meetings_per_year or 0, bool(body.summer_break), year))


@lru_cache(maxsize=512)
def _rhythm(n: int, summer_break: bool, year: int) -> tuple[dt.date, ...]:
    # A pure function of the rhythm and the year: a list of many deadlines asks for the
    # same few combinations over and over.
    if n <= 0:
        return ()
    months = [m for m in range(1, 13) if not (summer_break and m in SUMMER_MONTHS)]
    per_month = dict.fromkeys(months, n // len(months))
    extra = n % len(months)
    for i in range(extra):
        per_month[months[int((i + 0.5) * len(months) / extra)]] += 1
    days = []
    for month, k in per_month.items():
        length = calendar.monthrange(year, month)[1]
        for j in range(k):
            day = dt.date(year, month, max(1, round((j + 1) * length / (k + 1))))
            if day.weekday() >= 5:
                day -= dt.timedelta(days=day.weekday() - 4)
            days.append(day)
    return tuple(sorted(set(days)))


def last_meeting_on_or_before(body: Body | Rhythm, latest_day: dt.date, meetings=None):
    """(date, estimated, basis, meeting) of the body's last meeting on or before ``latest_day``.

    ``meetings``: the body's entered meetings, when the caller already loaded them
    (newest first); otherwise they are read here (a ``Rhythm`` needs them given).
    """
    window_start = add_days(latest_day, -MEETING_WINDOW_DAYS)
    if meetings is None:
        meetings = Meeting.objects.filter(
            body=body, date__lte=latest_day, date__gt=window_start
        ).order_by("-date")
    meeting = next((m for m in meetings if window_start < m.date <= latest_day), None)
    if meeting is not None:
        return meeting.date, False, Basis.MEETING, meeting
    estimated = [
        d
        for year in (latest_day.year - 1, latest_day.year)
        if year >= dt.MINYEAR
        for d in rhythm_meetings(body, year)
        if d <= latest_day
    ]
    if estimated:
        return max(estimated), True, Basis.RHYTHM, None
    return latest_day, True, Basis.NO_MEETINGS, None


def renewal_days(
    *, renewal_type, renewal_body_id, is_draft, notice_period_days, superseded, in_force_until
) -> tuple[dt.date, dt.date] | None:
    """(lapses_on, latest_day) when an agreement needs an express renewal decision, or None.

    ``superseded``: a function telling whether a published agreement replaces or renews
    it (called only when needed); ``in_force_until``: its last day, extensions included
    (``Agreement.in_force_until``). ``Agreement`` rows and instances alike go through here.
    """
    if renewal_type != RenewalType.EXPRESS or renewal_body_id is None or is_draft:
        return None
    if superseded():
        return None
    if in_force_until is None:
        return None
    return in_force_until, add_days(in_force_until, -notice_period_days)


def row_renewal_days(row: dict, incoming: dict) -> tuple[dt.date, dt.date] | None:
    """``renewal_days`` of an agreement read as a plain row: ``incoming`` maps pk → its
    incoming relations (``rows.incoming_relations``)."""
    return renewal_days(
        renewal_type=row["renewal_type"],
        renewal_body_id=row["renewal_body_id"],
        is_draft=row["is_draft"],
        notice_period_days=row["notice_period_days"],
        superseded=lambda: any(
            supersedes_it(r.kind, r.source_is_draft) for r in incoming.get(row["id"], ())
        ),
        in_force_until=row["in_force_until"],
    )


def _latest_day(agreement: Agreement, superseded=None) -> tuple[dt.date, dt.date] | None:
    """(lapses_on, latest_day) when ``agreement`` needs an express renewal decision.

    ``superseded``: as ``renewal_days``; by default read from its incoming relations."""
    if superseded is None:

        def superseded():
            return any(
                supersedes_it(rel.kind, rel.source.is_draft)
                for rel in agreement.incoming_relations.all()
            )

    return renewal_days(
        renewal_type=agreement.renewal_type,
        renewal_body_id=agreement.renewal_body_id,
        is_draft=agreement.is_draft,
        notice_period_days=agreement.notice_period_days,
        superseded=superseded,
        in_force_until=agreement.in_force_until,
    )


def _deadline(agreement: Agreement, lapses_on, latest_day, meetings=None) -> RenewalDeadline:
    body = agreement.renewal_body
    date, estimated, basis, meeting = last_meeting_on_or_before(body, latest_day, meetings)
    return RenewalDeadline(
        agreement=agreement,
        body=body,
        date=date,
        estimated=estimated,
        lapses_on=lapses_on,
        latest_day=latest_day,
        basis=basis,
        meeting=meeting,
    )


def renewal_deadline(agreement: Agreement) -> RenewalDeadline | None:
    """The renewal deadline of ``agreement``, or None when it needs no express decision:
    no express renewal, no renewal body, a draft, in force until replaced, or already
    replaced or renewed by a published agreement."""
    days = _latest_day(agreement)
    return None if days is None else _deadline(agreement, *days)


def _candidates(agreements, start: dt.date | None, end: dt.date | None):
    """The agreements of ``agreements`` (default all) whose renewal deadline can fall from
    ``start`` to ``end``: the database leaves out the others, so a short window over a
    large registry reads few rows."""
    candidates = (Agreement.objects.all() if agreements is None else agreements).filter(
        is_draft=False,
        renewal_type=RenewalType.EXPRESS,
        renewal_body__isnull=False,
        valid_until__isnull=False,
    )
    candidates = candidates.exclude(
        Exists(
            AgreementRelation.objects.filter(
                target=OuterRef("pk"), kind__in=SUPERSEDING_RELATIONS, source__is_draft=False
            )
        )
    )
    if start is not None:
        # The deadline is never after the last day the agreement applies.
        candidates = candidates.filter(runs_through(start))
    if end is not None:
        # Nor more than DEADLINE_REACH_DAYS before the latest day, which extensions only move later.
        candidates = candidates.alias(
            earliest_latest_day=ExpressionWrapper(
                F("valid_until") - F("notice_period_days"), output_field=DateField()
            )
        ).filter(earliest_latest_day__lte=add_days(end, DEADLINE_REACH_DAYS))
    return candidates


def renewal_deadlines(
    agreements=None, *, start: dt.date | None = None, end: dt.date | None = None
) -> list[RenewalDeadline]:
    """The renewal deadlines of ``agreements`` (a queryset; default all), soonest first.

    Agreements without an express renewal are skipped, so any queryset will do, e.g. a
    feed's agreements of one county. ``start`` and ``end`` keep only deadlines from
    ``start`` to ``end``; the database already leaves out agreements whose deadline cannot
    fall in between, so a short window over a large registry reads few rows. A constant
    number of queries, however many rows.

    Agreements that a published agreement replaces or renews need no decision and are
    left out in SQL (``_candidates``).
    """
    candidates = _candidates(agreements, start, end)
    # The long texts are never part of a deadline; leaving them in the database halves
    # the time spent building the rows of a long list.
    candidates = candidates.select_related("renewal_body").defer(*LONG_TEXTS)
    due = [
        (a, days)
        for a in candidates
        if (days := _latest_day(a, superseded=lambda: False)) is not None
    ]
    if start is not None:
        due = [(a, (lapses, latest)) for a, (lapses, latest) in due if latest >= start]
    if not due:
        return []
    found = _deadlines_of(due)
    found = [
        d for d in found if (start is None or d.date >= start) and (end is None or d.date <= end)
    ]
    return sorted(found, key=lambda d: (d.date, str(d.agreement)))


def meetings_for(due: list[tuple[int, dt.date]]) -> dict[int, list[Meeting]]:
    """body pk → its entered meetings that can be the deadline of ``(body pk, latest_day)``
    pairs, newest first: one query, run even for no pairs so that a list costs the same
    whatever rows it holds."""
    bodies = {body for body, _latest in due} or {0}
    latest_days = [latest for _body, latest in due] or [dt.date.today()]
    meetings: dict[int, list[Meeting]] = {}
    for meeting in Meeting.objects.filter(
        body_id__in=bodies,
        date__gt=add_days(min(latest_days), -MEETING_WINDOW_DAYS),
        date__lte=max(latest_days),
    ).order_by("-date"):
        meetings.setdefault(meeting.body_id, []).append(meeting)
    return meetings


def _deadlines_of(due) -> list[RenewalDeadline]:
    """Deadlines of ``(agreement, (lapses_on, latest_day))`` pairs: one query for meetings."""
    meetings = meetings_for([(a.renewal_body_id, latest) for a, (_l, latest) in due])
    return [_deadline(a, *days, meetings.get(a.renewal_body_id, [])) for a, days in due]


@dataclass(frozen=True)
class NearestDeadlines:
    """The soonest renewal deadlines of a window, and how many fall in it in all."""

    nearest: list[RenewalDeadline]
    count: int


def nearest_renewal_deadlines(
    start: dt.date, end: dt.date, *, limit: int = 10, agreements=None
) -> NearestDeadlines:
    """The ``limit`` soonest renewal deadlines from ``start`` to ``end``, and their number.

    The date of every candidate's deadline is worked out from plain rows, with the same
    rules as ``renewal_deadlines`` (one query for the candidates, one for meetings); only the nearest are then read as
    agreements. A window holding hundreds of deadlines costs a few milliseconds per
    hundred rows, and what is shown is bounded by ``limit``. A constant number of queries.
    """
    rows = list(
        _candidates(agreements, start, end).values(
            "id",
            "title",
            "short_name",
            "is_draft",
            "valid_until",
            "in_force_until",
            "renewal_type",
            "renewal_body_id",
            "notice_period_days",
            "renewal_body__meetings_per_year",
            "renewal_body__summer_break",
        )
    )
    due = []
    for r in rows:
        # No relations needed: those a published agreement replaces or renews are left
        # out in SQL (``_candidates``).
        days = row_renewal_days(r, incoming={})
        if days is not None and days[1] >= start:
            due.append((r, days[1]))
    meetings = meetings_for([(r["renewal_body_id"], latest) for r, latest in due])
    dated = []
    for r, latest in due:
        pk = r["renewal_body_id"]
        rhythm = Rhythm(r["renewal_body__meetings_per_year"], r["renewal_body__summer_break"])
        date = last_meeting_on_or_before(rhythm, latest, meetings.get(pk, []))[0]
        if start <= date <= end:
            # Ordered as renewal_deadlines orders them: by date, then by the agreement's name.
            dated.append((date, Agreement.__str__(SimpleNamespace(**r)), r["id"]))
    dated.sort()
    nearest = [pk for _date, _name, pk in dated[:limit]]
    return NearestDeadlines(
        # Their dates are known to fall in the window: no need to filter them again.
        nearest=renewal_deadlines(Agreement.objects.filter(pk__in=nearest)),
        count=len(dated),
    )


def renewal_deadlines_between(
    start: dt.date, end: dt.date, agreements=None
) -> list[RenewalDeadline]:
    """Renewal deadlines falling from ``start`` to ``end``, soonest first (start page, reminders)."""
    return renewal_deadlines(agreements, start=start, end=end)


def upcoming_renewal_deadlines(today: dt.date, *, within_days: int = 365) -> list[RenewalDeadline]:
    return renewal_deadlines_between(today, add_days(today, within_days))
