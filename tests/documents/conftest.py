"""Fixtures for the document tests: a storage folder of the test's own, and uploads."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.api.conftest import anon, dalarna_client, token_client, vg_client  # noqa: F401
from tests.documents.pdfs import make_pdf

AGREEMENT = "avsiktsforklaring-vg-2016"  # Västra Götaland (county 14)
PAGES = [
    "Inledning om regional samverkan i Västra Götaland.",
    "Denna överenskommelse om kunskapsutveckling gäller från 2016.",
]


@pytest.fixture(autouse=True)
def document_storage(settings, tmp_path):
    """Every test stores its files in a folder of its own, never in the project's media/."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
    }
    settings.DOCUMENT_EXTRACT_ON_UPLOAD = False
    return tmp_path / "media"


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def pdf_upload(name: str = "overenskommelse.pdf", pages=None):
    return upload(name, make_pdf(pages or PAGES), "application/pdf")
