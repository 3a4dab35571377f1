"""English for the write rule's refusals (governance/scope.py, governance/admin_base.py)."""

TRANSLATIONS = {
    # governance/scope.py
    "Du saknar behörighet för %(places)s.": "You lack permission for %(places)s.",
    "Du saknar behörighet att %(action)s %(model)s.": "You lack permission to %(action)s %(model)s.",
    "lägga till": "add",
    "ändra": "change",
    "ta bort": "delete",
    "och": "and",
    "eller": "or",
    "nationell nivå": "national level",
    # agreements/admin.py
    "senare överenskommelse som hänvisar hit": "later agreement that refers here",
    "senare överenskommelser som hänvisar hit": "later agreements that refer here",
    # governance/admin_base.py
    "Ingenting togs bort. %(refusals)s": "Nothing was deleted. %(refusals)s",
}
