"""Webhooks: each change of the registry POSTed, signed, to the systems that subscribe.

A save never waits for a webhook. The history triggers record the change in
the saving transaction; a separate worker (``manage.py deliver_webhooks``, run
as a long-lived process or every minute from cron) reads the change feed after
the transaction has committed, queues one delivery per subscription and change,
and sends them. A receiver that fails is retried with exponential backoff; the
delivery log in the admin shows every attempt's outcome.

Signature: ``X-Samverkansregistret-Signature: sha256=<hex>``, the HMAC-SHA256 of
the exact request body with the subscription's secret. Verify it with
``verify_signature(secret, body, header)`` or the equivalent in any language.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from governance.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from governance.opendata.changes import Position, changes_after

SIGNATURE_HEADER = "X-Samverkansregistret-Signature"
MAX_ATTEMPTS = 8
TIMEOUT_SECONDS = 10


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify_signature(secret: str, body: bytes, header: str) -> bool:
    return hmac.compare_digest(sign(secret, body), header or "")


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


def post(delivery: WebhookDelivery) -> Outcome:
    body = json.dumps(delivery.payload, sort_keys=True, separators=(",", ":")).encode()
    request = urllib.request.Request(
        delivery.subscription.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "Samverkansregistret-webhooks/1",
            SIGNATURE_HEADER: sign(delivery.subscription.secret, body),
            "X-Samverkansregistret-Delivery": str(delivery.pk),
            "X-Samverkansregistret-Event": f"{delivery.model}.{delivery.action}",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return Outcome(200 <= response.status < 300, response.status, "")
    except urllib.error.HTTPError as exc:
        return Outcome(False, exc.code, f"HTTP {exc.code}")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return Outcome(False, None, str(getattr(exc, "reason", exc))[:500])


def deliver_due(limit: int = 100) -> dict[str, int]:
    """Send the deliveries whose time has come; returns counts by outcome."""
    counts = {"delivered": 0, "retrying": 0, "failed": 0}
    for _ in range(limit):
        with transaction.atomic():
            delivery = (
                WebhookDelivery.objects.select_for_update(skip_locked=True)
                .select_related("subscription")
                .filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=timezone.now())
                .order_by("next_attempt_at", "pk")
                .first()
            )
            if delivery is None:
                break
            outcome = post(delivery)
            delivery.attempts += 1
            delivery.last_status_code = outcome.status_code
            delivery.last_error = outcome.error
            if outcome.ok:
                delivery.status = DeliveryStatus.DELIVERED
                delivery.delivered_at = timezone.now()
                counts["delivered"] += 1
            elif delivery.attempts >= MAX_ATTEMPTS:
                delivery.status = DeliveryStatus.FAILED
                counts["failed"] += 1
            else:
                delivery.next_attempt_at = timezone.now() + backoff(delivery.attempts)
                counts["retrying"] += 1
            delivery.save()
    return counts


def run_once() -> dict[str, int]:
    queued = enqueue()
    return {"queued": queued, **deliver_due()}
