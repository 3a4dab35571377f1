from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeedConfig(AppConfig):
    """The registry's seed data: the source documents' facts and the command that loads them."""

    name = "governance.seed"
    label = "seed"
    verbose_name = _("Grunddata")
