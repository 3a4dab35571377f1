"""The source documents the registry's facts are taken from: one row per seed document.

Every seeded record's ``source`` names one of these slugs. None of the documents gives a
day of publication, so ``published_on`` stays blank: a record taken from them is known
as of the document's year (``governance.known_as_of``), and 003 and 004 give not even that. Seeds 000 and 001 are the
same declaration of intent (001 is a PDF extraction of it); seeded records cite 000.
"""

from __future__ import annotations

# Slugs other seed modules refer to.
VG_DECLARATION = "avsiktsforklaring-vg-2016-text"
VG_DECLARATION_PDF = "avsiktsforklaring-vg-2016-pdf"
COUNTY_PLANS = "skl-lansplaner-2014"
SKL_BROCHURE = "skl-broschyr-regionala-stodstrukturer"
DALARNA_PROPOSAL = "dalarna-forslag-ny-organisation"

SOURCES = [
    {
        "slug": VG_DECLARATION,
        "short_title": "Avsiktsförklaringen VGR–VästKom 2016",
        "title": (
            "Avsiktsförklaring: Regionala samverkans- och stödstrukturer för gemensam "
            "kunskapsutveckling inom socialtjänst och närliggande hälso- och sjukvård"
        ),
        "publisher": "Västra Götalandsregionen och VästKom",
        "year": 2016,
        "reference": "Seed 000",
        "description": (
            "Avsiktsförklaringen mellan Västra Götalandsregionen och VästKom som utgår från "
            "2016 års överenskommelse mellan Regeringen och SKL (textversion)."
        ),
    },
    {
        "slug": VG_DECLARATION_PDF,
        "short_title": "Avsiktsförklaringen VGR–VästKom 2016 (PDF)",
        "title": (
            "Avsiktsförklaring: Regionala samverkans- och stödstrukturer för gemensam "
            "kunskapsutveckling inom socialtjänst och närliggande hälso- och sjukvård (PDF)"
        ),
        "publisher": "Västra Götalandsregionen och VästKom",
        "year": 2016,
        "reference": "Seed 001",
        "description": (
            "Samma avsiktsförklaring som seed 000, extraherad ur PDF. Registrets poster "
            "hänvisar till textversionen."
        ),
    },
    {
        "slug": COUNTY_PLANS,
        "short_title": "SKL:s sammanställning av länsplanerna",
        "title": (
            "Länens planer för framtida organisation, styrning och finansiering av de "
            "regionala stödstrukturerna för kunskapsutveckling"
        ),
        "publisher": "Sveriges Kommuner och Landsting (SKL)",
        "year": 2014,
        "reference": "Seed 002",
        "description": (
            "SKL:s sammanställning av de 21 länens planer som lämnades in i november 2013."
        ),
    },
    {
        "slug": SKL_BROCHURE,
        "short_title": "SKL:s broschyr om stödstrukturerna",
        "title": "Regionala samverkans- och stödstrukturer – Kunskapsutveckling inom socialtjänsten",
        "publisher": "Sveriges Kommuner och Landsting (SKL)",
        "year": None,  # the brochure gives no publication year
        "reference": "Seed 003",
        "description": (
            "SKL:s broschyr om de regionala stödstrukturerna: mål, tidslinje 2004–2016 och "
            "resultat ur Statskontorets slutrapport (2014). Beställningsnummer 5369 "
            "(webbutik.skl.se). Kontaktpersonerna finns bland registrets namngivna roller."
        ),
    },
    {
        "slug": DALARNA_PROPOSAL,
        "short_title": "Dalarnas organisationsförslag",
        "title": "Förslag på ny organisation och arbetssätt för välfärdssamverkan i Dalarna",
        "publisher": "Chefsnätverket (Länsnätverk förvaltningschefer inom hälsa och välfärd)",
        "year": None,  # a first draft that took shape at the end of 2018; no date given
        "reference": "Seed 004",
        "description": (
            "Första utkastet på ny organisation och arbetssätt för den regionala "
            "stödstrukturen i Dalarna, med bakgrund och utvärderingens synpunkter."
        ),
    },
]


def load() -> int:
    from governance.models import SourceDocument

    created = 0
    for row in SOURCES:
        fields = dict(row)
        _, was_created = SourceDocument.objects.get_or_create(
            slug=fields.pop("slug"), defaults=fields
        )
        created += was_created
    return created
