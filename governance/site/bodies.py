"""Public pages for bodies, organisations, counties and the governance map."""

from __future__ import annotations

from itertools import groupby

from django import forms
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import DetailView, ListView, TemplateView

from agreements.models import Agreement, AgreementParty, Decision, DecisionKind
from bodies.models import (
    Body,
    BodyKind,
    BodyLevel,
    ChairTerm,
    County,
    HostKind,
    Membership,
    MembershipRole,
    Organisation,
    PersonRole,
    PlatformHost,
    Seat,
    SeatSide,
    SupportStructure,
)
from funding.models import DistributionKey, FundedPosition
from governance.core.as_of import as_of, day_of
from governance.core.read_cache import CachedPage
from governance.core.statements import statements_for
from governance.routing.models import RoutingRule
from governance.routing.services import describe_validity, rule_in_force, rules_queryset
from governance.site.governance_map import EdgeKind, build_map
from governance.site.routing import clause_url
from governance.site.selectors import bodies_deciding_together

PAGE_SIZE = 25


class BodyFilterForm(forms.Form):
    county = forms.ModelChoiceField(
        label=_("Län"),
        queryset=County.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla län"),
    )
    level = forms.ChoiceField(
        label=_("Nivå"), choices=[("", _("Alla nivåer")), *BodyLevel.choices], required=False
    )
    kind = forms.ChoiceField(
        label=_("Typ"), choices=[("", _("Alla typer")), *BodyKind.choices], required=False
    )


class BodyListView(CachedPage, ListView):
    template_name = "bodies/body_list.html"
    context_object_name = "bodies"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.form = BodyFilterForm(self.request.GET or None)
        bodies = Body.objects.select_related(
            "county", "parent", "source", "confirmed_source"
        ).order_by("county__code", "name")
        asked = as_of(self.request)
        if asked.given:
            bodies = bodies.active_on(asked.day)
        if self.form.is_valid():
            data = self.form.cleaned_data
            if data["county"]:
                bodies = bodies.filter(county=data["county"])
            if data["level"]:
                bodies = bodies.filter(level=data["level"])
            if data["kind"]:
                bodies = bodies.filter(kind=data["kind"])
        return bodies

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET.copy()
        params.pop("page", None)
        context.update(
            form=self.form,
            query_string=params.urlencode(),
            breadcrumbs=[(_("Beslutsorgan"), None)],
        )
        return context


def _seat_groups(seats):
    """Seats grouped by side (kommunerna, regionen …) in the order of SeatSide."""
    order = {value: i for i, value in enumerate(SeatSide.values)}
    seats = sorted(seats, key=lambda s: (order.get(s.side, 99), s.order, s.pk))
    return [
        (SeatSide(side).label, list(group)) for side, group in groupby(seats, key=lambda s: s.side)
    ]


class BodyDetailView(CachedPage, DetailView):
    template_name = "bodies/body_detail.html"
    context_object_name = "body"

    def get_queryset(self):
        today = day_of(self.request)
        return (
            Body.objects.with_ancestors()
            .select_related(
                "county", "commissioned_by", "rotation_rule", "source", "confirmed_source"
            )
            .prefetch_related(
                Prefetch("owners", Organisation.objects.order_by("name")),
                "responsibilities",
                "former_names",
                Prefetch(
                    "seats",
                    Seat.objects.select_related("appointing_organisation").prefetch_related(
                        Prefetch(
                            "memberships",
                            Membership.objects.on(today).select_related("person", "represents"),
                            to_attr="current_memberships",
                        )
                    ),
                ),
                Prefetch("children", Body.objects.order_by("name")),
                Prefetch("commissioned_groups", Body.objects.order_by("name")),
                Prefetch("chair_terms", ChairTerm.objects.select_related("person")),
                Prefetch(
                    "decisions",
                    Decision.objects.taken_by(today)
                    .select_related("agreement")
                    .order_by("-date", "-year", "-pk")[:50],
                    to_attr="recent_decisions",
                ),
                Prefetch(
                    "agreements_to_renew",
                    Agreement.objects.prefetch_related("incoming_relations__source").order_by(
                        "-valid_from"
                    ),
                ),
                Prefetch(
                    "routing_rules",
                    RoutingRule.objects.select_related("matter", "county").order_by(
                        "matter__order", "priority"
                    ),
                ),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        body = self.object
        today = day_of(self.request)
        body.as_of_day = today
        chair_members = [
            (m, seat)
            for seat in body.seats.all()
            for m in seat.current_memberships
            if m.role in (MembershipRole.CHAIR, MembershipRole.VICE_CHAIR)
        ]
        adopted = {}
        for decision in body.recent_decisions:
            if decision.kind == DecisionKind.ADOPTION and decision.agreement_id:
                adopted.setdefault(decision.agreement_id, (decision.agreement, decision))
        breadcrumbs = [(_("Beslutsorgan"), reverse("web:body-list"))]
        breadcrumbs += [(str(a), a.get_absolute_url()) for a in reversed(body.ancestors())]
        breadcrumbs.append((body.name, None))
        context.update(
            today=today,
            existed=Body.objects.active_on(today).filter(pk=body.pk).exists(),
            ancestors=body.ancestors(),
            seat_groups=_seat_groups(body.seats.all()),
            # Columns no seat has a value for are left out rather than filled with dashes.
            seats_appointed=any(s.appointing_organisation_id for s in body.seats.all()),
            seats_filled=any(s.current_memberships for s in body.seats.all()),
            total_seats=sum(s.count or 0 for s in body.seats.all()),
            chair_members=chair_members,
            adopted=list(adopted.values()),
            to_renew=[(a, a.status_on(today)) for a in body.agreements_to_renew.all()],
            statements=statements_for(body),
            deciding_together=list(bodies_deciding_together(body)),
            missing=_missing_body_facts(body, chair_members),
            breadcrumbs=breadcrumbs,
        )
        return context


def _missing_body_facts(body, chair_members) -> list[str]:
    """What the sources do not say about ``body``, named once under one heading on its page
    instead of as empty sections."""
    missing = []
    if body.has_decision_mandate is None:
        missing.append(_("om organet fattar beslut eller ger rekommendationer"))
    if not (body.mandate or body.commission_description or body.responsibilities.all()):
        missing.append(_("mandat och ansvar"))
    if not (body.composition or body.seats.all()):
        missing.append(_("sammansättning"))
    rotation = getattr(body, "rotation_rule", None)  # a missing one-to-one raises otherwise
    if not (chair_members or body.chair_terms.all() or body.chair_election or rotation):
        missing.append(_("ordförande"))
    if not body.meetings_per_year:
        missing.append(_("möten per år"))
    if not body.term_months:
        missing.append(_("mandattid"))
    if not body.recent_decisions:
        missing.append(_("beslut"))
    return missing


class OrganisationDetailView(CachedPage, DetailView):
    template_name = "bodies/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return Organisation.objects.select_related("county", "parent").prefetch_related(
            Prefetch("parts", Organisation.objects.order_by("name")),
            Prefetch("owned_bodies", Body.objects.select_related("county").order_by("name")),
            Prefetch(
                "party_links",
                AgreementParty.objects.select_related("agreement").order_by(
                    "-agreement__valid_from"
                ),
            ),
            Prefetch("appointed_seats", Seat.objects.select_related("body").order_by("body__name")),
            Prefetch("hosted_positions", FundedPosition.objects.select_related("county")),
            Prefetch(
                "hosted_platforms", PlatformHost.objects.select_related("support_structure__county")
            ),
            Prefetch("named_roles", PersonRole.objects.select_related("person", "source")),
            "former_names",
            "identifiers",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        org = self.object
        crumbs = []
        if org.county_id:
            crumbs.append((org.county.name, org.county.get_absolute_url()))
        if org.parent_id:
            crumbs.append((org.parent.display_name, org.parent.get_absolute_url()))
        crumbs.append((org.name, None))
        # Every rule the organisation handles, past ones too, each with its period: handling
        # matters is what some organisations (VästKom, Koncernkontoret) are in the registry for.
        day = day_of(self.request)
        rules = (
            rules_queryset()
            .filter(handlers=org)
            .order_by("county__name", "matter__order", "priority")
        )
        handled = []
        for rule in rules:
            rule.validity_text = describe_validity(rule)
            rule.in_force = rule_in_force(rule, day)
            handled.append((rule, clause_url(rule.clause)))
        context.update(breadcrumbs=crumbs, handled_rules=handled)
        return context


class CountyFilterForm(forms.Form):
    """The county comparison's filters and sort order, all in the query string."""

    YES_NO = [("", _("Alla")), ("ja", _("Ja")), ("nej", _("Nej"))]

    fou = forms.ChoiceField(
        label=_("Plattformsledaren i FoU-miljö"), choices=YES_NO, required=False
    )
    arena = forms.ChoiceField(label=_("Politisk arena"), choices=YES_NO, required=False)
    host = forms.ChoiceField(
        label=_("Värdorganisation"),
        choices=[("", _("Alla slag")), *HostKind.choices],
        required=False,
    )
    sort = forms.ChoiceField(choices=[], required=False, widget=forms.HiddenInput)

    def __init__(self, *args, sort_keys=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sort"].choices = [("", "")] + [
            (f"{sign}{key}", key) for key in sort_keys for sign in ("", "-")
        ]


# Sortable columns: key in the query string, heading, value to sort by (None sorts last).
COUNTY_COLUMNS = [
    ("lan", pgettext_lazy("alla län", "Län"), lambda c: c.position),
    ("fou", _("FoU-miljö"), lambda c: c.profile.in_fou_environment if c.profile else None),
    ("arena", _("Politisk arena"), lambda c: c.profile.has_political_arena if c.profile else None),
    ("organ", _("Organ i registret"), lambda c: c.body_count),
    ("overenskommelser", _("Överenskommelser"), lambda c: c.agreement_count),
]


def _yes_no(value: str):
    return {"ja": True, "nej": False}.get(value)


class CountyListView(CachedPage, ListView):
    """The 21 counties' support structures compared: key facts, sortable and filterable."""

    template_name = "bodies/county_list.html"
    context_object_name = "counties"

    def get_queryset(self):
        return (
            County.objects.select_related("support_structure__source")
            .prefetch_related(
                Prefetch(
                    "support_structure__hosts",
                    PlatformHost.objects.select_related("organisation").order_by("kind"),
                )
            )
            .annotate(
                body_count=Count("bodies", distinct=True),
                agreement_count=Count("agreements", distinct=True),
            )
            .order_by("name")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counties = list(context["counties"])
        day = day_of(self.request)
        described = set(
            SupportStructure.objects.described_on(day).values_list("county_id", flat=True)
        )
        for position, county in enumerate(counties):
            # The database's Swedish collation orders the names (Ö after Ä, not before).
            county.position = position
            county.profile = _structure(county) if county.pk in described else None
            county.host_kinds = (
                {h.kind for h in county.profile.hosts.all()} if county.profile else set()
            )
        profiles = [c for c in counties if c.profile]
        form = CountyFilterForm(self.request.GET or None, sort_keys=[k for k, *_ in COUNTY_COLUMNS])
        sort = ""
        if form.is_valid():
            data = form.cleaned_data
            if (fou := _yes_no(data["fou"])) is not None:
                counties = [
                    c for c in counties if c.profile and c.profile.in_fou_environment is fou
                ]
            if (arena := _yes_no(data["arena"])) is not None:
                counties = [
                    c for c in counties if c.profile and c.profile.has_political_arena is arena
                ]
            if data["host"]:
                counties = [c for c in counties if data["host"] in c.host_kinds]
            sort = data["sort"]
        counties = _sorted_counties(counties, sort)
        context.update(
            counties=counties,
            form=form,
            filtered=form.is_valid()
            and any(form.cleaned_data[f] for f in ("fou", "arena", "host")),
            columns=_sort_links(self.request, sort),
            breadcrumbs=[(pgettext_lazy("alla län", "Län"), None)],
            with_profile=len(profiles),
            with_arena=sum(1 for c in profiles if c.profile.has_political_arena),
            in_fou=sum(1 for c in profiles if c.profile.in_fou_environment),
        )
        return context


def _sorted_counties(counties, sort: str):
    key = sort.lstrip("-") or "lan"
    value = next(v for k, _label, v in COUNTY_COLUMNS if k == key)
    known = [c for c in counties if value(c) is not None]
    unknown = [c for c in counties if value(c) is None]
    # Ties keep the alphabetical order; counties with no value stay last in both directions.
    known.sort(key=value, reverse=sort.startswith("-"))
    return known + unknown


def _sort_links(request, sort: str):
    """Each sortable column: its heading, aria-sort value and the link that sorts by it."""
    current = sort.lstrip("-") or "lan"
    descending = sort.startswith("-")
    columns = []
    for key, label, _value in COUNTY_COLUMNS:
        params = request.GET.copy()
        params.pop("page", None)
        is_current = key == current
        params["sort"] = f"-{key}" if is_current and not descending else key
        if params["sort"] == "lan":
            del params["sort"]
        state = ("descending" if descending else "ascending") if is_current else "none"
        columns.append(
            {"key": key, "label": label, "aria_sort": state, "query": params.urlencode()}
        )
    return {c["key"]: c for c in columns}


def _structure(county):
    try:
        return county.support_structure
    except SupportStructure.DoesNotExist:
        return None


class CountyDetailView(CachedPage, DetailView):
    template_name = "bodies/county_detail.html"
    context_object_name = "county"

    def get_queryset(self):
        return County.objects.select_related(
            "support_structure__source", "support_structure__confirmed_source"
        ).prefetch_related(
            Prefetch(
                "support_structure__hosts", PlatformHost.objects.select_related("organisation")
            ),
            Prefetch(
                "bodies",
                Body.objects.select_related("parent", "source", "confirmed_source").order_by(
                    "level", "kind", "name"
                ),
            ),
            Prefetch(
                "agreements",
                Agreement.objects.prefetch_related("incoming_relations__source").order_by(
                    "-valid_from", "title"
                ),
            ),
            Prefetch("organisations", Organisation.objects.order_by("name")),
            Prefetch("funded_positions", FundedPosition.objects.select_related("host")),
            Prefetch("distribution_keys", DistributionKey.objects.order_by("name")),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        asked = as_of(self.request)
        today = asked.day
        county = self.object
        structure = _structure(county)
        if structure is not None and not (
            SupportStructure.objects.described_on(today).filter(pk=structure.pk).exists()
        ):
            structure = None
        bodies = list(county.bodies.all())
        if asked.given:
            active = set(Body.objects.active_on(today).values_list("pk", flat=True))
            bodies = [b for b in bodies if b.pk in active]
        missing = []
        if structure is not None:
            labels = {
                "plan_signed_by": _("vem som undertecknade planen"),
                "plan_decided_by": _("vem som beslutade planen"),
                "decisions_needed": _("beslut som behövdes 2014–2015"),
            }
            missing = [label for name, label in labels.items() if not getattr(structure, name)]
            if structure.has_political_arena is None:
                missing.append(_("om länet har en politisk arena för välfärdsfrågor"))
            if not structure.hosts.all():
                missing.append(_("värdorganisation"))
        context.update(
            structure=structure,
            missing=missing,
            bodies=bodies,
            agreements=[(a, a.status_on(today)) for a in county.agreements.all()],
            statements=statements_for(county),
            breadcrumbs=[
                (pgettext_lazy("alla län", "Län"), reverse("web:county-list")),
                (county.name, None),
            ],
        )
        return context


class GovernanceMapView(CachedPage, TemplateView):
    """The governance map: national level, or one county's bodies and organisations."""

    template_name = "bodies/governance_map.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        slug = kwargs.get("slug")
        county = get_object_or_404(County, slug=slug) if slug else None
        asked = as_of(self.request)
        gmap = build_map(county, asked.day if asked.given else None)
        counties = County.objects.annotate(
            body_count=Count("bodies", filter=Q(bodies__isnull=False), distinct=True)
        ).order_by("code")
        crumbs = [(_("Styrningskarta"), reverse("web:map") if county else None)]
        if county:
            crumbs.append((county.name, None))
        context.update(
            county=county,
            gmap=gmap,
            counties=counties,
            edge_kinds=EdgeKind.LABELS,
            breadcrumbs=crumbs,
        )
        return context
