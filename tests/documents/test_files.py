"""A file's type is read from its content; a file that lies about it is refused."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from governance.documents import files
from tests.documents.conftest import pdf_upload, upload
from tests.documents.pdfs import make_docx, make_odt, make_zip

HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


@pytest.mark.parametrize(
    ("name", "content", "media_type", "filename"),
    [
        ("avtal.pdf", None, files.PDF, "avtal.pdf"),
        ("Protokoll 2016.docx", make_docx(["Protokollsutdrag"]), files.DOCX, "Protokoll_2016.docx"),
        ("plan.odt", make_odt(["Länsplan"]), files.ODT, "plan.odt"),
        ("anteckning.txt", "Överenskommelse, å ä ö.".encode(), files.TEXT, "anteckning.txt"),
        ("utan-ändelse", b"Bara text.", files.TEXT, "utan-ändelse.txt"),
    ],
)
def test_accepted_types_are_recognised_by_content(name, content, media_type, filename):
    checked = files.check_upload(pdf_upload(name) if content is None else upload(name, content))
    assert checked.media_type == media_type
    assert checked.filename == filename
    assert len(checked.sha256) == 64 and checked.size > 0


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("protokoll.pdf", HTML, "unsupported_type"),
        ("protokoll.txt", HTML, "unsupported_type"),
        ("protokoll.pdf", b"Bara text, ingen PDF.", "type_mismatch"),
        ("avtal.docx", b"%PDF-1.4 not really", "type_mismatch"),
        ("arkiv.docx", make_zip({"hej.txt": b"hej"}), "unsupported_type"),
        ("bild.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "unsupported_type"),
        ("latin1.txt", "Överenskommelse".encode("latin-1"), "unsupported_type"),
        ("tom.pdf", b"", "empty"),
    ],
)
def test_files_that_are_not_what_they_claim_are_refused(name, content, code):
    with pytest.raises(ValidationError) as caught:
        files.check_upload(upload(name, content))
    assert caught.value.code == code
    assert caught.value.messages[0]


def test_a_file_over_the_limit_is_refused(settings):
    settings.DOCUMENT_MAX_BYTES = 100
    with pytest.raises(ValidationError, match="för stor") as caught:
        files.check_upload(upload("stor.txt", b"a" * 101))
    assert caught.value.code == "too_large"


@pytest.mark.parametrize(
    ("given", "cleaned"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\kalle\\Avtal med bilagor.pdf", "Avtal_med_bilagor.pdf"),
        ("..", "dokument.pdf"),
        ("a\x00b\u202e.pdf", "ab.pdf"),
        ("Överenskommelse.pdf", "Överenskommelse.pdf"),
    ],
)
def test_names_are_cleaned(given, cleaned):
    assert files.clean_filename(given, files.PDF) == cleaned
