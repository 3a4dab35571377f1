"""English for the operations commands' Swedish messages (backup, restore, reminders)."""

TRANSLATIONS = {
    # backup_registry
    "Exportera hela registret (alla appar, historik, användare och grupper) till en versionerad JSON-fil.": "Export the whole registry (all apps, history, users and groups) to a versioned JSON file.",
    "Filen att skriva, eller - för standard ut.": "The file to write, or - for standard output.",
    "Skriv över en befintlig fil.": "Overwrite an existing file.",
    "Filen %(path)s finns redan. Välj ett annat namn eller ange --force.": "The file %(path)s already exists. Choose another name or give --force.",
    "Mappen %(dir)s finns inte.": "The folder %(dir)s does not exist.",
    "Okänd databas: %(alias)s": "Unknown database: %(alias)s",
    "Säkerhetskopia skriven till %(path)s: %(rows)d rader i %(models)d tabeller.": "Backup written to %(path)s: %(rows)d rows in %(models)d tables.",
    # restore_registry
    "Läs in en säkerhetskopia från backup_registry i en tom, migrerad databas (i en transaktion).": "Read a backup from backup_registry into an empty, migrated database (in one transaction).",
    "Filen från backup_registry.": "The file from backup_registry.",
    "Filen innehåller tabeller som säkerhetskopian inte omfattar: %(labels)s": "The file holds tables the backup does not cover: %(labels)s",
    "Filen %(path)s finns inte.": "The file %(path)s does not exist.",
    "%(path)s är inte en JSON-fil från backup_registry: %(error)s": "%(path)s is not a JSON file from backup_registry: %(error)s",
    "%(path)s är inte en säkerhetskopia av Samverkansregistret.": "%(path)s is not a backup of Samverkansregistret.",
    "Säkerhetskopian har formatversion %(version)s; den här versionen av registret läser till och med version %(supported)d.": "The backup has format version %(version)s; this version of the registry reads up to version %(supported)d.",
    "Säkerhetskopian saknar tabeller (models).": "The backup has no tables (models).",
    "Säkerhetskopian innehåller tabeller som den här versionen saknar: %(labels)s": "The backup contains tables this version does not have: %(labels)s",
    "Databasen saknar migreringar som säkerhetskopian gjordes med (%(missing)s). Kör 'manage.py migrate' mot den tomma databasen först.": "The database lacks migrations the backup was made with (%(missing)s). Run 'manage.py migrate' against the empty database first.",
    "Databasen är inte tom: %(sample)s. Återställning görs bara till en tom databas, så att inget skrivs över. Skapa en ny databas, kör 'manage.py migrate' och försök igen.": "The database is not empty: %(sample)s. A restore goes only into an empty database, so that nothing is overwritten. Create a new database, run 'manage.py migrate' and try again.",
    "Antalet rader stämmer inte med filen: %(detail)s": "The number of rows does not match the file: %(detail)s",
    "Återställningen avbröts och inget sparades: %(error)s": "The restore was stopped and nothing was saved: %(error)s",
    "Återställt %(rows)d rader i %(models)d tabeller från %(path)s.": "Restored %(rows)d rows in %(models)d tables from %(path)s.",
    # remind_expiring
    "ej angivet i registret (antogs av %(bodies)s)": "not given in the registry (adopted by %(bodies)s)",
    "ej angivet i registret": "not given in the registry",
    "%(title)s gäller till och med %(until)s (%(left)s). Beslutar om fortsättning: %(body)s. Förlängning: %(renewal)s.": "%(title)s is valid until %(until)s (%(left)s). Decides on continuation: %(body)s. Renewal: %(renewal)s.",
    "Överenskommelser som löper ut inom %(days)d dagar": "Agreements that expire within %(days)d days",
    "Inga överenskommelser löper ut inom %(days)d dagar.": "No agreements expire within %(days)d days.",
    "Påminnelser från Samverkansregistret per %(date)s för de län du samordnar.": "Reminders from Samverkansregistret as of %(date)s for the counties you coordinate.",
    "Ogiltigt datum %(value)r: ange det som ÅÅÅÅ-MM-DD.": "Invalid date %(value)r: give it as YYYY-MM-DD.",
    "Lista överenskommelser som löper ut inom N dagar och vilket organ som ska besluta; med --email skickas påminnelser till samordnarna för parternas län.": "List agreements that expire within N days and which body must decide; with --email, reminders are sent to the coordinators of the parties' counties.",
    "Antal dagar framåt (standard 90).": "Number of days ahead (default 90).",
    "Räkna från detta datum (ÅÅÅÅ-MM-DD) i stället för i dag.": "Count from this date (YYYY-MM-DD) instead of today.",
    "Skicka påminnelser till samordnarna.": "Send reminders to the coordinators.",
    "Webbplatsens adress för länkar i e-post, t.ex. https://registret.example.se": "The site's address for links in e-mail, e.g. https://registret.example.se",
    "--days måste vara mellan 0 och 3650, inte %(days)d.": "--days must be between 0 and 3650, not %(days)d.",
    # remind_expiring: plural forms
    "%(n)d dag kvar": ("%(n)d day left", "%(n)d days left"),
    "Samverkansregistret: %(n)d påminnelse": (
        "Samverkansregistret: %(n)d reminder",
        "Samverkansregistret: %(n)d reminders",
    ),
    "%(n)d e-postmeddelande skickat till samordnare.": (
        "%(n)d e-mail sent to coordinators.",
        "%(n)d e-mails sent to coordinators.",
    ),
}
