"""Top-level URLs: admin, API, public pages, health check, language switch."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from governance.health import healthz

# An unreachable database answers 503 with Retry-After (governance.unavailable).
handler500 = "governance.unavailable.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path(f"{settings.ADMIN_URL}tvastegsinloggning/", include("governance.core.two_factor_views")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("api/", include("governance.api.urls")),
    path("data/", include("governance.opendata.urls")),
    path("dokument/", include("governance.documents.urls")),
    path("", include("governance.site.urls")),
]
