from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Styrning"


class RegistryAdminConfig(admin_apps.AdminConfig):
    """Django's admin, served by the registry's own site (tasks first, sections in order)."""

    default = False  # named in INSTALLED_APPS; "governance" itself is GovernanceConfig
    default_site = "governance.admin_base.RegistryAdminSite"
