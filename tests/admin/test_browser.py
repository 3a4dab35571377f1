"""One whole flow in a real browser: a coordinator records an agreement and sees it published."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PASSWORD = "correct horse battery staple"


def _autocomplete(page, select_id, text):
    """Pick ``text`` in the admin's autocomplete (select2) widget for ``select_id``."""
    page.locator(f"#{select_id} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def test_coordinator_creates_an_agreement_with_clauses_and_signatory_and_sees_it_published(
    seeded_registry, live_server, page, coordinator_vg, artifacts_dir
):
    from agreements.models import Agreement
    from bodies.models import Person

    Person.objects.create(name="Ann-Marie Exempelsson")

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", coordinator_vg.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/agreements/agreement/add/")
    page.fill("#id_title", "Överenskommelse om gemensam uppföljning")
    page.select_option("#id_kind", "collaboration_agreement")
    page.select_option("#id_county", label="Västra Götalands län")
    page.fill("#id_valid_from", "2019-01-01")
    page.fill("#id_valid_until", "2022-12-31")

    for i, text in enumerate(
        ["Parterna följer upp arbetet årligen.", "LiSA bereder uppföljningen."]
    ):
        page.locator("#clauses-group .add-row a").click()
        page.fill(f"#id_clauses-{i}-order", str(i + 1))
        page.fill(f"#id_clauses-{i}-text", text)

    page.locator("#signatories-group .add-row a").click()
    page.fill("#id_signatories-0-order", "1")
    _autocomplete(page, "id_signatories-0-person", "Ann-Marie Exempelsson")
    page.fill("#id_signatories-0-title", "ordförande")
    _autocomplete(page, "id_signatories-0-organisation", "VästKom")

    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")

    agreement = Agreement.objects.get(title="Överenskommelse om gemensam uppföljning")
    assert agreement.clauses.count() == 2
    assert agreement.signatories.get().person.name == "Ann-Marie Exempelsson"

    page.goto(f"{live_server.url}/admin/agreements/agreement/{agreement.pk}/history/")
    assert page.locator(".history-event").count() >= 4  # the agreement, its clauses, signatory
    page.screenshot(path=str(artifacts_dir / "admin-agreement-history.png"), full_page=True)

    page.goto(f"{live_server.url}{agreement.get_absolute_url()}")
    body = page.locator("main").inner_text()
    assert "Överenskommelse om gemensam uppföljning" in body
    assert "Parterna följer upp arbetet årligen." in body
    assert "LiSA bereder uppföljningen." in body
    assert "Ann-Marie Exempelsson" in body
