"""The frame of every public page and the pages about the registry itself."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from governance.core.models import SourceDocument
from governance.site.glossary import TERMS, swedish_sort_key

pytestmark = pytest.mark.django_db

FRAME_PAGES = [
    "web:start",
    "web:body-list",
    "web:agreement-list",
    "web:funding",
    "web:county-list",
    "web:timeline",
    "web:search",
    "web:about",
    "web:accessibility",
    "web:glossary",
]


def _title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S)[1].strip()


@pytest.mark.parametrize("name", FRAME_PAGES)
def test_every_title_names_the_page_then_the_registry(client, name):
    html = client.get(reverse(name)).content.decode()
    title = _title(html)
    assert re.fullmatch(r"\S.* – Samverkansregistret", title), title


@pytest.mark.parametrize("name", FRAME_PAGES)
def test_the_footer_leads_to_about_accessibility_glossary_data_and_contact(client, settings, name):
    settings.OPEN_DATA_CONTACT_EMAIL = "registret@region.example"
    html = client.get(reverse(name)).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    for target in ("web:about", "web:accessibility", "web:glossary", "opendata:index"):
        assert f'href="{reverse(target)}"' in footer, target
    assert 'href="mailto:registret@region.example"' in footer
    assert "Uppgifterna senast ändrade" in footer
    assert '<link rel="icon"' in html


@pytest.mark.usefixtures("seed")
def test_the_about_page_names_every_source_document(client):
    html = client.get(reverse("web:about")).content.decode()
    sources = list(SourceDocument.objects.all())
    assert len(sources) >= 5
    for source in sources:
        assert source.title in html.replace("&#x27;", "'").replace("&quot;", '"')


def test_the_accessibility_statement_follows_the_prescribed_structure(client):
    html = client.get(reverse("web:accessibility")).content.decode()
    headings = re.findall(r"<h[23]>(.*?)</h[23]>", html)
    assert headings[:6] == [
        "Hur tillgänglig är webbplatsen?",
        "Vad kan du göra om du inte kan använda delar av webbplatsen?",
        "Rapportera brister i webbplatsens tillgänglighet",
        "Tillsyn",
        "Teknisk information om webbplatsens tillgänglighet",
        "Innehåll som inte är tillgängligt",
    ]
    assert "lagen (2018:1937)" in html
    assert "https://www.digg.se/tdosanmalan" in html
    assert re.search(r"Senaste bedömningen gjordes den \d{1,2} \w+ \d{4}", html)


def test_the_glossary_explains_the_pages_jargon_in_swedish_order(client):
    html = client.get(reverse("web:glossary")).content.decode()
    shown = re.findall(r'<dt id="[^"]+">([^<]+?)(?: <span|</dt>)', html)
    assert len(shown) == len(TERMS)
    assert shown == sorted(shown, key=swedish_sort_key)
    assert shown[-1] == "Överenskommelse"  # Ö after Z, as in a Swedish dictionary
    for term in ("Huvudman", "Värdorganisation", "Evidensbaserad praktik", "VästKom", "Punkt"):
        assert term in shown


def test_the_glossary_is_in_english_too(client):
    html = client.get(reverse("web:glossary"), headers={"accept-language": "en"}).content.decode()
    assert "<title>Glossary – Samverkansregistret</title>" in html
    assert "Principal" in html
