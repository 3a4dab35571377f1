"""Uploading documents in the admin: their own form, and the row on an agreement's form."""

from __future__ import annotations

import pytest

from agreements.models import Agreement
from governance.documents.models import Document
from tests.documents.conftest import AGREEMENT, pdf_upload, upload

PASSWORD = "correct horse battery staple"
ADD = "/admin/documents/document/add/"


def form(**fields):
    data = {
        "title": "Undertecknad avsiktsförklaring",
        "kind": "signed_agreement",
        "date": "2016-05-12",
        "agreement": Agreement.objects.get(slug=AGREEMENT).pk,
        "public": "on",
        "slug": "",
    }
    data.update(fields)
    data.setdefault("upload", pdf_upload())
    return data


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_coordinator_uploads_a_document_in_its_own_form(client, coordinator_vg):
    client.force_login(coordinator_vg)
    response = client.post(ADD, form())
    assert response.status_code == 302, response.context["adminform"].form.errors
    document = Document.objects.get()
    assert document.agreement.slug == AGREEMENT and document.public
    assert document.media_type == "application/pdf" and document.filename == "overenskommelse.pdf"

    # A new file replaces it; the old one is kept as a version and listed.
    change = f"/admin/documents/document/{document.pk}/change/"
    new = upload("andra.txt", b"Andra versionen.", "text/plain")
    response = client.post(change, form(upload=new, version=document.version))
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.file_version == 2 and document.media_type == "text/plain"
    assert document.versions.get().number == 1
    assert "overenskommelse.pdf" in client.get(change).content.decode()


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_a_file_that_lies_about_its_type_is_a_form_error(client, coordinator_vg):
    client.force_login(coordinator_vg)
    fake = upload("protokoll.pdf", b"<html><body>hej</body></html>", "application/pdf")
    response = client.post(ADD, form(upload=fake))
    assert response.status_code == 200
    assert "Filtypen tas inte emot" in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_a_coordinator_cannot_add_documents_to_another_countys_agreement(
    client, coordinator_dalarna
):
    client.force_login(coordinator_dalarna)
    response = client.post(ADD, form())
    assert response.status_code == 200
    assert "Du saknar behörighet för Västra Götalands län" in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.browser
@pytest.mark.slow
def test_coordinator_attaches_a_signed_agreement_on_the_agreement_form(
    seeded_registry, live_server, page, coordinator_vg, tmp_path, artifacts_dir
):
    from tests.documents.pdfs import make_pdf

    pdf = tmp_path / "Undertecknad avsiktsförklaring.pdf"
    pdf.write_bytes(make_pdf(["Avsiktsförklaringen är undertecknad av båda parter."]))
    agreement = Agreement.objects.get(slug=AGREEMENT)

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", coordinator_vg.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/agreements/agreement/{agreement.pk}/change/")
    page.locator("#documents-group .add-row a").click()
    page.fill("#id_documents-0-title", "Undertecknad avsiktsförklaring")
    page.select_option("#id_documents-0-kind", "signed_agreement")
    page.fill("#id_documents-0-date", "2016-05-12")
    page.check("#id_documents-0-public")
    file_input = page.locator("#id_documents-0-upload")
    assert "application/pdf" in file_input.get_attribute("accept")
    file_input.set_input_files(str(pdf))
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")

    document = Document.objects.get(agreement=agreement)
    assert document.filename == "Undertecknad_avsiktsförklaring.pdf"
    assert document.public and document.size == pdf.stat().st_size

    page.goto(f"{live_server.url}{agreement.get_absolute_url()}")
    link = page.locator(f"a[href='/dokument/{document.slug}/fil']")
    assert link.inner_text() == "Undertecknad avsiktsförklaring"
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert not results.violations_count, results.generate_report()
    page.screenshot(path=str(artifacts_dir / "agreement-documents.png"), full_page=True)
