"""Settings for Samverkansregistret, read from the environment.

Every value that differs between a laptop and production comes from an
environment variable (or a ``.env`` file beside ``manage.py``). Production is
the default: DEBUG is off unless asked for, and then a SECRET_KEY is required.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
# pytest (8.2 and later) sets PYTEST_VERSION for the whole run.
TESTING = bool(env.str("PYTEST_VERSION", default=""))

# A development key only when DEBUG is on, so a forgotten variable can never
# run production with a secret that is published in this repository.
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. "
            "Set DEBUG=true for local development, or provide SECRET_KEY."
        )
    SECRET_KEY = "development-only-not-secret-" + "x" * 32

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS",
    default=["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG or TESTING else [],
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "governance.apps.RegistryAdminConfig",  # django.contrib.admin with the registry's site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "pgtrigger",
    "pghistory",
    "pghistory.admin",
    "import_export",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # The shared core first: the other apps' models use its records and history.
    "governance.core",
    "bodies",
    "agreements",
    "funding",
    "governance.routing",
    "governance.documents",
    "governance.opendata",
    "governance.site",
    "governance.seed",
]

MIDDLEWARE = [
    # First, so its duration covers every other middleware and the view.
    "governance.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether this session has passed the second login step, and if not, the admin
    # asks for it before anything else (governance.core.two_factor).
    "django_otp.middleware.OTPMiddleware",
    "governance.core.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The date the request is about (?per= on pages, ?on= in the API), read once.
    "governance.core.as_of.AsOfMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp's, with the site-wide policy built once (governance.content_security).
    "governance.content_security.ContentSecurityPolicyMiddleware",
    # Stamps every history event written during a request with its user.
    "pghistory.middleware.HistoryMiddleware",
    # Last, so it sees the user that authentication established.
    "axes.middleware.AxesMiddleware",
    # Consulted first when a view raises: an unreachable database is a 503, not a 500.
    "governance.unavailable.DatabaseUnavailableMiddleware",
]

# The requests whose history events the middleware stamps: those that write. A read made
# inside the context would have every statement but a SELECT prefixed with it.
PGHISTORY_MIDDLEWARE_METHODS = ("POST", "PUT", "PATCH", "DELETE")

# Statements prepared once per database connection on the hottest read paths
# (governance.core.prepared); off behind a pooler that moves a client between server
# connections within its session.
DATABASE_PREPARED_STATEMENTS = env.bool("DATABASE_PREPARED_STATEMENTS", default=True)

ROOT_URLCONF = "governance.urls"
# The admin can live elsewhere than /admin/ (a little less noise from scanners).
ADMIN_URL = env.str("ADMIN_URL", default="admin/")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "governance.site.context_processors.site",
                "governance.core.as_of.context",
            ],
        },
    },
]

WSGI_APPLICATION = "governance.wsgi.application"
ASGI_APPLICATION = "governance.asgi.application"

# Database: DATABASE_URL when given, otherwise the embedded PostgreSQL.
if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": env.db_url("DATABASE_URL")}
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
else:
    from governance.embedded_db import ensure_running

    DATABASES = {"default": ensure_running()}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Parallel test runs on one server (several developers, one machine) each get
# their own test database by setting TEST_DB_SUFFIX.
DATABASES["default"]["TEST"] = {
    "NAME": "test_samverkansregistret"
    + (f"_{env.str('TEST_DB_SUFFIX')}" if env.str("TEST_DB_SUFFIX", default="") else "")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time: Swedish first, English available.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded documents: a folder inside the project by default (git-ignored), any
# S3-compatible object store through django-storages when DOCUMENT_S3_BUCKET is set.
# Documents are served by the app's own download view, never from MEDIA_URL.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "media/"
if env.str("DOCUMENT_S3_BUCKET", default=""):
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("DOCUMENT_S3_BUCKET"),
            "endpoint_url": env.str("DOCUMENT_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("DOCUMENT_S3_REGION", default="") or None,
            "access_key": env.str("DOCUMENT_S3_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("DOCUMENT_S3_SECRET_ACCESS_KEY", default="") or None,
            "location": env.str("DOCUMENT_S3_PREFIX", default=""),
            # Never public in the bucket: every download goes through the app's checks.
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _default_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT},
    }
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not (DEBUG or TESTING)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# How many reverse proxies in front of the app append to X-Forwarded-For (nginx's
# $proxy_add_x_forwarded_for does). 0: the header is ignored and the client is
# REMOTE_ADDR. One number for login lockouts and API throttling alike
# (governance.core.client_ip); a number larger than the real one lets clients forge
# their address.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more.")

# Brute-force protection for logins (django-axes). Failures are counted per user
# name and client address together: nobody can lock another person out from
# elsewhere, and a success resets only that user's count from that address, so
# logging in to one's own account does not give fresh guesses at someone else's.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "governance.core.client_ip.client_ip"
# A locked-out login gets a Swedish page saying when to try again (HTTP 429).
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"

# Admin import/export (django-import-export): importing needs the model's "add"
# permission (Samordnare), exporting is reading ("view", Läsare too). An import
# runs in one transaction and is rolled back whole on any bad row.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
IMPORT_EXPORT_USE_TRANSACTIONS = True


# REST API
def _throttle_rate(variable: str, default: str) -> str | None:
    """A rate such as ``1200/minute``, or ``off`` for no limit at all."""
    rate = env.str(variable, default=default)
    return None if rate.strip().lower() == "off" else rate


REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Tokens for systems, the session (with CSRF) for the browser. No Basic auth:
    # a password hash on every request would cost hundreds of milliseconds.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "governance.core.two_factor.VerifiedSessionAuthentication",
    ],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    # Pagination, throttles and permissions are set on governance.api's base classes.
    "DEFAULT_THROTTLE_RATES": {
        "anon": _throttle_rate("API_THROTTLE_ANON", "1200/minute"),
        "user": _throttle_rate("API_THROTTLE_USER", "6000/minute"),
        # Full bulk downloads under /data/ (governance.opendata.downloads), per client.
        "downloads": _throttle_rate("DOWNLOAD_THROTTLE_ANON", "60/hour"),
    },
    "EXCEPTION_HANDLER": "governance.core.api.errors.exception_handler",
    "DEFAULT_PARSER_CLASSES": [
        "governance.core.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    # For DRF's own client identification; the registry's throttles use
    # governance.core.client_ip, which reads the same setting.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}
API_PAGE_SIZE = env.int("API_PAGE_SIZE", default=50)
API_MAX_PAGE_SIZE = env.int("API_MAX_PAGE_SIZE", default=200)
SPECTACULAR_SETTINGS = {
    "TITLE": "Samverkansregistret API",
    "DESCRIPTION": "Agreements, decision bodies, routing rules and funding of Sweden's "
    "regional support structures for knowledge development in social services.\n\n"
    "Reading is open to anyone. Writing needs a coordinator (group Samordnare) and is "
    "limited to the counties of their scope, for the record and for what it links to (a "
    "decision's body and agreement, an allocation's county and agreement): send `Authorization: Token <key>` (systems) "
    "or use the session with its CSRF token (browser). Every record has an `ETag`; send "
    "it back in `If-Match` when you change the record (a stale one gets 412), or in "
    "`If-None-Match` to get 304 when nothing changed. Every list accepts `?format=csv`.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    "ENUM_NAME_OVERRIDES": {
        "ValueBasisEnum": "governance.core.records.Basis",
        "PrincipalEnum": "bodies.models.Principal",
        "BodyKindEnum": "bodies.models.BodyKind",
        "BodyLevelEnum": "bodies.models.BodyLevel",
        "BodyStatusEnum": "bodies.models.BodyStatus",
        "OrganisationKindEnum": "bodies.models.OrganisationKind",
        "SeatSideEnum": "bodies.models.SeatSide",
        "MembershipRoleEnum": "bodies.models.MembershipRole",
        "IdentifierSchemeEnum": "bodies.models.IdentifierScheme",
        "AgreementKindEnum": "agreements.models.AgreementKind",
        "AgreementStatusEnum": "agreements.models.AgreementStatus",
        "RenewalTypeEnum": "agreements.models.RenewalType",
        "DecisionKindEnum": "agreements.models.DecisionKind",
        "PartyRoleEnum": "agreements.models.PartyRole",
        "RelationKindEnum": "agreements.models.RelationKind",
        "HostKindEnum": "bodies.models.HostKind",
        "DecisionLevelEnum": "bodies.models.DecisionLevel",
        "DocumentKindEnum": "governance.documents.models.DocumentKind",
        "TextStatusEnum": "governance.documents.models.TextStatus",
    },
}

# Content-Security-Policy: everything from our own origin, no inline scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# Production security (``manage.py check --deploy`` reports nothing). Each value
# can be overridden from the environment; the defaults are the production ones
# whenever DEBUG is off, and off for DEBUG and the test run (plain http).
PRODUCTION = not (DEBUG or TESTING)
# Behind a reverse proxy that terminates TLS and sets X-Forwarded-Proto. Only
# safe when the proxy overwrites that header from clients: turn it off otherwise.
if env.bool("SECURE_PROXY_SSL_HEADER", default=PRODUCTION):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=PRODUCTION)
# The load balancer's health check may speak plain http to the app server.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=PRODUCTION)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=PRODUCTION)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = env.str("SECURE_REFERRER_POLICY", default="same-origin")
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=PRODUCTION)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=PRODUCTION)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Sessions (only coordinators log in) last a working day and end with the browser.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = env.bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", default=True)

# Two-step login (governance.core.two_factor): whoever can change the registry gives a
# code from an authenticator app after the password. On in production; off with
# DEBUG and in the test run, so a local `make run` logs in with a password alone.
REQUIRE_TWO_FACTOR = env.bool("REQUIRE_TWO_FACTOR", default=PRODUCTION)
# The name the authenticator app shows beside the account.
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Samverkansregistret")

# A cache shared by every app server (API throttle counts, axes lockouts live in
# the database already). One process: local memory. Several app servers: a
# shared one, e.g. CACHE_URL=dbcache://registry_cache (then `manage.py
# createcachetable`) or redis://host:6379/0 (needs the redis package).
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
# The API's throttle counts live in a cache shared by every worker process: a
# database table by default (`manage.py createcachetable`), Redis when
# API_CACHE_URL says so (e.g. redis://127.0.0.1:6379/1, needs the redis package).
CACHES["api"] = env.cache_url("API_CACHE_URL", default="dbcache://api_cache")
# The read cache (governance.core.read_cache): public pages and API reads, kept until the
# registry changes. Local memory per worker process by default — each worker reads
# the registry's version from the database, so none serves a stale answer; a shared
# cache (READ_CACHE_URL=redis://…) lets workers share what they built. 0 s: off.
CACHES["read"] = env.cache_url("READ_CACHE_URL", default="locmemcache://registry-read")
if CACHES["read"]["BACKEND"].endswith("LocMemCache"):
    CACHES["read"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 500)
# Off by default in development, where a template edit must show on the next request.
READ_CACHE_SECONDS = env.int("READ_CACHE_SECONDS", default=0 if DEBUG else 3600)

# E-mail (the expiry reminders): the console backend unless configured.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="samverkansregistret@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Logging: JSON lines on stdout. One line per request from
# governance.request_log (method, path, status, duration_ms, user_id, nothing else).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",  # ISO 8601, UTC
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        }
    },
    "loggers": {
        "governance.request": {
            "level": env.str("REQUEST_LOG_LEVEL", default="INFO"),
        },
        # 4xx are in the request line already; keep server errors (with traceback).
        "django.request": {"level": "ERROR"},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# Memberships and chair terms ending within this many days are flagged on the start page
# and in the admin.
TERM_END_WARNING_DAYS = env.int("TERM_END_WARNING_DAYS", default=90)
# A record whose last confirmation is older than this is shown as "Status okänd sedan …".
STATUS_CONFIRMATION_DAYS = env.int("STATUS_CONFIRMATION_DAYS", default=730)

# Open data: the bulk downloads, built once per registry version, are kept here.
BULK_DOWNLOAD_DIR = env.path("BULK_DOWNLOAD_DIR", default=BASE_DIR / "downloads")

# Open data: who publishes the catalogue (DCAT-AP-SE) and where to write about it.
OPEN_DATA_PUBLISHER = env.str("OPEN_DATA_PUBLISHER", default="Samverkansregistret")
OPEN_DATA_CONTACT_EMAIL = env.str("OPEN_DATA_CONTACT_EMAIL", default="registret@example.se")

# Webhooks (governance.opendata.receivers): receivers are public https addresses.
# Plain http only with DEBUG, for a receiver on the developer's own machine.
WEBHOOK_ALLOW_HTTP = DEBUG
# Networks outside the public internet that may receive webhooks all the same, named
# one by one (e.g. 10.20.0.0/24 for a receiver inside the region's own network, or
# 127.0.0.0/8 on a developer's machine). Empty: public addresses only.
WEBHOOK_ALLOWED_PRIVATE_NETWORKS = env.list("WEBHOOK_ALLOWED_PRIVATE_NETWORKS", default=[])


def _check_networks(networks: list[str]) -> None:
    import ipaddress

    for network in networks:
        try:
            ipaddress.ip_network(network, strict=False)
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"WEBHOOK_ALLOWED_PRIVATE_NETWORKS: {network!r} is not a network "
                "such as 10.20.0.0/24"
            ) from exc


_check_networks(WEBHOOK_ALLOWED_PRIVATE_NETWORKS)
# Documents: the largest file accepted, and whether an upload's text is read out right
# after it is saved (development: no worker to start) or by the extract_document_text worker.
DOCUMENT_MAX_BYTES = env.int("DOCUMENT_MAX_BYTES", default=25 * 1024 * 1024)
DOCUMENT_EXTRACT_ON_UPLOAD = env.bool("DOCUMENT_EXTRACT_ON_UPLOAD", default=DEBUG)
# Scanned PDFs are read by OCR when Tesseract (Swedish) and pdftoppm are installed.
DOCUMENT_OCR = env.bool("DOCUMENT_OCR", default=True)
