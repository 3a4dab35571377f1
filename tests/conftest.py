"""Fixtures shared by the whole suite.

The seed registry is loaded once into the test database, after migrations, so
every test starts from the documents' facts; tests run in a transaction that
is rolled back. Tests that need a live server (browser, webhooks) use
``transactional_db`` and load the registry themselves through ``seeded_registry``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation

from governance.core.scope import COORDINATORS, READERS

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def pytest_configure(config):
    # Tests create many users; PBKDF2's deliberate slowness buys nothing here. Production
    # settings keep Django's default hashers.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_registry", verbosity=0)
        # The API's throttle counts live in a database cache table.
        call_command("createcachetable", verbosity=0)
    yield
    # The read cache's version listener holds a connection of its own to the test database,
    # which must be closed before the database can be dropped.
    from governance.core.read_cache import stop_listener

    stop_listener()


@pytest.fixture
def seeded_registry(transactional_db):
    """For transactional tests: the flush after each one empties the database."""
    call_command("load_registry", verbosity=0)


def _user(username, *, groups=(), superuser=False):
    User = get_user_model()
    user = User.objects.create_user(
        username=username,
        password="correct horse battery staple",
        is_staff=True,
        is_superuser=superuser,
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def superuser(db):
    return _user("admin", superuser=True)


@pytest.fixture
def coordinator_vg(db):
    """A Samordnare assigned Västra Götaland (county 14)."""
    from bodies.models import County
    from governance.core.models import CoordinatorScope

    user = _user("samordnare-vg", groups=[COORDINATORS])
    scope = CoordinatorScope.objects.create(user=user)
    scope.counties.add(County.objects.get(code="14"))
    return user


@pytest.fixture
def coordinator_dalarna(db):
    """A Samordnare assigned Dalarna (county 20)."""
    from bodies.models import County
    from governance.core.models import CoordinatorScope

    user = _user("samordnare-dalarna", groups=[COORDINATORS])
    scope = CoordinatorScope.objects.create(user=user)
    scope.counties.add(County.objects.get(code="20"))
    return user


@pytest.fixture
def reader(db):
    """A Läsare: may view in the admin, change nothing."""
    return _user("lasare", groups=[READERS])


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright (no browser download needed)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip("chromium is not installed (make test installs it as root)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls that
    # the live server's fixtures make from here are still synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def artifacts_dir():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language (Swedish). A request served in English
    leaves English active in the thread (LocaleMiddleware activates, nothing deactivates), which
    would otherwise change the messages of the tests that run after it."""
    with translation.override(settings.LANGUAGE_CODE):
        yield
