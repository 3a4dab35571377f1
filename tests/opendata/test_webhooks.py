"""Webhooks: signed POSTs after commit, retried with backoff, never in the way of a save."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.management import call_command
from django.utils import timezone

from bodies.models import Body, BodyKind, BodyLevel
from governance.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from governance.opendata.webhooks import SIGNATURE_HEADER, backoff, run_once, verify_signature

pytestmark = pytest.mark.django_db(transaction=True)

SECRET = "delad-hemlighet-för-test"


class Receiver:
    """A real HTTP server on 127.0.0.1 that records requests and answers with given codes."""

    def __init__(self, codes=(200,)):
        self.requests: list[tuple[dict, bytes]] = []
        self.codes = list(codes)
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers), body))
                code = receiver.codes.pop(0) if len(receiver.codes) > 1 else receiver.codes[0]
                self.send_response(code)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def _subscribe(url, types=("bodies.body",)):
    return WebhookSubscription.objects.create(
        name="Intranätet", url=url, secret=SECRET, types=list(types)
    )


def test_a_change_is_posted_signed_with_hmac_sha256(seeded_registry):
    with Receiver() as receiver:
        _subscribe(receiver.url)
        body = Body.objects.create(
            name="Nytt nätverk", kind=BodyKind.NETWORK, level=BodyLevel.COUNTY
        )
        call_command("deliver_webhooks", "--once", verbosity=0)

    assert len(receiver.requests) == 1
    headers, raw = receiver.requests[0]
    assert verify_signature(SECRET, raw, headers[SIGNATURE_HEADER])
    assert not verify_signature("fel hemlighet", raw, headers[SIGNATURE_HEADER])
    payload = json.loads(raw)
    assert (payload["type"], payload["action"], payload["id"], payload["slug"]) == (
        "bodies.body",
        "created",
        str(body.pk),
        "nytt-natverk",
    )
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.DELIVERED and delivery.attempts == 1


def test_a_failing_receiver_is_retried_with_backoff_then_delivered(seeded_registry):
    with Receiver(codes=[500, 200]) as receiver:
        _subscribe(receiver.url)
        Body.objects.create(name="Nätverk två", kind=BodyKind.NETWORK, level=BodyLevel.COUNTY)
        run_once()
        delivery = WebhookDelivery.objects.get()
        assert delivery.status == DeliveryStatus.PENDING
        assert delivery.attempts == 1 and delivery.last_status_code == 500
        assert delivery.next_attempt_at > timezone.now()

        run_once()  # not due yet: nothing sent
        assert len(receiver.requests) == 1

        WebhookDelivery.objects.update(next_attempt_at=timezone.now())
        run_once()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED and delivery.attempts == 2
    assert len(receiver.requests) == 2
    assert backoff(1) < backoff(2) < backoff(3)


def test_a_save_never_waits_for_or_fails_on_a_dead_receiver(seeded_registry):
    _subscribe("http://127.0.0.1:9/nobody-listens")
    body = Body.objects.create(name="Sparas ändå", kind=BodyKind.NETWORK, level=BodyLevel.COUNTY)
    assert Body.objects.filter(pk=body.pk).exists()
    assert WebhookDelivery.objects.count() == 0  # nothing is sent from the save itself
    counts = run_once()
    assert counts["queued"] == 1 and counts["retrying"] == 1
    assert WebhookDelivery.objects.get().last_error


def test_only_subscribed_types_and_changes_after_subscribing_are_sent(seeded_registry):
    Body.objects.create(name="Före prenumerationen", kind=BodyKind.NETWORK, level=BodyLevel.COUNTY)
    with Receiver() as receiver:
        _subscribe(receiver.url, types=["agreements.agreement"])
        Body.objects.create(name="Efter men fel typ", kind=BodyKind.NETWORK, level=BodyLevel.COUNTY)
        run_once()
    assert receiver.requests == []
