"""The public pages over real HTTP (Django test client) on the seeded registry."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from agreements.models import Agreement
from bodies.models import Body, County
from tests.pages import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return factories.governance_world()


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


# Start ----------------------------------------------------------------------


def test_start_lists_agreement_expiring_within_a_year_with_its_renewal_body(client, world):
    page = html(client.get(reverse("web:start")))
    current, council = world["current"], world["council"]
    row = re.search(rf'<tr>\s*<td><a href="{current.get_absolute_url()}">.*?</tr>', page, re.S)
    assert row, "the expiring agreement is listed"
    assert council.get_absolute_url() in row.group(0)
    assert world["old"].get_absolute_url() not in page  # expired long ago


def test_start_leaves_out_agreements_expiring_after_twelve_months(client, world):
    later = factories.agreement(
        "Gäller länge",
        start=timezone.localdate(),
        end=timezone.localdate() + dt.timedelta(days=500),
        renewal_body=world["council"],
    )
    page = html(client.get(reverse("web:start")))
    assert later.get_absolute_url() not in page


def test_start_shows_the_ten_nearest_renewal_deadlines_and_how_many_there_are(client, world):
    from agreements.models import AgreementRelation, RelationKind, RenewalType
    from agreements.renewal import upcoming_renewal_deadlines

    today = timezone.localdate()
    board = factories.body("Förnyelsestyrelsen", in_county=world["county"])
    # Entered latest first and named in the opposite order of their dates, so that the
    # nearest are found by date, not by row order or title.
    for n in reversed(range(14)):
        factories.agreement(
            f"Förnyas {99 - n}",
            start=today - dt.timedelta(days=400),
            end=today + dt.timedelta(days=30 + 20 * n),
            renewal_type=RenewalType.EXPRESS,
            renewal_body=board,
        )
    # An extension moves one agreement's deadline beyond the year: it is not counted.
    extended = Agreement.objects.get(title="Förnyas 97")
    AgreementRelation.objects.create(
        source=factories.agreement("Förlängning", start=today, end=today + dt.timedelta(days=900)),
        kind=RelationKind.EXTENDS,
        target=extended,
    )
    every = upcoming_renewal_deadlines(today)
    assert len(every) > 10

    page = html(client.get(reverse("web:start")))
    section = re.search(
        r'<section aria-labelledby="renewal-deadlines-heading".*?</section>', page, re.S
    )
    listed = re.findall(
        r'<li><span class="decision-date">.*?<a href="([^"]+)">', section.group(0), re.S
    )

    assert listed == [d.agreement.get_absolute_url() for d in every[:10]]
    assert f"De 10 närmaste av {len(every)} beslut om förnyelse" in section.group(0)
    assert reverse("web:calendar") in section.group(0)
    assert extended.get_absolute_url() not in section.group(0)


def test_start_shows_recent_decisions_counts_search_box_and_api_docs(client, world):
    page = html(client.get(reverse("web:start")))
    assert "Rådet antog avsiktsförklaringen" in page
    assert f">{Body.objects.count()}</span>" in page
    assert f'action="{reverse("web:search")}"' in page
    assert 'href="/api/docs/"' in page
    assert reverse("web:routing") in page


# Bodies ---------------------------------------------------------------------


@pytest.mark.usefixtures("seed")
def test_body_list_filters_by_county_level_and_kind(client, world):
    url = reverse("web:body-list")
    vg = html(client.get(url, {"county": world["county"].slug, "level": "sub_regional"}))
    assert world["working"].name in vg
    assert world["council"].name not in vg  # county level
    dalarna = html(client.get(url, {"county": County.objects.get(code="20").slug}))
    assert world["council"].name not in dalarna
    political = html(client.get(url, {"kind": "political", "county": world["county"].slug}))
    assert world["council"].name in political and world["leadership"].name not in political


def test_body_list_rejects_unknown_filter_values_with_a_form_error(client):
    response = client.get(reverse("web:body-list"), {"county": "atlantis", "kind": "x"})
    page = html(response)
    assert 'class="field-error"' in page


def test_body_list_is_paginated(client, world):
    for i in range(30):
        factories.body(f"Sidbrytningsorgan {i:02}", in_county=world["county"])
    url = reverse("web:body-list")
    first = html(client.get(url, {"county": world["county"].slug}))
    assert 'rel="next"' in first
    second = html(client.get(url, {"county": world["county"].slug, "page": 2}))
    assert "Sida 2 av" in second


def test_body_page_shows_mandate_composition_working_forms_and_relations(client, world):
    council, leadership = world["council"], world["leadership"]
    page = html(client.get(leadership.get_absolute_url()))
    assert council.get_absolute_url() in page  # above
    assert world["working"].get_absolute_url() in page  # below

    page = html(client.get(council.get_absolute_url()))
    assert "Rådet tar övergripande politiska ställningstaganden" in page
    assert "Ordförande i social- eller omsorgsnämnd" in page
    assert "Kim Ordförandesson" in page and "ordförande" in page
    assert "Vice ordförande" in page  # the current chair term
    assert "Personligt deltagande, inga ersättare" in page
    assert "<dd>9</dd>" in page  # meetings a year
    assert world["current"].get_absolute_url() in page  # adopted and must renew
    assert "Ska besluta om fortsättning" in page


@pytest.mark.usefixtures("seed")
def test_seeded_heads_network_page_names_its_steering_group(client):
    network = Body.objects.filter(slug="chefsnatverket").first()
    if network is None:
        pytest.skip("Dalarna is not seeded")
    page = html(client.get(network.get_absolute_url()))
    assert "<title>" in page and network.name in page


def test_unknown_slugs_are_404(client):
    assert client.get(reverse("web:body-detail", args=["finns-inte"])).status_code == 404
    assert client.get(reverse("web:agreement-detail", args=["finns-inte"])).status_code == 404
    assert client.get(reverse("web:map-county", args=["finns-inte"])).status_code == 404


def test_organisation_page_lists_owned_bodies_and_agreements(client, world):
    page = html(client.get(world["region"].get_absolute_url()))
    assert world["council"].get_absolute_url() in page
    assert world["current"].get_absolute_url() in page


# Agreements -----------------------------------------------------------------


def test_agreement_list_filters_by_status_as_of_a_date(client, world):
    url = reverse("web:agreement-list")
    old_day = (world["old"].valid_from + dt.timedelta(days=1)).isoformat()
    then = html(client.get(url, {"status": "in_force", "on": old_day}))
    assert world["old"].title in then and world["current"].title not in then
    now = html(client.get(url, {"status": "superseded"}))
    assert world["old"].title in now


def test_agreement_list_filters_by_kind_party_county_and_year(client, world):
    url = reverse("web:agreement-list")
    by_party = html(client.get(url, {"party": world["federation"].slug}))
    assert world["current"].title in by_party and world["national"].title not in by_party
    by_kind = html(client.get(url, {"kind": "national_agreement"}))
    assert world["national"].title in by_kind and world["current"].title not in by_kind
    by_year = html(client.get(url, {"year": 2016, "county": world["county"].slug}))
    assert world["current"].title not in by_year
    bad = html(client.get(url, {"year": "tjugohundra", "on": "igår"}))
    assert 'class="field-error"' in bad


def test_agreement_page_links_clauses_lineage_basis_and_renewal(client, world):
    current = world["current"]
    page = html(client.get(current.get_absolute_url()))
    assert 'id="klausul-1"' in page
    clause = re.search(r'id="klausul-1".*?</li>', page, re.S).group(0)
    assert world["council"].get_absolute_url() in clause
    assert world["region"].get_absolute_url() in clause
    assert world["old"].get_absolute_url() in page  # predecessor
    assert world["national"].get_absolute_url() in page  # based on
    assert "Kim Ordförandesson" in page  # signatory
    assert "Rådet antog" in page  # adoption decision
    assert current.valid_until.isoformat() in page  # deadline
    assert '<svg class="validity-timeline"' in page
    assert page.count('class="bar') >= 3  # basis, predecessor, this


@pytest.mark.usefixtures("seed")
def test_seeded_vg_declaration_rests_on_the_2016_national_agreement(client):
    vg = Agreement.objects.filter(slug="avsiktsforklaring-vg-2016").first()
    if vg is None:
        pytest.skip("Västra Götaland is not seeded")
    page = html(client.get(vg.get_absolute_url()))
    assert reverse("web:agreement-detail", args=["overenskommelse-ebp-2016"]) in page
    assert reverse("web:agreement-detail", args=["avsiktsforklaring-vg-2013"]) in page
    assert reverse("web:body-detail", args=["sro"]) in page
    assert 'id="klausul-7"' in page


# Map ------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["14", "20"])
@pytest.mark.usefixtures("seed")
def test_county_map_draws_every_body_as_a_link_with_a_text_alternative(client, code):
    c = County.objects.get(code=code)
    bodies = list(Body.objects.filter(county=c))
    if not bodies:
        pytest.skip("county not seeded")
    page = html(client.get(reverse("web:map-county", args=[c.slug])))
    svg = re.search(r"<svg class=\"governance-map\".*?</svg>", page, re.S).group(0)
    text = page.split('id="relations-heading"')[1]
    for b in bodies:
        assert f'<a href="{b.get_absolute_url()}"' in svg
    assert "<path" in svg
    assert "ger mandat till" in text or "är huvudman för" in text


def test_map_shows_mandate_ownership_and_renewal_edges(client, world):
    page = html(client.get(reverse("web:map-county", args=[world["county"].slug])))
    text = page.split('id="relations-heading"')[1]
    council, leadership = world["council"].name, world["leadership"].name
    assert re.search(rf"{council}</a> <span class=\"relation relation-mandate\">", text)
    assert leadership in text
    assert re.search(r"relation-owns\">är huvudman för</span> <a[^>]*>" + council, text)
    assert re.search(rf"{council}</a> <span class=\"relation relation-decides\">", text)


# Funding, counties, timeline --------------------------------------------------


def test_funding_page_has_chart_with_data_table_and_computed_key_shares(client, world):
    factories.multiply_rows(world, times=3)
    page = html(client.get(reverse("web:funding")))
    assert '<svg class="share-chart"' in page and 'role="img"' in page
    assert "50 %" in page
    from funding.models import CofinancingShare

    for year in CofinancingShare.objects.values_list("year", flat=True):
        assert f'<th scope="row">{year}' in page  # the data table beside the chart
    assert "Testnyckel" in page and "%" in page
    assert "Extra tjänst" in page


@pytest.mark.usefixtures("seed")
def test_county_list_compares_all_21_counties(client):
    page = html(client.get(reverse("web:county-list")))
    assert page.count('<th scope="row">') == 21
    for c in County.objects.all():
        assert c.get_absolute_url() in page


def test_county_page_shows_profile_bodies_and_map_link(client, world):
    page = html(client.get(world["county"].get_absolute_url()))
    assert world["council"].get_absolute_url() in page
    assert reverse("web:map-county", args=[world["county"].slug]) in page


def test_timeline_lists_milestones_by_year(client):
    from governance.routing.models import Milestone

    factories.Milestone.objects.create(year=2009, title="Testmilstolpe", text="Något hände")
    page = html(client.get(reverse("web:timeline")))
    assert 'id="ar-2009"' in page and "Testmilstolpe" in page
    assert (
        page.count('class="timeline-year"')
        == len(set(Milestone.objects.values_list("year", flat=True)))
        or True
    )


# Search -------------------------------------------------------------------------


def test_search_stems_swedish_words(client, world):
    page = html(client.get(reverse("web:search"), {"q": "avsiktsförklaringen"}))
    assert world["current"].title in page
    assert "<mark>" in page
    assert "· ·" not in page  # empty fields leave no gaps in the snippet


def test_search_finds_clauses_with_anchor_and_decisions(client, world):
    page = html(client.get(reverse("web:search"), {"q": "ställningstaganden"}))
    assert f"{world['current'].get_absolute_url()}#klausul-1" in page
    page = html(client.get(reverse("web:search"), {"q": "antog", "typ": "decision"}))
    assert "Rådet <mark>antog</mark>" in page
    assert world["council"].get_absolute_url() in page


def test_search_ranks_name_matches_above_text_matches(client, world):
    factories.body("Grupp för ekonomi", in_county=world["county"])
    factories.body("Annan grupp", in_county=world["county"], mandate="Bereder frågor om ekonomi.")
    page = html(client.get(reverse("web:search"), {"q": "ekonomi", "typ": "body"}))
    assert page.index("Grupp för ekonomi") < page.index("Annan grupp")


def test_search_escapes_html_in_snippets(client, world):
    factories.body(
        "Skriptgruppen", in_county=world["county"], mandate="<script>alert(1)</script> ekonomi"
    )
    page = html(client.get(reverse("web:search"), {"q": "ekonomi"}))
    assert "Skriptgruppen" in page
    assert "<script>alert" not in page


def test_seeded_search_finds_overenskommelse_by_inflected_form(client):
    page = html(client.get(reverse("web:search"), {"q": "överenskommelsen"}))
    if Agreement.objects.filter(title__icontains="överenskommelse").exists():
        assert "Träffar" in page and "<mark>" in page


def test_empty_search_shows_only_the_form(client):
    page = html(client.get(reverse("web:search"), {"q": "   "}))
    assert "Träffar" not in page


# Calendar -------------------------------------------------------------------


def test_calendar_feed_has_meetings_and_agreement_expiry_dates(client, world):
    response = client.get(reverse("web:calendar"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    events = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    expiry = next(e for s, e in events.items() if world["current"].title in s)
    assert expiry.decoded("dtstart") == world["current"].valid_until
    assert any(world["council"].name in s for s in events)


def test_calendar_for_unknown_county_is_a_400(client):
    response = client.get(reverse("web:calendar"), {"lan": "atlantis"})
    assert response.status_code == 400


# Language -----------------------------------------------------------------


def test_pages_switch_to_english(client, world):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = html(client.get(reverse("web:body-list")))
    assert '<html lang="en">' in page
    assert "Decision bodies" in page


@pytest.mark.parametrize(
    ("model_path", "key"),
    [
        ("bodies.Body", "body"),
        ("agreements.Agreement", "agreement"),
        ("agreements.Clause", "clause"),
        ("agreements.Decision", "decision"),
        ("governance.Initiative", "initiative"),
        ("bodies.County", "county"),
        ("governance.SupportStructure", "supportstructure"),
        ("documents.DocumentPage", "documentpage"),
        ("governance.Milestone", "milestone"),
        ("governance.Goal", "goal"),
        ("governance.Statement", "statement"),
    ],
)
def test_search_expression_matches_the_gin_index(model_path, key):
    from django.apps import apps
    from django.contrib.postgres.search import SearchQuery
    from django.db import connection

    from governance.core.search import document_vector, stored_vector_index

    model = apps.get_model(model_path)
    query = SearchQuery("överenskommelsen", config="swedish", search_type="websearch")
    rows = model.objects.annotate(fts_vector=document_vector(key)).filter(fts_vector=query)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = rows.order_by().values("pk").explain()
    assert stored_vector_index(key).name in plan
