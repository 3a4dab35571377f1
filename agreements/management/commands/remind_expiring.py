"""manage.py remind_expiring: agreements that lapse soon, and who must decide on them.

Lists the agreements in force that end within ``--days`` days (default 90),
each with the body that must decide on its continuation. With ``--email`` each
coordinator (a user in the group Samordnare) whose scope covers the county of
the agreement or of one of its parties gets one e-mail listing their agreements;
national agreements go to coordinators with the national level in their scope.
E-mail goes through Django's backend: the console unless EMAIL_BACKEND says so.

The reminders come in sections, each built by one function call in
``build_sections``; a new kind of reminder (renewal deadlines, term ends) is
one more call there returning a ``Section``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from agreements.models import Agreement, Decision, DecisionKind
from governance.core.scope import COORDINATORS

NATIONAL = None  # the "county" of a national item


@dataclass
class Reminder:
    """One line of a reminder, and the counties whose coordinators should get it."""

    text: str
    counties: set = field(default_factory=set)  # County pks; {NATIONAL} for national items
    url: str = ""


@dataclass
class Section:
    title: str
    reminders: list[Reminder]
    empty_text: str = ""


def _deciding_body(agreement: Agreement) -> str:
    if agreement.renewal_body_id:
        return str(agreement.renewal_body)
    adopted_by = [str(d.body) for d in agreement.adoptions if d.body_id]
    if adopted_by:
        return _("ej angivet i registret (antogs av %(bodies)s)") % {
            "bodies": ", ".join(dict.fromkeys(adopted_by))
        }
    return _("ej angivet i registret")


def _url(agreement: Agreement, base_url: str) -> str:
    return base_url.rstrip("/") + agreement.get_absolute_url()


def expiring_agreements(today: dt.date, days: int, *, base_url: str = "") -> Section:
    """Agreements in force on ``today`` whose last day is within ``days`` days."""
    agreements = (
        Agreement.objects.expiring_within(days, today)
        .select_related("county", "renewal_body")
        .prefetch_related(
            "party_links__organisation",
            Prefetch(
                "decisions",
                queryset=Decision.objects.filter(kind=DecisionKind.ADOPTION).select_related("body"),
                to_attr="adoptions",
            ),
        )
        .order_by("valid_until", "title")
    )
    reminders = []
    for agreement in agreements:
        counties = {agreement.county_id} if agreement.county_id else set()
        counties |= {
            link.organisation.county_id
            for link in agreement.party_links.all()
            if link.organisation.county_id
        }
        left = (agreement.valid_until - today).days
        text = _(
            "%(title)s gäller till och med %(until)s (%(left)s). Beslutar om fortsättning: "
            "%(body)s. Förlängning: %(renewal)s."
        ) % {
            "title": agreement.short_name or agreement.title,
            "until": agreement.valid_until.isoformat(),
            "left": ngettext("%(n)d dag kvar", "%(n)d dagar kvar", left) % {"n": left},
            "body": _deciding_body(agreement),
            "renewal": agreement.get_renewal_type_display().lower(),
        }
        reminders.append(
            Reminder(text=text, counties=counties or {NATIONAL}, url=_url(agreement, base_url))
        )
    return Section(
        title=_("Överenskommelser som löper ut inom %(days)d dagar") % {"days": days},
        reminders=reminders,
        empty_text=_("Inga överenskommelser löper ut inom %(days)d dagar.") % {"days": days},
    )


def renewal_deadline_reminders(today: dt.date, days: int, *, base_url: str = "") -> Section:
    """The last meetings at which renewal bodies can still decide, within ``days`` days."""
    from agreements.renewal import renewal_deadlines_between

    reminders = []
    for deadline in renewal_deadlines_between(today, today + dt.timedelta(days=days)):
        agreement = deadline.agreement
        counties = {c for c in (agreement.county_id, deadline.body.county_id) if c}
        text = _("%(sentence)s %(title)s gäller till och med %(until)s.") % {
            "sentence": deadline.sentence_on(today),
            "title": agreement.short_name or agreement.title,
            "until": deadline.lapses_on.isoformat(),
        }
        reminders.append(
            Reminder(text=text, counties=counties or {NATIONAL}, url=_url(agreement, base_url))
        )
    return Section(
        title=_("Sista beslutstillfällen för förnyelse inom %(days)d dagar") % {"days": days},
        reminders=reminders,
        empty_text=_("Inga beslut om förnyelse behövs inom %(days)d dagar.") % {"days": days},
    )


def term_end_reminders(today: dt.date, days: int, *, base_url: str = "") -> Section:
    """Memberships and chair terms ending within ``days`` days."""
    from bodies.services import terms_ending_within

    reminders = []
    for ending in terms_ending_within(days, today):
        left = ending.days_left(today)
        text = _("%(body)s: %(role)s (%(side)s)%(person)s slutar %(date)s (%(left)s).") % {
            "body": ending.body,
            "role": ending.role_label,
            "side": ending.side_label,
            "person": f", {ending.person}" if ending.person else "",
            "date": ending.ends_on.isoformat(),
            "left": ngettext("%(n)d dag kvar", "%(n)d dagar kvar", left) % {"n": left},
        }
        reminders.append(
            Reminder(
                text=text,
                counties={ending.body.county_id} if ending.body.county_id else {NATIONAL},
                url=_url(ending.body, base_url),
            )
        )
    return Section(
        title=_("Mandat och ordförandeperioder som slutar inom %(days)d dagar") % {"days": days},
        reminders=reminders,
        empty_text=_("Inga mandat eller ordförandeperioder slutar inom %(days)d dagar.")
        % {"days": days},
    )


def build_sections(today: dt.date, days: int, *, base_url: str = "") -> list[Section]:
    """Every kind of reminder, one call each."""
    return [
        expiring_agreements(today, days, base_url=base_url),
        renewal_deadline_reminders(today, days, base_url=base_url),
        term_end_reminders(today, days, base_url=base_url),
    ]


def coordinators_by_county():
    """{county pk or NATIONAL: [users]} for active coordinators with an e-mail address."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=COORDINATORS)
        .exclude(email="")
        .filter(coordinator_scope__isnull=False)
        .select_related("coordinator_scope")
        .prefetch_related("coordinator_scope__counties")
        .distinct()
        .order_by("pk")
    )
    by_county = defaultdict(list)
    for user in users:
        scope = user.coordinator_scope
        for county in scope.counties.all():
            by_county[county.pk].append(user)
        if scope.national:
            by_county[NATIONAL].append(user)
    return by_county


def _line(reminder: Reminder) -> str:
    return f"- {reminder.text}" + (f"\n  {reminder.url}" if reminder.url else "")


def messages_for(sections: list[Section], today: dt.date):
    """One e-mail per coordinator: (subject, body, from, [to]) for send_mass_mail."""
    by_county = coordinators_by_county()
    per_user: dict = {}
    for section in sections:
        for reminder in section.reminders:
            recipients = {u.pk: u for c in reminder.counties for u in by_county.get(c, [])}
            for user in recipients.values():
                per_user.setdefault(user, defaultdict(list))[section.title].append(reminder)
    messages = []
    for user, grouped in per_user.items():
        count = sum(len(items) for items in grouped.values())
        subject = ngettext(
            "Samverkansregistret: %(n)d påminnelse",
            "Samverkansregistret: %(n)d påminnelser",
            count,
        ) % {"n": count}
        parts = [
            _("Påminnelser från Samverkansregistret per %(date)s för de län du samordnar.")
            % {"date": today.isoformat()}
        ]
        for title, reminders in grouped.items():
            parts.append(title + ":\n" + "\n".join(_line(r) for r in reminders))
        messages.append((subject, "\n\n".join(parts) + "\n", None, [user.email]))
    return messages


def _parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(
            _("Ogiltigt datum %(value)r: ange det som ÅÅÅÅ-MM-DD.") % {"value": value}
        ) from exc


class Command(BaseCommand):
    help = _(
        "Lista överenskommelser som löper ut inom N dagar och vilket organ som ska besluta; "
        "med --email skickas påminnelser till samordnarna för parternas län."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=90, help=_("Antal dagar framåt (standard 90).")
        )
        parser.add_argument(
            "--date", help=_("Räkna från detta datum (ÅÅÅÅ-MM-DD) i stället för i dag.")
        )
        parser.add_argument(
            "--email", action="store_true", help=_("Skicka påminnelser till samordnarna.")
        )
        parser.add_argument(
            "--base-url",
            default=getattr(settings, "SITE_URL", ""),
            help=_("Webbplatsens adress för länkar i e-post, t.ex. https://registret.example.se"),
        )

    def handle(self, *args, **options):
        days = options["days"]
        if days < 0 or days > 3650:
            raise CommandError(
                _("--days måste vara mellan 0 och 3650, inte %(days)d.") % {"days": days}
            )
        today = _parse_date(options["date"]) if options["date"] else timezone.localdate()
        sections = build_sections(today, days, base_url=options["base_url"])

        for section in sections:
            self.stdout.write(section.title + ":")
            if not section.reminders:
                self.stdout.write("  " + section.empty_text)
            for reminder in section.reminders:
                self.stdout.write("  " + _line(reminder))

        if not options["email"]:
            return
        messages = messages_for(sections, today)
        sent = send_mass_mail(messages, fail_silently=False) if messages else 0
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "%(n)d e-postmeddelande skickat till samordnare.",
                    "%(n)d e-postmeddelanden skickade till samordnare.",
                    sent,
                )
                % {"n": sent}
            )
        )
