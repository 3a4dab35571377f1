"""Property-based run against the OpenAPI schema: no server error, every response as documented.

Schemathesis generates requests (valid and invalid parameters and bodies) for the
operations of the schema that ``/api/schema/`` serves and calls the app in-process
(WSGI) inside the test's transaction:

- every GET as an anonymous reader;
- every create as a coordinator (Samordnare of Västra Götaland, with an API token);
- stateful sequences of every operation as that coordinator: schemathesis follows
  the links it infers between operations (a listed or created record's slug into
  the next read, change or delete), so changes and deletes reach records that
  exist instead of answering 404.

The seed is fixed (``derandomize``), the examples bounded and each example has a
deadline, so the run is repeatable and takes a few minutes.

The schema is generated at collection time by the same generator the view uses
(``schemathesis.pytest.from_fixture`` does not run under pytest 9), and the test
checks that it is the one the view serves.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections, transaction
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import response_schema_conformance

from governance.wsgi import application

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

MAX_EXAMPLES = 8
WRITE_EXAMPLES = 5
STATEFUL_EXAMPLES = 60
STATEFUL_STEPS = 10
# Far above any single request here: a request that takes this long has hung.
DEADLINE = dt.timedelta(seconds=30)


def _generated_schema() -> dict:
    raw = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(raw))


RAW_SCHEMA = _generated_schema()
schema = schemathesis.openapi.from_dict(RAW_SCHEMA)
schema.app = application
# Writes: a few generated bodies per operation (the coverage phase's hundreds of
# variants per body would take many minutes for little more than the reads find).
write_schema = schemathesis.openapi.from_dict(
    RAW_SCHEMA, config=SchemathesisConfig.from_dict({"phases": {"coverage": {"enabled": False}}})
)
write_schema.app = application


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


@pytest.fixture
def as_coordinator(coordinator_vg) -> dict:
    """Request headers of a Samordnare of Västra Götaland, by API token."""
    return {"Authorization": f"Token {Token.objects.create(user=coordinator_vg).key}"}


CHECKS = [not_a_server_error, response_schema_conformance]


@schema.include(method="GET").parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=DEADLINE,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_get_operations_answer_as_documented(case, records, in_process):
    case.call_and_validate(checks=CHECKS)


@write_schema.include(method="POST").parametrize()
@settings(
    max_examples=WRITE_EXAMPLES,
    derandomize=True,
    deadline=DEADLINE,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_create_as_a_coordinator_answers_as_documented(
    case, every_resource, in_process, as_coordinator
):
    case.call_and_validate(headers=as_coordinator, checks=CHECKS)


class CoordinatorWorkflow(schema.as_state_machine()):
    """Sequences of calls along the schema's links, as a coordinator: a list or a create
    gives slugs of records that exist to the reads, changes and deletes that follow."""

    headers: dict = {}

    # Each scenario starts from the same records: what one deleted or created is
    # rolled back before the next, so the links give every scenario the same kinds
    # of values (Hypothesis requires that of a repeatable run).
    def setup(self):
        self._savepoint = transaction.savepoint()

    def teardown(self):
        transaction.savepoint_rollback(self._savepoint)

    def get_call_kwargs(self, case):
        # A generated If-Match is never the record's ETag, so every change would stop
        # at 412; "*" (any version) lets the generated bodies reach validation and the
        # save. The 412 itself is tested in test_writes and the race tests.
        return {"headers": {**self.headers, "If-Match": "*"}}

    def validate_response(self, response, case, additional_checks=None, **kwargs):
        case.validate_response(response, checks=CHECKS)


def test_stateful_sequences_as_a_coordinator_answer_as_documented(
    every_resource, in_process, as_coordinator
):
    assert CoordinatorWorkflow.bundles, "schemathesis found no links between the operations"
    CoordinatorWorkflow.headers = as_coordinator
    CoordinatorWorkflow.run(
        settings=settings(
            max_examples=STATEFUL_EXAMPLES,
            stateful_step_count=STATEFUL_STEPS,
            derandomize=True,
            deadline=DEADLINE,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    )
