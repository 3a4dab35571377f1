"""Admin for agreements with their parties, clauses, signatories, decisions and lineage."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.db.models.functions import ExtractYear
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agreements import models as m
from agreements import services
from agreements.resources import AgreementResource, DecisionResource
from agreements.services import (
    SUCCESSOR_KINDS,
    SuccessorPlan,
    successor_initial,
)
from governance.core import scope
from governance.core.admin_base import (
    ImportExportRegistryAdmin,
    RegistryAdmin,
    StackedInline,
    TabularInline,
    filter_year,
    readable_error,
)
from governance.core.concurrency import StaleVersion
from governance.documents.admin import AgreementDocumentInline, DecisionDocumentInline

# "Expires within 6 months" in the admin's filter.
SIX_MONTHS_DAYS = 183


class StatusTodayFilter(admin.SimpleListFilter):
    title = _("status i dag")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return m.AgreementStatus.choices

    def queryset(self, request, queryset):
        if self.value() in m.AgreementStatus.values:
            return queryset.with_status(self.value(), timezone.localdate())
        return queryset


class ExpiringFilter(admin.SimpleListFilter):
    title = _("löper ut")
    parameter_name = "expiring"

    def lookups(self, request, model_admin):
        return [("6m", _("inom 6 månader"))]

    def queryset(self, request, queryset):
        if self.value() == "6m":
            return queryset.expiring_within(SIX_MONTHS_DAYS, timezone.localdate())
        return queryset


class YearFilter(admin.SimpleListFilter):
    """Agreements in force at some time during a year."""

    title = _("gäller under år")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = (
            m.Agreement.objects.filter(valid_from__isnull=False)
            .annotate(y=ExtractYear("valid_from"))
            .values_list("y", flat=True)
            .distinct()
        )
        return [(str(y), str(y)) for y in sorted(set(years), reverse=True)]

    def queryset(self, request, queryset):
        year = filter_year(self.value())
        if year is None:
            return queryset
        return queryset.filter(valid_from__year__lte=year).exclude(valid_until__year__lt=year)


class PartyInline(TabularInline):
    model = m.AgreementParty
    fields = ["order", "organisation", "role"]
    autocomplete_fields = ["organisation"]
    verbose_name_plural = _("parter")


class ClauseInline(StackedInline):
    """Clauses one under another (a table of long texts was wider than the window);
    ``governance.routing.admin`` adds the routing rules taken from each."""

    model = m.Clause
    fields = ["order", "heading", "text", ("organisations", "bodies")]
    autocomplete_fields = ["organisations", "bodies"]
    show_change_link = True
    ordering = ["order", "id"]


class SignatoryInline(TabularInline):
    model = m.Signatory
    fields = ["order", "person", "title", "organisation", "signed_on"]
    autocomplete_fields = ["person", "organisation"]


class DecisionInline(TabularInline):
    model = m.Decision
    fk_name = "agreement"
    fields = ["kind", "body", "decided_by_text", "date", "year", "summary", "reference"]
    autocomplete_fields = ["body"]
    verbose_name = _("beslut (antagande)")
    verbose_name_plural = _("beslut om överenskommelsen")
    show_change_link = True

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.base_fields["kind"].initial = m.DecisionKind.ADOPTION
        return formset


class RelationInline(TabularInline):
    model = m.AgreementRelation
    fk_name = "source"
    fields = ["kind", "target", "decision"]
    autocomplete_fields = ["target", "decision"]
    verbose_name = _("tidigare/överordnad överenskommelse")
    verbose_name_plural = _("relationer till tidigare överenskommelser")


class IncomingRelationInline(TabularInline):
    """Later agreements that replace, renew, extend or rest on this one: here to remove a wrong one.

    A relation is made from the later agreement (it needs the scope of both);
    a coordinator of either side may remove it (``governance.core.scope.LINK_ROWS``).
    """

    model = m.AgreementRelation
    fk_name = "target"
    fields = ["source", "kind", "decision"]
    readonly_fields = fields
    verbose_name = _("senare överenskommelse som hänvisar hit")
    verbose_name_plural = _("senare överenskommelser som hänvisar hit")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# One sentence each: what the choice means for the earlier agreement.
SUCCESSOR_KIND_HELP = {
    m.RelationKind.REPLACES: _(
        "Ersätter: en ny överenskommelse tar över, och den tidigare slutar gälla när den nya "
        "börjar gälla."
    ),
    m.RelationKind.RENEWS: _(
        "Förnyar: samma samarbete fortsätter för en ny period efter ett nytt beslut, och den "
        "tidigare perioden slutar när den nya börjar."
    ),
}


class SuccessorForm(forms.Form):
    """'Registrera efterföljare': the successor's own facts and what it carries over."""

    kind = forms.ChoiceField(
        label=_("Efterföljaren"),
        choices=[(k, SUCCESSOR_KIND_HELP[k]) for k in SUCCESSOR_KINDS],
        widget=forms.RadioSelect,
    )
    title = forms.CharField(label=_("Titel"), max_length=300)
    short_name = forms.CharField(
        label=_("Kortnamn"),
        max_length=80,
        required=False,
        help_text=_("Adressen på webbplatsen bildas av kortnamnet, eller av titeln utan kortnamn."),
    )
    agreement_kind = forms.ChoiceField(label=_("Typ"), choices=m.AgreementKind.choices)
    valid_from = forms.DateField(
        label=_("Gäller från"),
        required=False,
        help_text=_("Skriv datumet som ÅÅÅÅ-MM-DD."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    valid_until = forms.DateField(
        label=_("Gäller till och med"),
        required=False,
        help_text=_("Skriv datumet som ÅÅÅÅ-MM-DD. Tomt: gäller tills den ersätts."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    is_draft = forms.BooleanField(
        label=_("Spara som utkast"),
        required=False,
        help_text=_("Ett utkast ändrar ingenting för den tidigare överenskommelsen."),
    )
    parties = forms.BooleanField(label=_("Parterna"), required=False)
    clauses = forms.BooleanField(label=_("Klausulerna"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    FACTS = (
        "kind",
        "title",
        "short_name",
        "agreement_kind",
        "valid_from",
        "valid_until",
        "is_draft",
    )
    CARRIED = ("parties", "clauses")
    plan_class = SuccessorPlan

    def plan(self) -> SuccessorPlan:
        data = self.cleaned_data
        return self.plan_class(**{name: data[name] for name in self.FACTS + self.CARRIED})


@admin.register(m.Agreement)
class AgreementAdmin(ImportExportRegistryAdmin):
    # "Registrera efterföljare": the form and the services that plan and save a successor
    # (governance.routing.admin extends both with the clauses' routing rules).
    successor_form = SuccessorForm
    successor_services = services
    resource_classes = [AgreementResource]
    list_display = [
        "__str__",
        "kind",
        "county",
        "valid_from",
        "valid_until",
        "status_today",
        "is_draft",
    ]
    list_filter = [StatusTodayFilter, ExpiringFilter, "kind", "county", YearFilter, "is_draft"]
    search_fields = ["title", "short_name", "slug", "reference_number"]
    list_select_related = ["county"]
    autocomplete_fields = ["renewal_body", "source"]
    date_hierarchy = "valid_from"
    inlines = [
        PartyInline,
        ClauseInline,
        SignatoryInline,
        DecisionInline,
        RelationInline,
        AgreementDocumentInline,
        IncomingRelationInline,
    ]
    actions = ["open_successor_form"]
    fieldsets = [
        (None, {"fields": ["title", "short_name", "kind", "reference_number", "county"]}),
        (
            _("Giltighet"),
            {"fields": ["is_draft", "valid_from", "valid_until", "validity_text"]},
        ),
        (
            _("Förlängning"),
            {"fields": ["renewal_type", "notice_period_days", "renewal_body", "renewal_text"]},
        ),
        (_("Innehåll"), {"fields": ["background", "purpose"]}),
        (_("Register"), {"fields": ["slug", "source"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        # status_on() reads the incoming relations and their sources.
        return (
            super()
            .get_queryset(request)
            .prefetch_related("incoming_relations__source", "outgoing_relations__target")
        )

    @admin.display(description=_("status i dag"))
    def status_today(self, obj):
        return obj.get_status_on_display(timezone.localdate())

    def get_urls(self):
        return [
            path(
                "<path:object_id>/efterfoljare/",
                self.admin_site.admin_view(self.successor_view),
                name="agreements_agreement_successor",
            ),
            *super().get_urls(),
        ]

    def _successor_url(self, agreement, kind=None):
        url = reverse(
            "admin:agreements_agreement_successor",
            args=[agreement.pk],
            current_app=self.admin_site.name,
        )
        return f"{url}?kind={kind}" if kind else url

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and self.has_add_permission(request):
            context["successor_url"] = self._successor_url(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def successor_view(self, request, object_id):
        """Register the successor of an agreement in one form: nothing is written until
        the coordinator has seen the preview and saves."""
        agreement = self.get_object(request, unquote(object_id))
        if agreement is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not (self.has_add_permission(request) and self.has_view_permission(request, agreement)):
            raise PermissionDenied
        kind = request.GET.get("kind")
        initial = {
            **successor_initial(
                agreement, kind if kind in SUCCESSOR_KINDS else m.RelationKind.REPLACES
            ),
            **dict.fromkeys(self.successor_form.CARRIED, True),
            "version": agreement.version,
        }
        form = self.successor_form(request.POST or None, initial=initial)
        preview = None
        if request.method == "POST" and form.is_valid():
            try:
                if "_save" in request.POST:
                    saved = self.successor_services.register_successor(
                        agreement,
                        form.plan(),
                        by=request.user,
                        expected_version=form.cleaned_data["version"],
                    )
                    self.log_addition(request, saved.agreement, [{"added": {}}])
                    self.message_user(
                        request,
                        gettext("%(new)s registrerad som efterföljare. %(copied)s")
                        % {"new": saved.agreement, "copied": saved.summary()},
                        messages.SUCCESS,
                    )
                    if saved.old_period_clauses:
                        self.message_user(request, saved.review_sentence(), messages.WARNING)
                    return HttpResponseRedirect(self._change_url(saved.agreement))
                preview = self.successor_services.plan_successor(
                    agreement, form.plan(), by=request.user
                )
            except (ValidationError, IntegrityError, scope.WriteRefused, StaleVersion) as exc:
                form.add_error(None, readable_error(exc))
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Registrera efterföljare till %(agreement)s")
            % {"agreement": agreement},
            "opts": self.opts,
            "original": agreement,
            "form": form,
            "facts": [form[name] for name in form.FACTS],
            "carried": [form[name] for name in form.CARRIED],
            "preview": preview,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/agreements/agreement/successor.html", context)

    @admin.action(description=_("Registrera efterföljare"), permissions=["add"])
    def open_successor_form(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request,
                gettext("Välj en överenskommelse att registrera en efterföljare till."),
                messages.WARNING,
            )
            return None
        return HttpResponseRedirect(self._successor_url(queryset.get()))


@admin.register(m.Clause)
class ClauseAdmin(RegistryAdmin):
    inlines = []  # governance.routing.admin adds the clause's routing rules
    list_display = ["agreement", "order", "heading", "short_text"]
    list_filter = ["agreement__county", "agreement__kind"]
    search_fields = ["text", "heading", "slug", "agreement__title", "agreement__short_name"]
    list_select_related = ["agreement"]
    autocomplete_fields = ["agreement", "organisations", "bodies", "source"]
    ordering = ["agreement", "order"]

    @admin.display(description=_("text"))
    def short_text(self, obj):
        return obj.text[:100]


@admin.register(m.AgreementParty)
class AgreementPartyAdmin(RegistryAdmin):
    list_display = ["agreement", "organisation", "role", "order"]
    list_filter = ["role"]
    search_fields = ["agreement__title", "organisation__name"]
    list_select_related = ["agreement", "organisation"]
    autocomplete_fields = ["agreement", "organisation"]


@admin.register(m.Signatory)
class SignatoryAdmin(RegistryAdmin):
    list_display = ["person", "title", "organisation", "agreement", "signed_on"]
    search_fields = ["person__name", "title", "agreement__title"]
    list_select_related = ["person", "organisation", "agreement"]
    autocomplete_fields = ["agreement", "person", "organisation"]
    date_hierarchy = "signed_on"


class DecisionYearFilter(admin.SimpleListFilter):
    title = _("år")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = m.Decision.objects.exclude(year__isnull=True).values_list("year", flat=True)
        return [(str(y), str(y)) for y in sorted(set(years), reverse=True)]

    def queryset(self, request, queryset):
        year = filter_year(self.value())
        return queryset if year is None else queryset.filter(year=year)


@admin.register(m.Decision)
class DecisionAdmin(ImportExportRegistryAdmin):
    resource_classes = [DecisionResource]
    list_display = ["__str__", "kind", "body", "date", "year", "agreement"]
    list_filter = ["kind", DecisionYearFilter, "body__county", "agreement__county"]
    search_fields = ["summary", "reference", "decided_by_text", "body__name", "body__short_name"]
    list_select_related = ["body", "agreement"]
    autocomplete_fields = ["body", "agreement", "initiative", "source"]
    date_hierarchy = "date"
    inlines = [DecisionDocumentInline]


@admin.register(m.AgreementRelation)
class AgreementRelationAdmin(RegistryAdmin):
    list_display = ["source", "kind", "target", "decision"]
    list_filter = ["kind"]
    search_fields = ["source__title", "target__title", "source__short_name", "target__short_name"]
    list_select_related = ["source", "target", "decision"]
    autocomplete_fields = ["source", "target", "decision"]
