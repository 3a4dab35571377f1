"""The admin site: a coordinator's tasks first, then the registry's sections in a set order,
and Swedish names for the libraries' models."""

from __future__ import annotations

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.utils import quote
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The admin's sections in the order a coordinator works through them (the default
# is alphabetical, which put "Överenskommelser och beslut" last); then the rest.
APP_ORDER = ("agreements", "bodies", "governance", "funding", "documents", "auth", "authtoken")


# Within a section: the records a coordinator starts from first; others follow by name.
MODEL_ORDER = {
    "agreements": ("agreement", "decision", "clause", "agreementparty", "signatory"),
    "bodies": ("body", "organisation", "membership", "chairterm", "meeting", "person"),
    "governance": ("routingrule", "matter", "initiative", "supportstructure", "sourcedocument"),
    "funding": ("stategrant", "allocation", "cofinancingshare", "distributionkey"),
    "documents": ("document",),
}


# Swedish names for the models of the libraries the admin shows (their own
# translations have none); superusers are the only ones who see them.
THIRD_PARTY_NAMES = {
    "axes": (
        _("Inloggningsspärr"),
        {
            "accessattempt": (
                _("misslyckat inloggningsförsök"),
                _("misslyckade inloggningsförsök"),
            ),
            "accessfailurelog": (
                _("misslyckad inloggning"),
                _("logg över misslyckade inloggningar"),
            ),
            "accesslog": (_("inloggning"), _("logg över inloggningar")),
        },
    ),
    "pghistory": (_("Ändringshistorik"), {"events": (_("händelse"), _("händelser"))}),
    "otp_totp": (_("Tvåstegsinloggning: appar"), {"totpdevice": (_("app"), _("appar"))}),
    "otp_static": (
        _("Tvåstegsinloggning: reservkoder"),
        {"staticdevice": (_("uppsättning reservkoder"), _("reservkoder"))},
    ),
    "authtoken": (_("API-nycklar"), {"tokenproxy": (_("API-nyckel"), _("API-nycklar"))}),
}


def name_third_party_models() -> None:
    """Give the libraries' admin models their Swedish names (index, lists, breadcrumbs)."""
    for app_label, (app_name, models_) in THIRD_PARTY_NAMES.items():
        try:
            config = apps.get_app_config(app_label)
        except LookupError:
            continue
        config.verbose_name = app_name
        for model_name, (singular, plural) in models_.items():
            try:
                opts = config.get_model(model_name)._meta
            except LookupError:
                continue
            opts.verbose_name, opts.verbose_name_plural = singular, plural


def _rank(order, key):
    return order.index(key) if key in order else len(order)


class RegistryAdminSite(admin.AdminSite):
    """The admin: a coordinator's tasks first, then the registry's sections in a set order."""

    site_header = _("Samverkansregistret – administration")
    site_title = _("Samverkansregistret")
    index_title = _("Start")
    # The sidebar repeats the start page's list of sections beside every list and form, where
    # it took a quarter of a 1280 px window from the columns; the breadcrumbs lead back.
    enable_nav_sidebar = False

    def get_app_list(self, request, app_label=None):
        # The one place that orders the index and the navigation sidebar alike.
        from governance.core.records import REGISTRY_APPS

        app_list = super().get_app_list(request, app_label)
        if not request.user.is_superuser:
            app_list = [a for a in app_list if a["app_label"] in REGISTRY_APPS]
        app_list.sort(key=lambda a: (_rank(APP_ORDER, a["app_label"]), a["name"]))
        for app in app_list:
            order = MODEL_ORDER.get(app["app_label"], ())
            app["models"].sort(key=lambda m: (_rank(order, m["object_name"].lower()), m["name"]))
        return app_list

    def index(self, request, extra_context=None):
        from agreements.admin_tasks import coordinator_tasks
        from bodies.services import term_end_warning_days

        groups = coordinator_tasks(request.user, timezone.localdate(), term_end_warning_days())
        for group in groups:
            for task in group.tasks:
                task.change_url = self._url(task.link_record, "change")
                task.confirm_url = self._url(task.record, "confirm")
        context = {"task_groups": groups, **(extra_context or {})}
        return super().index(request, context)

    def _url(self, obj, view) -> str:
        opts = obj._meta
        try:
            return reverse(
                f"admin:{opts.app_label}_{opts.model_name}_{view}",
                args=[quote(obj.pk)],
                current_app=self.name,
            )
        except NoReverseMatch:
            return ""
