"""gunicorn settings for Samverkansregistret (``gunicorn -c gunicorn.conf.py governance.wsgi``).

Every value can be overridden with an environment variable of the same name in
capitals with a ``GUNICORN_`` prefix (e.g. ``GUNICORN_WORKERS=4``); gunicorn
also reads ``GUNICORN_CMD_ARGS``. The defaults suit one machine with a few
cores behind a reverse proxy (nginx, Apache, a load balancer) that terminates
TLS: threaded workers, because a request mostly waits on PostgreSQL.
"""

import gc
import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
# (2 x cores) + 1 processes is gunicorn's rule of thumb; capped so one machine's
# PostgreSQL is not flooded with connections (workers x threads at most).
workers = _int("GUNICORN_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 9))
worker_class = "gthread"
threads = _int("GUNICORN_THREADS", 4)
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Restart workers now and then so a slow leak cannot grow without bound.
max_requests = _int("GUNICORN_MAX_REQUESTS", 5000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 500)
# Load the application before forking: less memory, faster start.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() == "true"
# The application logs one JSON line per request itself (governance.request_log),
# so gunicorn's own access log stays off; its error log goes to stderr.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# Trust X-Forwarded-* only from the proxy in front (a comma-separated list).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# A JSON list of 50 agreements builds some 20,000 small objects; with the default
# thresholds the cyclic garbage collector runs several times per request and, in its
# full passes, walks every object Django loaded at start as well. The loaded
# application is moved out of the collector's sight before forking (it lives as long as
# the worker) and young collections run ten times less often.
GC_THRESHOLD = _int("GUNICORN_GC_THRESHOLD", 7000)


def pre_fork(server, worker):
    gc.freeze()


def post_fork(server, worker):
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


def post_worker_init(worker):
    # Each worker generates the OpenAPI document while it already serves, so the API
    # documentation's first visit does not wait for it (not in the master: a thread
    # running there while it forks could leave a worker holding a lock nobody releases).
    from governance.api.urls import RegistrySchemaView

    RegistrySchemaView.generate_ahead_in_background()
