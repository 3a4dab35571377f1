"""The REST API, version 1, and its OpenAPI schema and documentation."""

import threading

from csp.decorators import csp_update
from django.conf import settings
from django.templatetags.static import static
from django.urls import include, path
from django.utils import translation
from django.utils.html import format_html
from django.views.decorators.http import require_safe
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.reverse import reverse
from rest_framework.routers import APIRootView, DefaultRouter

from governance.api.agreements.views import AgreementViewSet, DecisionViewSet
from governance.api.bodies.views import (
    BodyViewSet,
    ChairTermViewSet,
    CountyViewSet,
    MeetingViewSet,
    MembershipViewSet,
    MunicipalityViewSet,
    OrganisationViewSet,
    PersonRoleViewSet,
    PersonViewSet,
    SeatViewSet,
    SupportStructureViewSet,
)
from governance.api.documents.views import DocumentViewSet
from governance.api.funding.views import (
    AllocationViewSet,
    CofinancingViewSet,
    DistributionKeyViewSet,
    FundedPositionViewSet,
    StateGrantViewSet,
)
from governance.api.routing.resolver import RoutingResolveView
from governance.api.routing.views import (
    GoalViewSet,
    InitiativeViewSet,
    MatterViewSet,
    MilestoneViewSet,
    RoutingRuleViewSet,
)
from governance.core.api.fields import register_route
from governance.core.api.statements import StatementViewSet
from governance.opendata.api import ChangeFeedView


class RegistryAPIRoot(APIRootView):
    """Samverkansregistret's REST API, version 1.

    Every resource of the registry, read openly and written by coordinators with a token. The
    routing resolver answers who handles a matter on a given day; the change feed lists every
    create, update and delete in order. The OpenAPI description is at /api/schema/, its
    documentation at /api/docs/.
    """

    def get_view_name(self):
        return "Samverkansregistret API v1"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        for name in ("routing-resolve", "changes"):
            response.data[name] = reverse(name, request=request, format=kwargs.get("format"))
        return response


class RegistryRouter(DefaultRouter):
    """Registers each resource's model, so references can link to its detail URL."""

    APIRootView = RegistryAPIRoot

    def register(self, prefix, viewset, basename=None):
        basename = basename or prefix
        register_route(viewset.queryset.model, basename)
        super().register(prefix, viewset, basename=basename)


router = RegistryRouter()
router.register("counties", CountyViewSet)
router.register("municipalities", MunicipalityViewSet)
router.register("organisations", OrganisationViewSet)
router.register("persons", PersonViewSet)
router.register("bodies", BodyViewSet)
router.register("seats", SeatViewSet)
router.register("memberships", MembershipViewSet)
router.register("chair-terms", ChairTermViewSet)
router.register("meetings", MeetingViewSet)
router.register("agreements", AgreementViewSet)
router.register("decisions", DecisionViewSet)
router.register("matters", MatterViewSet)
router.register("initiatives", InitiativeViewSet)
router.register("routing-rules", RoutingRuleViewSet)
router.register("support-structures", SupportStructureViewSet)
router.register("goals", GoalViewSet)
router.register("milestones", MilestoneViewSet)
router.register("statements", StatementViewSet)
router.register("named-roles", PersonRoleViewSet)
router.register("grants", StateGrantViewSet)
router.register("allocations", AllocationViewSet)
router.register("cofinancing", CofinancingViewSet)
router.register("distribution-keys", DistributionKeyViewSet)
router.register("positions", FundedPositionViewSet)
router.register("documents", DocumentViewSet)


class RegistrySchemaView(SpectacularAPIView):
    """The OpenAPI document, generated once per process, version and language.

    It is the same for every request of a release, and generating it takes a second: the
    documentation page would otherwise wait that long on every visit.
    """

    _generated: dict = {}

    def _get_schema_response(self, request):
        version = self.api_version or request.version or self._get_version_parameter(request)
        schema = self.schema_for(version, translation.get_language(), request)
        from rest_framework.response import Response

        return Response(
            data=schema,
            headers={
                "Content-Disposition": f'inline; filename="{self._get_filename(request, version)}"'
            },
        )

    @classmethod
    def schema_for(cls, version, language, request=None) -> dict:
        key = (version, language)
        schema = cls._generated.get(key)
        if schema is None:
            generator = cls.generator_class(
                urlconf=cls.urlconf, api_version=version, patterns=cls.patterns
            )
            schema = generator.get_schema(request=request, public=cls.serve_public)
            cls._generated[key] = schema
        return schema

    @classmethod
    def generate_ahead(cls) -> None:
        """Generate the document in every language before anyone asks, so that the first
        visit to the documentation does not wait for it either."""
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                cls.schema_for(None, language)

    @classmethod
    def generate_ahead_in_background(cls) -> threading.Thread:
        # A daemon thread: a server that starts serving at once, and a process that can
        # still stop while the thread works.
        thread = threading.Thread(target=cls.generate_ahead, name="openapi-ahead", daemon=True)
        thread.start()
        return thread


@require_safe
def redoc(request):
    """ReDoc from the app's own static files (no CDN, no inline script or style)."""
    from django.http import HttpResponse

    html = format_html(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Samverkansregistret API – ReDoc</title></head>"
        '<body><redoc spec-url="{}"></redoc><script src="{}"></script></body></html>',
        "/api/schema/",
        static("drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"),
    )
    return HttpResponse(html)


# Swagger UI and ReDoc set inline styles from their scripts (and ReDoc runs a web
# worker from a blob): allowed on these two pages only. Scripts stay 'self'.
docs_csp = csp_update({"style-src": ["'unsafe-inline'"], "worker-src": ["'self'", "blob:"]})

urlpatterns = [
    path("v1/routing/resolve/", RoutingResolveView.as_view(), name="routing-resolve"),
    path("v1/changes/", ChangeFeedView.as_view(), name="changes"),
    path("v1/", include(router.urls)),
    path("schema/", RegistrySchemaView.as_view(), name="schema"),
    path(
        "docs/",
        docs_csp(SpectacularSwaggerSplitView.as_view(url_name="schema")),
        name="swagger-ui",
    ),
    path("docs/redoc/", docs_csp(redoc), name="redoc"),
]
