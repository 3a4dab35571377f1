"""manage.py extract_document_text: read the text of uploaded documents for the search.

Run it as a worker process that loops (``extract_document_text``, e.g. a
``worker:`` line in the Procfile), or once a minute from cron
(``extract_document_text --once``). Several workers may run at once. In
development (``DOCUMENT_EXTRACT_ON_UPLOAD``, on with ``DEBUG``) an upload is
read out right after it is saved, and no worker is needed.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from governance.documents.extract import extract_pending


class Command(BaseCommand):
    help = "Read the text of documents waiting for it, page by page, into the search."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="One round, then exit (for cron).")
        parser.add_argument(
            "--interval", type=float, default=10.0, help="Seconds between rounds when looping."
        )

    def handle(self, *args, once=False, interval=10.0, **options):
        if interval <= 0:
            raise CommandError("--interval must be a positive number of seconds")
        while True:
            counts = extract_pending()
            if options["verbosity"] and (once or any(counts.values())):
                self.stdout.write(", ".join(f"{k}: {v}" for k, v in counts.items()))
            if once:
                return
            time.sleep(interval)
