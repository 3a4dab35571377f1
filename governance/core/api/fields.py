"""How one record points at another in the API: ``{slug, name, url}`` on read, a slug on write."""

from __future__ import annotations

import re

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

# Model -> router basename of its resource (filled by ``governance.api.urls``).
ROUTES: dict[type[models.Model], str] = {}

# Attributes that name a record, tried in order; records without any are named by slug.
NAME_ATTRIBUTES = ("name", "title", "role", "heading", "summary", "purpose", "text")
NAME_MAX_LENGTH = 120


def register_route(model: type[models.Model], basename: str) -> None:
    ROUTES[model] = basename


def api_url(obj: models.Model, request=None) -> str | None:
    """The API detail URL of ``obj`` (absolute when ``request`` is given), or None."""
    basename = ROUTES.get(type(obj))
    slug = getattr(obj, "slug", None)
    if basename is None or not slug:
        return None
    path = reverse(f"{basename}-detail", kwargs={"slug": slug})
    return request.build_absolute_uri(path) if request is not None else path


def _shorten(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= NAME_MAX_LENGTH else value[: NAME_MAX_LENGTH - 1] + "…"


def ref_name(obj: models.Model) -> str:
    """A human name for ``obj`` that needs no further query."""
    for attr in NAME_ATTRIBUTES:
        value = getattr(obj, attr, None)
        if isinstance(value, str) and value:
            return _shorten(value)
    return getattr(obj, "slug", "") or str(obj.pk)


def ref(obj: models.Model | None, request=None) -> dict | None:
    if obj is None:
        return None
    return {"slug": obj.slug, "name": ref_name(obj), "url": api_url(obj, request)}


_PLAIN_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
_SLUG_MARK = "slug-placeholder-0"


class RefBuilder:
    """``ref()`` from plain values (slug, the name attribute, pk) instead of an instance,
    for read paths that build many references from ``.values()`` rows.

    ``name_attribute`` must be the model's first ``NAME_ATTRIBUTES`` attribute that it
    has; the URL is reversed once and the slug put in, as ``reverse`` would.
    """

    def __init__(self, model: type[models.Model], request=None):
        self.model = model
        self.request = request
        self.name_attribute = next((a for a in NAME_ATTRIBUTES if _has_field(model, a)), None)
        self.prefix = self.suffix = None
        basename = ROUTES.get(model)
        if basename is not None:
            path = reverse(f"{basename}-detail", kwargs={"slug": _SLUG_MARK})
            if request is not None:
                path = request.build_absolute_uri(path)
            self.prefix, _mark, self.suffix = path.partition(_SLUG_MARK)

    def url(self, slug: str) -> str | None:
        if self.prefix is None or not slug:
            return None
        if _PLAIN_SLUG.match(slug):
            return f"{self.prefix}{slug}{self.suffix}"
        return api_url(self.model(slug=slug), self.request)

    def __call__(self, slug: str | None, name: str | None, pk) -> dict | None:
        if pk is None:
            return None
        shown = _shorten(name) if isinstance(name, str) and name else (slug or str(pk))
        return {"slug": slug, "name": shown, "url": self.url(slug)}


def _has_field(model: type[models.Model], name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


class RefSerializer(serializers.Serializer):
    """A related record as it appears inside another: its slug, name and API address."""

    slug = serializers.SlugField(help_text="Stable identifier of the record.")
    name = serializers.CharField(help_text="Name or title of the record.")
    url = serializers.URLField(
        allow_null=True, help_text="The record's API address (null when it has none)."
    )


class RefField(serializers.SlugRelatedField):
    """A foreign key or many-to-many: read as ``{slug, name, url}``, written as the slug."""

    def __init__(self, **kwargs):
        kwargs.setdefault("slug_field", "slug")
        super().__init__(**kwargs)

    def to_representation(self, obj):
        return ref(obj, self.context.get("request"))

    def get_choices(self, cutoff=None):
        # For the browsable API's forms: slug -> name, without touching other tables.
        queryset = self.get_queryset()
        if queryset is None:
            return {}
        if cutoff is not None:
            queryset = queryset[:cutoff]
        return {item.slug: ref_name(item) for item in queryset}

    def to_internal_value(self, data):
        if isinstance(data, dict):
            data = data.get("slug")
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


@extend_schema_field(OpenApiTypes.URI)
class SelfUrlField(serializers.Field):
    """The record's own API address."""

    def __init__(self, **kwargs):
        kwargs.update(read_only=True, source="*")
        super().__init__(**kwargs)

    def to_representation(self, obj):
        return api_url(obj, self.context.get("request"))


@extend_schema_field(RefSerializer)
class ReadRefField(serializers.Field):
    """A read-only reference to a related record reached through ``source`` (may be null)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, obj):
        return ref(obj, self.context.get("request"))


@extend_schema_field(RefSerializer(many=True))
class ReadRefListField(serializers.Field):
    """A read-only list of references (a related manager or a plain list)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        if hasattr(value, "all"):
            value = value.all()
        return list(value) if value is not None else []

    def to_representation(self, objs):
        request = self.context.get("request")
        return [ref(o, request) for o in objs]
