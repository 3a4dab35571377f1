"""Admin for sources, support structures, initiatives, routing rules, goals; users and scopes."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from governance import models as m
from governance.admin_base import (
    VERSION_FIELD,
    RegistryAdmin,
    RegistryInlineForm,
    StackedInline,
    TabularInline,
    name_third_party_models,
)
from governance.routing import check_conflicts, rules_in_force_on, save_routing_rule

name_third_party_models()


@admin.register(m.SourceDocument)
class SourceDocumentAdmin(RegistryAdmin):
    list_display = ["title", "short_title", "publisher", "year", "published_on", "reference"]
    list_filter = ["year"]
    search_fields = ["title", "publisher", "reference", "slug"]


class PlatformHostInline(TabularInline):
    model = m.PlatformHost
    fields = ["kind", "organisation", "note"]
    autocomplete_fields = ["organisation"]


@admin.register(m.SupportStructure)
class SupportStructureAdmin(RegistryAdmin):
    list_display = [
        "county",
        "in_fou_environment",
        "plan_decision_level",
        "has_political_arena",
    ]
    list_filter = ["plan_decision_level", "in_fou_environment", "has_political_arena"]
    search_fields = ["county__name", "political_arena", "plan_decided_by"]
    list_select_related = ["county"]
    autocomplete_fields = ["source"]
    inlines = [PlatformHostInline]


@admin.register(m.PlatformHost)
class PlatformHostAdmin(RegistryAdmin):
    list_display = ["support_structure", "kind", "organisation", "note"]
    list_filter = ["kind"]
    search_fields = ["support_structure__county__name", "organisation__name", "note"]
    list_select_related = ["support_structure__county", "organisation"]
    autocomplete_fields = ["organisation"]


@admin.register(m.Matter)
class MatterAdmin(RegistryAdmin):
    list_display = ["name", "order", "slug"]
    search_fields = ["name", "slug", "description"]


@admin.register(m.Initiative)
class InitiativeAdmin(RegistryAdmin):
    list_display = ["__str__", "year", "concerns", "county", "matter", "source_agreement"]
    list_filter = ["concerns", "county", "matter", "year"]
    search_fields = ["title", "short_name", "slug", "subject"]
    list_select_related = ["county", "matter", "source_agreement"]
    autocomplete_fields = ["source_agreement", "matter", "source"]


class RoutingRuleInlineForm(RegistryInlineForm):
    """A rule on its clause's page. A conflict is shown on the rule's own form before anything
    is saved (the formsets are validated before the first write); the rule is then written by
    the routing rules' one write service (``RoutingRuleWrites.save_formset``), which checks
    again under its lock."""

    def _post_clean(self):
        super()._post_clean()
        if self.errors or (self.instance.pk and not self.has_changed()):
            return
        try:
            check_conflicts(self.instance, self.cleaned_data.get("handlers"))
        except ValidationError as exc:
            self.add_error(None, exc)


class RoutingRuleInline(StackedInline):
    """A clause's routing rules, on the clause's own page."""

    model = m.RoutingRule
    form = RoutingRuleInlineForm
    fk_name = "clause"
    fields = [
        ("matter", "concerns"),
        ("county", "priority"),
        "handlers",
        "deciding_body",
        "explanation",
        ("valid_from", "valid_until"),
    ]
    autocomplete_fields = ["matter", "handlers", "deciding_body"]
    verbose_name_plural = _("hanteringsregler från klausulen")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("handlers")


class RoutingRuleWrites:
    """For an admin showing ``RoutingRuleInline``: its rules are written through
    ``save_routing_rule`` like every other write of a routing rule."""

    def save_formset(self, request, form, formset, change):
        if formset.model is not m.RoutingRule:
            return super().save_formset(request, form, formset, change)
        formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        for rule_form in formset.forms:
            if rule_form in formset.deleted_forms or not rule_form.has_changed():
                continue
            save_routing_rule(
                rule_form.instance, rule_form.cleaned_data.get("handlers"), user=request.user
            )


class InForceFilter(admin.SimpleListFilter):
    title = _("gäller i dag")
    parameter_name = "in_force"

    def lookups(self, request, model_admin):
        return [("yes", _("Ja")), ("no", _("Nej"))]

    def queryset(self, request, queryset):
        # The rule's own dates and, where it has none, its agreement's validity.
        if self.value() in ("yes", "no"):
            current = rules_in_force_on(timezone.localdate(), queryset).values("pk")
            if self.value() == "yes":
                return queryset.filter(pk__in=current)
            return queryset.exclude(pk__in=current)
        return queryset


@admin.register(m.RoutingRule)
class RoutingRuleAdmin(RegistryAdmin):
    list_display = [
        "matter",
        "concerns",
        "county",
        "handler_names",
        "deciding_body",
        "clause_link",
        "priority",
        "valid_from",
        "valid_until",
    ]
    list_filter = ["county", "matter", "concerns", InForceFilter, "clause__agreement__kind"]
    search_fields = [
        "matter__name",
        "explanation",
        "clause__text",
        "clause__agreement__title",
        "clause__agreement__short_name",
        "slug",
    ]
    list_select_related = ["county", "matter", "deciding_body", "clause__agreement"]
    autocomplete_fields = ["matter", "handlers", "deciding_body", "clause", "source"]
    fieldsets = [
        (None, {"fields": ["matter", "concerns", "county", "priority"]}),
        (_("Svar"), {"fields": ["handlers", "deciding_body", "explanation"]}),
        (_("Grund och giltighet"), {"fields": ["clause", "valid_from", "valid_until"]}),
        (_("Register"), {"fields": ["slug", "source"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("handlers")

    def save_model(self, request, obj, form, change):
        # Validated and written with its handlers by the routing rules' one write service;
        # a refusal is shown on the form again (RegistryAdmin.changeform_view).
        expected = form.cleaned_data.get(VERSION_FIELD) if change else None
        save_routing_rule(
            obj, form.cleaned_data.get("handlers"), user=request.user, expected_version=expected
        )

    @admin.display(description=_("klausul"), ordering="clause__agreement__title")
    def clause_link(self, obj):
        return format_html(
            '<a href="{}">{} §{}</a>',
            reverse("admin:agreements_clause_change", args=[obj.clause_id]),
            obj.clause.agreement,
            obj.clause.order,
        )

    @admin.display(description=_("hanteras av"))
    def handler_names(self, obj):
        return ", ".join(o.display_name for o in obj.handlers.all())


@admin.register(m.Goal)
class GoalAdmin(RegistryAdmin):
    list_display = ["number", "__str__", "framing"]
    search_fields = ["text"]


@admin.register(m.Milestone)
class MilestoneAdmin(RegistryAdmin):
    list_display = ["year", "title", "reference"]
    list_filter = ["year"]
    search_fields = ["title", "text", "reference"]


@admin.register(m.Statement)
class StatementAdmin(RegistryAdmin):
    list_display = ["topic", "kind", "when", "source", "section", "is_quotation"]
    list_filter = ["kind", "source", "is_quotation"]
    search_fields = ["topic", "text", "section"]


@admin.register(m.PersonRole)
class PersonRoleAdmin(RegistryAdmin):
    list_display = ["person", "role", "organisation", "source", "section"]
    list_filter = ["source"]
    search_fields = ["person__name", "role"]
    autocomplete_fields = ["person", "organisation"]


# Users and coordinator scopes: superusers only ------------------------------------


class SuperuserOnlyMixin:
    """Only superusers see or manage users, groups and coordinators' counties."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request, *args):
        return request.user.is_active and request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser


@admin.register(m.CoordinatorScope)
class CoordinatorScopeAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["user", "county_names", "national"]
    list_filter = ["national", "counties"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    filter_horizontal = ["counties"]
    autocomplete_fields = ["user"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user").prefetch_related("counties")

    @admin.display(description=_("län"))
    def county_names(self, obj):
        return ", ".join(c.name for c in obj.counties.all())


class CoordinatorScopeInline(SuperuserOnlyMixin, admin.StackedInline):
    model = m.CoordinatorScope
    can_delete = False
    filter_horizontal = ["counties"]
    verbose_name_plural = _("samordnares ansvarsområde")


User = get_user_model()
for _model in (User, Group):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


@admin.register(User)
class RegistryUserAdmin(SuperuserOnlyMixin, UserAdmin):
    inlines = [CoordinatorScopeInline]


@admin.register(Group)
class RegistryGroupAdmin(SuperuserOnlyMixin, GroupAdmin):
    pass


# Webhook subscriptions (kept by coordinators) and the delivery log live with the
# rest of the open-data code.
from governance.opendata import admin as opendata_admin  # noqa: E402, F401
