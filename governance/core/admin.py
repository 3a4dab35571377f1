"""Admin for sources and their statements; users, groups and coordinators' scopes (superusers)."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from governance.core import models as m
from governance.core.admin_base import (
    RegistryAdmin,
)


@admin.register(m.SourceDocument)
class SourceDocumentAdmin(RegistryAdmin):
    list_display = ["title", "short_title", "publisher", "year", "published_on", "reference"]
    list_filter = ["year"]
    search_fields = ["title", "publisher", "reference", "slug"]


@admin.register(m.Statement)
class StatementAdmin(RegistryAdmin):
    list_display = ["topic", "kind", "when", "source", "section", "is_quotation"]
    list_filter = ["kind", "source", "is_quotation"]
    search_fields = ["topic", "text", "section"]


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
