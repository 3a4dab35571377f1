"""Fixtures shared by the whole suite.

The test database starts empty: migrations only, which insert no registry rows (no
counties, no groups). Tests of a rule (status, dates, scope, concurrency, routing
conflicts, permissions, bad input, history …) build the rows they need with the factories
in ``tests/factories/`` (one module per area), and run in a transaction that is rolled back.

Tests about the source documents' facts or how the seed registry is presented (the
``test_seed_*`` modules, pages and answers showing the documents' content) use the ``seed``
fixture, usually per module: ``pytestmark = pytest.mark.usefixtures("seed")``. The seed is
loaded once, the first time a test asks for it, and committed, so it stays for the rest of
the session; ``pytest_collection_modifyitems`` below therefore runs, within each of
pytest-django's groups, the tests without ``seed`` before those with it.

Transactional tests (live server, browser, webhooks) are flushed after each test, so they
cannot share the committed seed: they load it themselves through ``seeded_registry``. The
first of them finds the database emptied of a seed the others committed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from governance.core.scope import READERS
from tests.factories import bodies, users

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# Fixtures that load the seed registry: ordered after the tests without them.
SEED_FIXTURES = ("seed", "seeded_registry")
TRANSACTIONAL_FIXTURES = ("transactional_db", "live_server")


def pytest_configure(config):
    # Tests create many users; PBKDF2's deliberate slowness buys nothing here. Production
    # settings keep Django's default hashers.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Within each of pytest-django's groups (database tests, then transactional ones, then
    tests without the database; its own hook has sorted them so), the tests without the seed
    first, so that they run on the empty registry: the seed, once loaded, stays committed."""
    # A stable sort on pytest-django's own key first: its order, refined.
    items.sort(key=lambda item: (_django_order(item), _uses_seed(item)))


def _django_order(item) -> int:
    """pytest-django's group of ``item`` (its plugin's ``get_order_number``): 0 database,
    1 transactional, 2 no database."""
    from django.test import TestCase, TransactionTestCase
    from pytest_django.plugin import validate_django_db

    cls = getattr(item, "cls", None)
    if cls and issubclass(cls, TransactionTestCase):
        return 0 if issubclass(cls, TestCase) else 1
    fixtures = getattr(item, "fixturenames", [])
    marker = item.get_closest_marker("django_db")
    transactional = uses_db = False
    if marker:
        transaction, reset_sequences, *_ = validate_django_db(marker)
        uses_db, transactional = True, transaction or reset_sequences
    transactional = transactional or any(f in fixtures for f in TRANSACTIONAL_FIXTURES)
    uses_db = uses_db or "db" in fixtures
    return 1 if transactional else 0 if uses_db else 2


def _uses_seed(item) -> bool:
    return any(f in getattr(item, "fixturenames", []) for f in SEED_FIXTURES)


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        if request.config.getoption("reuse_db"):
            # A kept database holds the seed an earlier session committed.
            call_command("flush", interactive=False, verbosity=0)
        # The API's throttle counts live in a database cache table.
        call_command("createcachetable", verbosity=0)
    yield
    # The read cache's version listener holds a connection of its own to the test database,
    # which must be closed before the database can be dropped.
    from governance.core.read_cache import stop_listener

    stop_listener()


_seed_state = {"committed": False}


@pytest.fixture(scope="session")
def _seed_loaded(django_db_setup, django_db_blocker):
    """The seed registry, loaded once and committed (outside any test's transaction)."""
    with django_db_blocker.unblock():
        call_command("load_registry", verbosity=0)
    _seed_state["committed"] = True


@pytest.fixture
def seed(request, _seed_loaded, db):
    """The seed registry: the source documents' facts, for tests about them."""
    if any(f in request.fixturenames for f in TRANSACTIONAL_FIXTURES):
        pytest.fail("a transactional test's flush empties the database: use seeded_registry")


@pytest.fixture(autouse=True)
def _no_committed_seed_in_transactional_tests(request, django_db_blocker):
    """The first transactional test after the seed was committed starts from the empty
    registry too, as every later one does after its predecessor's flush."""
    if _seed_state["committed"] and any(f in request.fixturenames for f in TRANSACTIONAL_FIXTURES):
        with django_db_blocker.unblock():
            call_command("flush", interactive=False, verbosity=0)
        _seed_state["committed"] = False


@pytest.fixture
def seeded_registry(transactional_db):
    """For transactional tests: the flush after each one empties the database."""
    call_command("load_registry", verbosity=0)


@pytest.fixture
def superuser(db):
    return users.user("admin", superuser=True)


@pytest.fixture
def coordinator_vg(db):
    """A Samordnare assigned Västra Götaland (county 14)."""
    return users.coordinator("samordnare-vg", bodies.county("14"))


@pytest.fixture
def coordinator_dalarna(db):
    """A Samordnare assigned Dalarna (county 20)."""
    return users.coordinator("samordnare-dalarna", bodies.county("20"))


@pytest.fixture
def reader(db):
    """A Läsare: may view in the admin, change nothing."""
    return users.user("lasare", groups=[READERS])


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
