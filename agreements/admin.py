"""Admin for agreements with their parties, clauses, signatories, decisions and lineage."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models.functions import ExtractYear
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agreements import models as m
from agreements.resources import AgreementResource, DecisionResource
from agreements.services import create_successor
from governance.admin_base import (
    ImportExportRegistryAdmin,
    RegistryAdmin,
    TabularInline,
    filter_year,
    readable_error,
)
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


class ClauseInline(TabularInline):
    model = m.Clause
    fields = ["order", "heading", "text", "organisations", "bodies"]
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
    a coordinator of either side may remove it (``governance.scope.LINK_ROWS``).
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


@admin.register(m.Agreement)
class AgreementAdmin(ImportExportRegistryAdmin):
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
    actions = ["make_successor", "make_renewal"]
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

    def _successor_action(self, request, queryset, kind):
        created = []
        for agreement in queryset:
            try:
                created.append(create_successor(agreement, kind=kind, by=request.user))
            except (PermissionDenied, ValidationError) as exc:
                message = readable_error(exc) if isinstance(exc, ValidationError) else str(exc)
                self.message_user(request, f"{agreement}: {message}", messages.ERROR)
        if len(created) == 1:
            self.message_user(
                request,
                gettext("Utkast till efterföljare skapat. Ändra titel, datum och klausuler."),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(
                reverse("admin:agreements_agreement_change", args=[created[0].pk])
            )
        if created:
            self.message_user(
                request,
                gettext("%(n)s utkast till efterföljare skapade.") % {"n": len(created)},
                messages.SUCCESS,
            )
        return None

    @admin.action(description=_("Skapa efterföljare"), permissions=["add"])
    def make_successor(self, request, queryset):
        return self._successor_action(request, queryset, m.RelationKind.REPLACES)

    @admin.action(description=_("Skapa efterföljare som förnyar"), permissions=["add"])
    def make_renewal(self, request, queryset):
        return self._successor_action(request, queryset, m.RelationKind.RENEWS)


@admin.register(m.Clause)
class ClauseAdmin(RegistryAdmin):
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
