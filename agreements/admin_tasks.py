"""The coordinator's to-do list on the admin's start page ("Att göra").

Four kinds of task, each read from the rule that already decides it: renewal
deadlines (``agreements.renewal``), agreements that lapse
(``Agreement.objects.expiring_within``), memberships and chair terms that end
(``bodies.services.terms_ending_within``) and bodies whose confirmation has grown
older than ``STATUS_CONFIRMATION_DAYS`` (``governance.core.known_as_of``). A task names
the record a coordinator confirms against a source ("Bekräfta"); a confirmation
made since the task came up clears it. A coordinator sees the tasks of the records
their scope lets them change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from governance.core import scope
from governance.core.dates import add_days

# Bodies with an old confirmation listed by name; the rest are counted.
STALE_LIMIT = 20


@dataclass
class Task:
    text: str
    record: object  # the record "Bekräfta" confirms
    since: dt.date | None  # a confirmation on or after this day clears it (None: never)
    url_record: object = None  # the record the text links to, when not ``record``

    @property
    def link_record(self):
        return self.url_record or self.record

    def is_open(self) -> bool:
        confirmed = self.record.confirmed_on
        return self.since is None or confirmed is None or confirmed < self.since


@dataclass
class TaskGroup:
    key: str
    title: str
    empty_text: str
    tasks: list[Task] = field(default_factory=list)
    more: int = 0  # open tasks not listed


def _left(days: int) -> str:
    return ngettext("%(n)d dag kvar", "%(n)d dagar kvar", days) % {"n": days}


def renewal_tasks(user, today: dt.date, days: int) -> TaskGroup:
    from agreements.models import Agreement
    from agreements.renewal import renewal_deadlines_between

    agreements = scope.editable(Agreement.objects.all(), user)
    tasks = [
        Task(
            text=f"{d.agreement}: {d.sentence_on(today)}",
            record=d.agreement,
            since=add_days(d.date, -days),
        )
        for d in renewal_deadlines_between(today, add_days(today, days), agreements)
    ]
    return TaskGroup(
        "renewals",
        _("Beslut om förnyelse inom %(days)d dagar") % {"days": days},
        _("Inga beslut om förnyelse behövs inom %(days)d dagar.") % {"days": days},
        [t for t in tasks if t.is_open()],
    )


def expiring_tasks(user, today: dt.date, days: int) -> TaskGroup:
    from agreements.models import Agreement

    agreements = scope.editable(Agreement.objects.expiring_within(days, today), user).order_by(
        "valid_until", "title"
    )
    tasks = [
        Task(
            text=_("%(agreement)s gäller till och med %(until)s (%(left)s).")
            % {
                "agreement": a,
                "until": a.valid_until.isoformat(),
                "left": _left((a.valid_until - today).days),
            },
            record=a,
            since=add_days(a.valid_until, -days),
        )
        for a in agreements
    ]
    return TaskGroup(
        "expiring",
        _("Överenskommelser som löper ut inom %(days)d dagar") % {"days": days},
        _("Inga överenskommelser löper ut inom %(days)d dagar.") % {"days": days},
        [t for t in tasks if t.is_open()],
    )


def term_tasks(user, today: dt.date, days: int) -> TaskGroup:
    from bodies.models import Body
    from bodies.services import terms_ending_within

    bodies = scope.editable(Body.objects.all(), user)
    tasks = []
    for ending in terms_ending_within(days, today, bodies=bodies):
        # A chair term keeps no confirmation of its own: its body is confirmed.
        confirmable = hasattr(ending.obj, "confirmed_on")
        tasks.append(
            Task(
                text=_("%(body)s: %(role)s (%(side)s)%(person)s slutar %(date)s (%(left)s).")
                % {
                    "body": ending.body,
                    "role": ending.role_label,
                    "side": ending.side_label,
                    "person": f", {ending.person}" if ending.person else "",
                    "date": ending.ends_on.isoformat(),
                    "left": _left(ending.days_left(today)),
                },
                record=ending.obj if confirmable else ending.body,
                since=add_days(ending.ends_on, -days),
                url_record=ending.obj,
            )
        )
    return TaskGroup(
        "terms",
        _("Mandat och ordförandeperioder som slutar inom %(days)d dagar") % {"days": days},
        _("Inga mandat eller ordförandeperioder slutar inom %(days)d dagar.") % {"days": days},
        [t for t in tasks if t.is_open()],
    )


def stale_tasks(user, today: dt.date) -> TaskGroup:
    from bodies.models import Body
    from bodies.status import body_status
    from governance.core.known_as_of import confirmation_days

    bodies = (
        scope.editable(Body.objects.all(), user)
        .select_related("source", "confirmed_source")
        .order_by("name")
    )
    stale = [b for b in bodies if body_status(b, today).code == "unknown"]
    tasks = [
        Task(
            text=_("%(body)s: %(status)s.") % {"body": b, "status": body_status(b, today).text},
            record=b,
            since=None,
        )
        for b in stale[:STALE_LIMIT]
    ]
    days = confirmation_days()
    return TaskGroup(
        "stale",
        _("Uppgifter som inte bekräftats på %(days)d dagar") % {"days": days},
        _("Alla organ är bekräftade inom %(days)d dagar.") % {"days": days},
        tasks,
        more=max(len(stale) - STALE_LIMIT, 0),
    )


def coordinator_tasks(user, today: dt.date, days: int) -> list[TaskGroup]:
    """The start page's "Att göra", most urgent kind first."""
    return [
        renewal_tasks(user, today, days),
        expiring_tasks(user, today, days),
        term_tasks(user, today, days),
        stale_tasks(user, today),
    ]
