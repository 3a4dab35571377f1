"""``GET /api/v1/changes/``: the change feed, for systems that keep a copy in sync."""

from __future__ import annotations

from urllib.parse import urlencode

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from governance.core.api.errors import VALIDATION_ERROR_SCHEMA
from governance.core.api.viewsets import RegistryAPIMixin
from governance.documents.models import may_see_private
from governance.opendata.changes import (
    MAX_LIMIT,
    BadCursor,
    Position,
    changes_after,
    tracked_labels,
)


class ChangeSerializer(serializers.Serializer):
    cursor = serializers.CharField(help_text="Pass as `since` to continue after this change.")
    time = serializers.DateTimeField(help_text="When the transaction that made the change began.")
    type = serializers.CharField(
        help_text="Object type as `app.model`, e.g. `agreements.agreement`."
    )
    id = serializers.CharField(help_text="Primary key of the object.")
    slug = serializers.CharField(allow_null=True, help_text="The object's slug, where it has one.")
    action = serializers.ChoiceField(choices=["created", "updated", "deleted"])
    data = serializers.DictField(
        allow_null=True,
        help_text="The object's fields after the change; null for a delete (a tombstone).",
    )


class ChangePageSerializer(serializers.Serializer):
    results = ChangeSerializer(many=True)
    next_cursor = serializers.CharField(
        allow_null=True, help_text="Cursor of the last change on this page; null when empty."
    )
    next = serializers.URLField(
        allow_null=True, help_text="The next page; poll it later when `results` is empty."
    )


class ChangeFeedView(RegistryAPIMixin, APIView):
    """Every create, update and delete across the registry, oldest first."""

    http_method_names = ["get", "head", "options"]
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer]

    @extend_schema(
        operation_id="changes_list",
        summary="Change feed",
        description=(
            "Every create, update and delete across the registry, in order, from the recorded "
            "history (also changes made outside the API). Start with `since` as a timestamp "
            "(or leave it out for everything), then pass the `next_cursor` of each page as "
            "`since`. A page never skips a change: changes of transactions still running "
            "appear once they commit, so keep polling `next` even when `results` is empty."
        ),
        parameters=[
            OpenApiParameter(
                "since",
                OpenApiTypes.STR,
                description="An ISO 8601 timestamp, or a cursor from an earlier page.",
            ),
            OpenApiParameter(
                "limit",
                OpenApiTypes.INT,
                description=f"Changes per page, 1–{MAX_LIMIT} (default 100).",
            ),
            OpenApiParameter(
                "type",
                OpenApiTypes.STR,
                description="Only these object types, comma-separated, e.g. "
                "`agreements.agreement,bodies.body`.",
            ),
        ],
        responses={
            200: ChangePageSerializer,
            400: OpenApiResponse(response=VALIDATION_ERROR_SCHEMA, description="Bad parameters."),
        },
        tags=["changes"],
    )
    def get(self, request):
        params = request.query_params
        errors = {}
        position = None
        since = params.get("since", "")
        if since:
            try:
                position = Position.from_since(since)
            except BadCursor as exc:
                errors["since"] = [
                    f"Ogiltigt värde: {exc}. Ange en tidpunkt (ISO 8601) eller en markör."
                ]
        limit = 100
        raw_limit = params.get("limit", "")
        if raw_limit:
            if not raw_limit.isdigit() or not 1 <= int(raw_limit) <= MAX_LIMIT:
                errors["limit"] = [f"Ange ett heltal från 1 till {MAX_LIMIT}."]
            else:
                limit = int(raw_limit)
        types = [t.strip().lower() for t in params.get("type", "").split(",") if t.strip()]
        unknown = sorted(set(types) - set(tracked_labels()))
        if unknown:
            errors["type"] = [f"Okända posttyper: {', '.join(unknown)}."]
        if errors:
            raise ValidationError(errors)

        changes, last = changes_after(
            position,
            limit=limit,
            types=types or None,
            include_private=may_see_private(request.user),
        )
        # With nothing new, the next page is this one again: poll it later.
        query = {"since": last.encode() if last else since}
        if raw_limit:
            query["limit"] = limit
        if types:
            query["type"] = ",".join(types)
        query = {k: v for k, v in query.items() if v}
        next_url = request.build_absolute_uri(request.path) + (
            f"?{urlencode(query)}" if query else ""
        )
        return Response(
            {
                "results": [
                    {
                        "cursor": c.cursor,
                        "time": c.position.time,
                        "type": c.model,
                        "id": c.object_id,
                        "slug": c.slug,
                        "action": c.action,
                        "data": c.data,
                    }
                    for c in changes
                ],
                "next_cursor": last.encode() if last else None,
                "next": next_url,
            }
        )
