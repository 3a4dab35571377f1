from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoutingConfig(AppConfig):
    """National initiatives, the matters they raise and the rules saying who handles them.

    Its models keep the app label ``governance`` (see ``governance.core.apps``)."""

    name = "governance.routing"
    label = "routing"
    verbose_name = _("Nationella satsningar och ansvarsfördelning")
