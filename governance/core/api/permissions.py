"""Who may do what through the API: the question the admin asks, asked the same way.

Reading is open to anyone. A write needs Django's model permission for the operation
(add, change, delete: what ``ModelAdmin.has_add_permission`` and the rest ask, given by
the groups of ``governance.seed.groups``), checked on the request by
``DjangoModelPermissions``; and the county write scope (``governance.core.scope``) of the
record as it stands (``has_object_permission``) and as it is to be saved
(``RegistrySerializer``). Each refusal names what is missing.
"""

from __future__ import annotations

from rest_framework import permissions

from governance.core import scope

WRITE_ACTIONS = {"POST": "add", "PUT": "change", "PATCH": "change", "DELETE": "delete"}


class RegistryModelPermissions(permissions.DjangoModelPermissions):
    """Anyone reads; a write needs the model permission and the county scope."""

    authenticated_users_only = False
    message = "Du saknar behörighet att ändra i registret."

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        if getattr(view, "queryset", None) is None:
            # No model, no write handler: the view's own method list answers (405).
            return True
        if super().has_permission(request, view):
            return True
        model = self._queryset(view).model
        self.message = scope.permission_refusal(model, WRITE_ACTIONS.get(request.method, "change"))
        return False

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        message = scope.refusal(request.user, obj, delete=request.method == "DELETE")
        if message:
            self.message = message
            return False
        return True
