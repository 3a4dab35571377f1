"""English for the Swedish UI strings (see scripts/translate_po.py)."""

TRANSLATIONS = {
    "Hoppa till innehållet": "Skip to content",
    "Huvudmeny": "Main menu",
    "Du är här": "You are here",
    "Start": "Home",
    "Samverkansregistret – styrning av kunskapsutveckling inom socialtjänst och närliggande hälso- och sjukvård.": "Samverkansregistret – governance of knowledge development in social services and adjacent health care.",
    "Register över regionala samverkans- och stödstrukturer för kunskapsutveckling inom socialtjänst och närliggande hälso- och sjukvård.": "A registry of the regional support structures for knowledge development in social services and adjacent health care.",
    "Vem beslutar vad, enligt vilken överenskommelse, till när – och vem betalar? Registret samlar styrningen av de regionala samverkans- och stödstrukturerna för kunskapsutveckling inom socialtjänst och närliggande hälso- och sjukvård.": "Who decides what, under which agreement, until when – and who pays? The registry brings together the governance of the regional support structures for knowledge development in social services and adjacent health care.",
    "Svenska": "Swedish",
    "English": "English",
}
