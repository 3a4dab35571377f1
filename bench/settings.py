"""Settings for the load benchmark: the project's own, plus the raw-SQL reference's URL.

``bench/load.py`` starts gunicorn (and counts queries) with these; production and the
test suite never load them, so the reference is not part of the application.
"""

from governance.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
