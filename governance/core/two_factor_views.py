"""The admin's second login step: the code, the app's enrolment, the recovery codes.

The rules are in ``governance.core.two_factor``; these pages only ask and show.
"""

from __future__ import annotations

import base64

import segno
from django import forms
from django.contrib import admin, messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from governance.core import two_factor

app_name = "two_factor"
# The codes of a new set, kept in the session only until the page that shows them.
NEW_CODES_SESSION_KEY = "two_factor_new_recovery_codes"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Kod"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("admin:index")


def _to(name: str, next_url: str):
    return redirect(f"{reverse(name)}?{urlencode({'next': next_url})}")


def _page(request, template: str, **context):
    return render(
        request,
        template,
        {**admin.site.each_context(request), "next": _next_url(request), **context},
    )


def _grouped(text: str, size: int = 4) -> str:
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    """After the password: a code from the app, or one of the recovery codes."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    next_url = _next_url(request)
    if not two_factor.second_step_missing(user):
        return redirect(next_url)
    if not two_factor.has_app(user):
        return _to("two_factor:enrol", next_url)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = two_factor.verify(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = StaticToken.objects.filter(device=device).count()
                messages.warning(
                    request,
                    ngettext(
                        "Du loggade in med en reservkod. Du har %(n)s reservkod kvar.",
                        "Du loggade in med en reservkod. Du har %(n)s reservkoder kvar.",
                        left,
                    )
                    % {"n": left},
                )
            return redirect(next_url)
        form.add_error(
            "code",
            _(
                "Koden stämmer inte. Skriv den kod som appen visar just nu, eller en "
                "oanvänd reservkod. Efter flera fel får du vänta en stund mellan försöken."
            ),
        )
    return _page(request, "admin/two_factor/verify.html", form=form, title=_("Tvåstegsinloggning"))


@never_cache
@sensitive_post_parameters("code")
def enrol(request):
    """Connect an authenticator app: its secret as a QR code and as text, then one code."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    next_url = _next_url(request)
    if not two_factor.can_write(user):
        return redirect(next_url)
    # Someone holding only the password must not replace the owner's app.
    if two_factor.has_app(user) and two_factor.second_step_missing(user):
        return _to("two_factor:verify", next_url)
    device = two_factor.pending_app(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.confirm_app(user, device, form.cleaned_data["code"]):
            device.refresh_from_db()
            otp_login(request, device)
            request.session[NEW_CODES_SESSION_KEY] = two_factor.new_recovery_codes(user)
            return _to("two_factor:recovery_codes", next_url)
        form.add_error(
            "code",
            _(
                "Koden stämmer inte. Kontrollera att appen är kopplad och skriv den kod den visar nu."
            ),
        )
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return _page(
        request,
        "admin/two_factor/enrol.html",
        form=form,
        title=_("Koppla en autentiseringsapp"),
        qr_code=segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2),
        secret=_grouped(secret),
    )


@never_cache
def recovery_codes(request):
    """A new set of recovery codes, shown this once; or a button that makes a new set."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    if two_factor.second_step_missing(user) or not two_factor.can_write(user):
        return _to("two_factor:verify", _next_url(request))
    if request.method == "POST":
        codes = two_factor.new_recovery_codes(user)
    else:
        codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
    return _page(
        request,
        "admin/two_factor/recovery_codes.html",
        codes=[_grouped(code) for code in codes or []],
        title=_("Reservkoder"),
    )


urlpatterns = [
    path("", verify, name="verify"),
    path("aktivera/", enrol, name="enrol"),
    path("reservkoder/", recovery_codes, name="recovery_codes"),
]
