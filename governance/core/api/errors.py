"""One place that turns every failure of an API request into a clear 4xx response.

Shapes (all JSON):
- 400: ``{"<field>": ["message", …], "non_field_errors": [...]}`` or ``{"detail": "…"}`` (also
  for a body too large, ``DATA_UPLOAD_MAX_MEMORY_SIZE``, or nested too deep to parse)
- 401/403/404/405/406/415/429: ``{"detail": "…"}`` (429 also has ``Retry-After``)
- 409: ``{"detail": "…", "referrers": ["Beslut: …", …]}`` (``referrers`` empty when the
  write collided with a concurrent one: try again)
- 412: ``{"detail": "…", "current_version": 3, "changes": [{"field", "label", "before", "after"}]}``
  (``current_version`` null when the record was deleted meanwhile; without ``If-Match``
  that is a 404)
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError, OperationalError
from django.db.models import ProtectedError, RestrictedError
from rest_framework import exceptions, serializers, status
from rest_framework.views import exception_handler as drf_exception_handler

from governance.core.concurrency import (
    RecordGone,
    StaleVersion,
    is_write_collision,
    write_collision_message,
)
from governance.core.deletion import describe
from governance.core.scope import WriteRefused

from .serializers import validation_error_from_django, validation_error_from_integrity


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Posten kan inte tas bort eftersom andra poster hänvisar till den."
    default_code = "conflict"

    def __init__(self, referrers: list[str], detail=None):
        super().__init__(detail)
        self.referrers = referrers


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "Posten har ändrats sedan du hämtade den."
    default_code = "precondition_failed"

    def __init__(self, detail=None, *, current_version=None, changes=()):
        super().__init__(detail)
        self.current_version = current_version
        self.changes = list(changes)


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = validation_error_from_django(exc)
    elif isinstance(exc, IntegrityError):
        exc = validation_error_from_integrity(exc)
    elif isinstance(exc, DataError):
        exc = exceptions.ValidationError({"detail": "Ett värde är ogiltigt eller för stort."})
    elif isinstance(exc, (ProtectedError, RestrictedError)):
        objs = list(
            getattr(exc, "protected_objects", None) or getattr(exc, "restricted_objects", [])
        )
        exc = Conflict(describe(objs))
    elif isinstance(exc, OperationalError) and is_write_collision(exc):
        exc = Conflict([], detail=write_collision_message())
    elif isinstance(exc, RecordGone) and not _has_if_match(context):
        exc = exceptions.NotFound(exc.message())
    elif isinstance(exc, StaleVersion):
        exc = PreconditionFailed(exc.message(), current_version=exc.current, changes=exc.changes)
    elif isinstance(exc, WriteRefused):
        exc = exceptions.PermissionDenied(exc.message)
    elif isinstance(exc, RequestDataTooBig):
        exc = exceptions.ParseError(
            f"Innehållet är för stort: högst {settings.DATA_UPLOAD_MAX_MEMORY_SIZE} byte tas emot."
        )

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, Conflict):
        response.data = {"detail": str(exc.detail), "referrers": exc.referrers}
    elif isinstance(exc, PreconditionFailed):
        response.data = {
            "detail": str(exc.detail),
            "current_version": exc.current_version,
            "changes": [
                {"field": c.field, "label": c.label, "before": c.before, "after": c.after}
                for c in exc.changes
            ],
        }
    return response


def _has_if_match(context) -> bool:
    request = context.get("request")
    return bool(request is not None and request.headers.get("If-Match"))


# Shapes for the schema -------------------------------------------------------------


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


class ConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
    referrers = serializers.ListField(
        child=serializers.CharField(), help_text="What refers to the record, as 'Typ: namn'."
    )


class StaleChangeSerializer(serializers.Serializer):
    field = serializers.CharField()
    label = serializers.CharField()
    before = serializers.CharField()
    after = serializers.CharField()


class PreconditionFailedSerializer(serializers.Serializer):
    detail = serializers.CharField()
    current_version = serializers.IntegerField(allow_null=True)
    changes = StaleChangeSerializer(many=True)


VALIDATION_ERROR_SCHEMA = {
    "type": "object",
    "description": "Field name (or `non_field_errors`, `detail`) → messages.",
    "additionalProperties": {
        "oneOf": [
            {"type": "string"},
            {"type": "array", "items": {}},
            {"type": "object", "additionalProperties": {}},
        ]
    },
}
