"""Acceptance: every page a reader reaches from the navigation, and one page of each kind, at
320, 390 and 1280 px: no sideways scrolling, no name cut short without its full text, and no
axe-core violations. Printing: the content without the chrome, link targets written out.

One browser page is reused for every visit; the widths are a loop inside the test.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from agreements.models import Agreement
from bodies.models import Body, County, Organisation
from governance.routing.models import Initiative

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WIDTHS = (320, 390, 1280)

# Elements whose text is cut by CSS (text-overflow: ellipsis) or ends in "…", without the whole
# text in a title, an aria-label or visually hidden text: a name a reader cannot read in full.
CUT_NAMES = """() => {
  const full = (el) => el.closest('[title], [aria-label]') || el.querySelector('title, .visually-hidden');
  const cut = [];
  for (const el of document.querySelectorAll('main *')) {
    const style = getComputedStyle(el);
    if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth && !full(el)) {
      cut.push(el.outerHTML.slice(0, 120));
    }
  }
  for (const el of document.querySelectorAll('main a, main th, main h1, main h2, main h3, main svg text')) {
    const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim()
      || (el.matches('svg text') ? el.textContent.trim() : '');
    const holder = el.matches('svg text') ? (el.closest('a, g') || el.closest('svg')) : null;
    const named = holder ? holder.querySelector('title, desc') : full(el);
    if (own.endsWith('…') && !named) cut.push(el.outerHTML.slice(0, 120));
  }
  return cut;
}"""


def nav_paths(page, base_url) -> list[str]:
    page.goto(base_url + reverse("web:start"))
    hrefs = page.eval_on_selector_all(
        ".site-nav a[href], .site-footer a[href^='/']",
        "links => links.map(a => a.getAttribute('href'))",
    )
    return list(dict.fromkeys(hrefs))


def detail_paths() -> dict[str, str]:
    county = County.objects.get(code="20")
    return {
        "body": Body.objects.get(short_name="LiSA").get_absolute_url(),
        "county": county.get_absolute_url(),
        "county-map": reverse("web:map-county", args=[county.slug]),
        "agreement": Agreement.objects.get(slug="avsiktsforklaring-vg-2016").get_absolute_url(),
        "organisation": Organisation.objects.get(short_name="VästKom").get_absolute_url(),
        "initiative": reverse(
            "web:initiative-detail", args=[Initiative.objects.order_by("slug").first().slug]
        ),
        "funding": reverse("web:funding"),
        "routing-answer": reverse("web:routing")
        + "?matter=nationell-satsning&concerns=both&county=14&on=2017-06-01",
        "search-results": reverse("web:search") + "?q=avsiktsf%C3%B6rklaring",
        "glossary": reverse("web:glossary"),
        "about": reverse("web:about"),
        "accessibility": reverse("web:accessibility"),
        "counties-sorted": reverse("web:county-list") + "?sort=-organ&arena=ja",
    }


def test_every_page_fits_names_are_whole_and_axe_finds_nothing(page, live_server, seeded_registry):
    paths = dict.fromkeys(nav_paths(page, live_server.url))
    paths.update(dict.fromkeys(detail_paths().values()))
    axe = Axe()
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for path in paths:
            response = page.goto(live_server.url + path)
            if response.status != 200:
                problems.append((width, path, f"status {response.status}"))
                continue
            document = page.evaluate("document.documentElement.scrollWidth")
            if document > width:
                problems.append((width, path, f"document {document} px wide"))
            cut = page.evaluate(CUT_NAMES)
            if cut:
                problems.append((width, path, f"cut names: {cut[:3]}"))
            results = axe.run(page)
            if results.violations_count:
                problems.append((width, path, results.generate_report()))
    assert len(paths) >= 20, paths
    assert not problems, "\n\n".join(f"{w} px {p}: {what}" for w, p, what in problems)


def test_the_county_table_sorts_and_filters_without_script(page, live_server, seeded_registry):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + reverse("web:county-list"))
    header = page.locator("main thead th", has_text="Organ i registret")
    assert header.get_attribute("aria-sort") == "none"
    header.get_by_role("link").click()
    page.wait_for_url("**sort=organ**")
    assert page.locator("main thead th[aria-sort='ascending']").inner_text().startswith("Organ")
    page.locator("main thead th", has_text="Organ i registret").get_by_role("link").click()
    page.wait_for_url("**sort=-organ**")
    first = page.locator("main tbody tr").first.locator("th").inner_text()
    assert first == "Dalarnas län"  # the county with the most registered bodies

    page.get_by_label("Politisk arena").select_option("nej")
    page.get_by_role("button", name="Filtrera").click()
    page.wait_for_url("**arena=nej**")
    rows = page.locator("main tbody tr")
    assert rows.count() == 6
    assert "sort=-organ" in page.url  # the order survives filtering
    assert rows.filter(has_text="Dalarnas län").count() == 0


def test_maps_scroll_in_their_own_frame_with_readable_text(page, live_server, seeded_registry):
    county = County.objects.get(code="14")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + reverse("web:map-county", args=[county.slug]))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator(".scroll-hint").is_visible()
    frame = page.locator(".map-scroll")
    assert frame.evaluate("e => e.scrollWidth > e.clientWidth")
    # The rendered size of a name in a box: at least 10 px, not shrunk to fit the phone.
    size = page.locator("svg.governance-map .node-label").first.evaluate(
        "e => e.getBoundingClientRect().height"
    )
    assert size >= 10

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + reverse("web:map"))
    picker = page.locator("nav.county-maps a")
    assert picker.count() == 1 + County.objects.count()


def test_printing_leaves_out_the_chrome_and_writes_out_links(page, live_server, seeded_registry):
    lisa = Body.objects.get(short_name="LiSA")
    page.goto(live_server.url + lisa.get_absolute_url())
    page.emulate_media(media="print")
    for chrome in (".site-header", ".site-footer", ".breadcrumbs"):
        assert not page.locator(chrome).is_visible(), chrome
    assert page.locator(".print-origin").is_visible()
    after = page.locator("main a[href^='/beslutsorgan/sro/']").first.evaluate(
        "a => getComputedStyle(a, '::after').content"
    )
    assert "/beslutsorgan/sro/" in after
    glossary_link = page.locator("main a.term").first.evaluate(
        "a => getComputedStyle(a, '::after').content"
    )
    assert glossary_link in ("none", "normal")
    row_break = page.locator("main tr, main li").first.evaluate(
        "e => getComputedStyle(e).breakInside"
    )
    assert row_break == "avoid"
    page.emulate_media(media="screen")
    assert page.locator(".site-header").is_visible()
    assert not page.locator(".print-origin").is_visible()
