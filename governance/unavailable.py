"""When the database cannot be reached: 503 with ``Retry-After``, not a 500 page.

A lost connection is the registry being unavailable for a while, not a fault in the
request: clients and load balancers should try again, and the API's clients get JSON as
they do for every other answer. ``DatabaseUnavailableMiddleware`` answers for failures in
views; ``server_error`` (the 500 handler) for those raised elsewhere, e.g. in middleware.
"""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.defaults import server_error as django_server_error

RETRY_AFTER_SECONDS = 30
API_PREFIX = "/api/"


def is_unavailable(exc: BaseException | None) -> bool:
    """The database could not be reached (or the connection was lost)."""
    return isinstance(exc, (OperationalError, InterfaceError))


def unavailable_response(request) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        response = JsonResponse(
            {"detail": "Registret är tillfälligt otillgängligt. Försök igen om en stund."},
            status=503,
        )
    else:
        # No template that reads the database: it is what is missing.
        response = HttpResponse(render_to_string("503.html", request=None), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turn a failed database connection in a view into 503 + ``Retry-After``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_unavailable(exception):
            return unavailable_response(request)
        return None


def server_error(request, *args, **kwargs):
    """The 500 handler: 503 when the cause is an unreachable database."""
    if is_unavailable(sys.exc_info()[1]):
        return unavailable_response(request)
    return django_server_error(request, *args, **kwargs)
