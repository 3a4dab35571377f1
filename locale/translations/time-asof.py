"""English for the registry as of a date: the header's date control, the banner, the refused
date, the start page's latest known state and the county given by code or slug."""

TRANSLATIONS = {
    # governance/as_of.py
    "Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2017-06-01.": "Give the date as YYYY-MM-DD, e.g. 2017-06-01.",
    "Datumet finns inte i kalendern. Ange det som ÅÅÅÅ-MM-DD.": "That date is not in the calendar. Give it as YYYY-MM-DD.",
    "Ange ett datum mellan %(first)s och %(last)s.": "Give a date between %(first)s and %(last)s.",
    # templates/base.html
    "Visa läget per": "Show the registry as of",
    "ÅÅÅÅ-MM-DD. Tomt: i dag.": "YYYY-MM-DD. Empty: today.",
    "Visa": "Show",
    'Du ser läget per <time datetime="%(day)s">%(day)s</time>': 'You are seeing the registry as of <time datetime="%(day)s">%(day)s</time>',
    "Visa i dag": "Show today",
    # templates/as_of_invalid.html
    "Datumet kunde inte läsas": "The date could not be read",
    "Du bad om läget per ”%(raw)s”.": "You asked for the registry as of “%(raw)s”.",
    "Välj ett datum i fältet ”Visa läget per” överst på sidan, eller": "Pick a date in the field “Show the registry as of” at the top of the page, or",
    "visa sidan som den ser ut i dag": "show the page as it is today",
    # governance/views.py, templates/start.html
    "gäller per %(day)s": "in force on %(day)s",
    "Ingen överenskommelse i registret gällde per %(day)s.": "No agreement in the registry was in force on %(day)s.",
    "Ingen överenskommelse i registret gäller i dag: källorna beskriver tidigare år.": "No agreement in the registry is in force today: its sources describe earlier years.",
    "Den nyaste daterade källan är från %(year)s (%(title)s).": "The newest dated source is from %(year)s (%(title)s).",
    "Senaste kända läge: %(day)s": "Latest known state: %(day)s",
    "visa registret per den dagen": "show the registry as of that day",
    "Överenskommelser som gällde per %(today)s och löpte ut mellan %(today)s och %(horizon)s": "Agreements in force on %(today)s that lapsed between %(today)s and %(horizon)s",
    "Ingen överenskommelse som gällde per %(today)s löpte ut före %(horizon)s.": "No agreement in force on %(today)s lapsed before %(horizon)s.",
    # templates/bodies/body_detail.html
    "Ledamöter per %(day)s": "Members on %(day)s",
    "Ingen ordförande är registrerad per %(day)s.": "No chair is recorded for %(day)s.",
    # templates/agreements/agreement_detail.html
    "Status per %(day)s": "Status on %(day)s",
    # governance/routing_forms.py
    "Okänt län. Ange länets tvåsiffriga SCB-kod (t.ex. 14) eller dess kortnamn (t.ex. vastra-gotalands-lan).": "Unknown county. Give the county's two-digit SCB code (e.g. 14) or its slug (e.g. vastra-gotalands-lan).",
}
