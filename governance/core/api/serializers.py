"""The base serializer: every record has id, slug and url; writes are validated like the admin's.

A write builds the model instance, checks it under the registry's write rule
(``governance.core.scope.check_write``: the user's county scope over the record as
it was and as it becomes, and over what it links to), runs ``full_clean()`` (field
validators, ``clean()``, the model's unique and check constraints) and saves an
update only if the row is still at the version the client started from
(``governance.core.concurrency.save_if_unchanged``). Database errors that slip past
validation (a deferred trigger, a race on a unique value) become 400s.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied

from governance.core import scope
from governance.core.concurrency import save_if_unchanged

from .fields import RefField, SelfUrlField

BASE_FIELDS = ("id", "slug", "url")
RECORD_FIELDS = ("version", "modified_at")


def validation_error_from_django(exc: DjangoValidationError) -> serializers.ValidationError:
    if hasattr(exc, "error_dict"):
        detail = {
            ("non_field_errors" if field == "__all__" else field): list(messages)
            for field, messages in exc.message_dict.items()
        }
    else:
        detail = {"non_field_errors": list(exc.messages)}
    return serializers.ValidationError(detail)


def validation_error_from_integrity(exc: IntegrityError) -> serializers.ValidationError:
    cause = getattr(exc, "__cause__", None)
    constraint = getattr(getattr(cause, "diag", None), "constraint_name", None)
    message = "Ändringen bryter mot en regel i registret"
    if constraint:
        message += f" ({constraint})"
    return serializers.ValidationError({"non_field_errors": [message + "."]})


class RegistrySerializer(serializers.ModelSerializer):
    """Base of every resource serializer (subclasses list their fields explicitly)."""

    serializer_related_field = RefField
    url = SelfUrlField()

    # Relations written as slugs; many-to-many ones are set after the row is saved.
    def _split_m2m(self, validated_data: dict) -> tuple[dict, dict]:
        model = self.Meta.model
        m2m_names = {f.name for f in model._meta.many_to_many}
        m2m = {k: validated_data.pop(k) for k in list(validated_data) if k in m2m_names}
        return validated_data, m2m

    def _check_scope(self, instance) -> None:
        request = self.context.get("request")
        if request is None:
            return
        message = scope.refusal(request.user, instance)
        if message:
            raise PermissionDenied(message)

    def _clean(self, instance, m2m: dict) -> None:
        try:
            instance.full_clean()
        except DjangoValidationError as exc:
            raise validation_error_from_django(exc) from exc

    def _set_m2m(self, instance, m2m: dict) -> None:
        for name, values in m2m.items():
            getattr(instance, name).set(values)

    def write(self, instance, m2m: dict, *, expected_version: int | None) -> None:
        """Check and save ``instance`` and its many-to-many values (``expected_version``:
        the version an update edits from). A model with a write service of its own
        overrides this to call it."""
        self._check_scope(instance)
        self._clean(instance, m2m)
        try:
            with transaction.atomic():
                if expected_version is None:
                    instance.save()
                else:
                    save_if_unchanged(instance, expected_version=expected_version)
                self._set_m2m(instance, m2m)
        except IntegrityError as exc:
            raise validation_error_from_integrity(exc) from exc

    def create(self, validated_data):
        validated_data, m2m = self._split_m2m(validated_data)
        instance = self.Meta.model(**validated_data)
        self.write(instance, m2m, expected_version=None)
        return instance

    def update(self, instance, validated_data):
        validated_data, m2m = self._split_m2m(validated_data)
        for name, value in validated_data.items():
            setattr(instance, name, value)
        expected = self.context.get("expected_version") or instance.version
        self.write(instance, m2m, expected_version=expected)
        return instance
