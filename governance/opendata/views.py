"""Open data: bulk downloads, Popolo, the DCAT-AP-SE catalogue, and the page that lists them."""

from __future__ import annotations

import json
import math

from django.core.serializers.json import DjangoJSONEncoder
from django.http import FileResponse, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from governance.core.api.viewsets import AnonymousThrottle
from governance.opendata import bulk, dcat, downloads, popolo

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


class DownloadThrottle(AnonymousThrottle):
    """Full downloads per anonymous client; a conditional GET answered 304 is not counted."""

    scope = "downloads"


JSON_DOWNLOAD = downloads.Download(
    "samverkansregistret.json", bulk.as_json, "application/json; charset=utf-8"
)
CSV_DOWNLOAD = downloads.Download("samverkansregistret-csv.zip", bulk.as_csv_zip, "application/zip")


def _popolo_json(base_url: str) -> bytes:
    return json.dumps(popolo.export(), cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode()


POPOLO_DOWNLOAD = downloads.Download("popolo.json", _popolo_json, "application/json; charset=utf-8")


def _serve(request, download: downloads.Download, *, attachment: bool) -> HttpResponse:
    version = downloads.version_to_serve()
    etag = quote_etag(version) if version else None
    if etag:
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            return not_modified
    throttle = DownloadThrottle()
    if not throttle.allow_request(request, None):
        wait = throttle.wait()
        response = HttpResponse(
            _("För många hämtningar. Försök igen om en stund."),
            status=429,
            content_type="text/plain; charset=utf-8",
        )
        if wait:
            response["Retry-After"] = str(math.ceil(wait))
        return response
    # Document links in the files are absolute, so each site address has files of its own.
    base_url = request.build_absolute_uri("/")
    if version is None:
        response = HttpResponse(download.build(base_url), content_type=download.content_type)
    else:
        path = downloads.kept_file(download, version, base_url)
        response = FileResponse(path.open("rb"), content_type=download.content_type)
        response["ETag"] = etag
    if attachment:
        stem, extension = download.name.rsplit(".", 1)
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="{stem}-{stamp}.{extension}"'
    response["Link"] = f'<{bulk.LICENCE_URL}>; rel="license"'
    # Shared caches may keep it, but must ask (If-None-Match) before serving it again.
    response["Cache-Control"] = "public, no-cache"
    return response


@require_GET
def bulk_json(request):
    return _serve(request, JSON_DOWNLOAD, attachment=True)


@require_GET
def bulk_csv(request):
    return _serve(request, CSV_DOWNLOAD, attachment=True)


@require_GET
def popolo_json(request):
    return _serve(request, POPOLO_DOWNLOAD, attachment=False)


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
