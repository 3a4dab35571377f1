"""What an uploaded file is, decided by its content and never by its name.

A document may be a PDF, a Word document (DOCX), an OpenDocument text (ODT) or
plain UTF-8 text. The type is read from the bytes: the PDF header, the parts of
the ZIP package of DOCX and ODT, or text that decodes as UTF-8 and is not
markup. A file whose name promises another type than its content is refused
(an HTML page called ``protokoll.pdf``), and so is one larger than
``DOCUMENT_MAX_BYTES``. The name a person gave the file is kept, cleaned, only
for the download; the stored file gets a name of our own.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
TEXT = "text/plain"

# The extension each type is stored and downloaded with, and the ones its name may have.
EXTENSIONS = {PDF: ".pdf", DOCX: ".docx", ODT: ".odt", TEXT: ".txt"}
NAME_SUFFIXES = {
    PDF: {".pdf"},
    DOCX: {".docx"},
    ODT: {".odt"},
    TEXT: {".txt", ".text", ".md", ".csv"},
}
TYPE_NAMES = {PDF: "PDF", DOCX: "Word (DOCX)", ODT: "OpenDocument (ODT)", TEXT: gettext_lazy("text")}

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
CHUNK = 64 * 1024
# A DOCX or ODT is a ZIP archive: one that unpacks to far more than any real document
# (a "zip bomb") is refused before any library opens it.
MAX_UNPACKED_FACTOR = 20
MAX_ZIP_ENTRIES = 10_000
# Text that a browser would take for a page or an image if it were ever shown inline.
MARKUP = re.compile(rb"^\s*<(!doctype|html|head|body|script|iframe|svg|\?xml)", re.IGNORECASE)
MARKUP_ANYWHERE = re.compile(rb"<(script|html|iframe)\b", re.IGNORECASE)


def max_bytes() -> int:
    return int(getattr(settings, "DOCUMENT_MAX_BYTES", DEFAULT_MAX_BYTES))


@dataclass(frozen=True)
class CheckedFile:
    """An upload that passed the checks: its content and what it was found to be."""

    file: object  # the uploaded file, rewound
    filename: str  # cleaned, with the extension of its type
    media_type: str
    size: int
    sha256: str


def clean_filename(name: str, media_type: str) -> str:
    """The name to download the file by: no folders, no control characters, its type's ending."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    stem = PurePath(base).stem if PurePath(base).suffix.lower() in _all_suffixes() else base
    try:
        stem = get_valid_filename(stem.strip(" ."))
    except Exception:  # get_valid_filename raises SuspiciousFileOperation for "" and ".."
        stem = ""
    stem = stem[:120].strip("._-") or "dokument"
    return stem + EXTENSIONS[media_type]


def _all_suffixes() -> set[str]:
    return set().union(*NAME_SUFFIXES.values())


def _refuse(message: str, code: str):
    raise ValidationError(message, code=code)


def _measure(upload) -> tuple[int, str, bytes]:
    """Size, SHA-256 and the first bytes; stops reading as soon as the limit is passed."""
    limit = max_bytes()
    digest = hashlib.sha256()
    size = 0
    head = b""
    upload.seek(0)
    while chunk := upload.read(CHUNK):
        size += len(chunk)
        if size > limit:
            _refuse(
                _("Filen är för stor. Största tillåtna storlek är %(limit)s.")
                % {"limit": filesizeformat(limit)},
                "too_large",
            )
        if len(head) < 8192:
            head += chunk[: 8192 - len(head)]
        digest.update(chunk)
    upload.seek(0)
    return size, digest.hexdigest(), head


def _zip_type(upload, size: int) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            unpacked = sum(entry.file_size for entry in entries)
            if len(entries) > MAX_ZIP_ENTRIES or unpacked > MAX_UNPACKED_FACTOR * max(
                size, max_bytes()
            ):
                _refuse(_("Filen packas upp till orimligt mycket data."), "zip_bomb")
            names = {entry.filename for entry in entries}
            if "mimetype" in names and archive.read("mimetype").strip() == ODT.encode():
                return ODT
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                types = archive.read("[Content_Types].xml")
                # A macro-enabled document (DOCM) declares another main part type.
                if b"wordprocessingml.document.main+xml" in types:
                    return DOCX
            return None
    except (zipfile.BadZipFile, KeyError, RuntimeError, NotImplementedError, OSError):
        return None
    finally:
        upload.seek(0)


def _is_text(upload) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    upload.seek(0)
    try:
        while chunk := upload.read(CHUNK):
            if b"\x00" in chunk or MARKUP_ANYWHERE.search(chunk):
                return False
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    finally:
        upload.seek(0)
    return True


def detect(upload, head: bytes, size: int) -> str | None:
    """The media type of the content, or None when it is none of the accepted ones."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(upload, size)
    body = head.removeprefix(codecs.BOM_UTF8)
    if size and not MARKUP.match(body) and _is_text(upload):
        return TEXT
    return None


def check_upload(upload) -> CheckedFile:
    """The checked file, or ValidationError saying in plain Swedish what is wrong with it."""
    if upload is None:
        _refuse(_("Välj en fil."), "required")
    size, sha256, head = _measure(upload)
    if size == 0:
        _refuse(_("Filen är tom."), "empty")
    media_type = detect(upload, head, size)
    if media_type is None:
        _refuse(
            _(
                "Filtypen tas inte emot. Ladda upp en PDF, ett Word-dokument (DOCX), "
                "ett OpenDocument-dokument (ODT) eller en textfil (UTF-8)."
            ),
            "unsupported_type",
        )
    name = getattr(upload, "name", "") or ""
    suffix = PurePath(re.split(r"[\\/]", name)[-1]).suffix.lower()
    if suffix[1:].isalpha() and suffix not in NAME_SUFFIXES[media_type]:
        _refuse(
            _(
                "Filen heter %(suffix)s men innehållet är %(type)s. Kontrollera att du "
                "valt rätt fil."
            )
            % {"suffix": suffix, "type": TYPE_NAMES[media_type]},
            "type_mismatch",
        )
    return CheckedFile(
        file=upload,
        filename=clean_filename(name, media_type),
        media_type=media_type,
        size=size,
        sha256=sha256,
    )
