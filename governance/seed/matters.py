"""The kinds of matter (ärendetyper) that the documents route to a handler or a body.

The routing rules themselves are built from the agreements' clauses elsewhere; these
rows only name the matters, with the document each one is taken from.
"""

from __future__ import annotations

from governance.seed.sources import DALARNA_PROPOSAL, VG_DECLARATION

# (slug, name, description, source)
MATTERS = [
    (
        "nationell-satsning",
        "Hantering av nationell satsning",
        "Nationella satsningar som avser länet: hanteras för kommunerna via VästKom, inom "
        "Västra Götalandsregionen via Koncernkontoret; satsningar som berör båda bevakas "
        "gemensamt (avsiktsförklaringen 2016, punkt 2–4).",
        VG_DECLARATION,
    ),
    (
        "fordelning-av-nationella-medel",
        "Hantering och fördelning av nationella länsgemensamma satsningar",
        "Beslut om hantering och fördelning av nationella länsgemensamma satsningar "
        "(avsiktsförklaringen 2016, punkt 5).",
        VG_DECLARATION,
    ),
    (
        "lansovergripande-stallningstagande",
        "Länsövergripande och samverkansstrategiskt ställningstagande",
        "Länsövergripande och samverkansstrategiska ställningstaganden "
        "(avsiktsförklaringen 2016, punkt 5).",
        VG_DECLARATION,
    ),
    (
        "politiskt-stallningstagande",
        "Övergripande politiskt ställningstagande",
        "Övergripande politiska ställningstaganden (avsiktsförklaringen 2016, punkt 6).",
        VG_DECLARATION,
    ),
    (
        "start-eller-avslut-av-arbetsgrupp",
        "Start eller avslut av arbetsgrupp",
        "Beslut om uppstart och avslut av arbetsgrupp (Dalarnas organisationsförslag: "
        "chefsnätverket).",
        DALARNA_PROPOSAL,
    ),
    (
        "uppdragsbeskrivning-for-arbetsgrupp",
        "Uppdragsbeskrivning för arbetsgrupp",
        "Att en tydlig uppdragsbeskrivning upprättas och ges vid uppstart av arbetsgrupp "
        "(Dalarnas organisationsförslag: styrgruppen för chefsnätverket).",
        DALARNA_PROPOSAL,
    ),
    (
        "politiskt-initiativ",
        "Politiskt initiativ inom välfärdsområdet",
        "Initiativ till de politiska insatser som kunskapsinhämtningen föranleder "
        "(Dalarnas organisationsförslag: Välfärdsrådet).",
        DALARNA_PROPOSAL,
    ),
]


def load() -> int:
    from governance.models import Matter
    from governance.seed.util import Seeder

    seeder = Seeder(VG_DECLARATION)
    for order, (slug, name, description, source) in enumerate(MATTERS, start=1):
        seeder.record(
            Matter,
            slug,
            source=seeder.use_source(source),
            name=name,
            description=description,
            order=order,
        )
    return seeder.created
