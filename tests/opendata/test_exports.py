"""Bulk downloads, the Popolo export and the DCAT-AP-SE catalogue, each checked by a reader."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from jsonschema import Draft3Validator
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from bodies.models import Body, County, Meeting, Membership, Person, Seat
from governance.opendata.bulk import public_models

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parents[2] / "governance" / "opendata" / "schemas" / "popolo"
VCARD = "http://www.w3.org/2006/vcard/ns#"


def _popolo_validator(name: str) -> Draft3Validator:
    resources = []
    for path in SCHEMAS.glob("*.json"):
        schema = json.loads(path.read_text())
        resources.append(
            (
                f"http://www.popoloproject.com/schemas/{path.name}",
                Resource.from_contents(schema, default_specification=DRAFT3),
            )
        )
    registry = Registry().with_resources(resources)
    schema = json.loads((SCHEMAS / f"{name}.json").read_text())
    return Draft3Validator(schema, registry=registry)


@pytest.mark.usefixtures("seed")
def test_bulk_json_holds_every_public_table_with_licence(client):
    response = client.get("/data/samverkansregistret.json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    document = json.loads(response.content)
    assert document["licence"]["url"].startswith("https://creativecommons.org/")
    tables = document["tables"]
    assert set(tables) == {m._meta.label_lower for m in public_models()}
    assert len(tables["bodies.county"]) == 21 == County.objects.count()
    assert "governance.coordinatorscope" not in tables
    assert {r["slug"] for r in tables["bodies.body"]} >= {"lisa", "sro"}


@pytest.mark.usefixtures("seed")
def test_bulk_csv_zip_has_one_csv_per_table_and_the_licence(client):
    response = client.get("/data/samverkansregistret-csv.zip")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    assert "LICENS.txt" in names
    assert {f"{m._meta.label_lower}.csv" for m in public_models()} <= names
    rows = list(csv.DictReader(io.StringIO(archive.read("bodies.county.csv").decode())))
    assert len(rows) == 21
    assert {"code", "name", "slug"} <= set(rows[0])
    assert any(r["code"] == "14" and r["name"] == "Västra Götalands län" for r in rows)


@pytest.mark.usefixtures("seed")
def test_popolo_export_validates_against_the_popolo_schemas(client):
    body = Body.objects.get(slug="chefsnatverket")
    seat = Seat.objects.filter(body=body).first() or Seat.objects.create(
        body=body, side="municipalities", role="Förvaltningschef"
    )
    person = Person.objects.create(name="Testa Testsson")
    Membership.objects.create(
        seat=seat, person=person, starts_on="2019-01-01", ends_on="2019-12-31"
    )
    Meeting.objects.create(body=body, date="2019-02-14")

    response = client.get("/data/popolo.json")
    assert response.status_code == 200
    document = response.json()
    kinds = {
        "persons": "person",
        "organizations": "organization",
        "posts": "post",
        "memberships": "membership",
        "events": "event",
    }
    for key, schema in kinds.items():
        validator = _popolo_validator(schema)
        assert document[key], key
        for item in document[key]:
            errors = sorted(validator.iter_errors(item), key=str)
            assert not errors, (key, item.get("id"), [e.message for e in errors])
    ids = {o["id"] for o in document["organizations"]}
    assert {"body/lisa", "body/sro", "organisation/vgr", "organisation/vastkom"} <= ids
    lisa = next(o for o in document["organizations"] if o["id"] == "body/lisa")
    assert lisa["classification"].startswith("beslutsorgan")
    assert any(m["person_id"] == f"person/{person.slug}" for m in document["memberships"])
    assert any(e["organization_id"] == "body/chefsnatverket" for e in document["events"])


@pytest.mark.parametrize(
    "url, fmt", [("/data/dcat.ttl", "turtle"), ("/data/dcat.jsonld", "json-ld")]
)
def test_dcat_catalogue_parses_back_with_the_required_dcat_ap_se_classes_and_properties(
    client, url, fmt
):
    response = client.get(url)
    assert response.status_code == 200
    graph = Graph().parse(data=response.content.decode(), format=fmt)

    catalogs = list(graph.subjects(RDF.type, DCAT.Catalog))
    assert len(catalogs) == 1
    catalog = catalogs[0]
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCAT.dataset):
        assert graph.value(catalog, prop) is not None, prop

    dataset = graph.value(catalog, DCAT.dataset)
    assert (dataset, RDF.type, DCAT.Dataset) in graph
    for prop in (
        DCTERMS.title,
        DCTERMS.description,
        DCTERMS.publisher,
        DCAT.contactPoint,
        DCAT.distribution,
        DCAT.theme,
    ):
        assert graph.value(dataset, prop) is not None, prop
    assert {str(t) for t in graph.objects(dataset, DCTERMS.title)} >= {
        "Samverkansregistret: styrning av kunskapsutveckling i socialtjänsten"
    }

    publisher = graph.value(dataset, DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Agent) in graph and graph.value(publisher, FOAF.name)
    contact = graph.value(dataset, DCAT.contactPoint)
    assert str(graph.value(contact, URIRef(VCARD + "hasEmail"))).startswith("mailto:")

    distributions = list(graph.objects(dataset, DCAT.distribution))
    assert len(distributions) == 4
    for dist in distributions:
        assert (dist, RDF.type, DCAT.Distribution) in graph
        assert graph.value(dist, DCAT.accessURL) is not None
        assert graph.value(dist, DCTERMS.license) is not None
        assert graph.value(dist, DCTERMS.format) is not None
    services = list(graph.subjects(RDF.type, DCAT.DataService))
    assert services and graph.value(services[0], DCAT.endpointURL) is not None


def test_dcat_and_the_footer_say_when_the_registry_last_changed(client):
    import datetime as dt

    from governance.core.models import RegistryVersion

    # Later than any row's modified_at: the answer is the registry's version, not a MAX().
    changed = dt.datetime(2030, 1, 2, 12, tzinfo=dt.UTC)
    RegistryVersion.objects.update_or_create(pk=1, defaults={"changed_at": changed})

    graph = Graph().parse(data=client.get("/data/dcat.ttl").content.decode(), format="turtle")
    catalog = next(graph.subjects(RDF.type, DCAT.Catalog))
    assert str(graph.value(catalog, DCTERMS.modified)) == "2030-01-02"
    assert 'datetime="2030-01-02T13:00:00+01:00"' in client.get("/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_delete_moves_the_registry_last_change():
    from governance.core.models import RegistryVersion

    county = County.objects.create(code="99", name="Provlän")
    created = RegistryVersion.last_changed()
    county.delete()
    assert RegistryVersion.last_changed() > created


def test_dcat_negotiates_json_ld_or_turtle(client):
    assert client.get("/data/dcat/", HTTP_ACCEPT="application/ld+json")["Content-Type"].startswith(
        "application/ld+json"
    )
    assert client.get("/data/dcat/", HTTP_ACCEPT="text/turtle")["Content-Type"].startswith(
        "text/turtle"
    )


def test_open_data_page_links_every_download(client):
    response = client.get("/data/")
    assert response.status_code == 200
    html = response.content.decode()
    for href in (
        "/data/samverkansregistret.json",
        "/data/samverkansregistret-csv.zip",
        "/data/popolo.json",
        "/data/dcat.ttl",
        "/api/v1/changes/",
    ):
        assert f'href="{href}' in html, href
    assert "creativecommons.org/publicdomain/zero" in html


def test_start_page_links_the_bulk_files_with_their_licence(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    section = html[html.index('id="open-data"') :]
    section = section[: section.index("</p>")]
    assert 'href="/data/samverkansregistret.json"' in section
    assert 'href="/data/samverkansregistret-csv.zip"' in section
    assert 'rel="license"' in section and "CC0 1.0" in section
    for url in ("/data/samverkansregistret.json", "/data/samverkansregistret-csv.zip"):
        assert client.get(url).status_code == 200
