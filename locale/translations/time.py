"""English for the strings of chair rotation, succession, term ends and renewal deadlines."""

TRANSLATIONS = {
    # bodies/models.py
    "Länskoden är två siffror, t.ex. '01' eller '20'.": "The county code is two digits, e.g. '01' or '20'.",
    "Kommunkoden är fyra siffror, t.ex. '0180' eller '2080'.": "The municipality code is four digits, e.g. '0180' or '2080'.",
    "Organisationsnumret skrivs NNNNNN-NNNN, t.ex. '232100-0131'.": "The organisation number is written NNNNNN-NNNN, e.g. '232100-0131'.",
    "Platsen har redan %(n)s innehavare i rollen %(role)s den %(day)s; avsluta en av dem först.": "The seat already has %(n)s holder(s) in the role %(role)s on %(day)s; end one of them first.",
    # bodies/services.py
    "Antal år måste vara minst 1.": "The number of years must be at least 1.",
    "%(body)s har ingen rotationsregel för ordförandeskapet.": "%(body)s has no chair rotation rule.",
    "Slutdatum kan inte vara före startdatum.": "The end date cannot be before the start date.",
    "Antal dagar kan inte vara negativt.": "The number of days cannot be negative.",
    # agreements/renewal.py
    "%(body)s måste besluta senast vid sitt möte den %(date)s.": "%(body)s must decide at its meeting of %(date)s at the latest.",
    "%(body)s måste besluta senast den %(date)s (inga möten eller mötesrytm inlagda).": "%(body)s must decide by %(date)s at the latest (no meetings or meeting rhythm entered).",
    "Datumet är uppskattat utifrån organets mötesrytm.": "The date is estimated from the body's meeting rhythm.",
    # calendar feed and reminders
    "Sista beslutstillfälle: %(title)s": "Last chance to decide: %(title)s",
    "%(sentence)s %(title)s gäller till och med %(until)s.": "%(sentence)s %(title)s is valid until %(until)s inclusive.",
    "Sista beslutstillfällen för förnyelse inom %(days)d dagar": "Last chances to decide on renewal within %(days)d days",
    "Inga beslut om förnyelse behövs inom %(days)d dagar.": "No renewal decisions are due within %(days)d days.",
    "%(body)s: %(role)s (%(side)s)%(person)s slutar %(date)s (%(left)s).": "%(body)s: %(role)s (%(side)s)%(person)s ends %(date)s (%(left)s).",
    "Mandat och ordförandeperioder som slutar inom %(days)d dagar": "Memberships and chair terms ending within %(days)d days",
    "Inga mandat eller ordförandeperioder slutar inom %(days)d dagar.": "No memberships or chair terms end within %(days)d days.",
    # templates/partials
    "Nuvarande och kommande ordförandeperioder": "Current and coming chair terms",
    "Period": "Term",
    "Ordförande": "Chair",
    "Vice ordförande": "Vice chair",
    "pågår": "current",
    "Perioder utan namn är planerade enligt organets rotationsregel.": "Terms without a name are planned from the body's rotation rule.",
    "enligt rotationen": "by rotation",
    "Inte angivet": "Not stated",
    "Beslut om förnyelse inom tolv månader": "Renewal decisions within twelve months",
    "De %(shown)s närmaste av %(total)s beslut om förnyelse under de kommande tolv månaderna.": "The %(shown)s nearest of %(total)s renewal decisions in the coming twelve months.",
    "Alla finns i kalenderflödet (iCal).": "All of them are in the calendar feed (iCal).",
    "Inget organ behöver besluta om förnyelse av en överenskommelse under de kommande tolv månaderna.": "No body needs to decide on renewing an agreement in the coming twelve months.",
    "Med %(notice)s dagars uppsägningstid måste beslutet fattas senast %(latest)s.": "With %(notice)s days' notice, the decision must be taken by %(latest)s.",
    "Mandat och ordförandeperioder som slutar inom 90 dagar": "Memberships and chair terms ending within 90 days",
    "Ledamotskap och ordförandeperioder som slutar snart, det som slutar först överst": "Memberships and chair terms ending soon, soonest first",
    "Slutar": "Ends",
    "Organ": "Body",
    "Roll": "Role",
    "Person": "Person",
    "Inga mandat eller ordförandeperioder slutar inom 90 dagar.": "No memberships or chair terms end within 90 days.",
    # plural forms (term ends, bodies/admin.py and templates/admin/index.html)
    "slutar snart": "ending soon",
    "inom %(days)d dag": ("within %(days)d day", "within %(days)d days"),
    "Inga mandat eller ordförandeperioder slutar inom %(days)d dag.": (
        "No memberships or chair terms end within %(days)d day.",
        "No memberships or chair terms end within %(days)d days.",
    ),
    "Mandat och ordförandeperioder som slutar inom %(days)s dag": (
        "Memberships and chair terms ending within %(days)s day",
        "Memberships and chair terms ending within %(days)s days",
    ),
    "Inga mandat eller ordförandeperioder slutar inom %(days)s dag.": (
        "No memberships or chair terms end within %(days)s day.",
        "No memberships or chair terms end within %(days)s days.",
    ),
    "Alla ledamotskap som slutar snart": "All memberships ending soon",
    "Alla ordförandeperioder som slutar snart": "All chair terms ending soon",
}
