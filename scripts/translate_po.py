"""Fill English translations into locale/en/LC_MESSAGES/django.po from a dict file.

Usage: python scripts/translate_po.py   (reads every locale/translations/*.py)
Each file holds ``TRANSLATIONS = {"svensk text": "English text", ...}``;
only entries with an empty msgstr are filled, so hand edits in the .po survive.
"""

import re
import runpy
from pathlib import Path

PO = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _unquote(block: str) -> str:
    return (
        "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block))
        .encode()
        .decode("unicode_escape")
        .encode("latin-1")
        .decode("utf-8")
    )


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main() -> None:
    translations = {}
    for path in sorted(PO.parents[2].glob("translations/*.py")):
        translations.update(runpy.run_path(str(path))["TRANSLATIONS"])
    text = PO.read_text()
    entry = re.compile(r'(msgid ((?:"(?:[^"\\]|\\.)*"\s*)+))msgstr ""\n(?!")', re.M)

    def fill(m):
        msgid = _unquote(m.group(2))
        if msgid in translations:
            return f"{m.group(1)}msgstr {_quote(translations[msgid])}\n"
        return m.group(0)

    PO.write_text(entry.sub(fill, text).replace("#, fuzzy\n", ""))


if __name__ == "__main__":
    main()
