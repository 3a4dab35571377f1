"""Downloads at stable addresses: ``/dokument/<slug>/fil`` is always the current file.

A file is always sent as an attachment with ``nosniff``, so a browser never renders
or runs what was uploaded; a document that is not public is only sent to signed-in
staff (others get 404, as if it did not exist).
"""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from .models import Document, DocumentVersion


def _reader(request):
    """The signed-in user: the session's, or the API token's (systems download with it)."""
    if request.user.is_authenticated or "HTTP_AUTHORIZATION" not in request.META:
        return request.user
    try:
        found = TokenAuthentication().authenticate(request)
    except AuthenticationFailed:
        found = None
    return found[0] if found else request.user


def _send(request, stored, media_type: str, filename: str, *, public: bool):
    try:
        handle = stored.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404("Filen saknas i lagringen.") from exc
    response = FileResponse(handle, content_type=media_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    # Private documents must not be kept by shared caches or the browser's history.
    response["Cache-Control"] = "private, max-age=0" if not public else "public, max-age=300"
    return response


@require_safe
def download(request, slug):
    document = get_object_or_404(Document.objects.visible_to(_reader(request)), slug=slug)
    return _send(
        request,
        document.file,
        document.media_type,
        document.filename,
        public=document.public,
    )


@require_safe
def download_version(request, slug, number):
    version = get_object_or_404(
        DocumentVersion.objects.select_related("document").filter(
            document__in=Document.objects.visible_to(_reader(request))
        ),
        document__slug=slug,
        number=number,
    )
    return _send(
        request,
        version.file,
        version.media_type,
        version.filename,
        public=version.document.public,
    )
