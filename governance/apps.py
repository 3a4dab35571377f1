import os

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Styrning")

    def ready(self):
        # The development server's serving process (RUN_MAIN is set by its autoreloader)
        # generates the OpenAPI document ahead, as gunicorn's workers do
        # (gunicorn.conf.py, post_worker_init).
        if os.environ.get("RUN_MAIN") == "true":
            from governance.api_urls import RegistrySchemaView

            RegistrySchemaView.generate_ahead_in_background()


class RegistryAdminConfig(admin_apps.AdminConfig):
    """Django's admin, served by the registry's own site (tasks first, sections in order)."""

    default = False  # named in INSTALLED_APPS; "governance" itself is GovernanceConfig
    default_site = "governance.core.admin_base.RegistryAdminSite"
