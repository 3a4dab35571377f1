"""What the public pages say to a reader: no empty sections, no SCB codes, related bodies linked,
words from the Ordlista explained, the county comparison's sorting and filtering, the map's
layout."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from bodies.models import Body, County, Organisation
from governance.site.governance_map import build_map

pytestmark = pytest.mark.usefixtures("seed")


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def main(page: str) -> str:
    return page.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def test_bodies_that_decide_on_the_same_agreement_link_to_each_other(client):
    lisa = Body.objects.get(short_name="LiSA")
    sro = Body.objects.get(short_name="SRO")
    assert f'href="{sro.get_absolute_url()}"' in main(html(client.get(lisa.get_absolute_url())))
    assert f'href="{lisa.get_absolute_url()}"' in main(html(client.get(sro.get_absolute_url())))


def test_a_body_page_names_what_the_sources_leave_out_once_instead_of_empty_sections(client):
    page = main(html(client.get(Body.objects.get(short_name="LiSA").get_absolute_url())))
    for empty in ("Inte angivet", "Mandatet är inte beskrivet", "Inga beslut registrerade", ">–<"):
        assert empty not in page
    missing = re.search(r'id="missing-heading".*?</section>', page, re.S).group(0)
    assert "möten per år" in missing
    assert 'id="forms-heading"' not in page  # no working methods known: no such section


def test_an_organisation_page_lists_the_routing_rules_it_handles(client):
    vastkom = Organisation.objects.get(short_name="VästKom")
    page = main(html(client.get(vastkom.get_absolute_url())))
    rules = re.search(r'id="handles-heading".*?</section>', page, re.S).group(0)
    assert rules.count("<li>") == vastkom.routing_rules.count() == 2
    assert "#klausul-2" in rules


def test_scb_codes_are_not_shown_to_readers(client):
    dalarna = County.objects.get(code="20")
    for url in (dalarna.get_absolute_url(), reverse("web:county-list")):
        page = main(html(client.get(url)))
        assert "Länskod" not in page
        assert "(20)" not in page
    routing = main(html(client.get(reverse("web:routing"))))
    assert "Dalarnas län (20)" not in routing
    assert ">Dalarnas län<" in routing


def test_a_glossary_word_is_a_link_at_its_first_use_on_a_page_only(client):
    page = main(html(client.get(County.objects.get(code="20").get_absolute_url())))
    links = re.findall(r'<a class="term" href="/ordlista/#vardorganisation" title="[^"]+">', page)
    assert len(links) == 1
    glossary = html(client.get(reverse("web:glossary")))
    assert 'id="vardorganisation"' in glossary


def test_the_county_table_sorts_and_filters_on_the_server(client):
    url = reverse("web:county-list")
    page = main(html(client.get(url, {"sort": "-organ"})))
    names = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', page)
    assert len(names) == 21
    assert names[0] == "Dalarnas län"
    assert 'aria-sort="descending"' in page

    page = main(html(client.get(url, {"fou": "ja", "host": "university"})))
    names = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', page)
    assert names and len(names) < 21
    assert "…" not in page


def test_a_nonsense_sort_order_is_a_form_error_not_a_failure(client):
    page = main(html(client.get(reverse("web:county-list"), {"sort": "'; drop", "fou": "kanske"})))
    assert "Okänd sorteringsordning" in page
    assert len(re.findall(r'<th scope="row">', page)) == 21


def test_the_map_draws_no_arrow_across_a_row_and_tells_namesakes_apart():
    dalarna = County.objects.get(code="20")
    gmap = build_map(dalarna)
    rows = sorted({n.y for n in gmap.nodes})
    for edge in gmap.drawn_edges:
        a, b = rows.index(edge.source.y), rows.index(edge.target.y)
        assert abs(a - b) <= 1, (edge.source.label, edge.target.label)
    labels = [n.label for n in gmap.nodes if n.kind == "organisation"]
    assert len(labels) == len(set(labels))
    assert any("tidigare Landstinget Dalarna" in label for label in labels)
    assert not any(line.endswith("…") for n in gmap.nodes for line in n.lines)


def test_the_national_map_lists_bodies_without_relations_instead_of_drawing_them():
    gmap = build_map(None)
    linked = {e.source.key for e in gmap.edges} | {e.target.key for e in gmap.edges}
    assert all(n.key in linked for n in gmap.nodes)
    assert gmap.unconnected
    assert not {n.key for n in gmap.unconnected} & linked


def test_an_agreement_page_gives_a_lead_in_once_and_links_its_source(client):
    from agreements.models import Agreement

    agreement = Agreement.objects.get(slug="avsiktsforklaring-vg-2016")
    page = main(html(client.get(agreement.get_absolute_url())))
    lead_in = "I Västra Götaland är vi överens om:"
    clauses = list(agreement.clauses.all())
    assert len(clauses) > 1 and all(c.heading == lead_in for c in clauses)
    assert page.count(lead_in) == 1
    assert page.index(lead_in) < page.index('id="klausul-1"')

    # Each point's own link is named for assistive technology, and not repeated on screen.
    for clause in clauses:
        assert re.search(
            rf'<a class="anchor-link" href="#klausul-{clause.order}"[^>]*>'
            rf'<span aria-hidden="true">#</span>'
            rf'<span class="visually-hidden">Länk till punkt {clause.order}</span></a>',
            page,
        )

    # The source is a link, named by its short title, to its entry on the about page.
    source = agreement.source
    link = re.search(r"<dt>Källa</dt><dd><a href=\"([^\"]+)\">([^<]+)</a>", page)
    assert link.group(2) == source.short_title != agreement.title
    path, anchor = link.group(1).split("#")
    about = html(client.get(path))
    assert f'<li id="{anchor}">' in about and source.title in about
