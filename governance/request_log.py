"""One JSON log line per request: method, path, status, duration and user id.

Nothing else is logged: no query string (search terms can name people), no IP
address, no user name or e-mail, no headers. The user is identified only by
its numeric id, which means nothing outside the registry's own database.
The formatter (JSON on stdout) is configured in ``settings.LOGGING``.
"""

from __future__ import annotations

import logging
import time

logger = logging.getLogger("governance.request")

# The only keys a request line carries besides the logger's own (time, level).
FIELDS = ("method", "path", "status", "duration_ms", "user_id")


def _user_id(request) -> int | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return user.pk


class RequestLogMiddleware:
    """Outermost middleware, so the duration covers the whole stack."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        if logger.isEnabledFor(logging.INFO):
            logger.info(
                "request",
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "user_id": _user_id(request),
                },
            )
        return response
