"""The words a reader meets on the public pages, explained in plain Swedish (Ordlista).

One list, used by the glossary page and by the pages that link a term to it. Each entry's
anchor is its slug, so ``/ordlista/#huvudman`` leads to the explanation.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Term:
    term: str
    explanation: str
    also: str = ""  # other forms or abbreviations a reader may see

    @property
    def anchor(self) -> str:
        # From the Swedish term in every language, so a link to an entry never changes.
        with translation.override("sv"):
            return slugify(str(self.term))


TERMS: tuple[Term, ...] = (
    Term(
        _("Avsiktsförklaring"),
        _(
            "Ett skriftligt löfte mellan parter om hur de tänker samarbeta. Den är inte ett avtal med sanktioner, men beslutas av parternas ledningar."
        ),
    ),
    Term(
        _("Beslutsorgan"),
        _(
            "En grupp som fattar beslut eller ger rekommendationer: en politisk beredning, en ledningsgrupp för tjänstemän, en styrgrupp eller ett nätverk."
        ),
    ),
    Term(
        _("Delregion"),
        _("En del av ett län där flera kommuner samarbetar, ofta genom ett kommunalförbund."),
    ),
    Term(
        _("Evidensbaserad praktik"),
        _(
            "Att arbeta utifrån bästa tillgängliga kunskap, den professionella erfarenheten och den enskildes situation och önskemål."
        ),
        _("EBP"),
    ),
    Term(
        _("FoU-miljö"),
        _(
            "En enhet för forskning och utveckling som stöder kommunernas och regionens verksamheter."
        ),
    ),
    Term(
        _("Huvudman"),
        _(
            "Den som ansvarar för en verksamhet och betalar för den. I registret är huvudmännen kommunerna och regionen (tidigare landstinget)."
        ),
        _("huvudmän"),
    ),
    Term(
        _("Hanteringsregel"),
        _(
            "En regel i en överenskommelse om vem som tar emot och hanterar en viss sorts ärende, till exempel en nationell satsning."
        ),
    ),
    Term(
        _("Kommunalförbund"),
        _("En egen organisation som flera kommuner bildar för att sköta uppgifter tillsammans."),
    ),
    Term(
        _("Kunskapsstyrning"),
        _("Att se till att aktuell kunskap tas fram, sprids och används i verksamheterna."),
    ),
    Term(_("Län"), _("Ett av Sveriges 21 län. Registret ordnar stödstrukturerna per län.")),
    Term(
        _("Länsplan"),
        _(
            "Den plan varje län lämnade till SKL i november 2013 om hur länets stödstruktur skulle se ut och styras."
        ),
    ),
    Term(
        _("LiSA"),
        _(
            "Ledning i samverkan: ledningsgruppen för tjänstemän från Västra Götalandsregionen och kommunerna i Västra Götaland."
        ),
        _("Ledning i samverkan"),
    ),
    Term(
        _("Nationell satsning"),
        _(
            "Ett uppdrag eller pengar från staten eller SKL som riktar sig till kommuner, regioner eller båda."
        ),
    ),
    Term(
        _("Plattformsledare"),
        _("Den person som leder länets regionala stödstruktur för kunskapsutveckling."),
    ),
    Term(
        _("Punkt"),
        _("En av de beslutade punkterna i en överenskommelse, ofta skrivna som ”att …”."),
    ),
    Term(
        _("Regional samverkans- och stödstruktur"),
        _(
            "Det samarbete mellan kommunerna och regionen i ett län som stöder kunskapsutveckling inom socialtjänst och närliggande hälso- och sjukvård."
        ),
        _("stödstruktur"),
    ),
    Term(
        _("Regionförbund"),
        _(
            "En organisation som kommunerna och landstinget i ett län bildade för regionala utvecklingsfrågor, innan regionerna tog över uppgiften."
        ),
    ),
    Term(
        _("SKL"),
        _(
            "Sveriges Kommuner och Landsting, kommunernas och regionernas intresseorganisation. Heter i dag Sveriges Kommuner och Regioner (SKR)."
        ),
        _("Sveriges Kommuner och Landsting"),
    ),
    Term(
        _("SRO"),
        _("Samrådsorganet mellan VästKoms och Västra Götalandsregionens politiska ledningar."),
        _("samrådsorganet"),
    ),
    Term(
        _("Statsbidrag"),
        _("Pengar som staten ger till kommuner och regioner för ett visst ändamål."),
    ),
    Term(
        _("Styrgrupp"),
        _("En grupp som styr och följer upp ett arbete och bestämmer vad som ska tas upp."),
    ),
    Term(_("Medfinansiering"), _("Den del av kostnaderna som huvudmännen själva betalar.")),
    Term(
        _("VästKom"),
        _(
            "Västsvenska kommunalförbundens samorganisation: de fyra kommunalförbunden i Västra Götaland och deras 49 kommuner tillsammans."
        ),
        _("VGK"),
    ),
    Term(
        _("Värdorganisation"),
        _(
            "Den organisation där plattformsledaren är anställd, till exempel ett regionförbund, en kommun eller ett landsting."
        ),
    ),
    Term(
        _("Överenskommelse"),
        _(
            "En skriftlig uppgörelse mellan parter, till exempel mellan regeringen och SKL eller mellan en region och länets kommuner."
        ),
    ),
)


# Swedish alphabetical order puts å, ä and ö, in that order, after z.
_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


def swedish_sort_key(text: str) -> str:
    return str(text).casefold().translate(_SWEDISH_ORDER)


def terms() -> list[Term]:
    """The glossary in Swedish alphabetical order of the current language's terms."""
    return sorted(TERMS, key=lambda entry: swedish_sort_key(entry.term))


def find(anchor: str) -> Term | None:
    """The entry whose anchor is ``anchor`` (the slug of its Swedish term)."""
    return next((entry for entry in TERMS if entry.anchor == anchor), None)
