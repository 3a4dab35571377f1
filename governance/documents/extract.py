"""Reading the text out of a document's file, page by page, for the search.

The worker (``manage.py extract_document_text``) takes documents whose text is
pending, one at a time: rows are claimed with ``SELECT … FOR UPDATE SKIP
LOCKED``, so several workers may run at once. A PDF is read page by page
(pypdf); a DOCX (python-docx), an ODT (odfpy) or a text file is one page. A PDF
that has pages but no text at all is a scan: it is marked so and stays
downloadable; when Tesseract with Swedish and poppler-utils are installed
(``scripts/ensure_ocr.py``, setting ``DOCUMENT_OCR``) its pages are read by OCR
and become searchable, otherwise it is not searchable. The files are only ever
parsed, never run.
"""

from __future__ import annotations

import functools
import io
import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import files
from .models import MAX_PAGE_CHARS, Document, DocumentPage, TextStatus

logger = logging.getLogger(__name__)


def _pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [page.extract_text() or "" for page in reader.pages]


def _docx_pages(data: bytes) -> list[str]:
    import docx

    document = docx.Document(io.BytesIO(data))
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return ["\n".join(lines)]


def _odt_pages(data: bytes) -> list[str]:
    from odf import teletype, text
    from odf.opendocument import load

    document = load(io.BytesIO(data))
    lines = [
        teletype.extractText(element)
        for kind in (text.H, text.P)
        for element in document.getElementsByType(kind)
    ]
    return ["\n".join(lines)]


def _text_pages(data: bytes) -> list[str]:
    return [data.decode("utf-8-sig")]


READERS = {
    files.PDF: _pdf_pages,
    files.DOCX: _docx_pages,
    files.ODT: _odt_pages,
    files.TEXT: _text_pages,
}


def page_texts(data: bytes, media_type: str) -> list[str]:
    """The text of each page; PostgreSQL text holds no NUL characters."""
    pages = READERS[media_type](data)
    return [page.replace("\x00", "")[:MAX_PAGE_CHARS] for page in pages]


OCR_DPI = 200
OCR_SECONDS_PER_PAGE = 120


@functools.cache
def _ocr_installed() -> bool:
    if not (shutil.which("tesseract") and shutil.which("pdftoppm")):
        return False
    try:
        listed = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return "swe" in listed.stdout.split()


def ocr_available() -> bool:
    """Whether scanned pages can be read: Tesseract with Swedish, pdftoppm, and not turned off."""
    return getattr(settings, "DOCUMENT_OCR", True) and _ocr_installed()


def ocr_pages(data: bytes, count: int) -> list[str]:
    """The text of each page of a scanned PDF, read by Tesseract (Swedish)."""
    texts = []
    with tempfile.TemporaryDirectory(prefix="dokument-ocr-") as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(data)
        for number in range(1, count + 1):
            image = Path(folder) / f"page-{number}"
            subprocess.run(
                ["pdftoppm", "-r", str(OCR_DPI), "-gray", "-png", "-singlefile",
                 "-f", str(number), "-l", str(number), str(source), str(image)],
                check=True, capture_output=True, timeout=OCR_SECONDS_PER_PAGE,
            )
            result = subprocess.run(
                ["tesseract", f"{image}.png", "-", "-l", "swe"],
                check=True, capture_output=True, timeout=OCR_SECONDS_PER_PAGE,
            )
            texts.append(result.stdout.decode("utf-8", "replace"))
    return texts


def extract(document: Document) -> TextStatus:
    """Read the text of ``document``'s current file into its pages; returns the outcome."""
    try:
        with document.file.open("rb") as handle:
            data = handle.read()
        pages = page_texts(data, document.media_type)
    except Exception as exc:  # a broken file must not stop the worker
        logger.warning("text extraction failed for document %s: %s", document.pk, exc)
        DocumentPage.objects.filter(document=document).delete()
        _finish(document, TextStatus.FAILED, None, str(exc)[:500] or type(exc).__name__)
        return TextStatus.FAILED
    scanned = document.media_type == files.PDF and pages and not any(p.strip() for p in pages)
    if scanned and ocr_available():
        try:
            pages = [p.replace("\x00", "")[:MAX_PAGE_CHARS] for p in ocr_pages(data, len(pages))]
        except (OSError, subprocess.SubprocessError) as exc:
            # Still a scan, still downloadable: only the search misses it.
            logger.warning("OCR failed for document %s: %s", document.pk, exc)
    DocumentPage.objects.filter(document=document).delete()
    DocumentPage.objects.bulk_create(
        DocumentPage(document=document, number=n, text=text)
        for n, text in enumerate(pages, start=1)
    )
    status = TextStatus.SCANNED if scanned else TextStatus.EXTRACTED
    _finish(document, status, len(pages), "")
    return status


def _finish(document: Document, status: str, pages: int | None, error: str) -> None:
    # update(): the outcome is derived from the file and no edit of the record.
    Document.objects.filter(pk=document.pk).update(
        text_status=status, page_count=pages, text_error=error, extracted_at=timezone.now()
    )
    document.text_status, document.page_count, document.text_error = status, pages, error


def extract_pending(limit: int | None = None) -> dict[str, int]:
    """Read out the text of documents waiting for it; counts per outcome."""
    counts = {status: 0 for status in TextStatus.values if status != TextStatus.PENDING}
    done = 0
    while limit is None or done < limit:
        with transaction.atomic():
            document = (
                Document.objects.select_for_update(skip_locked=True)
                .filter(text_status=TextStatus.PENDING)
                .order_by("uploaded_at", "pk")
                .first()
            )
            if document is None:
                break
            counts[extract(document)] += 1
        done += 1
    return counts
