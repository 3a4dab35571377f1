"""Text read out of a document, page by page, is found by the Swedish site search."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from governance.documents.extract import extract_pending
from governance.documents.models import Document, TextStatus
from tests.documents.conftest import AGREEMENT, pdf_upload, upload
from tests.documents.pdfs import make_docx, make_odt, make_pdf


def create(client, **fields):
    data = {"title": "Undertecknad avsiktsförklaring", "kind": "signed_agreement"}
    data.update(fields)
    data.setdefault("file", pdf_upload())
    data.setdefault("agreement", AGREEMENT)
    response = client.post("/api/v1/documents/", data, format="multipart")
    assert response.status_code == 201, response.json()
    return Document.objects.get(slug=response.json()["slug"])


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_the_worker_reads_each_page_and_the_search_finds_the_right_one(vg_client, client):
    document = create(vg_client, public="true")

    call_command("extract_document_text", "--once", verbosity=0)

    document.refresh_from_db()
    assert document.text_status == TextStatus.EXTRACTED
    assert document.page_count == 2
    assert "överenskommelse" in document.pages.get(number=2).text
    # Swedish stemming: the plural definite form finds the singular on page 2.
    page = client.get("/sok/", {"q": "överenskommelserna", "typ": "document"})
    html = page.content.decode()
    assert f'href="/dokument/{document.slug}/fil#page=2"' in html
    assert "Undertecknad avsiktsförklaring, sida 2" in html
    assert "<mark>överenskommelse</mark>" in html
    assert f"/dokument/{document.slug}/fil#page=1" not in html


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_pages_of_a_non_public_document_are_found_only_by_signed_in_staff(
    vg_client, client, coordinator_vg
):
    document = create(vg_client, public="false")
    extract_pending()
    link = f"/dokument/{document.slug}/fil#page=2"

    assert (
        link
        not in client.get("/sok/", {"q": "kunskapsutveckling", "typ": "document"}).content.decode()
    )
    client.force_login(coordinator_vg)
    assert (
        link in client.get("/sok/", {"q": "kunskapsutveckling", "typ": "document"}).content.decode()
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("protokoll.docx", make_docx(["Protokollsutdrag", "Styrgruppen beslutade om länsplanen."])),
        ("protokoll.odt", make_odt(["Protokollsutdrag", "Styrgruppen beslutade om länsplanen."])),
        ("protokoll.txt", "Protokollsutdrag\nStyrgruppen beslutade om länsplanen.".encode()),
    ],
)
@pytest.mark.usefixtures("seed")
def test_word_opendocument_and_text_files_are_one_searchable_page(vg_client, client, name, content):
    document = create(vg_client, public="true", file=upload(name, content), kind="protocol_extract")
    extract_pending()
    document.refresh_from_db()
    assert (document.text_status, document.page_count) == (TextStatus.EXTRACTED, 1)
    html = client.get("/sok/", {"q": "länsplanerna", "typ": "document"}).content.decode()
    assert f"/dokument/{document.slug}/fil#page=1" in html


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_a_pdf_without_a_text_layer_is_marked_as_scanned(vg_client):
    document = create(vg_client, file=upload("skannad.pdf", make_pdf(["", ""]), "application/pdf"))
    extract_pending()
    document.refresh_from_db()
    assert document.text_status == TextStatus.SCANNED
    assert document.page_count == 2


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_a_scanned_pdf_is_read_by_ocr_when_tesseract_with_swedish_is_installed(vg_client, client):
    from governance.documents.extract import ocr_available
    from tests.documents.pdfs import make_scanned_pdf

    if not ocr_available():
        pytest.skip("Tesseract with Swedish or pdftoppm is not installed (scripts/ensure_ocr.py)")
    scan = make_scanned_pdf("Protokoll om överenskommelsen")
    document = create(vg_client, public="true", file=upload("skannad.pdf", scan, "application/pdf"))
    extract_pending()
    document.refresh_from_db()
    assert document.text_status == TextStatus.SCANNED
    assert "överenskommelsen" in document.pages.get(number=1).text.lower()
    html = client.get("/sok/", {"q": "överenskommelse", "typ": "document"}).content.decode()
    assert f"/dokument/{document.slug}/fil#page=1" in html


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_without_ocr_a_scanned_pdf_is_downloadable_but_not_searchable(vg_client, settings):
    import shutil

    from tests.documents.pdfs import make_scanned_pdf

    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm is not installed (scripts/ensure_ocr.py)")
    settings.DOCUMENT_OCR = False
    scan = make_scanned_pdf("Protokoll om överenskommelsen")
    document = create(vg_client, file=upload("skannad.pdf", scan, "application/pdf"))
    extract_pending()
    document.refresh_from_db()
    assert document.text_status == TextStatus.SCANNED
    assert document.pages.get().text == ""


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_a_broken_file_is_marked_failed_and_the_worker_goes_on(vg_client):
    broken = create(vg_client, file=upload("trasig.pdf", b"%PDF-1.4 garbage", "application/pdf"))
    fine = create(vg_client, title="Andra")
    counts = extract_pending()
    broken.refresh_from_db()
    fine.refresh_from_db()
    assert broken.text_status == TextStatus.FAILED and broken.text_error
    assert fine.text_status == TextStatus.EXTRACTED
    assert counts == {"extracted": 1, "scanned": 0, "failed": 1}


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_in_development_the_text_is_read_right_after_the_upload(
    vg_client, settings, django_capture_on_commit_callbacks
):
    settings.DOCUMENT_EXTRACT_ON_UPLOAD = True
    with django_capture_on_commit_callbacks(execute=True):
        document = create(vg_client)
    document.refresh_from_db()
    assert document.text_status == TextStatus.EXTRACTED
