"""manage.py deliver_webhooks: queue and send webhook deliveries.

Run it either as a worker process that loops (``deliver_webhooks``, e.g. a
``worker:`` line in the Procfile or a systemd service), or once a minute from
cron (``deliver_webhooks --once``). Several workers may run at once: each claims
a delivery in a short transaction (``SKIP LOCKED``, a lease in ``leased_until``)
and sends it after that transaction has committed.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from governance.opendata.webhooks import run_once


class Command(BaseCommand):
    help = "Queue a webhook delivery for each new change and send the due ones."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="One round, then exit (for cron).")
        parser.add_argument(
            "--interval", type=float, default=10.0, help="Seconds between rounds when looping."
        )

    def handle(self, *args, once=False, interval=10.0, **options):
        if interval <= 0:
            raise CommandError("--interval must be a positive number of seconds")
        while True:
            counts = run_once()
            if options["verbosity"] and (once or any(counts.values())):
                self.stdout.write(", ".join(f"{k}: {v}" for k, v in counts.items()))
            if once:
                return
            time.sleep(interval)
