"""Two-step login in a real browser: enrol an app, log in with its code, and with a recovery code once."""

import re

import pytest

from tests.admin.totp import App

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PASSWORD = "correct horse battery staple"


def _password(page, base, user):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


def _log_out(page):
    page.click("#logout-form button")
    page.wait_for_selector("text=Logga in igen")


def test_coordinator_enrols_an_app_logs_in_with_its_code_and_with_a_recovery_code_once(
    seeded_registry, live_server, page, coordinator_vg, settings, artifacts_dir
):
    settings.REQUIRE_TWO_FACTOR = True
    base = live_server.url

    # After the password: enrolment, with the secret as a QR code and as text.
    _password(page, base, coordinator_vg)
    page.wait_for_url(re.compile(r"/admin/tvastegsinloggning/aktivera/"))
    assert page.locator("h1").inner_text() == "Koppla en autentiseringsapp"
    qr = page.locator("img[alt^='QR-kod']")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    page.screenshot(path=str(artifacts_dir / "admin-two-factor-enrol.png"), full_page=True)
    app = App(page.locator("#totp-secret").inner_text())
    page.fill("#id_code", app.next_code())
    page.click("input[type=submit]")

    # The recovery codes, shown this once.
    page.wait_for_url(re.compile(r"/admin/tvastegsinloggning/reservkoder/"))
    codes = page.locator("#recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    page.click("text=Jag har sparat koderna")
    page.wait_for_url(f"{base}/admin/")
    _log_out(page)

    # Password, then a code from the app.
    _password(page, base, coordinator_vg)
    page.wait_for_url(re.compile(r"/admin/tvastegsinloggning/\?next="))
    assert page.locator("h1").inner_text() == "Tvåstegsinloggning"
    page.fill("#id_code", app.next_code())
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    page.goto(f"{base}/admin/agreements/agreement/")
    assert page.url == f"{base}/admin/agreements/agreement/"
    _log_out(page)

    # Password, then a recovery code: it works ...
    _password(page, base, coordinator_vg)
    page.fill("#id_code", codes[0])
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    assert "9 reservkoder kvar" in page.locator(".messagelist").inner_text()
    _log_out(page)

    # ... once.
    _password(page, base, coordinator_vg)
    page.fill("#id_code", codes[0])
    page.click("input[type=submit]")
    page.wait_for_selector(".errorlist")
    assert "Koden stämmer inte" in page.locator(".errorlist").inner_text()
    assert "/admin/tvastegsinloggning/" in page.url
    page.goto(f"{base}/admin/")
    assert "/admin/tvastegsinloggning/" in page.url
