"""Documents on the public pages, in the open-data exports and in the change feed."""

from __future__ import annotations

import json

import pytest

from agreements.models import Agreement
from governance.documents.models import Document
from tests.documents.conftest import AGREEMENT, pdf_upload


def create(client, title, public):
    response = client.post(
        "/api/v1/documents/",
        {
            "title": title,
            "kind": "signed_agreement",
            "file": pdf_upload(),
            "agreement": AGREEMENT,
            "public": "true" if public else "false",
            "date": "2016-05-12",
        },
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    return Document.objects.get(slug=response.json()["slug"])


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_the_agreement_page_lists_only_public_documents_to_visitors(
    vg_client, client, coordinator_vg
):
    public = create(vg_client, "Undertecknad avsiktsförklaring", public=True)
    private = create(vg_client, "Protokoll med namn", public=False)
    url = Agreement.objects.get(slug=AGREEMENT).get_absolute_url()

    html = client.get(url).content.decode()
    assert f'href="/dokument/{public.slug}/fil"' in html
    assert "Undertecknad överenskommelse" in html and "2016-05-12" in html and "PDF" in html
    assert private.title not in html

    client.force_login(coordinator_vg)
    html = client.get(url).content.decode()
    assert private.title in html and "Inte offentligt" in html


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_exports_link_public_files_and_leave_the_others_out(vg_client, client):
    public = create(vg_client, "Undertecknad avsiktsförklaring", public=True)
    private = create(vg_client, "Protokoll med namn", public=False)

    data = json.loads(client.get("/data/samverkansregistret.json").content)
    rows = data["tables"]["documents.document"]
    assert [r["slug"] for r in rows] == [public.slug]
    assert rows[0]["download_url"] == f"http://testserver/dokument/{public.slug}/fil"
    assert "file" not in rows[0]
    assert "documents.documentpage" not in data["tables"]
    assert private.title not in json.dumps(data, ensure_ascii=False)


@pytest.mark.django_db(transaction=True)
def test_the_change_feed_shows_non_public_documents_only_as_tombstones(seeded_registry):
    from django.contrib.auth import get_user_model

    from tests.api.conftest import token_client
    from tests.factories import bodies, users

    user = users.coordinator("samordnare-feed", bodies.county("14"))
    staff = token_client(user)
    private = create(staff, "Protokoll med namn", public=False)
    from rest_framework.test import APIClient

    def feed(client):
        response = client.get("/api/v1/changes/", {"type": "documents.document", "limit": 500})
        return response.json()["results"]

    (seen,) = feed(APIClient())
    assert seen["action"] == "deleted" and seen["data"] is None and seen["slug"] is None
    assert "Protokoll" not in json.dumps(seen)
    (full,) = feed(staff)
    assert full["action"] == "created" and full["data"]["title"] == private.title
    assert get_user_model().objects.filter(pk=user.pk).exists()
