"""The header's date control in headless Chromium: pick a day, browse on it, go back to today."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_a_day_picked_in_the_header_stays_while_browsing_until_today_is_asked_for(
    page, live_server, seeded_registry
):
    page.goto(live_server.url + reverse("web:agreement-list") + "?county=vastra-gotalands-lan")

    page.get_by_label("Visa läget per").fill("2017-06-01")
    page.get_by_role("button", name="Visa", exact=True).click()

    page.wait_for_url(re.compile(r"per=2017-06-01"))
    assert "county=vastra-gotalands-lan" in page.url  # the page's own filter stays
    banner = page.locator(".as-of-banner")
    assert " ".join(banner.inner_text().split()) == "Du ser läget per 2017-06-01 · Visa i dag"
    assert page.get_by_label("Visa läget per").input_value() == "2017-06-01"
    violations = Axe().run(page)
    assert not violations.violations_count, violations.generate_report()

    page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name="Styrningskarta"
    ).click()
    page.wait_for_url(re.compile(re.escape(reverse("web:map")) + r"\?per=2017-06-01$"))
    assert page.locator(".as-of-banner").is_visible()

    page.get_by_role("link", name="Visa i dag").click()
    page.wait_for_url(re.compile(re.escape(reverse("web:map")) + "$"))
    assert page.locator(".as-of-banner").count() == 0
    assert page.get_by_label("Visa läget per").input_value() == ""


def test_the_start_page_leads_to_the_latest_known_state(page, live_server, seeded_registry):
    page.goto(live_server.url + reverse("web:start"))

    page.get_by_role("link", name="visa registret per den dagen").click()

    page.wait_for_url(re.compile(r"\?per=2018-12-31$"))
    assert "Du ser läget per 2018-12-31" in page.locator(".as-of-banner").inner_text()
    assert page.locator(".count-label", has_text="gäller per 2018-12-31").is_visible()
