"""manage.py deliver_webhooks: queue and send webhook deliveries.

Run it either as a worker process that loops (``deliver_webhooks``, e.g. a
``worker:`` line in the Procfile or a systemd service), or once a minute from
cron (``deliver_webhooks --once``). Several workers may run at once: each claims
a delivery in a short transaction (``SKIP LOCKED``, a lease in ``leased_until``)
and sends it after that transaction has committed.
"""

from governance.core.management.worker import WorkerCommand
from governance.opendata.webhooks import run_once


class Command(WorkerCommand):
    help = "Queue a webhook delivery for each new change and send the due ones."

    def run_round(self) -> dict[str, int]:
        return run_once()
