"""The shape every background worker command shares: a round of work, once or in a loop.

A worker (webhook delivery, document text) runs as a long-lived process that repeats its
round every ``--interval`` seconds, or once from cron with ``--once``. Each round says what
it did as counts; a loop prints only rounds that did something.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError


class WorkerCommand(BaseCommand):
    """Subclasses give ``help`` and ``run_round()``, which returns counts by name."""

    def run_round(self) -> dict[str, int]:
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="One round, then exit (for cron).")
        parser.add_argument(
            "--interval", type=float, default=10.0, help="Seconds between rounds when looping."
        )

    def handle(self, *args, once=False, interval=10.0, **options):
        if interval <= 0:
            raise CommandError("--interval must be a positive number of seconds")
        while True:
            counts = self.run_round()
            if options["verbosity"] and (once or any(counts.values())):
                self.stdout.write(", ".join(f"{k}: {v}" for k, v in counts.items()))
            if once:
                return
            time.sleep(interval)
