"""Documents through the API: upload, download, visibility, versions, scope, storages."""

from __future__ import annotations

import hashlib

import pytest
from django.test import override_settings

from governance.documents.models import Document
from tests.documents.conftest import AGREEMENT, pdf_upload, upload
from tests.documents.pdfs import make_pdf

URL = "/api/v1/documents/"


def post(client, **fields):
    data = {"title": "Undertecknad avsiktsförklaring", "kind": "signed_agreement"}
    data.update(fields)
    data.setdefault("file", pdf_upload())
    return client.post(URL, data, format="multipart")


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_coordinator_uploads_a_pdf_to_an_agreement_of_their_county(vg_client):
    response = post(vg_client, agreement=AGREEMENT, public="true")

    assert response.status_code == 201, response.json()
    body = response.json()
    document = Document.objects.get(slug=body["slug"])
    assert document.agreement.slug == AGREEMENT
    assert document.public is True
    assert document.media_type == body["media_type"] == "application/pdf"
    assert body["filename"] == "overenskommelse.pdf"
    with document.file.open("rb") as handle:
        content = handle.read()
    assert body["sha256"] == hashlib.sha256(content).hexdigest()
    assert body["size"] == len(content)
    assert body["text_status"] == "pending"
    assert body["download_url"].endswith(f"/dokument/{document.slug}/fil")
    # The stored name is the registry's own, not the uploaded one.
    assert "overenskommelse" not in document.file.name


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_download_is_an_attachment_that_is_never_sniffed(vg_client, anon):
    slug = post(vg_client, agreement=AGREEMENT, public="true").json()["slug"]

    response = anon.get(f"/dokument/{slug}/fil")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="overenskommelse.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.django_db
def test_an_html_file_named_pdf_is_refused_with_a_field_error(vg_client):
    fake = upload("protokoll.pdf", b"<html><script>alert(1)</script></html>", "application/pdf")

    response = post(vg_client, agreement=AGREEMENT, file=fake)

    assert response.status_code == 400
    assert "Filtypen tas inte emot" in response.json()["file"][0]
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_without_a_record_to_belong_to_the_upload_is_refused(superuser):
    from tests.api.conftest import token_client

    response = post(token_client(superuser))
    assert response.status_code == 400
    assert "hör till" in str(response.json())


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_a_coordinator_cannot_attach_documents_to_another_county(dalarna_client, anon):
    assert post(dalarna_client, agreement=AGREEMENT).status_code == 403
    assert post(anon, agreement=AGREEMENT).status_code in (401, 403)
    assert not Document.objects.exists()


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_non_public_documents_are_invisible_to_anonymous_readers(vg_client, anon):
    slug = post(vg_client, agreement=AGREEMENT, public="false").json()["slug"]

    assert anon.get(URL).json()["count"] == 0
    assert anon.get(f"{URL}{slug}/").status_code == 404
    assert anon.get(f"/dokument/{slug}/fil").status_code == 404
    assert anon.get(f"/api/v1/agreements/{AGREEMENT}/").json()["documents"] == []
    listed = anon.get("/api/v1/agreements/", {"page_size": 200}).json()["results"]
    assert all(a["documents"] == [] for a in listed)

    # Signed-in staff see it everywhere.
    assert vg_client.get(URL).json()["count"] == 1
    assert vg_client.get(f"/dokument/{slug}/fil").status_code == 200
    detail = vg_client.get(f"/api/v1/agreements/{AGREEMENT}/").json()
    assert [d["slug"] for d in detail["documents"]] == [slug]
    listed = vg_client.get("/api/v1/agreements/", {"page_size": 200}).json()["results"]
    (item,) = [a for a in listed if a["slug"] == AGREEMENT]
    assert item["documents"] == detail["documents"]


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_public_documents_are_listed_on_their_agreement_decision_and_body(vg_client, anon):
    from agreements.models import Decision

    decision = Decision.objects.filter(body__county__code="14").select_related("body").first()
    on_agreement = post(vg_client, agreement=AGREEMENT, public="true").json()["slug"]
    on_decision = post(
        vg_client, decision=decision.slug, kind="protocol_extract", public="true"
    ).json()["slug"]
    on_body = post(vg_client, body=decision.body.slug, kind="report", public="true").json()["slug"]

    def slugs(path):
        return [d["slug"] for d in anon.get(path).json()["documents"]]

    assert slugs(f"/api/v1/agreements/{AGREEMENT}/") == [on_agreement]
    assert slugs(f"/api/v1/decisions/{decision.slug}/") == [on_decision]
    assert slugs(f"/api/v1/bodies/{decision.body.slug}/") == [on_body]
    summary = anon.get(f"/api/v1/bodies/{decision.body.slug}/").json()["documents"][0]
    assert summary["kind"] == "report" and summary["media_type"] == "application/pdf"
    assert summary["size"] > 0 and summary["download_url"].endswith("/fil")


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_a_new_file_replaces_the_current_one_and_keeps_it_as_a_version(vg_client, anon):
    created = post(vg_client, agreement=AGREEMENT, public="true").json()
    second = make_pdf(["Andra versionen, undertecknad."])

    response = vg_client.patch(
        f"{URL}{created['slug']}/",
        {"file": upload("ny.pdf", second, "application/pdf")},
        format="multipart",
    )

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["file_version"] == 2
    assert body["sha256"] == hashlib.sha256(second).hexdigest()
    assert body["sha256"] != created["sha256"]
    (old,) = body["versions"]
    assert old["number"] == 1 and old["sha256"] == created["sha256"]
    old_file = anon.get(f"/dokument/{created['slug']}/version/1/fil")
    assert hashlib.sha256(b"".join(old_file.streaming_content)).hexdigest() == created["sha256"]
    current = anon.get(f"/dokument/{created['slug']}/fil")
    assert b"".join(current.streaming_content) == second


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_editing_the_metadata_as_json_keeps_the_file(vg_client):
    created = post(vg_client, agreement=AGREEMENT).json()
    response = vg_client.patch(f"{URL}{created['slug']}/", {"public": True}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["public"] is True
    assert response.json()["sha256"] == created["sha256"]
    assert response.json()["versions"] == []


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_another_storage_class_swapped_in_by_settings_is_used(vg_client, anon, settings):
    memory = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    with override_settings(STORAGES=memory):
        from django.core.files.storage import default_storage

        slug = post(vg_client, agreement=AGREEMENT, public="true").json()["slug"]
        document = Document.objects.get(slug=slug)
        assert type(default_storage._wrapped).__name__ == "InMemoryStorage"
        assert default_storage.exists(document.file.name)
        response = anon.get(f"/dokument/{slug}/fil")
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
