"""OpenAPI documentation of what every registry endpoint shares.

``RegistryAutoSchema`` adds to each operation the error responses the base
classes can produce (400, 401, 403, 404, 406, 409, 412, 429), the 304 of a
conditional GET, and the ``ETag`` / ``If-None-Match`` / ``If-Match`` /
``Retry-After`` headers, so no view has to repeat them.
"""

from __future__ import annotations

from drf_spectacular.authentication import SessionScheme
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from .errors import (
    VALIDATION_ERROR_SCHEMA,
    ConflictSerializer,
    ErrorSerializer,
    PreconditionFailedSerializer,
)
from .fields import RefSerializer

JSON = ["application/json"]

ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    response=["200", "201", "304"],
    description="Entity tag of the representation. On a single record it starts with the "
    'record\'s version (`"<version>-<hash>"`); send it back in `If-Match` when you change '
    "the record, or in `If-None-Match` to get 304 when nothing changed.",
)
RETRY_AFTER = OpenApiParameter(
    "Retry-After",
    OpenApiTypes.INT,
    location=OpenApiParameter.HEADER,
    response=["429"],
    description="Seconds to wait before the next request.",
)
IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=False,
    description="ETag(s) from an earlier response: 304 Not Modified when one still matches.",
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=False,
    description="The ETag you read the record with. When the record has changed since, the "
    "request is refused with 412 Precondition Failed and what changed in between.",
)


FORMAT = OpenApiParameter(
    "format",
    OpenApiTypes.STR,
    enum=["json", "csv", "api"],
    description="`csv` for a spreadsheet (a list: every matching row, not one page; nested "
    "records flattened), `api` for the browsable HTML view. Default JSON.",
)


class RegistryAutoSchema(AutoSchema):
    def get_override_parameters(self):
        params = list(super().get_override_parameters())
        method = self.method.upper()
        if method == "GET":
            params += [IF_NONE_MATCH, ETAG]
            renderers = getattr(self.view, "renderer_classes", [])
            if any(getattr(r, "format", None) == "csv" for r in renderers):
                params.append(FORMAT)
        elif method in ("PUT", "PATCH"):
            params += [IF_MATCH, ETAG]
        elif method == "DELETE":
            params.append(IF_MATCH)
        elif method == "POST":
            params.append(ETAG)
        params.append(RETRY_AFTER)
        return params

    def _error(self, code: str, body, description: str) -> dict:
        if body is None:
            response = self._get_response_for_code(None, code, direction="response")
            response["description"] = description
            return response
        response = self._get_response_for_code(body, code, media_types=JSON)
        response["description"] = description
        return response

    def _is_detail(self) -> bool:
        return "{" in self.path

    def _get_response_bodies(self, direction="response"):
        responses = dict(super()._get_response_bodies(direction))
        method = self.method.upper()
        codes: dict[str, tuple] = {
            "400": (VALIDATION_ERROR_SCHEMA, "Invalid parameter or body: messages per field."),
            "406": (ErrorSerializer, "No renderer for the requested format."),
            "429": (ErrorSerializer, "Too many requests; see `Retry-After`."),
        }
        if method == "GET":
            codes["304"] = (None, "Not modified (the `If-None-Match` ETag still matches).")
            codes["404"] = (ErrorSerializer, "No such record or page.")
        else:
            codes["401"] = (ErrorSerializer, "Not authenticated (token or session required).")
            codes["403"] = (
                ErrorSerializer,
                "Not allowed: not a coordinator (Samordnare), the record or a record it links "
                "to is outside your county scope (`detail` names the county), or missing CSRF "
                "token.",
            )
        if method in ("PUT", "PATCH", "DELETE"):
            codes["404"] = (ErrorSerializer, "No such record (or it was deleted meanwhile).")
            codes["412"] = (
                PreconditionFailedSerializer,
                "The record changed (or was deleted: `current_version` null) since the "
                "`If-Match` ETag was read.",
            )
        if method in ("POST", "PUT", "PATCH", "DELETE"):
            codes["409"] = (
                ConflictSerializer,
                "Other records refer to this one (a delete), or the write collided with a "
                "concurrent one and was not saved (`referrers` empty): try again.",
            )
        for code, (body, description) in codes.items():
            responses.setdefault(code, self._error(code, body, description))
        return dict(sorted(responses.items()))


class RefFieldExtension(OpenApiSerializerFieldExtension):
    """A reference is ``{slug, name, url}`` in responses and the slug in requests."""

    target_class = "governance.core.api.fields.RefField"

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return {"type": "string", "description": "Slug of the related record."}
        return auto_schema.resolve_serializer(RefSerializer, direction).ref


class VerifiedSessionScheme(SessionScheme):
    """The session, as for DRF's own class: the second login step changes nothing in the schema."""

    target_class = "governance.core.two_factor.VerifiedSessionAuthentication"
    priority = 0
