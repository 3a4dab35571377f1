"""Public pages on routing: "Vem hanterar vad?" and the national initiatives with their routing."""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, TemplateView

from agreements.models import Decision
from governance.core.as_of import day_of
from governance.core.read_cache import CachedPage
from governance.core.statements import statements_for
from governance.routing.forms import RoutingQueryForm
from governance.routing.models import Initiative
from governance.routing.services import (
    describe_validity,
    resolve_routing,
    routing_for_initiatives,
    rules_queryset,
)


def clause_url(clause) -> str:
    """The clause on its agreement's page (anchor ``#klausul-<order>``)."""
    return f"{clause.agreement.get_absolute_url()}#klausul-{clause.order}"


def routing_query_url(*, matter, concerns, county, on=None) -> str | None:
    """A link to "Vem hanterar vad?" with the question filled in."""
    if county is None:
        return None
    query = {"matter": matter.slug, "concerns": concerns, "county": county.code}
    if on:
        query["on"] = on.isoformat()
    return f"{reverse('web:routing')}?{urlencode(query)}"


def _decorate(answer):
    """Attach page links to an answer's rules (templates cannot call ``reverse`` with anchors)."""
    for matched in answer.rules:
        matched.clause_url = clause_url(matched.clause)
        matched.agreement_url = matched.agreement.get_absolute_url()
    if answer.ended_agreement is not None:
        answer.ended_agreement_url = answer.ended_agreement.get_absolute_url()
    concerns = answer.concerns if answer.concerns != "any" else "both"
    answer.query_url = routing_query_url(
        matter=answer.matter, concerns=concerns, county=answer.county, on=answer.on
    )
    return answer


class RoutingView(CachedPage, TemplateView):
    """Vem hanterar vad? Pick matter, principals, county and date; see the answer and why."""

    template_name = "routing/routing.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        asked = any(key in self.request.GET for key in RoutingQueryForm.base_fields)
        form = RoutingQueryForm(self.request.GET if asked else None, day=day_of(self.request))
        answer = None
        if asked and form.is_valid():
            answer = _decorate(resolve_routing(**form.query()))
        rules = list(rules_queryset().order_by("county__code", "matter__order", "priority", "pk"))
        for rule in rules:
            rule.validity_text = describe_validity(rule)
            rule.clause_url = clause_url(rule.clause)
            rule.query_url = routing_query_url(
                matter=rule.matter,
                concerns=rule.concerns if rule.concerns != "any" else "both",
                county=rule.county,
                on=None,
            )
        context.update(
            form=form,
            asked=asked,
            answer=answer,
            rules=rules,
            breadcrumbs=[(_("Vem hanterar vad?"), None)],
        )
        return context


def _initiatives():
    return Initiative.objects.select_related("matter", "county", "source_agreement")


def _routing(initiatives, today):
    """Routing when each initiative came (end of its year) and on the page's date (today
    unless ``?per=``), read in fixed queries."""
    when = routing_for_initiatives(initiatives)
    now = routing_for_initiatives(initiatives, on=today)
    for initiative in initiatives:
        initiative.routing = [_decorate(a) for a in when[initiative.pk]]
        initiative.routing_today = [
            _decorate(a)
            for a, then in zip(now[initiative.pk], when[initiative.pk], strict=False)
            if then.on != today
        ]
    return initiatives


class InitiativeListView(CachedPage, ListView):
    """The national initiatives, each with where it is routed."""

    template_name = "routing/initiative_list.html"
    context_object_name = "initiatives"
    paginate_by = 50

    def get_queryset(self):
        return _initiatives().order_by("-year", "title")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = list(context["initiatives"])
        context["initiatives"] = _routing(page, day_of(self.request))
        context["breadcrumbs"] = [(_("Nationella satsningar"), None)]
        return context


class InitiativeDetailView(CachedPage, DetailView):
    """One national initiative: what it is, where it is routed and by which clauses."""

    template_name = "routing/initiative_detail.html"
    context_object_name = "initiative"

    def get_queryset(self):
        return _initiatives().prefetch_related(
            Prefetch("decisions", queryset=Decision.objects.select_related("body"))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        _routing([self.object], day_of(self.request))
        agreement = self.object.source_agreement
        context.update(
            source_agreement_url=agreement.get_absolute_url() if agreement else None,
            statements=statements_for(self.object),
            breadcrumbs=[
                (_("Nationella satsningar"), reverse("web:initiative-list")),
                (str(self.object), None),
            ],
        )
        return context
