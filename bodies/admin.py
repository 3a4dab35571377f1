"""Admin for counties, municipalities, organisations, people and bodies."""

from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from bodies import models as m
from bodies import services
from bodies.resources import BodyResource, OrganisationResource
from governance.core.admin_base import (
    ImportExportRegistryAdmin,
    RegistryAdmin,
    RegistryInlineForm,
    RegistryModelForm,
    StackedInline,
    TabularInline,
)


class ChairTermFormMixin:
    """A chair term changed by hand is marked as such, so that regenerating the rotation
    (``services.generate_chair_terms``) leaves it as the coordinator entered it."""

    def clean(self):
        cleaned = super().clean()
        edited = set(self.changed_data) - {"generated", "version"}
        if self.instance.pk and self.instance.generated and edited:
            cleaned["generated"] = False
        return cleaned


class ChairTermForm(ChairTermFormMixin, RegistryModelForm):
    pass


class ChairTermInlineForm(ChairTermFormMixin, RegistryInlineForm):
    pass


class EndingSoonFilter(admin.SimpleListFilter):
    """Rows whose term ends within the warning period (setting ``TERM_END_WARNING_DAYS``)."""

    title = _("slutar snart")
    parameter_name = "ending"
    ending_within = None  # a function of bodies.services: (days, today, queryset) -> queryset

    def lookups(self, request, model_admin):
        days = services.term_end_warning_days()
        return [
            ("soon", ngettext("inom %(days)d dag", "inom %(days)d dagar", days) % {"days": days})
        ]

    def queryset(self, request, queryset):
        if self.value() == "soon":
            return type(self).ending_within(
                services.term_end_warning_days(), timezone.localdate(), queryset
            )
        return queryset


class MembershipEndingSoonFilter(EndingSoonFilter):
    ending_within = staticmethod(services.memberships_ending_within)


class ChairTermEndingSoonFilter(EndingSoonFilter):
    ending_within = staticmethod(services.chair_terms_ending_within)


@admin.register(m.County)
class CountyAdmin(RegistryAdmin):
    list_display = ["code", "name", "slug"]
    search_fields = ["name", "code", "slug"]
    ordering = ["code"]


@admin.register(m.Municipality)
class MunicipalityAdmin(RegistryAdmin):
    list_display = ["code", "name", "county", "federation"]
    list_filter = ["county"]
    search_fields = ["name", "code", "slug"]
    list_select_related = ["county", "federation"]
    autocomplete_fields = ["federation"]


class OrganisationIdentifierInline(TabularInline):
    model = m.Identifier
    fk_name = "organisation"
    fields = ["scheme", "value"]


class OrganisationFormerNameInline(TabularInline):
    model = m.FormerName
    fk_name = "organisation"
    fields = ["name", "used_from", "used_until"]


@admin.register(m.Organisation)
class OrganisationAdmin(ImportExportRegistryAdmin):
    resource_classes = [OrganisationResource]
    list_display = ["name", "short_name", "kind", "county", "parent"]
    list_filter = ["kind", "county"]
    search_fields = ["name", "short_name", "slug", "former_names__name"]
    list_select_related = ["county", "parent"]
    autocomplete_fields = ["parent", "source"]
    inlines = [OrganisationIdentifierInline, OrganisationFormerNameInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "kind", "county", "parent"]}),
        (_("Beskrivning"), {"fields": ["description", "website"]}),
        (_("Register"), {"fields": ["slug", "source"], "classes": ["collapse"]}),
    ]


@admin.register(m.Person)
class PersonAdmin(RegistryAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]


class ResponsibilityInline(TabularInline):
    model = m.Responsibility
    fields = ["order", "text"]


class SeatInline(TabularInline):
    model = m.Seat
    fields = ["order", "side", "role", "appointing_organisation", "count", "voting", "term_months"]
    autocomplete_fields = ["appointing_organisation"]
    show_change_link = True


class MeetingInline(TabularInline):
    model = m.Meeting
    fields = ["date", "minutes_reference", "minutes_url", "notes"]
    show_change_link = True


class BodyIdentifierInline(TabularInline):
    model = m.Identifier
    fk_name = "body"
    fields = ["scheme", "value"]


class BodyFormerNameInline(TabularInline):
    model = m.FormerName
    fk_name = "body"
    fields = ["name", "used_from", "used_until"]


class ChairRotationRuleInline(StackedInline):
    model = m.ChairRotationRule
    max_num = 1
    fields = [
        "term_months",
        "first_term_starts_on",
        "first_chair_side",
        "vice_chair_from_other_side",
    ]


class ChairTermInline(TabularInline):
    model = m.ChairTerm
    form = ChairTermInlineForm
    fields = ["role", "side", "person", "starts_on", "ends_on", "generated"]
    autocomplete_fields = ["person"]


class ActiveFilter(admin.SimpleListFilter):
    title = _("verksam i dag")
    parameter_name = "active"

    def lookups(self, request, model_admin):
        return [("yes", _("Ja")), ("no", _("Nej"))]

    def queryset(self, request, queryset):
        from django.utils import timezone

        today = timezone.localdate()
        active = m.Body.objects.active_on(today).values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=active)
        if self.value() == "no":
            return queryset.exclude(pk__in=active)
        return queryset


@admin.register(m.Body)
class BodyAdmin(ImportExportRegistryAdmin):
    resource_classes = [BodyResource]
    list_display = [
        "name",
        "short_name",
        "kind",
        "level",
        "status",
        "county",
        "parent",
        "has_decision_mandate",
        "established_on",
    ]
    list_filter = ["kind", "level", "status", "county", ActiveFilter, "has_decision_mandate"]
    search_fields = ["name", "short_name", "slug", "former_names__name"]
    list_select_related = ["county", "parent"]
    autocomplete_fields = ["parent", "commissioned_by", "owners", "source"]
    date_hierarchy = "established_on"
    inlines = [
        ResponsibilityInline,
        SeatInline,
        MeetingInline,
        ChairRotationRuleInline,
        ChairTermInline,
        BodyIdentifierInline,
        BodyFormerNameInline,
    ]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "kind", "level", "status", "county"]}),
        (
            _("Mandat"),
            {
                "fields": [
                    "parent",
                    "owners",
                    "has_decision_mandate",
                    "mandate",
                    "composition",
                    "ending_terms",
                ]
            },
        ),
        (
            _("Arbetsformer"),
            {
                "fields": [
                    "meetings_per_year",
                    "summer_break",
                    "chair_election",
                    "term_months",
                    "rotation",
                    "minutes_kept",
                    "personal_participation",
                    "preparatory_meetings",
                ]
            },
        ),
        (_("Tid"), {"fields": ["established_on", "dissolved_on"]}),
        (
            _("Uppdrag (tidsbegränsade arbetsgrupper)"),
            {
                "fields": [
                    "commissioned_by",
                    "commission_description",
                    "commission_starts_on",
                    "commission_ends_on",
                ],
                "classes": ["collapse"],
            },
        ),
        (_("Register"), {"fields": ["slug", "source"], "classes": ["collapse"]}),
    ]
    readonly_fields = ["ending_terms"]

    @admin.display(description=_("slutar snart"))
    def ending_terms(self, obj):
        days = services.term_end_warning_days()
        if obj is None or obj.pk is None:
            return "–"
        endings = services.terms_ending_within(days, timezone.localdate(), bodies=[obj])
        if not endings:
            return ngettext(
                "Inga mandat eller ordförandeperioder slutar inom %(days)d dag.",
                "Inga mandat eller ordförandeperioder slutar inom %(days)d dagar.",
                days,
            ) % {"days": days}
        return format_html_join(
            mark_safe("<br>"),
            "{}: {} ({}){}",
            (
                (
                    ending.ends_on.isoformat(),
                    ending.role_label,
                    ending.side_label,
                    f", {ending.person}" if ending.person else "",
                )
                for ending in endings
            ),
        )


@admin.register(m.Responsibility)
class ResponsibilityAdmin(RegistryAdmin):
    list_display = ["body", "order", "__str__"]
    list_filter = ["body__county"]
    search_fields = ["text", "body__name", "body__short_name"]
    list_select_related = ["body"]
    autocomplete_fields = ["body"]


class MembershipInline(TabularInline):
    model = m.Membership
    fields = ["person", "role", "represents", "starts_on", "ends_on", "until_successor"]
    autocomplete_fields = ["person", "represents"]


@admin.register(m.Seat)
class SeatAdmin(RegistryAdmin):
    list_display = ["body", "side", "role", "appointing_organisation", "count", "voting"]
    list_filter = ["side", "voting", "body__county"]
    search_fields = ["role", "body__name", "body__short_name"]
    list_select_related = ["body", "appointing_organisation"]
    autocomplete_fields = ["body", "appointing_organisation", "source"]
    inlines = [MembershipInline]


@admin.register(m.Membership)
class MembershipAdmin(RegistryAdmin):
    list_display = ["person", "seat", "role", "represents", "starts_on", "ends_on"]
    list_filter = ["role", MembershipEndingSoonFilter, "seat__body__county", "until_successor"]
    search_fields = ["person__name", "seat__role", "seat__body__name", "seat__body__short_name"]
    list_select_related = ["person", "seat__body", "represents"]
    autocomplete_fields = ["seat", "person", "represents", "source"]
    date_hierarchy = "starts_on"


@admin.register(m.Meeting)
class MeetingAdmin(RegistryAdmin):
    list_display = ["body", "date", "minutes_reference"]
    list_filter = ["body__county", "body"]
    search_fields = ["body__name", "body__short_name", "minutes_reference", "notes"]
    list_select_related = ["body"]
    autocomplete_fields = ["body", "source"]
    date_hierarchy = "date"


@admin.register(m.Identifier)
class IdentifierAdmin(RegistryAdmin):
    list_display = ["scheme", "value", "organisation", "body"]
    list_filter = ["scheme"]
    search_fields = ["value", "organisation__name", "body__name"]
    list_select_related = ["organisation", "body"]
    autocomplete_fields = ["organisation", "body"]


@admin.register(m.FormerName)
class FormerNameAdmin(RegistryAdmin):
    list_display = ["name", "organisation", "body", "used_from", "used_until"]
    search_fields = ["name", "organisation__name", "body__name"]
    list_select_related = ["organisation", "body"]
    autocomplete_fields = ["organisation", "body"]


@admin.register(m.ChairRotationRule)
class ChairRotationRuleAdmin(RegistryAdmin):
    list_display = ["body", "term_months", "first_term_starts_on", "first_chair_side"]
    list_select_related = ["body"]
    search_fields = ["body__name", "body__short_name"]
    autocomplete_fields = ["body"]


@admin.register(m.ChairTerm)
class ChairTermAdmin(RegistryAdmin):
    form = ChairTermForm
    list_display = ["body", "role", "side", "person", "starts_on", "ends_on", "generated"]
    list_filter = ["role", ChairTermEndingSoonFilter, "side", "generated", "body__county"]
    search_fields = ["body__name", "body__short_name", "person__name"]
    list_select_related = ["body", "person"]
    autocomplete_fields = ["body", "person"]
    date_hierarchy = "starts_on"


# County support structures and named roles -------------------------------------


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


@admin.register(m.PersonRole)
class PersonRoleAdmin(RegistryAdmin):
    list_display = ["person", "role", "organisation", "source", "section"]
    list_filter = ["source"]
    search_fields = ["person__name", "role"]
    autocomplete_fields = ["person", "organisation"]
