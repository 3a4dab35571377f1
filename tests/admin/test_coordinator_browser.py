"""A coordinator's admin in headless Chromium: the successor flow end to end, the start
page's tasks, and every list and form fitting a 1280 px window."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from governance.core.records import REGISTRY_APPS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PASSWORD = "correct horse battery staple"
WIDTH = 1280


def _assert_axe_clean(page):
    """The page's own content (Django's frame is Django's) passes axe."""
    results = Axe().run(page, context="#content")
    assert not results.violations_count, results.generate_report()


def _log_in(page, live_server, user):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def test_coordinator_registers_a_successor_and_the_registry_follows(
    seeded_registry, live_server, page, coordinator_vg, artifacts_dir
):
    from agreements.models import Agreement

    vg = Agreement.objects.get(slug="avsiktsforklaring-vg-2016")
    _log_in(page, live_server, coordinator_vg)
    page.goto(f"{live_server.url}{reverse('admin:agreements_agreement_change', args=[vg.pk])}")
    page.get_by_role("link", name="Registrera efterföljare").click()

    # Prefilled from the predecessor, moved to the next period.
    assert page.input_value("#id_valid_from") == "2019-01-01"
    assert page.input_value("#id_short_name") == "Avsiktsförklaring VG 2019"
    page.check("#id_kind_1")  # förnyar
    page.fill("#id_title", "Avsiktsförklaring för 2019–2022")
    page.fill("#id_valid_until", "2022-12-31")
    page.click("input[name=_preview]")

    preview = page.locator("#successor-preview")
    preview.wait_for()
    assert "7 klausuler" in preview.inner_text()
    assert "§1 (2016)" in page.locator("#successor-review").inner_text()
    assert not Agreement.objects.filter(title="Avsiktsförklaring för 2019–2022").exists()
    _assert_axe_clean(page)
    page.screenshot(path=str(artifacts_dir / "admin-successor-preview.png"), full_page=True)

    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    assert "hanteringsregler" in page.locator(".messagelist").inner_text()
    new = Agreement.objects.get(title="Avsiktsförklaring för 2019–2022")
    assert new.slug == "avsiktsforklaring-vg-2019"

    # The resolver answers for 2019 from the new agreement's rules.
    page.goto(
        f"{live_server.url}/api/v1/routing/resolve/?format=json&matter=nationell-satsning"
        "&concerns=municipalities&county=14&on=2019-06-01"
    )
    answer = json.loads(page.locator("body").inner_text())
    assert answer["in_force"] is True
    assert {r["agreement"] for r in answer["rules"]} == {new.slug}
    assert [h["slug"] for h in answer["handlers"]] == ["vastkom"]

    # The old agreement's page says what replaced it.
    page.goto(f"{live_server.url}{vg.get_absolute_url()}?per=2019-06-01")
    callout = page.locator(".callout.replaced")
    assert "Ersatt av" in callout.inner_text()
    assert "Avsiktsförklaring för 2019–2022" in callout.inner_text()


def test_a_task_on_the_start_page_is_confirmed_in_one_step(
    seeded_registry, live_server, page, coordinator_vg, artifacts_dir
):
    from bodies.models import Body

    _log_in(page, live_server, coordinator_vg)
    _assert_axe_clean(page)
    page.screenshot(path=str(artifacts_dir / "admin-start-page.png"), full_page=True)
    stale = page.locator("#tasks-stale .task").first
    name = stale.locator("a").first.inner_text()
    before = page.locator("#tasks-stale .task").count()
    stale.locator(".task-confirm").click()
    page.select_option("#id_source", index=1)
    page.get_by_role("button", name="Bekräfta").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    assert page.locator(".messagelist .success").count() == 1
    assert name not in page.locator("#tasks-stale").inner_text()
    assert page.locator("#tasks-stale .task").count() <= before
    assert Body.objects.filter(confirmed_on__isnull=False).count() == 1


def _admin_pages(user) -> dict[str, str]:
    """Every change list the coordinator can open, and one change (or add) form per model."""
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = user
    pages = {}
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        if opts.app_label not in REGISTRY_APPS or not model_admin.has_view_permission(request):
            continue
        name = f"{opts.app_label}_{opts.model_name}"
        try:
            pages[f"{name} list"] = reverse(f"admin:{name}_changelist")
        except NoReverseMatch:
            continue
        obj = model_admin.get_queryset(request).order_by("pk").first()
        if obj is not None:
            pages[f"{name} form"] = reverse(f"admin:{name}_change", args=[obj.pk])
        elif model_admin.has_add_permission(request):
            pages[f"{name} form"] = reverse(f"admin:{name}_add")
    return pages


def test_every_admin_list_and_form_fits_1280_px(
    seeded_registry, live_server, page, coordinator_vg, artifacts_dir
):
    from agreements.models import Agreement

    pages = _admin_pages(coordinator_vg)
    assert len(pages) > 40, pages
    # The widest known cases: the agreement with the most clauses, and the start page.
    vg = Agreement.objects.get(slug="avsiktsforklaring-vg-2016")
    pages["agreements_agreement form"] = reverse("admin:agreements_agreement_change", args=[vg.pk])
    pages["start"] = reverse("admin:index")
    pages["successor"] = reverse("admin:agreements_agreement_successor", args=[vg.pk])

    page.set_viewport_size({"width": WIDTH, "height": 900})
    _log_in(page, live_server, coordinator_vg)
    too_wide = {}
    for name, path in sorted(pages.items()):
        page.goto(live_server.url + path)
        document = page.evaluate("document.documentElement.scrollWidth")
        # Columns hidden behind a scrolling results table count too.
        hidden = page.evaluate(
            "[...document.querySelectorAll('#changelist .results, .inline-group')]"
            ".filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.id || e.className)"
        )
        if document > WIDTH or hidden:
            too_wide[name] = (path, document, hidden)
            shot = artifacts_dir / f"admin-too-wide-{name.replace(' ', '-')}.png"
            page.screenshot(path=str(shot), full_page=True)
    assert not too_wide, too_wide
