from django.apps import AppConfig
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
