"""A replaced agreement says at the top what replaced it, from when, as of the page's date."""

from __future__ import annotations

import pytest

from agreements.models import Agreement

pytestmark = pytest.mark.django_db

OLD = "/overenskommelser/avsiktsforklaring-vg-2013/"


def _top(html: str) -> str:
    """The page from its heading to the first fact list."""
    return html.split("<h1", 1)[1].split('<dl class="facts">', 1)[0]


@pytest.mark.usefixtures("seed")
def test_the_old_declaration_names_its_successor_at_the_top(client):
    successor = Agreement.objects.get(slug="avsiktsforklaring-vg-2016")
    top = _top(client.get(OLD).content.decode())
    assert "Ersatt av" in top
    assert f'href="{successor.get_absolute_url()}"' in top
    assert "från 2016-01-01" in top


def test_before_the_successor_took_over_the_page_says_nothing_of_it(client):
    top = _top(client.get(OLD, {"per": "2015-06-01"}).content.decode())
    assert "Ersatt av" not in top


@pytest.mark.usefixtures("seed")
def test_the_breadcrumb_gives_the_whole_title(client):
    agreement = Agreement.objects.get(slug="avsiktsforklaring-vg-2013")
    html = client.get(OLD).content.decode()
    crumbs = html.split('aria-label="Du är här"', 1)[1].split("</nav>", 1)[0]
    assert agreement.title in crumbs.replace("&#x27;", "'").replace("&quot;", '"')
