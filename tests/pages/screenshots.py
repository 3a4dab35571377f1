"""The README's screenshots of the main pages, at phone and desktop width.

Not part of the test suite (the file name does not start with ``test_``): ``make screenshots``
runs it through ``scripts/screenshots.py`` on a test database loaded with the seed registry,
served by pytest-django's live server, and writes PNG files to ``docs/screenshots/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from agreements.models import Agreement
from bodies.models import Body, County

FOLDER = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
# Width, and the height of the picture: the top of the page, two screens' worth on a phone.
WIDTHS = {"phone": (390, 1688), "desktop": (1280, 1200)}


def main_pages() -> dict[str, str]:
    return {
        "start": reverse("web:start"),
        "beslutsorgan": reverse("web:body-list"),
        "beslutsorgan-lisa": Body.objects.get(short_name="LiSA").get_absolute_url(),
        "overenskommelse": Agreement.objects.get(slug="avsiktsforklaring-vg-2016").get_absolute_url(),
        "vem-hanterar-vad": reverse("web:routing")
        + "?matter=nationell-satsning&concerns=both&county=14&on=2017-06-01",
        "styrningskarta": reverse("web:map-county", args=[County.objects.get(code="20").slug]),
        "lan": reverse("web:county-list"),
        "finansiering": reverse("web:funding"),
    }


@pytest.mark.browser
def test_photograph_the_main_pages(page, live_server, seeded_registry):
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, path in main_pages().items():
        for label, (width, height) in WIDTHS.items():
            page.set_viewport_size({"width": width, "height": 900})
            response = page.goto(live_server.url + path)
            assert response.status == 200, path
            tall = page.evaluate("document.documentElement.scrollHeight")
            clip = {"x": 0, "y": 0, "width": width, "height": min(height, tall)}
            page.screenshot(path=str(FOLDER / f"{name}-{label}.png"), full_page=True, clip=clip)
