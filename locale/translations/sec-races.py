"""English for the messages of concurrent writes (see scripts/translate_po.py)."""

TRANSLATIONS = {
    # governance/concurrency.py
    "Posten har tagits bort av någon annan sedan du öppnade den.": "Someone else deleted the record after you opened it.",
    "Någon annan ändrade samma poster samtidigt, så ändringen sparades inte. Hämta posten på nytt och försök igen.": "Someone else changed the same records at the same time, so the change was not saved. Fetch the record again and try again.",
}
