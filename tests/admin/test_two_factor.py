"""Two-step login: whoever can write gives a code after the password; readers and tokens do not."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.admin.totp import App
from tests.api.conftest import token_client
from tests.factories import bodies as factories

PASSWORD = "correct horse battery staple"
ENROL = "/admin/tvastegsinloggning/aktivera/"
VERIFY = "/admin/tvastegsinloggning/"
CODES = "/admin/tvastegsinloggning/reservkoder/"


@pytest.fixture
def required(settings):
    settings.REQUIRE_TWO_FACTOR = True


def _password_login(client, user):
    response = client.post(
        reverse("admin:login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return response


def _enrol(client) -> tuple[App, list[str]]:
    page = client.get(ENROL).content.decode()
    secret = re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', page).group(1)
    assert 'src="data:image/svg+xml' in page  # the QR code, from the app's own page
    app = App(secret)
    done = client.post(ENROL, {"code": app.next_code(), "next": "/admin/"})
    assert done.status_code == 302
    assert done["Location"].startswith(CODES)
    shown = client.get(done["Location"]).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7 ]+)</code></li>", shown)
    return app, codes


def test_a_coordinator_enrols_after_the_password_and_sees_the_recovery_codes_once(
    client, coordinator_vg, required
):
    _password_login(client, coordinator_vg)
    # Nothing of the admin before the second step: straight to enrolment.
    response = client.get("/admin/agreements/agreement/")
    assert response.status_code == 302
    assert response["Location"] == f"{ENROL}?next=%2Fadmin%2Fagreements%2Fagreement%2F"

    _app, codes = _enrol(client)
    assert len(codes) == 10
    assert len(set(codes)) == 10
    assert client.get("/admin/agreements/agreement/").status_code == 200
    assert f'href="{CODES}"' in client.get("/admin/").content.decode()
    # Shown once: the page does not show them again.
    again = client.get(CODES).content.decode()
    assert not any(c in again for c in codes)
    assert TOTPDevice.objects.get(user=coordinator_vg).confirmed


def test_the_next_login_asks_for_the_code_and_a_recovery_code_works_once(
    client, coordinator_vg, required
):
    _password_login(client, coordinator_vg)
    app, codes = _enrol(client)
    client.post(reverse("admin:logout"))

    _password_login(client, coordinator_vg)
    assert client.get("/admin/")["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    assert (
        client.post(VERIFY, {"code": app.next_code(), "next": "/admin/"})["Location"] == "/admin/"
    )
    assert client.get("/admin/").status_code == 200
    client.post(reverse("admin:logout"))

    _password_login(client, coordinator_vg)
    assert client.post(VERIFY, {"code": codes[0], "next": "/admin/"})["Location"] == "/admin/"
    assert "9 reservkoder kvar" in client.get("/admin/").content.decode()
    client.post(reverse("admin:logout"))

    _password_login(client, coordinator_vg)
    used = client.post(VERIFY, {"code": codes[0], "next": "/admin/"})
    assert used.status_code == 200
    assert "Koden stämmer inte" in used.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_password_alone_cannot_replace_the_app(client, coordinator_vg, required):
    _password_login(client, coordinator_vg)
    _enrol(client)
    client.post(reverse("admin:logout"))
    _password_login(client, coordinator_vg)
    response = client.get(ENROL)
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    # Nor make new recovery codes.
    assert client.post(CODES)["Location"].startswith(VERIFY)


def test_superusers_too(client, superuser, required):
    _password_login(client, superuser)
    assert client.get("/admin/auth/user/")["Location"].startswith(ENROL)


def test_readers_are_not_asked(client, reader, required):
    _password_login(client, reader)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/bodies/body/").status_code == 200


def test_a_session_without_the_second_step_cannot_write_through_the_api(
    client, coordinator_vg, required
):
    _password_login(client, coordinator_vg)
    refused = client.post("/api/v1/goals/", {}, content_type="application/json")
    # The session counts for nothing until the second step: the request is anonymous.
    assert refused.status_code == 401
    # Reading stays open, as for anyone.
    assert client.get("/api/v1/goals/").status_code == 200


def test_api_tokens_are_not_affected(coordinator_vg, required):
    factories.body("Lisa", slug="lisa", in_county=factories.county("14"))
    api = token_client(coordinator_vg)
    response = api.patch("/api/v1/bodies/lisa/", {"mandate": "Ny"}, format="json")
    assert response.status_code == 200


@pytest.mark.slow
def test_required_in_production_and_not_with_debug():
    import subprocess
    import sys

    from tests.ops.test_deploy_check import ROOT, production_env

    show = "import django; django.setup(); from django.conf import settings; print(settings.REQUIRE_TWO_FACTOR)"

    def shown(env):
        result = subprocess.run(
            [sys.executable, "-c", show],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip().splitlines()[-1]

    assert shown(production_env()) == "True"
    assert shown(production_env(DEBUG="true")) == "False"
    assert shown(production_env(REQUIRE_TWO_FACTOR="false")) == "False"
