"""A backup carries the stored files of documents; a restore puts them back."""

from __future__ import annotations

import hashlib
import json

import pytest
from django.core.management import CommandError, call_command

from governance.documents.models import Document
from tests.documents.conftest import AGREEMENT, pdf_upload, upload
from tests.ops.test_backup_restore import _manage, empty_database  # noqa: F401

pytestmark = pytest.mark.usefixtures("seed")


@pytest.mark.slow
def test_round_trip_carries_current_and_earlier_files(
    vg_client,
    empty_database,  # noqa: F811
    tmp_path,
    monkeypatch,
):
    created = vg_client.post(
        "/api/v1/documents/",
        {
            "title": "Avtal",
            "kind": "signed_agreement",
            "agreement": AGREEMENT,
            "file": pdf_upload(),
        },
        format="multipart",
    ).json()
    vg_client.patch(
        f"/api/v1/documents/{created['slug']}/",
        {"file": upload("rättad.txt", "Rättad version.".encode(), "text/plain")},
        format="multipart",
    )
    document = Document.objects.get(slug=created["slug"])
    old = document.versions.get()
    backup = tmp_path / "backup.json"

    call_command("backup_registry", str(backup), verbosity=0)

    files = {f["name"]: f for f in json.loads(backup.read_text())["files"]}
    assert set(files) == {document.file.name, old.file.name}

    restored_media = tmp_path / "restored-media"
    monkeypatch.setenv("MEDIA_ROOT", str(restored_media))
    result = _manage("restore_registry", str(backup), database_url=empty_database)
    assert "2 filer" in result.stdout
    for stored, sha256 in ((document.file.name, document.sha256), (old.file.name, old.sha256)):
        content = (restored_media / stored).read_bytes()
        assert hashlib.sha256(content).hexdigest() == sha256

    # The restored registry serves the file at its old address.
    shown = _manage(
        "shell",
        "-c",
        "from governance.documents.models import Document;"
        f"d = Document.objects.get(slug='{document.slug}');"
        "print(d.file.open('rb').read().decode())",
        database_url=empty_database,
    )
    assert "Rättad version." in shown.stdout


@pytest.mark.django_db
def test_a_file_missing_from_the_storage_stops_the_backup(vg_client, tmp_path):
    created = vg_client.post(
        "/api/v1/documents/",
        {
            "title": "Avtal",
            "kind": "signed_agreement",
            "agreement": AGREEMENT,
            "file": pdf_upload(),
        },
        format="multipart",
    ).json()
    document = Document.objects.get(slug=created["slug"])
    document.file.storage.delete(document.file.name)
    with pytest.raises(CommandError, match="saknas i lagringen"):
        call_command("backup_registry", str(tmp_path / "b.json"), verbosity=0)
