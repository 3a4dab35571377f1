"""Two-factor login for everyone who can change the registry.

A password alone can be guessed, phished or reused from another site; whoever can
write to the registry (superusers, Samordnare, anyone given a permission beyond
viewing) also proves they hold their authenticator app: a TOTP code (RFC 6238),
or once each one of ten recovery codes (django-otp's TOTP and static devices).
Läsare, anonymous readers and API token users (tokens are issued by superusers)
are not asked. ``REQUIRE_TWO_FACTOR`` turns it on; it is on unless ``DEBUG``.

The rule lives here and is used by the admin (``TwoFactorMiddleware``), and by the
API (``VerifiedSessionAuthentication``): a session that has not passed the second
step is not a login there either.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authentication import SessionAuthentication

from governance.core.scope import COORDINATORS

RECOVERY_CODE_COUNT = 10
TOTP_DIGITS = 6
APP_DEVICE_NAME = "Autentiseringsapp"
RECOVERY_DEVICE_NAME = "Reservkoder"


def can_write(user) -> bool:
    """Superusers, Samordnare, and anyone holding a permission beyond viewing."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    if any(group.name == COORDINATORS for group in user.groups.all()):
        return True
    return any(
        not codename.startswith("view_")
        for codename in (perm.split(".", 1)[-1] for perm in user.get_all_permissions())
    )


def second_step_missing(user) -> bool:
    """Signed in with a password only, where the second step is required."""
    if not getattr(settings, "REQUIRE_TWO_FACTOR", False):
        return False
    if not (user and user.is_authenticated):
        return False
    verified = getattr(user, "is_verified", None)
    if verified is not None and verified():
        return False
    return can_write(user)


def has_app(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def verify(user, code: str):
    """The device that accepts ``code`` (an app's code, or a recovery code, used up), or None.

    Each device counts its failures and makes the next attempt wait longer
    (django-otp's throttling), so codes cannot be guessed at speed.
    """
    code = "".join(code.split()).replace("-", "").lower()
    if not code:
        return None
    kind = TOTPDevice if (code.isdigit() and len(code) == TOTP_DIGITS) else StaticDevice
    with transaction.atomic():
        devices = kind.objects.filter(user=user, confirmed=True).select_for_update()
        for device in devices:
            if device.verify_token(code):
                return device
    return None


def pending_app(user) -> TOTPDevice:
    """The app being enrolled: the same secret on every visit until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(
        user=user, name=APP_DEVICE_NAME, confirmed=False, digits=TOTP_DIGITS
    )


def confirm_app(user, device: TOTPDevice, code: str) -> bool:
    """Enrol the app once it shows a right code; any earlier app of the user is replaced."""
    code = "".join(code.split())
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user)
        if not (code.isdigit() and device.verify_token(code)):
            return False
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    return True


def new_recovery_codes(user) -> list[str]:
    """Ten fresh single-use codes; those issued before stop working."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


class TwoFactorMiddleware:
    """After the password, the admin asks for the code (or for enrolment) before anything else.

    Placed after django-otp's ``OTPMiddleware``, which tells whether this session
    has passed the second step.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or "admin" not in match.namespaces:
            return None
        if match.url_name in ("login", "logout"):
            return None
        if not second_step_missing(request.user):
            return None
        step = "two_factor:verify" if has_app(request.user) else "two_factor:enrol"
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")


class VerifiedSessionAuthentication(SessionAuthentication):
    """The browser's session in the API, counted only once it has passed the second step."""

    def authenticate(self, request):
        if second_step_missing(getattr(request._request, "user", None)):
            return None
        return super().authenticate(request)
