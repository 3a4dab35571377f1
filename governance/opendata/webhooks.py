"""Webhooks: each change of the registry POSTed, signed, to the systems that subscribe.

A save never waits for a webhook. The history triggers record the change in
the saving transaction; a separate worker (``manage.py deliver_webhooks``, run
as a long-lived process or every minute from cron) reads the change feed after
the transaction has committed, queues one delivery per subscription and change,
and sends them. A receiver that fails is retried with exponential backoff; the
delivery log in the admin shows every attempt's outcome.

No transaction is open while a POST is on its way. A worker claims a delivery
in a short transaction of its own (``leased_until``, ``SKIP LOCKED`` so workers
never wait for each other), commits, sends, and records the outcome in another
short transaction — only if its claim still holds. A slow receiver therefore
holds no row lock and does not hold back the change feed's horizon. A worker
that dies mid-send leaves a lease that runs out, and the delivery is sent again:
receivers get each change at least once and recognise a repeat by ``webhook-id``.

Signatures follow Standard Webhooks (``governance.opendata.signing``); where a
POST may go is decided by ``governance.opendata.receivers``.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import socket
import ssl
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from governance.opendata import receivers, signing
from governance.opendata.changes import Position, changes_after
from governance.opendata.models import DeliveryStatus, WebhookDelivery, WebhookSubscription

MAX_ATTEMPTS = 8
TIMEOUT_SECONDS = 10
# Longer than any one send can take; a claim older than this is a dead worker's.
LEASE = dt.timedelta(minutes=5)


def backoff(attempts: int) -> dt.timedelta:
    """30 s, 1 min, 2 min, 4 min … capped at six hours."""
    return min(dt.timedelta(seconds=30 * 2 ** max(attempts - 1, 0)), dt.timedelta(hours=6))


def start_position(subscription: WebhookSubscription) -> Position:
    """A new subscription receives changes from the moment it was created on."""
    if subscription.cursor:
        return Position.decode(subscription.cursor)
    return Position(subscription.created_at, "", -1)


def enqueue(batch: int = 500) -> int:
    """Queue a delivery for every committed change each active subscription has not seen."""
    queued = 0
    for pk in WebhookSubscription.objects.filter(active=True).values_list("pk", flat=True):
        with transaction.atomic():
            sub = (
                WebhookSubscription.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, active=True)
                .first()
            )
            if sub is None:  # another worker has it
                continue
            changes, last = changes_after(start_position(sub), limit=batch, types=sub.types or None)
            now = timezone.now()
            WebhookDelivery.objects.bulk_create(
                [
                    WebhookDelivery(
                        subscription=sub,
                        change_cursor=c.cursor,
                        model=c.model,
                        object_id=c.object_id,
                        action=c.action,
                        payload=payload(c),
                        next_attempt_at=now,
                    )
                    for c in changes
                ],
                ignore_conflicts=True,
            )
            if last is not None:
                sub.cursor = last.encode()
                sub.save(update_fields=["cursor"])
            queued += len(changes)
    return queued


def payload(change) -> dict:
    return json.loads(
        json.dumps(
            {
                "cursor": change.cursor,
                "time": change.position.time,
                "type": change.model,
                "id": change.object_id,
                "slug": change.slug,
                "action": change.action,
                "data": change.data,
            },
            cls=DjangoJSONEncoder,
        )
    )


@dataclass
class Outcome:
    ok: bool
    status_code: int | None
    error: str


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Talks to ``address`` (already checked) while naming ``host`` in the request."""

    def __init__(self, host, port, *, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """As above, with TLS: the certificate must be valid for ``host``, not for the address."""

    def __init__(self, host, port, *, address, timeout, context=None):
        self.tls = context or ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.tls)
        self.address = address

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)


def connection_to(target: receivers.Target, address: str, *, tls_context=None):
    if target.scheme == "https":
        return _PinnedHTTPSConnection(
            target.host,
            target.port,
            address=address,
            timeout=TIMEOUT_SECONDS,
            context=tls_context,
        )
    return _PinnedHTTPConnection(target.host, target.port, address=address, timeout=TIMEOUT_SECONDS)


def body_of(delivery: WebhookDelivery) -> bytes:
    return json.dumps(delivery.payload, sort_keys=True, separators=(",", ":")).encode()


def post(delivery: WebhookDelivery, *, tls_context=None) -> Outcome:
    """Send one delivery: check where it goes, connect to the checked address, never redirect."""
    try:
        target = receivers.resolve(delivery.subscription.url)
    except receivers.RefusedReceiver as exc:
        return Outcome(False, None, str(exc))
    body = body_of(delivery)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Samverkansregistret-webhooks/2",
        "X-Samverkansregistret-Event": f"{delivery.model}.{delivery.action}",
        **signing.headers(delivery.subscription.secret, str(delivery.pk), body),
    }
    error = ""
    for address in target.addresses:
        connection = connection_to(target, address, tls_context=tls_context)
        try:
            try:
                connection.connect()
            except OSError as exc:  # try the name's next address
                error = str(exc)[:500]
                continue
            try:
                connection.request("POST", target.path, body=body, headers=headers)
                response = connection.getresponse()
                response.read(64 * 1024)
            except (OSError, http.client.HTTPException) as exc:
                # Sent, perhaps received: not repeated to another address now.
                return Outcome(False, None, str(exc)[:500] or type(exc).__name__)
        finally:
            connection.close()
        if 300 <= response.status < 400:
            return Outcome(
                False,
                response.status,
                _("Svaret var en omdirigering (%(status)s), och sådana följs inte.")
                % {"status": response.status},
            )
        ok = 200 <= response.status < 300
        return Outcome(ok, response.status, "" if ok else f"HTTP {response.status}")
    return Outcome(False, None, error)


def claim() -> tuple[WebhookDelivery, dt.datetime] | None:
    """The next due delivery, leased to this worker in a transaction that is already over."""
    now = timezone.now()
    lease = now + LEASE
    with transaction.atomic():
        pk = (
            WebhookDelivery.objects.select_for_update(skip_locked=True)
            .filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
            .filter(Q(leased_until__isnull=True) | Q(leased_until__lt=now))
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)
            .first()
        )
        if pk is None:
            return None
        WebhookDelivery.objects.filter(pk=pk).update(leased_until=lease)
    return WebhookDelivery.objects.select_related("subscription").get(pk=pk), lease


def record(delivery: WebhookDelivery, lease: dt.datetime, outcome: Outcome) -> str | None:
    """Write down what happened, if the claim still holds; the delivery's new state."""
    with transaction.atomic():
        current = (
            WebhookDelivery.objects.select_for_update()
            .filter(pk=delivery.pk, leased_until=lease)
            .first()
        )
        if current is None:  # the lease ran out and another worker has it now
            return None
        current.leased_until = None
        current.attempts += 1
        current.last_status_code = outcome.status_code
        current.last_error = outcome.error
        if outcome.ok:
            current.status = DeliveryStatus.DELIVERED
            current.delivered_at = timezone.now()
            state = "delivered"
        elif current.attempts >= MAX_ATTEMPTS:
            current.status = DeliveryStatus.FAILED
            state = "failed"
        else:
            current.next_attempt_at = timezone.now() + backoff(current.attempts)
            state = "retrying"
        current.save()
    return state


def deliver_due(limit: int = 100) -> dict[str, int]:
    """Send the deliveries whose time has come; returns counts by outcome."""
    counts = {"delivered": 0, "retrying": 0, "failed": 0}
    for _round in range(limit):
        claimed = claim()
        if claimed is None:
            break
        delivery, lease = claimed
        state = record(delivery, lease, post(delivery))
        if state:
            counts[state] += 1
    return counts


def run_once() -> dict[str, int]:
    queued = enqueue()
    return {"queued": queued, **deliver_due()}
