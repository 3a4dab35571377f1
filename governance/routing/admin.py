"""Admin for national initiatives, their goals and milestones, matters and routing rules.

A clause's page shows the routing rules taken from it: this package extends the clause's
admin (``agreements.admin.ClauseAdmin``) with them, as routing builds on agreements."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agreements.admin import AgreementAdmin, ClauseAdmin, ClauseInline, SuccessorForm
from agreements.models import Agreement, Clause
from governance.core.admin_base import (
    VERSION_FIELD,
    RegistryAdmin,
    RegistryInlineForm,
    StackedInline,
)
from governance.routing import models as m
from governance.routing import successor
from governance.routing.services import check_conflicts, rules_in_force_on, save_routing_rule


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


admin.site.unregister(Clause)


@admin.register(Clause)
class ClauseWithRulesAdmin(RoutingRuleWrites, ClauseAdmin):
    """The clause's page with the routing rules taken from it, written through
    ``save_routing_rule`` like every other write of a routing rule."""

    inlines = [*ClauseAdmin.inlines, RoutingRuleInline]


class ClauseWithRulesInline(ClauseInline):
    """Each clause with the routing rules taken from it and a link to edit them on the
    clause's page."""

    fields = [*ClauseInline.fields, "routing_rules"]
    readonly_fields = ["routing_rules"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("routing_rules__matter", "routing_rules__handlers")
        )

    @admin.display(description=_("hanteringsregler"))
    def routing_rules(self, obj):
        if obj is None or obj.pk is None:
            return gettext("Spara klausulen först; sedan kan regler läggas till.")
        rules = list(obj.routing_rules.all())
        url = reverse("admin:agreements_clause_change", args=[obj.pk]) + "#routing_rules-group"
        if not rules:
            return format_html(
                '{} <a href="{}">{}</a>', gettext("Inga."), url, gettext("Lägg till regel")
            )
        return format_html(
            '<ul class="clause-rules">{}</ul><a href="{}">{}</a>',
            format_html_join(
                "",
                "<li>{} ({}): {}</li>",
                (
                    (
                        r.matter,
                        r.get_concerns_display(),
                        ", ".join(h.display_name for h in r.handlers.all())
                        or (str(r.deciding_body) if r.deciding_body_id else "–"),
                    )
                    for r in rules
                ),
            ),
            url,
            gettext("Ändra klausulens hanteringsregler"),
        )


class SuccessorWithRulesForm(SuccessorForm):
    routing_rules = forms.BooleanField(
        label=_("Klausulernas hanteringsregler"),
        required=False,
        help_text=_("Flyttas till den nya perioden. Kräver att klausulerna följer med."),
    )

    CARRIED = (*SuccessorForm.CARRIED, "routing_rules")
    plan_class = successor.SuccessorPlan

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("routing_rules") and not cleaned.get("clauses"):
            self.add_error(
                "routing_rules",
                gettext(
                    "Hanteringsreglerna hör till klausulerna: välj att klausulerna följer med."
                ),
            )
        return cleaned


admin.site.unregister(Agreement)


@admin.register(Agreement)
class AgreementWithRulesAdmin(AgreementAdmin):
    """The agreement's page with each clause's routing rules, and a successor that carries
    them over (``governance.routing.successor``)."""

    inlines = [ClauseWithRulesInline if i is ClauseInline else i for i in AgreementAdmin.inlines]
    successor_form = SuccessorWithRulesForm
    successor_services = successor
