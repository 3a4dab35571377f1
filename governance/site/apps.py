from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The public site's own pages: start, search, timeline, about, glossary."""

    name = "governance.site"
    label = "site"
    verbose_name = _("Webbplatsen")
