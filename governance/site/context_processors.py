"""What every public page's frame shows: the contact address and when the registry last changed."""

from __future__ import annotations

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from governance.core.models import RegistryVersion


def site(request):
    # Lazy: read only by the footer of a page that is rendered, never by the admin or the API.
    return {
        "contact_email": settings.OPEN_DATA_CONTACT_EMAIL,
        "registry_changed_at": SimpleLazyObject(RegistryVersion.last_changed),
    }
