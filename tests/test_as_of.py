"""The registry as of a date: ``?per=`` on pages, ``?on=`` in the API.

The tests build Västra Götaland's declarations of intent in miniature (factories): they run
2014–2015 and 2016–2018; the 2016 one carries the routing rules and names SRO as its
renewal body. Nothing they hold is in force after 2018-12-31.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from agreements.models import AgreementKind
from bodies.models import Body, BodyKind, BodyLevel
from governance.core.as_of import InvalidDay, carry_per, parse_day
from tests.factories import agreements, bodies, funding, routing, sources

pytestmark = pytest.mark.django_db

VG = "vastra-gotalands-lan"
VG_2013 = "avsiktsforklaring-vg-2013"
VG_2016 = "avsiktsforklaring-vg-2016"
DATES = ("2015-06-01", "2017-06-01", "2019-06-01")


@pytest.fixture
def vg():
    made = routing.vg_declaration()
    assert (made.county.slug, made.predecessor.slug, made.declaration.slug) == (
        VG,
        VG_2013,
        VG_2016,
    )
    return made


def page(client, path: str, per: str | None = None) -> str:
    if per:
        path += ("&" if "?" in path else "?") + f"per={per}"
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def slugs(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {row["slug"] for row in response.json()["results"]}


# The date itself ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw", ["2017-13-01", "2017-02-30", "01/06/2017", "i går", "1899-12-31", "2200-01-01", ""]
)
def test_a_date_outside_the_calendar_or_in_another_form_is_refused(raw):
    with pytest.raises(InvalidDay) as refused:
        parse_day(raw)
    assert str(refused.value)


def test_the_first_and_last_days_of_the_calendar_are_accepted():
    assert parse_day("1900-01-01") == dt.date(1900, 1, 1)
    assert parse_day("2199-12-31") == dt.date(2199, 12, 31)


@pytest.mark.parametrize("raw", ["2017-02-30", "1800-01-01", "juni"])
def test_an_unreadable_per_is_a_page_that_says_so_not_a_500(client, raw):
    response = client.get(reverse("web:body-list"), {"per": raw, "level": "county"})

    assert response.status_code == 400
    text = response.content.decode()
    assert "Datumet kunde inte läsas" in text
    assert 'role="alert"' in text
    # The way back keeps the page's other parameters but not the date.
    assert 'href="/beslutsorgan/?level=county"' in text


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/bodies/",
        "/api/v1/agreements/",
        f"/api/v1/agreements/{VG_2016}/",
        "/api/v1/routing-rules/",
        "/api/v1/counties/",
    ],
)
@pytest.mark.parametrize("raw", ["2017-02-30", "1899-12-31", "2200-01-01", "01/06/2017"])
def test_an_unreadable_on_is_a_400_with_the_field_named(client, path, raw):
    response = client.get(path, {"on": raw})

    assert response.status_code == 400
    assert list(response.json()) == ["on"]
    assert response.json()["on"][0]


# Pages: banner, header control, links ----------------------------------------------------


def test_banner_says_which_day_is_shown_and_links_back_to_today(client):
    text = page(client, reverse("web:body-list") + "?level=county", per="2017-06-01")

    banner = re.search(r'<div class="as-of-banner">(.*?)</div>', text, re.S).group(1)
    assert " ".join(re.sub(r"<[^>]+>", " ", banner).split()) == (
        "Du ser läget per 2017-06-01 · Visa i dag"
    )
    assert 'href="/beslutsorgan/?level=county"' in banner


def test_no_banner_today(client):
    text = page(client, reverse("web:body-list"))

    assert "as-of-banner" not in text
    assert 'id="as-of-per"' in text  # the header's control is always there


def test_header_control_is_a_labelled_get_form_holding_the_day(client):
    text = page(client, reverse("web:body-list") + "?level=county", per="2017-06-01")

    form = re.search(r'<form class="as-of-form"[^>]*>.*?</form>', text, re.S).group(0)
    assert 'method="get"' in form
    assert '<label for="as-of-per">Visa läget per</label>' in form
    assert re.search(r'<input type="date" id="as-of-per" name="per" value="2017-06-01"', form)
    # The page's other parameters stay when another day is picked.
    assert '<input type="hidden" name="level" value="county">' in form
    assert form.count('name="per"') == 1


@pytest.mark.usefixtures("vg")
def test_internal_links_and_get_forms_carry_per(client):
    text = page(client, "/", per="2017-06-01")

    hrefs = re.findall(r'<a\b[^>]*\shref="(/[^"]*)"', text)
    internal = [h for h in hrefs if not h.startswith(("/api/", "/data/", "/kalender.ics"))]
    assert len(internal) > 20
    without = [h for h in internal if "per=2017-06-01" not in h]
    assert without == ["/"], without  # only "Visa i dag" leaves the date
    assert "/beslutsorgan/?per=2017-06-01" in internal
    # A link with a query of its own gets the date added to it, not instead of it.
    assert any(
        re.match(r"/overenskommelser/\?status=in_force&amp;.*per=2017-06-01", h) for h in internal
    )
    search = re.search(r'<form class="search-box"[^>]*>(.*?)</form>', text, re.S).group(1)
    assert '<input type="hidden" name="per" value="2017-06-01">' in search


def test_links_without_a_chosen_day_are_left_alone(client):
    text = page(client, reverse("web:body-list"))

    assert "per=" not in re.sub(r'<form class="as-of-form".*?</form>', "", text, flags=re.S)


def test_carry_per_keeps_fragments_and_an_existing_per():
    html = (
        '<a href="/overenskommelser/x/#klausul-2">a</a>'
        '<a href="/sok/?q=x&amp;per=2015-01-01">b</a>'
        '<a href="https://example.se/">c</a>'
        '<form action="/i18n/setlang/" method="post"></form>'
    )
    out = carry_per(html, dt.date(2017, 6, 1))

    assert '<a href="/overenskommelser/x/?per=2017-06-01#klausul-2">' in out
    assert '<a href="/sok/?q=x&amp;per=2015-01-01">' in out
    assert '<a href="https://example.se/">' in out
    assert 'name="per"' not in out


# Start page -----------------------------------------------------------------------------


@pytest.mark.parametrize(("per", "count"), [("2015-06-01", 2), ("2017-06-01", 1)])
@pytest.mark.usefixtures("vg")
def test_start_page_counts_the_agreements_in_force_on_the_day(client, per, count):
    # With the declarations of 2013 and 2016: a national agreement for 2015.
    agreements.agreement(
        kind=AgreementKind.NATIONAL_AGREEMENT, start=dt.date(2015, 1, 1), end=dt.date(2015, 12, 31)
    )

    text = page(client, "/", per=per)

    assert re.search(
        rf'<span class="count-number">{count}</span> <span class="count-label">gäller per {per}',
        text,
    )
    assert "Senaste kända läge" not in text


@pytest.mark.parametrize("per", ["2019-06-01", None])
@pytest.mark.usefixtures("vg")
def test_start_page_never_shows_a_bare_zero_but_the_latest_known_state(client, per):
    sources.source_document(2014)
    sources.source_document(2016)
    sources.source_document(None)

    text = page(client, "/", per=per)

    assert not re.search(r'count-number">0</span> <span class="count-label">gäller', text)
    assert "Senaste kända läge: 31 december 2018" in text
    assert re.search(r'<a href="/\?per=2018-12-31">visa registret per den dagen</a>', text)
    assert "Den nyaste daterade källan är från 2016" in text


@pytest.mark.usefixtures("vg")
def test_the_latest_known_day_is_a_day_something_was_in_force():
    from agreements.models import Agreement

    assert Agreement.objects.last_day_in_force(dt.date(2019, 6, 1)) == dt.date(2018, 12, 31)
    assert Agreement.objects.last_day_in_force(dt.date(2017, 6, 1)) == dt.date(2017, 6, 1)
    assert Agreement.objects.last_day_in_force(dt.date(2009, 6, 1)) is None


# A body ---------------------------------------------------------------------------------


def test_body_page_shows_decisions_taken_by_the_day_and_statuses_of_that_day(client, vg):
    assert vg.adoption.date == dt.date(2013, 9, 27)
    sro = reverse("web:body-detail", args=[vg.sro.slug])

    before = page(client, sro, per="2012-06-01")
    after = page(client, sro, per="2015-06-01")

    assert "2013-09-27" not in before
    assert "2013-09-27" in after
    assert re.search(r'id="missing-heading".*?ordförande.*?</section>', before, re.S | re.I)
    assert re.search(
        rf'{VG_2016}/\?per=2017-06-01".*?status-in_force', page(client, sro, "2017-06-01"), re.S
    )
    assert re.search(rf'{VG_2016}/\?per=2015-06-01".*?status-upcoming', after, re.S)
    assert re.search(
        rf'{VG_2016}/\?per=2019-06-01".*?status-expired', page(client, sro, "2019-06-01"), re.S
    )


def test_body_list_on_a_day_lists_the_bodies_that_existed(client):
    Body.objects.create(
        slug="ny-namnd",
        name="Ny nämnd",
        kind=BodyKind.POLITICAL,
        level=BodyLevel.COUNTY,
        county=bodies.county("14"),
        established_on=dt.date(2017, 1, 1),
        dissolved_on=dt.date(2018, 12, 31),
    )
    listing = reverse("web:body-list") + "?county=" + VG

    assert "Ny nämnd" not in page(client, listing, per="2015-06-01")
    assert "Ny nämnd" in page(client, listing, per="2017-06-01")
    assert "Ny nämnd" not in page(client, listing, per="2019-06-01")
    assert "Ny nämnd" in page(client, listing)  # without a day: every body, with its status


# An agreement ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("per", "vg_2016", "vg_2013"),
    [
        ("2015-06-01", "upcoming", "in_force"),
        ("2017-06-01", "in_force", "superseded"),
        ("2019-06-01", "expired", "superseded"),
    ],
)
@pytest.mark.usefixtures("vg")
def test_agreement_page_gives_the_status_of_the_day(client, per, vg_2016, vg_2013):
    text = page(client, reverse("web:agreement-detail", args=[VG_2016]), per=per)

    assert re.search(rf"<dt>Status per {per}</dt><dd><span class=\"badge status-{vg_2016}\"", text)
    lineage = re.search(
        rf'href="/overenskommelser/{VG_2013}/\?per={per}".*?status-(\w+)', text, re.S
    )
    assert lineage.group(1) == vg_2013


@pytest.mark.usefixtures("vg")
def test_agreement_list_in_force_on_the_day(client):
    url = reverse("web:agreement-list") + f"?status=in_force&county={VG}"

    assert VG_2013 in page(client, url, per="2015-06-01")
    assert VG_2016 not in page(client, url, per="2015-06-01")
    assert VG_2016 in page(client, url, per="2017-06-01")
    text = page(client, url, per="2019-06-01")
    assert VG_2013 not in text and VG_2016 not in text


# The governance map ---------------------------------------------------------------------


def test_governance_map_shows_what_applied_on_the_day(client, vg):
    vg_map = reverse("web:map-county", args=[VG])

    in_2017 = page(client, vg_map, per="2017-06-01")
    in_2019 = page(client, vg_map, per="2019-06-01")
    in_2015 = page(client, vg_map, per="2015-06-01")

    # The kind of matter SRO decides under the 2016 rules (clause 6).
    matter = vg.positions.name
    assert "Avsiktsförklaring VG 2016" in in_2017
    assert matter in in_2017
    for text in (in_2015, in_2019):
        assert "Avsiktsförklaring VG 2016" not in text
        assert matter not in text
    assert vg.sro.name in in_2019  # the body is still there


# County profiles ---------------------------------------------------------------------------


def test_county_profiles_appear_from_the_year_of_their_source(client):
    plans_2014 = sources.source_document(2014)
    bodies.support_structure(bodies.county("14"), in_fou_environment=True, source=plans_2014)
    vg = reverse("web:county-detail", args=[VG])

    assert "Ingen profil registrerad." in page(client, reverse("web:county-list"), per="2012-06-01")
    assert "Ingen profil registrerad." not in page(
        client, reverse("web:county-list"), per="2015-06-01"
    )
    assert "Placerad i FoU-miljö" not in page(client, vg, per="2012-06-01")
    assert "Placerad i FoU-miljö" in page(client, vg, per="2015-06-01")


# The routing page and resolver ---------------------------------------------------------------

RESOLVE = "/api/v1/routing/resolve/"
ASK = {"matter": "nationell-satsning", "concerns": "municipalities"}


@pytest.mark.parametrize("county", ["14", VG])
def test_resolver_on_three_days(client, vg, county):
    def ask(on):
        response = client.get(RESOLVE, {**ASK, "county": county, "on": on})
        assert response.status_code == 200, response.content
        return response.json()

    before, during, after = (ask(d) for d in DATES)

    assert before["in_force"] is False and before["rules"] == []
    assert during["in_force"] is True
    [rule] = during["rules"]
    assert rule["slug"] == vg.municipalities.slug
    assert (rule["valid_from"], rule["valid_until"], rule["basis"]) == (
        "2016-01-01",
        "2018-12-31",
        "agreement",
    )
    assert rule["validity"]
    assert after["in_force"] is False
    assert after["renewal_body"]["slug"] == vg.sro.slug
    for answer in (before, during, after):
        assert answer["county"]["slug"] == VG
        assert answer["county"]["name"] == "Västra Götalands län"
        assert answer["county"]["url"].endswith(f"/api/v1/counties/{VG}/")


def test_a_rule_with_dates_of_its_own_says_so():
    dalarna = routing.dalarna_proposal()
    response_rule = {
        "matter": dalarna.political.slug,
        "concerns": "both",
        "county": "dalarnas-lan",
        "on": "2019-06-01",
    }
    from django.test import Client

    body = Client().get(RESOLVE, response_rule).json()
    assert body["in_force"] is True
    assert (body["rules"][0]["valid_from"], body["rules"][0]["basis"]) == ("2019-01-01", "rule")


@pytest.mark.usefixtures("vg")
def test_routing_page_answers_for_the_day_of_the_page(client):
    url = reverse("web:routing") + "?matter=nationell-satsning&concerns=municipalities&county=14"

    assert 'value="2017-06-01"' in page(client, url, per="2017-06-01")
    text = page(client, url, per="2017-06-01")
    assert "avsiktsforklaring-vg-2016" in text


# API ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "expected"),
    [("2015-06-01", {VG_2013}), ("2017-06-01", {VG_2016}), ("2019-06-01", set())],
)
@pytest.mark.usefixtures("vg")
def test_api_agreements_in_force_on_the_day_by_county_slug_or_code(client, on, expected):
    # In force on every one of the days, in another county.
    agreements.agreement(
        start=dt.date(2014, 1, 1), end=dt.date(2019, 12, 31), in_county=bodies.county("20")
    )

    for county in ("14", VG):
        found = slugs(
            client.get("/api/v1/agreements/", {"status": "in_force", "on": on, "county": county})
        )
        assert found == expected


@pytest.mark.parametrize(
    ("on", "expected"),
    [("2015-06-01", False), ("2017-06-01", True), ("2019-06-01", False)],
)
def test_api_routing_rules_in_force_on_the_day(client, vg, on, expected):
    found = slugs(
        client.get(
            "/api/v1/routing-rules/",
            {"on": on, "county": VG, "matter": "nationell-satsning", "concerns": "municipalities"},
        )
    )
    assert found == ({vg.municipalities.slug} if expected else set())


def test_api_decisions_taken_by_the_day(client, vg):
    before = slugs(client.get("/api/v1/decisions/", {"on": "2013-09-20", "body": "sro"}))
    after = slugs(client.get("/api/v1/decisions/", {"on": "2013-09-27", "body": "sro"}))

    assert before == set()
    assert after == {vg.adoption.slug}


def test_api_bodies_and_seats_of_bodies_that_existed(client):
    body = bodies.body("Välfärdsrådet", kind=BodyKind.POLITICAL, in_county=bodies.county("20"))
    bodies.seat(body, count=2)
    bodies.seat(body, side="municipalities")
    body.established_on = dt.date(2019, 1, 1)
    body.save()
    dalarna = "dalarnas-lan"

    assert "valfardsradet" not in slugs(
        client.get("/api/v1/bodies/", {"on": "2017-06-01", "county": dalarna})
    )
    assert "valfardsradet" in slugs(
        client.get("/api/v1/bodies/", {"on": "2019-06-01", "county": dalarna})
    )
    seats_2017 = client.get("/api/v1/seats/", {"on": "2017-06-01", "body": "valfardsradet"}).json()
    seats_2019 = client.get("/api/v1/seats/", {"on": "2019-06-01", "body": "valfardsradet"}).json()
    assert seats_2017["count"] == 0
    assert seats_2019["count"] == body.seats.count() > 0


def test_api_support_structures_and_funding_on_the_day(client):
    plans_2014 = sources.source_document(2014)
    for code in ("14", "20"):
        bodies.support_structure(bodies.county(code), source=plans_2014)
    bodies.support_structure(bodies.county("01"), source=sources.source_document(2016))
    funding.cofinancing_share(2014, percent=25)
    funding.cofinancing_share(2016, percent=100, open_ended=True)
    funding.state_grant(2015)
    funding.state_grant(2016)

    assert client.get("/api/v1/support-structures/", {"on": "2012-06-01"}).json()["count"] == 0
    assert client.get("/api/v1/support-structures/", {"on": "2015-06-01"}).json()["count"] == 2
    shares = client.get("/api/v1/cofinancing/", {"on": "2017-06-01"}).json()["results"]
    assert [s["principals_share_percent"] for s in shares] == ["100.00"]  # 2016 onwards
    grants = client.get("/api/v1/grants/", {"on": "2016-06-01"}).json()["results"]
    assert [g["year"] for g in grants] == [2016]


def test_api_filters_take_a_county_by_slug_as_by_code(client, vg):
    elsewhere = bodies.body(in_county=bodies.county("20"))
    by_code = slugs(client.get("/api/v1/bodies/", {"county": "14", "page_size": 200}))
    by_slug = slugs(client.get("/api/v1/bodies/", {"county": VG, "page_size": 200}))

    assert by_code == by_slug and vg.sro.slug in by_code and elsewhere.slug not in by_code
    assert client.get("/api/v1/bodies/", {"county": "vastra-gotaland"}).status_code == 400


def test_schema_documents_on_for_the_resources_with_time(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    for path in (
        "/api/v1/bodies/",
        "/api/v1/seats/",
        "/api/v1/memberships/",
        "/api/v1/agreements/",
        "/api/v1/decisions/",
        "/api/v1/routing-rules/",
        "/api/v1/support-structures/",
        "/api/v1/grants/",
        "/api/v1/allocations/",
        "/api/v1/cofinancing/",
        "/api/v1/distribution-keys/",
        "/api/v1/positions/",
        "/api/v1/routing/resolve/",
    ):
        names = {p["name"] for p in schema["paths"][path]["get"]["parameters"]}
        assert "on" in names, path


@pytest.mark.usefixtures("vg")
def test_calendar_takes_a_county_by_code_as_by_slug(client):
    by_code = client.get(reverse("web:calendar"), {"lan": "14"})
    by_slug = client.get(reverse("web:calendar"), {"lan": VG})

    assert by_code.status_code == by_slug.status_code == 200
    assert b"avsiktsforklaring-vg-2016" in by_code.content
    assert by_code.content.count(b"BEGIN:VEVENT") == by_slug.content.count(b"BEGIN:VEVENT")
