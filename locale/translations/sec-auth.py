"""English for the two-step login's Swedish strings (governance/two_factor_views.py, its templates)."""

TRANSLATIONS = {
    # governance/two_factor_views.py
    "Kod": "Code",
    "Du loggade in med en reservkod. Du har %(n)s reservkod kvar.": (
        "You logged in with a recovery code. You have %(n)s recovery code left.",
        "You logged in with a recovery code. You have %(n)s recovery codes left.",
    ),
    "Koden stämmer inte. Skriv den kod som appen visar just nu, eller en oanvänd reservkod. Efter flera fel får du vänta en stund mellan försöken.": "The code is not right. Enter the code the app shows right now, or an unused recovery code. After several mistakes you have to wait a while between attempts.",
    "Tvåstegsinloggning": "Two-step login",
    "Koden stämmer inte. Kontrollera att appen är kopplad och skriv den kod den visar nu.": "The code is not right. Check that the app is connected and enter the code it shows now.",
    "Koppla en autentiseringsapp": "Connect an authenticator app",
    "Reservkoder": "Recovery codes",
    # templates/admin/two_factor/
    "Skriv koden som autentiseringsappen visar just nu. Har du inte tillgång till appen kan du använda en av dina reservkoder; varje reservkod fungerar en gång.": "Enter the code the authenticator app shows right now. If you do not have the app at hand, you can use one of your recovery codes; each recovery code works once.",
    "Logga in": "Log in",
    "Avbryt och logga ut": "Cancel and log out",
    "Har du förlorat både appen och reservkoderna? Be en administratör ta bort din tvåstegsinloggning, så kan du koppla en ny app.": "Lost both the app and the recovery codes? Ask an administrator to remove your two-step login, and you can connect a new app.",
    "Du kan ändra i registret. Därför loggar du in i två steg: först lösenordet, sedan en kod från en autentiseringsapp i din telefon (till exempel Microsoft Authenticator, Google Authenticator eller FreeOTP).": "You can change the registry. That is why you log in in two steps: first the password, then a code from an authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator or FreeOTP).",
    "Öppna appen och välj att lägga till ett konto.": "Open the app and choose to add an account.",
    "Skanna QR-koden, eller skriv in den hemliga nyckeln för hand.": "Scan the QR code, or type in the secret key by hand.",
    "Skriv koden som appen visar i fältet nedan.": "Enter the code the app shows in the field below.",
    "QR-kod med den hemliga nyckeln för autentiseringsappen": "QR code with the secret key for the authenticator app",
    "Hemlig nyckel:": "Secret key:",
    "Koppla appen": "Connect the app",
    "Spara de här koderna på ett säkert ställe, till exempel i en lösenordshanterare eller utskrivna. Om du inte har tillgång till appen kan du logga in med en av dem; varje kod fungerar en gång. Koderna visas bara nu.": "Keep these codes somewhere safe, for example in a password manager or printed. If you do not have the app at hand you can log in with one of them; each code works once. The codes are shown only now.",
    "Jag har sparat koderna": "I have saved the codes",
    "Reservkoderna visas bara en gång, när de skapas. Har du tappat bort dem eller använt upp dem kan du skapa nya; de gamla slutar då att fungera.": "The recovery codes are shown only once, when they are made. If you have lost them or used them up you can make new ones; the old ones then stop working.",
    "Skapa nya reservkoder": "Make new recovery codes",
    # templates/admin/index.html
    "Du loggar in med lösenord och en kod från din autentiseringsapp.": "You log in with your password and a code from your authenticator app.",
}
