"""English for the registry's range of dates and years and the refusals of impossible records."""

TRANSLATIONS = {
    # governance/dates.py
    "Datumet måste ligga mellan %(earliest)s och %(latest)s.": "The date must lie between %(earliest)s and %(latest)s.",
    "Året måste ligga mellan %(earliest)s och %(latest)s.": "The year must lie between %(earliest)s and %(latest)s.",
    # governance/text.py
    "Texten får inte innehålla radbrytningar, tabbar eller andra styrtecken.": "The text may not contain line breaks, tabs or other control characters.",
    # bodies/models.py
    "Mandattiden måste vara minst en månad.": "The term of office must be at least one month.",
    "Ett organ kan inte vara sin egen uppdragsgivare.": "A body cannot commission itself.",
    "Ett organ kan inte ge uppdrag åt sig självt (direkt eller via andra organ).": "A body cannot commission itself (directly or through other bodies).",
    # agreements/models.py
    "En överenskommelse kan inte utgå från sig själv (via andra överenskommelser).": "An agreement cannot be based on itself (through other agreements).",
    # funding/models.py
    "Andelen ska vara mellan 0 och 100 procent.": "The share must be between 0 and 100 percent.",
    # governance/routing.py
    "Regeln upprepar regeln ”%(other)s” (%(slug)s) från samma klausul; ändra den i stället för att lägga till en likadan.": "The rule repeats the rule “%(other)s” (%(slug)s) from the same clause; change that one instead of adding an identical one.",
    # governance/models.py
    "Det finns redan en likadan regel för samma ärendetyp, län, klausul, beslutande organ och giltighetstid.": "There is already an identical rule for the same kind of matter, county, clause, deciding body and period of validity.",
}
