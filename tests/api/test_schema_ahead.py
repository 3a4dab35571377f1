"""The OpenAPI document is generated ahead, so the documentation's first visit does not wait."""

import pytest
from django.conf import settings

from governance.api.urls import RegistrySchemaView


@pytest.fixture
def no_schema_yet():
    saved = dict(RegistrySchemaView._generated)
    RegistrySchemaView._generated.clear()
    yield
    RegistrySchemaView._generated.clear()
    RegistrySchemaView._generated.update(saved)


def _served(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get("/api/schema/")
    assert response.status_code == 200
    return response.content


@pytest.mark.django_db
def test_the_document_generated_ahead_is_the_one_a_visit_generates(client, no_schema_yet):
    on_visit = {lang: _served(client, lang) for lang, _ in settings.LANGUAGES}
    assert on_visit["sv"] != on_visit["en"]

    RegistrySchemaView._generated.clear()
    RegistrySchemaView.generate_ahead_in_background().join(timeout=120)
    assert set(RegistrySchemaView._generated) == {(None, lang) for lang, _ in settings.LANGUAGES}

    ahead = {lang: _served(client, lang) for lang, _ in settings.LANGUAGES}
    assert ahead == on_visit
