"""``makemessages`` without msgmerge's fuzzy matching.

msgmerge fills a new msgid with the translation of a similar old one and flags it fuzzy; those
guesses are often wrong and easy to miss. Without fuzzy matching a new string arrives
untranslated, so it shows in a translator's tool and in tests/test_translations.py until someone
translates it in locale/en/LC_MESSAGES/django.po, the translations' only source.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
