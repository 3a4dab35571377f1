"""The page "Vem hanterar vad?" and the national initiatives' pages with their routing."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from governance.routing.models import Initiative
from tests.factories import routing

pytestmark = pytest.mark.django_db

VG_CLAUSE_2 = {
    "matter": "nationell-satsning",
    "concerns": "municipalities",
    "county": "14",
    "on": "2017-06-01",
}


@pytest.fixture
def vg():
    made = routing.vg_declaration()
    assert (made.initiatives.slug, made.county.code) == (VG_CLAUSE_2["matter"], "14")
    return made


@pytest.fixture
def dalarna():
    return routing.dalarna_proposal()


def _body_link(body) -> str:
    return f'href="{reverse("web:body-detail", kwargs={"slug": body.slug})}"'


def _page(client, **params):
    response = client.get(reverse("web:routing"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_page_offers_a_labelled_get_form_without_an_answer(client):
    html = _page(client)

    assert re.search(r'<form[^>]*method="get"', html)
    for control in ("id_matter", "id_county", "id_on"):
        assert f'for="{control}"' in html
        assert f'id="{control}"' in html
    assert "<legend>Berör</legend>" in html
    assert 'for="id_concerns_0"' in html
    assert 'id="svar"' not in html
    assert "<script" not in html.split("</footer>")[0]


def test_page_answers_vg_clause_2_with_reasons_and_links(client, vg):
    html = _page(client, **VG_CLAUSE_2)

    agreement = vg.declaration.get_absolute_url()
    assert 'id="svar"' in html
    assert "Regel gäller" in html
    assert f'href="{vg.vastkom.get_absolute_url()}"' in html
    assert f'href="{agreement}#klausul-2"' in html
    assert f'href="{agreement}"' in html
    assert vg.clauses[2].text in html


def test_page_links_the_handler_and_deciding_body_pages(client, vg):
    html = _page(client, matter=vg.positions.slug, concerns="both", county="14", on="2017-06-01")

    assert _body_link(vg.sro) in html


def test_page_after_2018_says_no_rule_applies_and_sro_must_decide(client, vg):
    html = _page(client, **{**VG_CLAUSE_2, "on": "2019-03-01"})

    assert "Ingen regel gäller" in html
    assert "2018-12-31" in html
    assert _body_link(vg.sro) in html


def test_page_shows_the_dalarna_mandate_flow_as_based_on_a_draft(client, dalarna):
    html = _page(
        client,
        matter=dalarna.working_groups.slug,
        concerns="both",
        county="20",
        on="2019-06-01",
    )

    assert _body_link(dalarna.network) in html
    assert "Utkast" in html


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({**VG_CLAUSE_2, "matter": "okand"}, "matter", "Okänd ärendetyp"),
        ({**VG_CLAUSE_2, "concerns": "alla"}, "concerns", "Okänt värde"),
        ({**VG_CLAUSE_2, "county": "99"}, "county", "Okänt län"),
        ({**VG_CLAUSE_2, "on": "2017-13-45"}, "on", "ÅÅÅÅ-MM-DD"),
        ({**VG_CLAUSE_2, "on": "1 juni"}, "on", "ÅÅÅÅ-MM-DD"),
        ({"concerns": "region"}, "matter", "Välj en ärendetyp"),
        ({"matter": "nationell-satsning\x00"}, "matter", "Okänd ärendetyp"),
    ],
)
@pytest.mark.usefixtures("vg")
def test_page_shows_form_errors_for_bad_input(client, params, field, message):
    html = _page(client, **params)

    assert "Frågan kunde inte besvaras" in html
    assert message in html
    assert f'href="#id_{field}' in html
    assert f'id="{field}-fel"' in html
    assert re.search(rf'aria-describedby="[^"]*\b{field}-fel"', html)
    assert 'aria-invalid="true"' in html
    assert 'id="svar"' not in html


def test_page_reads_the_same_number_of_queries_for_any_question(
    client, vg, dalarna, django_assert_max_num_queries
):
    with django_assert_max_num_queries(14):
        in_vg = _page(client, **VG_CLAUSE_2)
    with django_assert_max_num_queries(14):
        in_dalarna = _page(
            client, matter=dalarna.political.slug, concerns="both", county="20", on="2019-06-01"
        )
    assert "Regel gäller" in in_vg and "Regel gäller" in in_dalarna


def test_page_lists_every_rule_with_its_clause(client, vg, dalarna):
    html = _page(client)

    assert 'id="alla-regler"' in html
    rules = [vg.municipalities, vg.region, vg.both, vg.political, *dalarna.rules]
    for rule in rules:
        agreement = rule.clause.agreement.get_absolute_url()
        assert f'href="{agreement}#klausul-{rule.clause.order}"' in html, rule
    assert html.count("#klausul-") >= len(rules)


# Initiatives --------------------------------------------------------------------


def _initiatives(vg, dalarna):
    """A national initiative of 2016 and one of the region's of 2017 (Västra Götaland's rules),
    one of Dalarna's of 2019 and one whose kind of matter has no rules."""
    routing.initiative("Nationell satsning 2016", year=2016, about=vg.initiatives)
    routing.initiative("Satsning i regionen", year=2017, concerns="region", about=vg.initiatives)
    routing.initiative(
        "Dalarnas satsning", year=2019, county=dalarna.county, about=dalarna.political
    )
    routing.initiative("Satsning utan regler", year=2016)


def test_initiative_list_shows_where_each_initiative_is_routed(client, vg, dalarna):
    _initiatives(vg, dalarna)
    response = client.get(reverse("web:initiative-list"))
    html = response.content.decode()

    assert response.status_code == 200
    initiatives = list(Initiative.objects.all())
    assert initiatives
    for initiative in initiatives:
        assert initiative.get_absolute_url() in html
    assert "VästKom" in html


def test_initiative_list_reads_a_fixed_number_of_queries(
    client, vg, dalarna, django_assert_max_num_queries
):
    _initiatives(vg, dalarna)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("web:initiative-list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert all(i.get_absolute_url() in html for i in Initiative.objects.all())


def test_initiative_page_shows_routing_with_clause_links(client, vg):
    initiative = routing.initiative("Nationell satsning 2016", year=2016, about=vg.initiatives)

    response = client.get(initiative.get_absolute_url())
    html = response.content.decode()

    agreement = vg.declaration.get_absolute_url()
    assert response.status_code == 200
    assert "Var satsningen hanteras" in html
    assert "Västra Götalands län" in html
    assert f'href="{agreement}#klausul-' in html
    assert reverse("web:routing") + "?" in html


def test_initiative_page_shows_today_that_the_vg_rules_have_ended(client, vg):
    initiative = routing.initiative("Nationell satsning 2016", year=2016, about=vg.initiatives)

    html = client.get(initiative.get_absolute_url()).content.decode()

    assert "I dag" in html
    assert "SRO" in html


def test_unknown_initiative_is_404(client):
    response = client.get(reverse("web:initiative-detail", kwargs={"slug": "finns-inte"}))

    assert response.status_code == 404


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_person_asks_who_handles_what_in_a_browser_without_javascript(
    seeded_registry, live_server, browser
):
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    page = context.new_page()
    try:
        page.goto(live_server.url + reverse("web:routing"))
        page.get_by_label("Ärendetyp", exact=True).select_option("nationell-satsning")
        page.get_by_label("Både kommuner och region", exact=True).check()
        page.get_by_label("Län", exact=True).select_option("14")
        page.get_by_label("Datum", exact=True).fill("2017-06-01")
        page.get_by_role("button", name="Visa svaret").click()

        answer = page.locator("section.routing-result")
        assert "VästKom" in answer.inner_text()
        assert "Koncernkontoret" in answer.inner_text()
        answer.get_by_role("link", name="Punkt 4").click()

        assert page.url.endswith("/overenskommelser/avsiktsforklaring-vg-2016/#klausul-4")
        assert page.locator("#klausul-4").is_visible()
    finally:
        context.close()
