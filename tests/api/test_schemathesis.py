"""Property-based run against the OpenAPI schema: no server error, every response as documented.

Schemathesis generates requests (valid and invalid parameters) for each GET
operation of the schema that ``/api/schema/`` serves and calls the app in-process
(WSGI) inside the test's transaction. The seed is fixed (``derandomize``) and the
examples bounded, so the run is repeatable and takes a few minutes.

The schema is generated at collection time by the same generator the view uses
(``schemathesis.pytest.from_fixture`` does not run under pytest 9), and the test
checks that it is the one the view serves.
"""

from __future__ import annotations

import json

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from governance.wsgi import application

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

MAX_EXAMPLES = 8


def _generated_schema() -> dict:
    raw = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(raw))


RAW_SCHEMA = _generated_schema()
schema = schemathesis.openapi.from_dict(RAW_SCHEMA)
schema.app = application


@pytest.fixture
def in_process(settings):
    """Call the WSGI app inside the test's transaction, unthrottled.

    Like Django's test client: the WSGI handler must not close the test's database
    connection at the end of each request. Throttling is tested elsewhere; here it
    would only hide the answers.
    """
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1000000/minute", "user": "1000000/minute"},
    }
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_the_served_schema_is_the_one_tested(anon):
    served = anon.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert served.status_code == 200
    assert set(served.json()["paths"]) == set(RAW_SCHEMA["paths"])


@schema.include(method="GET").parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_get_operations_answer_as_documented(case, records, in_process):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
