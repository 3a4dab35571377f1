"""Webhooks: signed POSTs after commit, retried with backoff, never in the way of a save,
never inside a transaction, and only to addresses that may receive them."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection, transaction
from django.utils import timezone

from bodies.models import Body, BodyKind, BodyLevel
from governance.core.read_cache import current_version
from governance.opendata import receivers, signing
from governance.opendata.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from governance.opendata.webhooks import backoff, connection_to, enqueue, run_once

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def local_receivers(settings):
    """What tests and a developer's machine allow explicitly: plain http to the loopback."""
    settings.WEBHOOK_ALLOW_HTTP = True
    settings.WEBHOOK_ALLOWED_PRIVATE_NETWORKS = ["127.0.0.0/8"]


class Receiver:
    """A real HTTP server on 127.0.0.1 that records requests and answers with given codes."""

    def __init__(self, codes=(200,), *, while_handling=None, headers=None):
        self.requests: list[tuple[dict, bytes]] = []
        self.codes = list(codes)
        self.seen_while_handling: list = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers), body))
                if while_handling is not None:
                    receiver.seen_while_handling.append(while_handling())
                code = receiver.codes.pop(0) if len(receiver.codes) > 1 else receiver.codes[0]
                self.send_response(code)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_port
        self.url = f"http://127.0.0.1:{self.port}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def _subscribe(url, types=("bodies.body",)):
    return WebhookSubscription.objects.create(name="Intranätet", url=url, types=list(types))


def _standard_webhooks_valid(secret: str, headers: dict, body: bytes) -> bool:
    """The receiver's side, written from the specification rather than from our code."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(
        version == "v1" and hmac.compare_digest(given, expected)
        for version, _, given in (s.partition(",") for s in headers["webhook-signature"].split())
    )


def _network_a_new_body(name="Nytt nätverk"):
    return Body.objects.create(name=name, kind=BodyKind.NETWORK, level=BodyLevel.COUNTY)


# Signing -------------------------------------------------------------------------------


def test_a_change_is_posted_signed_as_standard_webhooks(local_receivers):
    with Receiver() as receiver:
        sub = _subscribe(receiver.url)
        body = _network_a_new_body()
        call_command("deliver_webhooks", "--once", verbosity=0)

    assert sub.secret.startswith("whsec_")
    assert len(receiver.requests) == 1
    raw_headers, raw = receiver.requests[0]
    headers = {k.lower(): v for k, v in raw_headers.items()}
    delivery = WebhookDelivery.objects.get()
    assert headers["webhook-id"] == str(delivery.pk)
    assert headers["webhook-signature"].startswith("v1,")
    assert _standard_webhooks_valid(sub.secret, headers, raw)
    assert not _standard_webhooks_valid(signing.new_secret(), headers, raw)
    assert "x-samverkansregistret-signature" not in headers
    payload = json.loads(raw)
    assert (payload["type"], payload["action"], payload["id"], payload["slug"]) == (
        "bodies.body",
        "created",
        str(body.pk),
        "nytt-natverk",
    )
    assert delivery.status == DeliveryStatus.DELIVERED and delivery.attempts == 1
    assert delivery.leased_until is None


def test_the_workers_bookkeeping_does_not_move_the_registry_version(local_receivers):
    with Receiver(codes=[500]) as receiver:
        _subscribe(receiver.url)
        _network_a_new_body()
        version = current_version()
        assert run_once()["retrying"] == 1
    assert current_version() == version


# Retries -------------------------------------------------------------------------------


def test_a_failing_receiver_is_retried_with_backoff_then_delivered(local_receivers):
    with Receiver(codes=[500, 200]) as receiver:
        _subscribe(receiver.url)
        _network_a_new_body("Nätverk två")
        run_once()
        delivery = WebhookDelivery.objects.get()
        assert delivery.status == DeliveryStatus.PENDING
        assert delivery.attempts == 1 and delivery.last_status_code == 500
        assert delivery.next_attempt_at > timezone.now()
        assert delivery.leased_until is None

        run_once()  # not due yet: nothing sent
        assert len(receiver.requests) == 1

        WebhookDelivery.objects.update(next_attempt_at=timezone.now())
        run_once()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED and delivery.attempts == 2
    assert len(receiver.requests) == 2
    # A retry is the same message: a receiver recognises it by its id.
    assert receiver.requests[0][0]["webhook-id"] == receiver.requests[1][0]["webhook-id"]
    assert backoff(1) < backoff(2) < backoff(3)


def test_a_save_never_waits_for_or_fails_on_a_dead_receiver(local_receivers):
    _subscribe("http://127.0.0.1:9/nobody-listens")
    body = _network_a_new_body("Sparas ändå")
    assert Body.objects.filter(pk=body.pk).exists()
    assert WebhookDelivery.objects.count() == 0  # nothing is sent from the save itself
    counts = run_once()
    assert counts["queued"] == 1 and counts["retrying"] == 1
    assert WebhookDelivery.objects.get().last_error


def test_only_subscribed_types_and_changes_after_subscribing_are_sent(local_receivers):
    _network_a_new_body("Före prenumerationen")
    with Receiver() as receiver:
        _subscribe(receiver.url, types=["agreements.agreement"])
        _network_a_new_body("Efter men fel typ")
        run_once()
    assert receiver.requests == []


def test_a_delivery_whose_lease_ran_out_is_sent_again(local_receivers):
    """A worker that died mid-send: after the lease, another worker sends it."""
    with Receiver() as receiver:
        _subscribe(receiver.url)
        _network_a_new_body()
        enqueue()
        WebhookDelivery.objects.update(leased_until=timezone.now() + timezone.timedelta(minutes=1))
        assert run_once()["delivered"] == 0  # another worker holds it
        WebhookDelivery.objects.update(leased_until=timezone.now() - timezone.timedelta(seconds=1))
        outcome = run_once()
        # On failure, say what the deliveries looked like (status, attempts, error, lease).
        states = list(
            WebhookDelivery.objects.values_list("status", "attempts", "last_error", "leased_until")
        )
        assert outcome["delivered"] == 1, (outcome, states, timezone.now())
    assert len(receiver.requests) == 1


# No transaction across the POST ---------------------------------------------------------


def test_no_transaction_is_open_and_no_row_locked_while_the_receiver_answers(local_receivers):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        worker_pid = cursor.fetchone()[0]

    def look_from_another_connection():
        # Runs in the receiver's thread, so on a database connection of its own.
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT state FROM pg_stat_activity WHERE pid = %s", [worker_pid])
                state = cursor.fetchone()[0]
            try:
                with transaction.atomic():
                    list(WebhookDelivery.objects.select_for_update(nowait=True))
                locked = False
            except OperationalError:
                locked = True
            return state, locked
        finally:
            connection.close()

    with Receiver(while_handling=look_from_another_connection) as receiver:
        _subscribe(receiver.url)
        _network_a_new_body()
        assert run_once()["delivered"] == 1
    assert receiver.seen_while_handling == [("idle", False)]


# Where webhooks may go ------------------------------------------------------------------


def test_a_loopback_receiver_is_refused_by_default(settings):
    settings.WEBHOOK_ALLOW_HTTP = True  # the address, not the scheme, is what is refused here
    with Receiver() as receiver:
        _subscribe(receiver.url)
        _network_a_new_body()
        counts = run_once()
    assert receiver.requests == []
    assert counts["retrying"] == 1
    assert "inte en publik adress" in WebhookDelivery.objects.get().last_error


def test_a_name_resolving_to_the_loopback_is_refused_at_delivery(settings):
    settings.WEBHOOK_ALLOW_HTTP = True
    with Receiver() as receiver:
        _subscribe(f"http://localhost:{receiver.port}/hook")
        _network_a_new_body()
        run_once()
    assert receiver.requests == []
    assert "localhost pekar på" in WebhookDelivery.objects.get().last_error


def test_redirects_are_not_followed(local_receivers):
    elsewhere = Receiver()
    redirecting = Receiver(codes=[302], headers={"Location": elsewhere.url})
    with elsewhere, redirecting as receiver:
        _subscribe(receiver.url)
        _network_a_new_body()
        counts = run_once()
    assert len(receiver.requests) == 1 and elsewhere.requests == []
    assert counts["retrying"] == 1
    delivery = WebhookDelivery.objects.get()
    assert delivery.last_status_code == 302 and "omdirigering" in delivery.last_error


def test_the_connection_goes_to_the_checked_address_not_to_a_new_lookup(local_receivers):
    """Rebinding-proof: the name is not looked up again (this one cannot be looked up at all)."""
    with Receiver() as receiver:
        target = receivers.Target(
            "http", "rebinding.invalid", receiver.port, "/hook", ("127.0.0.1",)
        )
        conn = connection_to(target, "127.0.0.1")
        conn.request("POST", "/hook", body=b"{}", headers={"Content-Type": "application/json"})
        assert conn.getresponse().status == 200
        conn.close()
    assert receiver.requests[0][0]["Host"] == f"rebinding.invalid:{receiver.port}"


def test_the_timestamp_is_now(local_receivers):
    """Within the tolerance a receiver applies, i.e. the current time, not the queue time."""
    with Receiver() as receiver:
        _subscribe(receiver.url)
        _network_a_new_body()
        run_once()
    headers, raw = receiver.requests[0]
    sub = WebhookSubscription.objects.get()
    assert signing.verify(
        sub.secret,
        raw,
        headers["webhook-id"],
        headers["webhook-timestamp"],
        headers["webhook-signature"],
        now=time.time(),
    )
