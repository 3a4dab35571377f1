"""Public pages for agreements: a filterable list and an agreement page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby

from django import forms
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from agreements.models import (
    Agreement,
    AgreementKind,
    AgreementParty,
    AgreementStatus,
    Clause,
    Decision,
    RelationKind,
    Signatory,
)
from bodies.models import County, Organisation
from governance.core.as_of import day_of
from governance.core.dates import add_days, validate_date
from governance.core.read_cache import CachedPage
from governance.core.statements import statements_for

PAGE_SIZE = 20


class AgreementFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Alla")), *AgreementStatus.choices], required=False
    )
    on = forms.DateField(
        label=_("Per datum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Status beräknas för detta datum (i dag om tomt)."),
        validators=[validate_date],
    )
    kind = forms.ChoiceField(
        label=_("Typ"), choices=[("", _("Alla typer")), *AgreementKind.choices], required=False
    )
    party = forms.ModelChoiceField(
        label=_("Part"),
        queryset=Organisation.objects.filter(party_links__isnull=False).distinct().order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla parter"),
    )
    county = forms.ModelChoiceField(
        label=_("Län"),
        queryset=County.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla län"),
    )
    year = forms.IntegerField(
        label=_("Gäller under år"),
        required=False,
        min_value=1990,
        max_value=2100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class AgreementListView(CachedPage, ListView):
    template_name = "agreements/agreement_list.html"
    context_object_name = "agreements"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.form = AgreementFilterForm(self.request.GET or None)
        self.day = day_of(self.request)
        agreements = (
            Agreement.objects.select_related("county", "renewal_body")
            .prefetch_related(
                Prefetch("party_links", AgreementParty.objects.select_related("organisation"))
            )
            .order_by("-valid_from", "title", "pk")
        )
        if not self.form.is_valid():
            return agreements
        data = self.form.cleaned_data
        self.day = data["on"] or self.day
        if data["status"]:
            agreements = agreements.with_status(data["status"], self.day)
        if data["kind"]:
            agreements = agreements.filter(kind=data["kind"])
        if data["party"]:
            agreements = agreements.filter(party_links__organisation=data["party"])
        if data["county"]:
            agreements = agreements.filter(county=data["county"])
        if data["year"]:
            year = data["year"]
            agreements = agreements.filter(
                Q(valid_from__lte=dt.date(year, 12, 31)) | Q(valid_from__isnull=True),
                Q(valid_until__gte=dt.date(year, 1, 1)) | Q(valid_until__isnull=True),
            ).exclude(valid_from__isnull=True, valid_until__isnull=True)
        return agreements

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET.copy()
        params.pop("page", None)
        context.update(
            form=self.form,
            day=self.day,
            rows=[(a, a.status_on(self.day)) for a in context["agreements"]],
            query_string=params.urlencode(),
            breadcrumbs=[(_("Överenskommelser"), None)],
        )
        return context


# Timeline (SVG) -------------------------------------------------------------

TL_LEFT, TL_WIDTH, TL_ROW, TL_TOP = 16, 700, 44, 46


@dataclass
class TimelineBar:
    agreement: Agreement
    role: str
    current: bool
    x: float
    width: float
    y: float
    open_end: bool
    start: dt.date | None
    end: dt.date | None

    @property
    def label_y(self):
        return self.y - 6

    @property
    def label_end(self) -> bool:
        """Bars in the right half carry their label right-aligned, so it stays in the picture."""
        return self.x + self.width / 2 > TL_LEFT + TL_WIDTH / 2

    @property
    def label_x(self):
        return self.x + self.width if self.label_end else self.x

    @property
    def bar_y(self):
        return self.y


@dataclass
class Timeline:
    bars: list[TimelineBar]
    ticks: list[tuple[float, int]]
    today_x: float | None
    width: float
    height: float


def build_timeline(items: list[tuple[Agreement, str]], current: Agreement, today: dt.date):
    """Bars for each agreement's validity on one year axis, with the current one marked."""
    dated = [(a, r) for a, r in items if a.valid_from]
    if not dated:
        return None
    starts = [a.valid_from for a, _ in dated]
    ends = [a.in_force_until for a, _ in dated]
    first_year = min(starts).year
    last_year = max([e.year for e in ends if e] + [min(today.year, max(starts).year + 3)]) + 1
    # Seen as of a day before every start (``?per=``), the axis still spans the starts.
    last_year = max(last_year, max(starts).year + 1)
    span = (dt.date(last_year, 1, 1) - dt.date(first_year, 1, 1)).days

    def x(day: dt.date) -> float:
        return TL_LEFT + TL_WIDTH * (day - dt.date(first_year, 1, 1)).days / span

    bars = []
    for i, ((agreement, role), end) in enumerate(zip(dated, ends, strict=True)):
        open_end = end is None
        right = x(add_days(end, 1)) if end else TL_LEFT + TL_WIDTH
        left = x(agreement.valid_from)
        bars.append(
            TimelineBar(
                agreement,
                role,
                agreement.pk == current.pk,
                left,
                max(right - left, 4),
                TL_TOP + i * TL_ROW,
                open_end,
                agreement.valid_from,
                end,
            )
        )
    ticks = [(x(dt.date(y, 1, 1)), y) for y in range(first_year, last_year + 1)]
    today_x = x(today) if dt.date(first_year, 1, 1) <= today < dt.date(last_year, 1, 1) else None
    return Timeline(bars, ticks, today_x, TL_LEFT * 2 + TL_WIDTH, TL_TOP + len(bars) * TL_ROW + 10)


def clause_groups(clauses) -> list[tuple[str, list]]:
    """Runs of clauses under the same lead-in ("I Västra Götaland är vi överens om:"), so a page
    gives each lead-in once above its points instead of before every point."""
    return [(heading, list(run)) for heading, run in groupby(clauses, key=lambda c: c.heading)]


class AgreementDetailView(CachedPage, DetailView):
    template_name = "agreements/agreement_detail.html"
    context_object_name = "agreement"

    def get_queryset(self):
        return (
            Agreement.objects.with_lineage()
            .select_related("county", "renewal_body", "source", "confirmed_source")
            .prefetch_related(
                Prefetch("party_links", AgreementParty.objects.select_related("organisation")),
                Prefetch(
                    "clauses",
                    Clause.objects.prefetch_related(
                        Prefetch("organisations", Organisation.objects.order_by("name")),
                        "bodies",
                    ),
                ),
                Prefetch("signatories", Signatory.objects.select_related("person", "organisation")),
                Prefetch(
                    "decisions",
                    Decision.objects.select_related("body").order_by("date", "year", "pk"),
                ),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agreement = self.object
        today = day_of(self.request)
        lineage = agreement.lineage()
        index = next(i for i, a in enumerate(lineage) if a.pk == agreement.pk)
        roles = []
        for i, item in enumerate(lineage):
            if i < index:
                roles.append((item, _("Föregångare")))
            elif i == index:
                roles.append((item, _("Denna")))
            else:
                roles.append((item, _("Efterföljare")))
        based_on = agreement.based_on
        timeline_items = list(roles)
        if based_on is not None:
            timeline_items.insert(0, (based_on, _("Bygger på")))
        resting_on_this = [
            r.source for r in agreement.incoming_relations.all() if r.kind == RelationKind.BASED_ON
        ]
        until = agreement.in_force_until
        crumbs = [(_("Överenskommelser"), reverse("web:agreement-list"))]
        if based_on is not None:
            crumbs.append((str(based_on), based_on.get_absolute_url()))
        crumbs.append((agreement.title, None))
        context.update(
            today=today,
            statements=statements_for(agreement),
            status=agreement.status_on(today),
            superseded_by=agreement.superseded_by_on(today),
            lineage=[(a, role, a.status_on(today)) for a, role in roles],
            has_lineage=len(lineage) > 1,
            based_on=based_on,
            resting_on_this=resting_on_this,
            timeline=build_timeline(timeline_items, agreement, today),
            effective_until=until,
            adoptions=list(agreement.decisions.all()),
            clause_groups=clause_groups(agreement.clauses.all()),
            breadcrumbs=crumbs,
        )
        return context
