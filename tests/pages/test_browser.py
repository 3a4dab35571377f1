"""The public pages in headless Chromium: accessibility, navigation, filters, search, language.

Screenshots of every page type, at desktop and phone width, are saved under
``test-artifacts/pages/`` (git-ignored) for a person to look at.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from bodies.models import County
from tests.pages import factories

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def world(seeded_registry):
    world = factories.governance_world()
    factories.multiply_rows(world, times=2)
    return world


@pytest.fixture
def shots(artifacts_dir):
    folder = artifacts_dir / "pages"
    folder.mkdir(exist_ok=True)
    return folder


def page_types(world) -> dict[str, str]:
    dalarna = County.objects.get(code="20")
    return {
        "start": reverse("web:start"),
        "body-list": reverse("web:body-list"),
        "body-detail": world["council"].get_absolute_url(),
        "organisation-detail": world["region"].get_absolute_url(),
        "agreement-list": reverse("web:agreement-list"),
        "agreement-detail": world["current"].get_absolute_url(),
        "funding": reverse("web:funding"),
        "county-list": reverse("web:county-list"),
        "county-detail": dalarna.get_absolute_url(),
        "map": reverse("web:map"),
        "map-county-vg": reverse("web:map-county", args=[world["county"].slug]),
        "map-county-dalarna": reverse("web:map-county", args=[dalarna.slug]),
        "timeline": reverse("web:timeline"),
        "search": reverse("web:search") + "?q=avsiktsförklaringen",
        "about": reverse("web:about"),
        "accessibility": reverse("web:accessibility"),
        "glossary": reverse("web:glossary"),
    }


def test_every_page_type_passes_axe_and_is_photographed(page, live_server, world, shots):
    axe = Axe()
    violations = {}
    for name, path in page_types(world).items():
        page.set_viewport_size(DESKTOP)
        response = page.goto(live_server.url + path)
        assert response.status == 200, name
        assert re.fullmatch(r"\S.* – Samverkansregistret", page.title()), (name, page.title())
        assert page.locator("main h1").count() == 1, name
        results = axe.run(page)
        if results.violations_count:
            violations[name] = results.generate_report()
        page.screenshot(path=str(shots / f"{name}-desktop.png"), full_page=True)
        page.set_viewport_size(PHONE)
        page.screenshot(path=str(shots / f"{name}-phone.png"), full_page=False)
    assert not violations, "\n\n".join(f"{k}:\n{v}" for k, v in violations.items())


def test_politician_goes_from_start_to_body_agreement_and_routing(page, live_server, world):
    council, current = world["council"], world["current"]
    page.goto(live_server.url + reverse("web:start"))
    expiring = page.locator("section[aria-labelledby='expiring-heading']")
    expiring.get_by_role("link", name=council.name).first.click()
    page.wait_for_url(re.compile(re.escape(council.get_absolute_url()) + "$"))
    assert page.locator("h1").inner_text().startswith(council.name)

    page.locator("section[aria-labelledby='agreements-heading']").get_by_role(
        "link", name=current.title
    ).first.click()
    page.wait_for_url(re.compile(re.escape(current.get_absolute_url()) + "$"))
    assert page.locator("h1").inner_text() == current.title
    assert page.locator("#klausul-1").is_visible()

    page.get_by_role("link", name="Vem hanterar vad enligt överenskommelsen?").click()
    page.wait_for_url(re.compile(re.escape(reverse("web:routing"))))
    assert page.locator("h1").count() == 1


def test_body_and_agreement_filters_narrow_the_lists(page, live_server, world):
    page.goto(live_server.url + reverse("web:body-list"))
    page.get_by_label("Län").select_option(label=world["county"].name)
    page.get_by_label("Typ").select_option(value="political")
    page.get_by_role("button", name="Filtrera").click()
    page.wait_for_url(re.compile(r"kind=political"))
    rows = page.locator("main tbody tr")
    assert rows.filter(has_text=world["council"].name).count() == 1
    assert rows.filter(has_text=world["leadership"].name).count() == 0

    page.goto(live_server.url + reverse("web:agreement-list"))
    page.get_by_label("Status", exact=True).select_option(value="superseded")
    page.get_by_role("button", name="Filtrera").click()
    page.wait_for_url(re.compile(r"status=superseded"))
    table = page.locator("main tbody")
    assert table.get_by_role("link", name=world["old"].title).count() == 1
    assert table.get_by_role("link", name=world["current"].title).count() == 0


def test_search_from_the_start_page_highlights_inflected_matches(page, live_server, world):
    page.goto(live_server.url + reverse("web:start"))
    page.get_by_label("Sök i registret").fill("avsiktsförklaringen")
    page.get_by_role("button", name="Sök", exact=True).click()
    page.wait_for_url(re.compile(r"/sok/\?q="))
    results = page.locator("ol.search-results")
    assert results.get_by_role("link", name=world["current"].title).count() == 1
    assert results.locator("mark").count() >= 1


def test_language_switch_turns_the_page_english_and_back(page, live_server, world):
    page.goto(live_server.url + reverse("web:body-list"))
    assert page.locator("html").get_attribute("lang") == "sv"
    page.get_by_role("button", name="In English").click()
    page.wait_for_selector("html[lang='en']")
    assert page.locator("h1").inner_text() == "Decision bodies"
    assert page.url.endswith(reverse("web:body-list"))
    page.get_by_role("button", name="På svenska").click()
    page.wait_for_selector("html[lang='sv']")
    assert page.locator("h1").inner_text() == "Beslutsorgan"


def test_governance_map_boxes_are_links_to_body_pages(page, live_server, world):
    page.goto(live_server.url + reverse("web:map-county", args=[world["county"].slug]))
    box = page.locator(f"svg.governance-map a[href='{world['leadership'].get_absolute_url()}']")
    assert box.count() == 1
    box.click()
    page.wait_for_url(re.compile(re.escape(world["leadership"].get_absolute_url()) + "$"))


# Pages whose every table reflows on a narrow screen: nothing on them scrolls sideways.
REFLOWING = ["start", "body-list", "body-detail", "agreement-list", "funding", "timeline",
             "search", "about", "accessibility", "glossary"]


@pytest.mark.parametrize("width", [320, 390, 768, 1280])
def test_pages_fit_the_screen_without_sideways_scrolling(page, live_server, world, width):
    paths = page_types(world)
    paths["routing"] = reverse("web:routing") + (
        "?matter=nationell-satsning&concerns=both&county=14&on=2017-06-01"
    )
    paths["initiative-list"] = reverse("web:initiative-list")
    page.set_viewport_size({"width": width, "height": 900})
    too_wide = {}
    for name in [*REFLOWING, "routing", "initiative-list"]:
        page.goto(live_server.url + paths[name])
        document = page.evaluate("document.documentElement.scrollWidth")
        scrolled = page.evaluate(
            "[...document.querySelectorAll('.table-scroll, .chart-scroll')]"
            ".filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.className)"
        )
        if document > width or scrolled:
            too_wide[name] = (document, scrolled)
    assert not too_wide, too_wide
