"""The registry's datasets described in DCAT-AP-SE, the Swedish profile of DCAT-AP.

Sweden's open-data portal harvests catalogues in this form. One catalogue, one
dataset (the registry), and its distributions: the REST API (with its access
service), the JSON and CSV bulk files and the Popolo export.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from governance.core.models import RegistryVersion
from governance.opendata.bulk import LICENCE_URL

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
LANGUAGE_SV = URIRef(EU + "language/SWE")
LANGUAGE_EN = URIRef(EU + "language/ENG")
SWEDEN = URIRef(EU + "country/SWE")
PUBLIC = URIRef(EU + "access-right/PUBLIC")
THEMES = [
    URIRef(EU + "data-theme/GOVE"),
    URIRef(EU + "data-theme/SOCI"),
    URIRef(EU + "data-theme/HEAL"),
]
FILE_TYPE = {
    "JSON": URIRef(EU + "file-type/JSON"),
    "CSV": URIRef(EU + "file-type/CSV"),
    "ZIP": URIRef(EU + "file-type/ZIP"),
}
PUBLISHER_TYPE = URIRef("http://purl.org/adms/publishertype/RegionalAuthority")


def catalogue(base_url: str) -> Graph:
    """The catalogue as an RDF graph; ``base_url`` is the site's origin, e.g. https://…"""
    base = base_url.rstrip("/")

    def url(name: str) -> URIRef:
        return URIRef(base + reverse(name))

    g = Graph()
    for prefix, ns in {"dcat": DCAT, "dct": DCTERMS, "foaf": FOAF, "vcard": VCARD}.items():
        g.bind(prefix, ns)

    catalog = URIRef(base + reverse("opendata:dcat") + "#catalog")
    dataset = URIRef(base + reverse("opendata:index") + "#registry")
    publisher = URIRef(base + reverse("opendata:index") + "#publisher")
    contact = URIRef(base + reverse("opendata:index") + "#contact")
    changed = RegistryVersion.last_changed() or timezone.now()
    modified = Literal(timezone.localdate(changed).isoformat(), datatype=XSD.date)
    licence = URIRef(LICENCE_URL)

    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, FOAF.name, Literal(settings.OPEN_DATA_PUBLISHER, lang="sv")))
    g.add((publisher, DCTERMS.type, PUBLISHER_TYPE))

    g.add((contact, RDF.type, VCARD.Organization))
    g.add((contact, VCARD.fn, Literal(settings.OPEN_DATA_PUBLISHER, lang="sv")))
    g.add((contact, VCARD.hasEmail, URIRef("mailto:" + settings.OPEN_DATA_CONTACT_EMAIL)))

    g.add((catalog, RDF.type, DCAT.Catalog))
    g.add((catalog, DCTERMS.title, Literal("Samverkansregistret", lang="sv")))
    g.add(
        (
            catalog,
            DCTERMS.title,
            Literal("The Swedish support-structure governance registry", lang="en"),
        )
    )
    g.add(
        (
            catalog,
            DCTERMS.description,
            Literal(
                "Katalog över Samverkansregistrets öppna data: överenskommelser, beslutsorgan, "
                "hanteringsregler och finansiering i de regionala samverkans- och stödstrukturerna.",
                lang="sv",
            ),
        )
    )
    g.add(
        (
            catalog,
            DCTERMS.description,
            Literal(
                "Catalogue of the registry's open data: agreements, decision bodies, routing rules and "
                "funding of the regional support structures.",
                lang="en",
            ),
        )
    )
    g.add((catalog, DCTERMS.publisher, publisher))
    g.add((catalog, FOAF.homepage, url("web:start")))
    g.add((catalog, DCTERMS.language, LANGUAGE_SV))
    g.add((catalog, DCTERMS.license, licence))
    g.add((catalog, DCTERMS.modified, modified))
    g.add((catalog, DCAT.dataset, dataset))

    g.add((dataset, RDF.type, DCAT.Dataset))
    g.add(
        (
            dataset,
            DCTERMS.title,
            Literal(
                "Samverkansregistret: styrning av kunskapsutveckling i socialtjänsten", lang="sv"
            ),
        )
    )
    g.add(
        (
            dataset,
            DCTERMS.title,
            Literal("Governance of knowledge development in social services", lang="en"),
        )
    )
    g.add(
        (
            dataset,
            DCTERMS.description,
            Literal(
                "Överenskommelser med parter, klausuler, undertecknare och beslut; beslutsorgan med mandat, "
                "sammansättning och möten; hanteringsregler för nationella satsningar; länens stödstrukturer; "
                "statsbidrag, medfinansiering och fördelningsnycklar.",
                lang="sv",
            ),
        )
    )
    g.add(
        (
            dataset,
            DCTERMS.description,
            Literal(
                "Agreements with parties, clauses, signatories and decisions; decision bodies with mandates, "
                "composition and meetings; routing rules for national initiatives; county support "
                "structures; state grants, co-financing and distribution keys.",
                lang="en",
            ),
        )
    )
    g.add((dataset, DCTERMS.publisher, publisher))
    g.add((dataset, DCAT.contactPoint, contact))
    for theme in THEMES:
        g.add((dataset, DCAT.theme, theme))
    for word in (
        "socialtjänst",
        "kunskapsstyrning",
        "överenskommelser",
        "beslutsorgan",
        "regional stödstruktur",
    ):
        g.add((dataset, DCAT.keyword, Literal(word, lang="sv")))
    g.add((dataset, DCTERMS.language, LANGUAGE_SV))
    g.add((dataset, DCTERMS.spatial, SWEDEN))
    g.add((dataset, DCTERMS.accessRights, PUBLIC))
    g.add((dataset, DCTERMS.modified, modified))
    g.add((dataset, DCAT.landingPage, url("opendata:index")))

    service = URIRef(base + "/api/v1/#service")
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCTERMS.title, Literal("Samverkansregistrets REST-API", lang="sv")))
    g.add((service, DCAT.endpointURL, URIRef(base + "/api/v1/")))
    g.add((service, DCAT.endpointDescription, URIRef(base + "/api/schema/")))
    g.add((service, DCAT.servesDataset, dataset))
    g.add((service, DCTERMS.license, licence))
    g.add((service, DCTERMS.accessRights, PUBLIC))

    distributions = [
        (
            "api",
            "REST-API (JSON)",
            URIRef(base + "/api/v1/"),
            None,
            "JSON",
            "application/json",
            service,
        ),
        (
            "json",
            "Hela registret som JSON",
            url("opendata:bulk-json"),
            url("opendata:bulk-json"),
            "JSON",
            "application/json",
            None,
        ),
        (
            "csv",
            "Hela registret som CSV-filer (ZIP)",
            url("opendata:bulk-csv"),
            url("opendata:bulk-csv"),
            "ZIP",
            "application/zip",
            None,
        ),
        (
            "popolo",
            "Organ, personer och möten i Popolo-format",
            url("opendata:popolo"),
            url("opendata:popolo"),
            "JSON",
            "application/json",
            None,
        ),
    ]
    for key, title, access, download, fmt, media, access_service in distributions:
        dist = URIRef(base + reverse("opendata:index") + f"#distribution-{key}")
        g.add((dataset, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(title, lang="sv")))
        g.add((dist, DCAT.accessURL, access))
        if download:
            g.add((dist, DCAT.downloadURL, download))
        g.add((dist, DCTERMS.format, FILE_TYPE[fmt]))
        g.add(
            (dist, DCAT.mediaType, URIRef(f"http://www.iana.org/assignments/media-types/{media}"))
        )
        g.add((dist, DCTERMS.license, licence))
        g.add((dist, DCTERMS.modified, modified))
        if access_service is not None:
            g.add((dist, DCAT.accessService, access_service))
    return g
