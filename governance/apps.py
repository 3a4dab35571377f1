from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate


def _install_change_triggers(sender, using="default", **kwargs):
    from governance.read_cache import install_change_triggers

    install_change_triggers(using)


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Styrning"

    def ready(self):
        # After every migrate (and test database set-up), so a table added later
        # moves the registry's version too.
        post_migrate.connect(_install_change_triggers, sender=self)


class RegistryAdminConfig(admin_apps.AdminConfig):
    """Django's admin, served by the registry's own site (tasks first, sections in order)."""

    default = False  # named in INSTALLED_APPS; "governance" itself is GovernanceConfig
    default_site = "governance.admin_base.RegistryAdminSite"
