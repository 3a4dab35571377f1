from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared core: sources, statements, coordinators' scope and the registry's version.

    Its label is ``governance``, the label the registry's cross-cutting records have always had:
    the routing and webhook models (``governance.routing``, ``governance.opendata``) and the
    county support structures and named roles (``bodies``) keep it too, so that their tables,
    admin addresses, permissions, history and the change feed's model names stay as published.
    Their migrations are this app's.
    """

    name = "governance.core"
    label = "governance"
    verbose_name = _("Styrning")
