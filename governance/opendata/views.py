"""Open data: bulk downloads, Popolo, the DCAT-AP-SE catalogue, and the page that lists them."""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from governance.opendata import bulk, dcat, popolo

TURTLE = "text/turtle"
JSON_LD = "application/ld+json"


class OpenDataView(TemplateView):
    template_name = "opendata/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            breadcrumbs=[(_("Öppna data"), None)],
            licence_name=bulk.LICENCE_NAME,
            licence_url=bulk.LICENCE_URL,
            **kwargs,
        )


def _download(content: bytes, content_type: str, stem: str, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{stem}-{stamp}.{extension}"'
    response["Link"] = f'<{bulk.LICENCE_URL}>; rel="license"'
    return response


@require_GET
def bulk_json(request):
    return _download(
        bulk.as_json(request.build_absolute_uri("/")),
        "application/json; charset=utf-8",
        "samverkansregistret",
        "json",
    )


@require_GET
def bulk_csv(request):
    return _download(
        bulk.as_csv_zip(request.build_absolute_uri("/")),
        "application/zip",
        "samverkansregistret-csv",
        "zip",
    )


@require_GET
def popolo_json(request):
    body = json.dumps(popolo.export(), cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Link"] = f'<{bulk.LICENCE_URL}>; rel="license"'
    return response


def _catalogue(request, fmt: str) -> HttpResponse:
    graph = dcat.catalogue(request.build_absolute_uri("/"))
    if fmt == "json-ld":
        return HttpResponse(
            graph.serialize(format="json-ld"), content_type=f"{JSON_LD}; charset=utf-8"
        )
    return HttpResponse(graph.serialize(format="turtle"), content_type=f"{TURTLE}; charset=utf-8")


@require_GET
def dcat_catalogue(request):
    """The catalogue in the format the client asks for (Turtle unless it prefers JSON-LD)."""
    accept = request.headers.get("Accept", "")
    wants_json_ld = JSON_LD in accept or "application/json" in accept
    response = _catalogue(
        request, "json-ld" if wants_json_ld and TURTLE not in accept else "turtle"
    )
    response["Vary"] = "Accept"
    return response


@require_GET
def dcat_turtle(request):
    return _catalogue(request, "turtle")


@require_GET
def dcat_json_ld(request):
    return _catalogue(request, "json-ld")
