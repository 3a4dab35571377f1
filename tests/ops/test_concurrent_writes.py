"""Concurrent writers through the API: with If-Match exactly one wins each round, none is lost.

Real threads, each with its own API client and its own database connection,
against committed data (a transactional test): they read the same agreement,
wait for each other, then all send their change with the ETag they read.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from agreements.models import Agreement

WRITERS = 4
ROUNDS = 5
URL = "/api/v1/agreements/avsiktsforklaring-vg-2016/"


def _writer(token: str, barrier: threading.Barrier, results: list, index: int, text: str):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    try:
        etag = client.get(URL)["ETag"]
        barrier.wait(timeout=60)  # everyone has read the same version
        response = client.patch(URL, {"purpose": text}, format="json", HTTP_IF_MATCH=etag)
        results[index] = (response.status_code, text)
    except Exception as exc:  # reported to the main thread, never swallowed
        results[index] = ("error", repr(exc))
    finally:
        connection.close()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_concurrent_updates_with_if_match_one_wins_each_round_and_none_is_lost(
    seeded_registry, coordinator_vg
):
    token = Token.objects.create(user=coordinator_vg).key
    agreement = Agreement.objects.get(slug="avsiktsforklaring-vg-2016")
    start_version = agreement.version
    winners = []

    for round_no in range(ROUNDS):
        barrier = threading.Barrier(WRITERS)
        results: list = [None] * WRITERS
        threads = [
            threading.Thread(
                target=_writer,
                args=(token, barrier, results, i, f"Syfte runda {round_no} skribent {i}"),
            )
            for i in range(WRITERS)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)

        statuses = sorted(status for status, _ in results)
        assert statuses == [200] + [412] * (WRITERS - 1), results
        (winner,) = [text for status, text in results if status == 200]
        winners.append(winner)
        agreement.refresh_from_db()
        # The winner's change is what the database holds, and it counted once.
        assert agreement.purpose == winner
        assert agreement.version == start_version + round_no + 1

    # None lost: every winning write is in the history, in order, and nothing else.
    updates = list(
        agreement.events.filter(pgh_label="update", version__gt=start_version)
        .order_by("pgh_id")
        .values_list("purpose", flat=True)
    )
    assert updates == winners
