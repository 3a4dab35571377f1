"""manage.py extract_document_text: read the text of uploaded documents for the search.

Run it as a worker process that loops (``extract_document_text``, e.g. a
``worker:`` line in the Procfile), or once a minute from cron
(``extract_document_text --once``). Several workers may run at once. In
development (``DOCUMENT_EXTRACT_ON_UPLOAD``, on with ``DEBUG``) an upload is
read out right after it is saved, and no worker is needed.
"""

from governance.core.management.worker import WorkerCommand
from governance.documents.extract import extract_pending


class Command(WorkerCommand):
    help = "Read the text of documents waiting for it, page by page, into the search."

    def run_round(self) -> dict[str, int]:
        return extract_pending()
