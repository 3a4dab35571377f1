"""English for webhook security (secrets shown once, receiver addresses) and bulk downloads."""

TRANSLATIONS = {
    # governance/models.py: webhooks
    "En https-adress som går att nå från internet.": "An https address that can be reached from the internet.",
    "Delas med mottagaren; varje anrop signeras enligt Standard Webhooks.": "Shared with the recipient; every call is signed as Standard Webhooks specifies.",
    "skickas, reserverad till": "being sent, reserved until",
    # governance/opendata/admin.py and its template
    "Skapa en ny hemlighet": "Make a new secret",
    "Den gamla slutar gälla direkt. Den nya visas en gång, när du sparar.": "The old one stops working at once. The new one is shown once, when you save.",
    "Skapas när du sparar.": "Made when you save.",
    "Hemligheten för %(name)s": "The secret of %(name)s",
    "Prenumerationen är sparad. Ge mottagaren den här hemligheten nu: den visas bara den här gången. Mottagaren använder den för att kontrollera signaturen i varje anrop.": "The subscription is saved. Give the recipient this secret now: it is shown only this once. The recipient uses it to check the signature of every call.",
    "Hemlighet": "Secret",
    "Har du tappat bort den? Skapa en ny på prenumerationens sida; den gamla slutar då gälla.": "Lost it? Make a new one on the subscription's page; the old one then stops working.",
    "Till prenumerationen": "To the subscription",
    "Till listan": "To the list",
    # governance/opendata/receivers.py
    "Mottagarens adress måste börja med https://.": "The recipient's address must begin with https://.",
    "Adressen får inte innehålla användarnamn eller lösenord.": "The address must not contain a user name or password.",
    "Adressen saknar värdnamn.": "The address has no host name.",
    "Adressens portnummer är ogiltigt.": "The address's port number is not valid.",
    "Värdnamnet %(host)s gick inte att slå upp.": "The host name %(host)s could not be looked up.",
    "%(address)s är inte en publik adress på internet. Webhooks skickas bara till publika adresser.": "%(address)s is not a public internet address. Webhooks are only sent to public addresses.",
    "%(host)s pekar på %(address)s, som inte är en publik adress på internet. Webhooks skickas bara till publika adresser.": "%(host)s points to %(address)s, which is not a public internet address. Webhooks are only sent to public addresses.",
    # governance/opendata/webhooks.py
    "Svaret var en omdirigering (%(status)s), och sådana följs inte.": "The answer was a redirect (%(status)s), and redirects are not followed.",
    # governance/opendata/views.py
    "För många hämtningar. Försök igen om en stund.": "Too many downloads. Try again in a while.",
}
