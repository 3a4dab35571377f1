"""The Content-Security-Policy: on every page, no inline scripts, and the pages still work."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.parametrize(
    "url",
    [
        pytest.param(lambda: reverse("web:start"), id="start page"),
        pytest.param(lambda: reverse("admin:login"), id="admin login"),
        pytest.param(lambda: "/api/docs/", id="swagger ui"),
        pytest.param(lambda: "/api/docs/redoc/", id="redoc"),
    ],
)
@pytest.mark.django_db
def test_pages_send_a_policy_without_inline_scripts(client, url):
    response = client.get(url())
    assert response.status_code == 200
    policy = directives(response)
    scripts = policy.get("script-src", policy["default-src"])
    assert "'self'" in scripts
    assert "'unsafe-inline'" not in scripts
    assert "'unsafe-eval'" not in scripts
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]


@pytest.mark.django_db
def test_pages_carry_the_other_security_headers(client):
    response = client.get(reverse("web:start"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == settings.SECURE_REFERRER_POLICY
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


# ReDoc's footer links a logo from its maker's CDN: blocking that is the policy working.
EXTERNAL_ALLOWED_TO_FAIL = ("https://cdn.redoc.ly/",)


def _violations(page, url: str) -> list[str]:
    """Console reports of anything of our own that the policy blocked."""
    messages: list[str] = []

    def collect(msg):
        text = msg.text
        if ("Content Security Policy" in text or "Refused to" in text) and not any(
            origin in text for origin in EXTERNAL_ALLOWED_TO_FAIL
        ):
            messages.append(text)

    page.on("console", collect)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return messages


@pytest.mark.browser
def test_swagger_ui_renders_the_schema_under_the_policy(page, live_server):
    violations = _violations(page, live_server.url + "/api/docs/")
    page.wait_for_selector(".swagger-ui .info .title", timeout=60_000)
    assert "Samverkansregistret" in page.inner_text(".swagger-ui .info .title")
    assert page.locator(".opblock").count() > 10
    assert violations == []


@pytest.mark.browser
def test_redoc_renders_the_schema_under_the_policy(page, live_server):
    violations = _violations(page, live_server.url + "/api/docs/redoc/")
    page.wait_for_selector("h1:has-text('Samverkansregistret API')", timeout=60_000)
    assert page.locator("text=Something went wrong").count() == 0
    assert violations == []


@pytest.mark.browser
def test_admin_login_works_under_the_policy(page, live_server, superuser):
    violations = _violations(page, live_server.url + reverse("admin:login"))
    page.fill("#id_username", "admin")
    page.fill("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("#site-name").count() == 1
    assert page.url.rstrip("/").endswith(reverse("admin:index").rstrip("/"))
    assert violations == []


@pytest.mark.django_db
def test_the_policy_built_once_is_the_one_django_csp_builds(client, settings):
    """The site-wide policy is built once per process; what it sends is django-csp's own."""
    from csp.utils import build_policy

    def parsed(value):
        return {part.strip() for part in value.split(";")}

    first = client.get(reverse("web:start"))["Content-Security-Policy"]
    again = client.get(reverse("web:body-list"))["Content-Security-Policy"]
    assert parsed(first) == parsed(again) == parsed(build_policy())

    # A changed setting is a changed header: nothing kept from before.
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    assert client.get(reverse("web:start"))["Content-Security-Policy"] == "default-src 'none'"
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {
        "DIRECTIVES": {"default-src": ["'self'"]},
        "EXCLUDE_URL_PREFIXES": ["/api/"],
    }
    page = client.get(reverse("web:start"))
    assert page["Content-Security-Policy-Report-Only"] == "default-src 'self'"
    assert "Content-Security-Policy-Report-Only" not in client.get("/api/v1/")


@pytest.mark.django_db
def test_a_views_own_policy_is_still_its_own(client):
    """The API documentation widens the policy for its own pages (``csp_update``)."""
    docs = directives(client.get("/api/docs/"))
    page = directives(client.get(reverse("web:start")))
    assert "'unsafe-inline'" in docs["style-src"]
    assert "'unsafe-inline'" not in page["style-src"]
