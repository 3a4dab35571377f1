from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    """Open data: bulk downloads, the change feed, DCAT, Popolo and webhooks.

    The webhook models keep the app label ``governance`` (see ``governance.core.apps``)."""

    name = "governance.opendata"
    label = "opendata"
    verbose_name = _("Öppna data")
