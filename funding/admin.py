"""Admin for state grants, allocations, co-financing, distribution keys and funded positions."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from funding import models as m
from funding.resources import AllocationResource, CofinancingShareResource, StateGrantResource
from governance.core.admin_base import ImportExportRegistryAdmin, RegistryAdmin, TabularInline


class AllocationInline(TabularInline):
    model = m.Allocation
    fk_name = "grant"
    fields = ["year", "county", "organisation", "sub_region", "amount_sek", "purpose"]
    autocomplete_fields = ["organisation"]
    show_change_link = True


@admin.register(m.StateGrant)
class StateGrantAdmin(ImportExportRegistryAdmin):
    resource_classes = [StateGrantResource]
    list_display = ["title", "year", "amount_sek", "agreement"]
    list_filter = ["year", "agreement__county"]
    search_fields = ["title", "slug", "description"]
    list_select_related = ["agreement"]
    autocomplete_fields = ["agreement", "source"]
    inlines = [AllocationInline]


@admin.register(m.Allocation)
class AllocationAdmin(ImportExportRegistryAdmin):
    resource_classes = [AllocationResource]
    list_display = ["__str__", "year", "county", "organisation", "sub_region", "amount_sek"]
    list_filter = ["year", "county"]
    search_fields = ["purpose", "sub_region", "organisation__name", "slug"]
    list_select_related = ["county", "organisation", "grant"]
    autocomplete_fields = ["grant", "organisation", "agreement", "source"]


@admin.register(m.CofinancingShare)
class CofinancingShareAdmin(ImportExportRegistryAdmin):
    resource_classes = [CofinancingShareResource]
    list_display = ["year", "principals_share_percent", "state_share", "open_ended", "agreement"]
    list_filter = ["year", "open_ended"]
    search_fields = ["agreement__title", "slug"]
    list_select_related = ["agreement"]
    autocomplete_fields = ["agreement", "source"]

    @admin.display(description=_("statens andel (%)"))
    def state_share(self, obj):
        return obj.state_share_percent


class DistributionShareInline(TabularInline):
    model = m.DistributionShare
    fields = ["organisation", "weight", "share_percent"]
    autocomplete_fields = ["organisation"]


@admin.register(m.DistributionKey)
class DistributionKeyAdmin(RegistryAdmin):
    list_display = ["name", "county", "basis", "agreement"]
    list_filter = ["county"]
    search_fields = ["name", "basis", "slug"]
    list_select_related = ["county", "agreement"]
    autocomplete_fields = ["agreement", "source"]
    inlines = [DistributionShareInline]


@admin.register(m.FundedPosition)
class FundedPositionAdmin(RegistryAdmin):
    list_display = ["title", "count", "host", "county", "from_year", "until_year"]
    list_filter = ["county", "from_year"]
    search_fields = ["title", "host__name", "funding_text", "slug"]
    list_select_related = ["host", "county"]
    autocomplete_fields = ["host", "funders", "source"]


@admin.register(m.DistributionShare)
class DistributionShareAdmin(RegistryAdmin):
    list_display = ["key", "organisation", "weight", "share_percent"]
    list_filter = ["key"]
    search_fields = ["key__name", "organisation__name"]
    list_select_related = ["key", "organisation"]
    autocomplete_fields = ["key", "organisation"]
