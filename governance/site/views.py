"""Public pages of the registry: start, search, timeline and the calendar feed."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from icalendar import Calendar, Event

from agreements.models import Agreement, Decision
from agreements.renewal import nearest_renewal_deadlines, renewal_deadlines
from bodies.models import Body, County, Meeting, SupportStructure
from bodies.services import TermWarnings, term_end_warning_days, terms_ending_within
from governance.core.as_of import as_of
from governance.core.dates import add_days
from governance.core.models import SourceDocument, Statement
from governance.core.read_cache import CachedPage, per_version
from governance.core.statements import general_statements
from governance.documents.models import may_see_private
from governance.routing.models import Goal, Initiative, Milestone
from governance.site.search import KINDS, RANK_CANDIDATES, RankedHits

EXPIRY_HORIZON_DAYS = 365
# The start page lists the renewal decisions due within this many days.
RENEWAL_HORIZON_DAYS = 365


class StartView(CachedPage, TemplateView):
    template_name = "start.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        asked = as_of(self.request)
        today = asked.day
        # Worked out once per registry version and day, not on every build of the page.
        figures = per_version("start", lambda: StartFigures(today), today.isoformat())
        in_force = figures.in_force
        context.update(
            today=today,
            renewal_deadlines=figures.renewal_deadlines,
            term_warnings=figures.term_warnings,
            latest_known=figures.latest_known,
            horizon=today + dt.timedelta(days=EXPIRY_HORIZON_DAYS),
            expiring=figures.expiring,
            decisions=figures.decisions,
            counts=_present(
                (_("beslutsorgan"), figures.bodies, reverse("web:body-list")),
                (
                    _("överenskommelser"),
                    figures.agreements,
                    reverse("web:agreement-list"),
                ),
                (
                    _("gäller i dag")
                    if not asked.given
                    else gettext("gäller per %(day)s") % {"day": f"{today:%Y-%m-%d}"},
                    in_force,
                    reverse("web:agreement-list") + f"?status=in_force&on={today:%Y-%m-%d}",
                )
                if in_force
                else None,
                (
                    _("län med stödstruktur"),
                    figures.support_structures,
                    reverse("web:county-list"),
                ),
                (_("beslut"), figures.decision_count, None),
                (
                    _("nationella satsningar"),
                    figures.initiatives,
                    reverse("web:initiative-list"),
                ),
            ),
        )
        return context


class StartFigures:
    """What the start page shows of the whole registry on ``day``: its counts, the
    agreements expiring and the renewal decisions due within a year, the terms ending soon
    and the latest decisions.

    Read in full when made (lists, not querysets, with the records the page names), so it
    can be kept per registry version (``per_version``) and shown again without a query.
    """

    def __init__(self, day: dt.date):
        self.in_force = Agreement.objects.in_force_on(day).count()
        self.expiring = list(
            Agreement.objects.expiring_within(EXPIRY_HORIZON_DAYS, day)
            .select_related("renewal_body", "county")
            .order_by("valid_until", "title")[:10]
        )
        self.decisions = list(
            Decision.objects.taken_by(day)
            .select_related("body", "agreement")
            .order_by(F("date").desc(nulls_last=True), "-year", "-pk")[:8]
        )
        self.renewal_deadlines = nearest_renewal_deadlines(
            day, day + dt.timedelta(days=RENEWAL_HORIZON_DAYS), limit=10
        )
        warning_days = term_end_warning_days()
        self.term_warnings = TermWarnings(warning_days, terms_ending_within(warning_days, day))
        self.latest_known = None if self.in_force else _latest_known(day)
        self.bodies = Body.objects.count()
        self.agreements = Agreement.objects.filter(is_draft=False).count()
        self.support_structures = SupportStructure.objects.count()
        self.decision_count = Decision.objects.count()
        self.initiatives = Initiative.objects.count()


class LatestKnown:
    """What the registry knows of the present when nothing it holds is in force on the day
    asked: its newest dated source and the last day an agreement was in force."""

    def __init__(self, day: dt.date):
        self.day = day
        self.last_in_force = Agreement.objects.last_day_in_force(day)
        self.newest_source = (
            SourceDocument.objects.filter(year__isnull=False).order_by("-year", "title").first()
        )

    @property
    def url(self) -> str | None:
        if self.last_in_force is None:
            return None
        return f"{reverse('web:start')}?per={self.last_in_force:%Y-%m-%d}"


def _latest_known(day: dt.date) -> LatestKnown:
    return LatestKnown(day)


def _present(*counts) -> list:
    return [c for c in counts if c is not None]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Sökord"), max_length=200, required=False)
    typ = forms.ChoiceField(
        label=_("Visa"),
        choices=[("", _("Allt")), *KINDS.items()],
        required=False,
    )


class SearchView(CachedPage, TemplateView):
    template_name = "governance/search.html"
    per_page = 20

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET or None)
        hits, text, kind = [], "", ""
        if form.is_valid():
            text = form.cleaned_data["q"].strip()
            kind = form.cleaned_data["typ"]
            if text:
                reach = _page_number(self.request.GET.get("page")) * self.per_page
                hits = RankedHits(
                    text,
                    kinds=[kind] if kind else None,
                    reach=reach,
                    private=may_see_private(self.request.user),
                )
        page = Paginator(hits, self.per_page).get_page(self.request.GET.get("page"))
        params = self.request.GET.copy()
        params.pop("page", None)
        by_kind = []
        if hits and not kind:
            base = params.copy()
            for key, n in hits.counts.items():
                if n:
                    base["typ"] = key
                    by_kind.append((KINDS[key], _at_least(n), base.urlencode()))
        context.update(
            form=form,
            text=text,
            page_obj=page,
            hits=page.object_list,
            total=_at_least(len(hits)) if hits and hits.capped else len(hits),
            by_kind=by_kind,
            query_string=params.urlencode(),
            breadcrumbs=[(_("Sök"), None)],
        )
        return context


def _page_number(raw) -> int:
    try:
        return max(int(raw), 1)
    except (TypeError, ValueError):
        return 1


def _at_least(n: int) -> str:
    """A match count, with "+" when counting stopped (``governance.core.search.RANK_CANDIDATES``)."""
    return f"{n}+" if n >= RANK_CANDIDATES else str(n)


class TimelineView(CachedPage, TemplateView):
    template_name = "governance/timeline.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        milestones = list(Milestone.objects.all())
        national = Agreement.objects.filter(county__isnull=True, is_draft=False).order_by(
            "valid_from"
        )
        events = Statement.objects.filter(
            Q(event_on__isnull=False) | Q(event_year__isnull=False)
        ).select_related("source")
        by_year: dict[int, dict] = {}

        def year(y):
            return by_year.setdefault(y, {"milestones": [], "events": [], "agreements": []})

        for m in milestones:
            year(m.year)["milestones"].append(m)
        for e in events:
            year(e.event_on.year if e.event_on else e.event_year)["events"].append(e)
        for a in national:
            if a.valid_from:
                year(a.valid_from.year)["agreements"].append(a)
        context.update(
            years=sorted(by_year.items()),
            goals=Goal.objects.select_related("source"),
            statements=general_statements(),
            breadcrumbs=[(_("Tidslinje"), None)],
        )
        return context


class CalendarView(CachedPage, View):
    """An iCalendar feed of meetings and agreement expiry dates, optionally for one county."""

    def get(self, request):
        meetings = Meeting.objects.select_related("body").order_by("date")
        agreements = Agreement.objects.filter(is_draft=False, valid_until__isnull=False)
        agreements = agreements.select_related("renewal_body").order_by("valid_until")
        county_slug = request.GET.get("lan")
        if county_slug:
            county = County.objects.named(county_slug).first()
            if county is None:
                return HttpResponse(
                    gettext("Okänt län: %(slug)s") % {"slug": county_slug},
                    status=400,
                    content_type="text/plain; charset=utf-8",
                )
            meetings = meetings.filter(body__county=county)
            agreements = agreements.filter(county=county)

        cal = Calendar()
        cal.add("prodid", "-//Samverkansregistret//sv")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("x-wr-calname", gettext("Samverkansregistret: möten och slutdatum"))
        base = request.build_absolute_uri("/").rstrip("/")
        stamp = timezone.now()
        for meeting in meetings:
            event = Event()
            event.add("uid", f"meeting-{meeting.slug}@samverkansregistret")
            event.add("dtstamp", stamp)
            event.add("dtstart", meeting.date)
            event.add("dtend", add_days(meeting.date, 1))
            event.add("summary", gettext("Möte: %(body)s") % {"body": meeting.body.name})
            if meeting.notes:
                event.add("description", meeting.notes)
            event.add("url", base + meeting.body.get_absolute_url())
            cal.add_component(event)
        for agreement in agreements:
            event = Event()
            event.add("uid", f"agreement-expiry-{agreement.slug}@samverkansregistret")
            event.add("dtstamp", stamp)
            event.add("dtstart", agreement.valid_until)
            event.add("dtend", add_days(agreement.valid_until, 1))
            event.add("summary", gettext("Sista giltighetsdag: %(title)s") % {"title": agreement})
            description = agreement.title
            if agreement.renewal_body_id:
                description += "\n" + gettext("Beslut om fortsättning: %(body)s") % {
                    "body": agreement.renewal_body.name
                }
            event.add("description", description)
            event.add("url", base + agreement.get_absolute_url())
            cal.add_component(event)
        for deadline in renewal_deadlines(agreements):
            event = Event()
            event.add("uid", f"renewal-deadline-{deadline.agreement.slug}@samverkansregistret")
            event.add("dtstamp", stamp)
            event.add("dtstart", deadline.date)
            event.add("dtend", add_days(deadline.date, 1))
            event.add(
                "summary",
                gettext("Sista beslutstillfälle: %(title)s") % {"title": deadline.agreement},
            )
            event.add("description", deadline.sentence)
            event.add("url", base + deadline.agreement.get_absolute_url())
            cal.add_component(event)
        response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="samverkansregistret.ics"'
        return response


# About the registry ------------------------------------------------------------------------

# When the accessibility statement was last reviewed against the pages (Digg's structure asks
# for the date); update it with the statement.
ACCESSIBILITY_REVIEWED = dt.date(2026, 11, 30)
SITE_PUBLISHED = dt.date(2026, 11, 1)


class AboutView(CachedPage, TemplateView):
    """Om registret: what it is, where its facts come from, how it is kept."""

    template_name = "site/about.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            sources=SourceDocument.objects.order_by("year", "title"),
            breadcrumbs=[(_("Om registret"), None)],
        )
        return context


class AccessibilityView(CachedPage, TemplateView):
    """Tillgänglighetsredogörelse, in the structure the Agency for Digital Government prescribes."""

    template_name = "site/accessibility.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            reviewed=ACCESSIBILITY_REVIEWED,
            published=SITE_PUBLISHED,
            breadcrumbs=[(_("Tillgänglighetsredogörelse"), None)],
        )
        return context


class GlossaryView(CachedPage, TemplateView):
    """Ordlista: the words of the pages in plain Swedish."""

    template_name = "site/glossary.html"

    def get_context_data(self, **kwargs):
        from governance.site.glossary import terms

        context = super().get_context_data(**kwargs)
        context.update(terms=terms(), breadcrumbs=[(_("Ordlista"), None)])
        return context
