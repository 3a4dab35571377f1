"""Fill English translations into locale/en/LC_MESSAGES/django.po from the dict files.

Usage: python scripts/translate_po.py   (reads every locale/translations/*.py)

Each file holds ``TRANSLATIONS = {"svensk text": "English text", ...}``. For a plural entry
(``msgid`` / ``msgid_plural``) the key is the singular msgid and the value a 2-tuple
``("English singular", "English plural")``. An entry with a context (``pgettext``,
``{% translate "…" context "…" %}``) is keyed ``"context\x04msgid"``, as gettext itself keys it.

The dicts are the source of truth: whenever a dict has an entry's msgid, its value is written to
the msgstr, replacing whatever the .po held. Entries the dicts do not know keep their msgstr.

Fuzzy entries are msgmerge's guesses from a similar old msgid and are often wrong, so a guess is
never kept: the ``fuzzy`` flag and the ``#|`` previous-msgid lines are dropped, and the msgstr is
taken from the dicts or, when they lack the msgid, left empty (untranslated, so it shows up in
``msgfmt --statistics`` and in tests/test_translations.py).

Obsolete entries (``#~``) are left as they are. Prints the msgids that are still untranslated.
"""

import re
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
DICTS = ROOT / "locale" / "translations"

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")\s*$")


def unquote(lines: list[str]) -> str:
    """The text of a field's quoted string lines, escapes resolved."""
    text = "".join(line.strip()[1:-1] for line in lines)
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), "\\" + m.group(1)), text)


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def load_translations(folder: Path = DICTS) -> dict:
    translations = {}
    for path in sorted(folder.glob("*.py")):
        for msgid, value in runpy.run_path(str(path))["TRANSLATIONS"].items():
            if msgid in translations and translations[msgid] != value:
                print(
                    f"{path.name}: {msgid!r} has a different translation elsewhere", file=sys.stderr
                )
            translations[msgid] = value
    return translations


class Entry:
    """One entry of a .po file: its comment lines, flags and fields, each field as its raw lines."""

    def __init__(self, lines: list[str]):
        self.comments: list[str] = []  # "#:", "#.", "# " lines, kept as they are
        self.flags: list[str] = []
        self.previous: list[str] = []  # "#|" lines
        self.fields: list[tuple[str, list[str]]] = []
        for line in lines:
            if line.startswith("#,"):
                self.flags += [f.strip() for f in line[2:].split(",") if f.strip()]
            elif line.startswith("#|"):
                self.previous.append(line)
            elif line.startswith("#"):
                self.comments.append(line)
            elif line.startswith('"'):
                self.fields[-1][1].append(line)
            else:
                m = _KEYWORD.match(line)
                if not m:
                    raise ValueError(f"cannot read line in {PO.name}: {line!r}")
                self.fields.append((m.group(1), [m.group(2)]))

    def get(self, key: str) -> str | None:
        for name, lines in self.fields:
            if name == key:
                return unquote(lines)
        return None

    def set(self, key: str, text: str) -> None:
        for i, (name, lines) in enumerate(self.fields):
            if name == key and unquote(lines) != text:
                self.fields[i] = (name, [quote(text)])

    @property
    def msgstrs(self) -> list[str]:
        return [name for name, _ in self.fields if name.startswith("msgstr")]

    def render(self) -> str:
        out = list(self.comments)
        if self.flags:
            out.append("#, " + ", ".join(self.flags))
        out += self.previous
        for name, lines in self.fields:
            out.append(f"{name} {lines[0]}")
            out += lines[1:]
        return "\n".join(out)


def translate(text: str, translations: dict) -> tuple[str, list[str]]:
    """The .po text with the dicts' translations filled in, and the msgids still untranslated."""
    blocks = re.split(r"\n\s*\n", text.strip("\n"))
    untranslated = []
    out = []
    for block in blocks:
        lines = block.split("\n")
        if all(line.startswith("#") for line in lines):
            out.append(block)  # an obsolete entry ("#~") or a lone comment
            continue
        entry = Entry(lines)
        msgid = entry.get("msgid")
        if msgid == "":  # the header
            entry.flags = [f for f in entry.flags if f != "fuzzy"]
            out.append(entry.render())
            continue
        if "fuzzy" in entry.flags:
            entry.flags = [f for f in entry.flags if f != "fuzzy"]
            entry.previous = []
            for key in entry.msgstrs:
                entry.set(key, "")
        plural = entry.get("msgid_plural") is not None
        context = entry.get("msgctxt")
        value = translations.get(msgid if context is None else f"{context}\x04{msgid}")
        if value is not None:
            if plural:
                if not (isinstance(value, tuple) and len(value) == 2):
                    raise ValueError(f"{msgid!r} is a plural entry: give (singular, plural)")
                singular, many = value
                for key in entry.msgstrs:
                    entry.set(key, singular if key == "msgstr[0]" else many)
            else:
                if not isinstance(value, str):
                    raise ValueError(f"{msgid!r} is not a plural entry: give a string")
                entry.set("msgstr", value)
        if any(entry.get(key) == "" for key in entry.msgstrs):
            untranslated.append(msgid)
        out.append(entry.render())
    return "\n\n".join(out) + "\n", untranslated


def main() -> None:
    text, untranslated = translate(PO.read_text(encoding="utf-8"), load_translations())
    PO.write_text(text, encoding="utf-8")
    if untranslated:
        print(f"{len(untranslated)} msgids have no English yet:", file=sys.stderr)
        for msgid in untranslated:
            print(f"  {msgid!r}", file=sys.stderr)


if __name__ == "__main__":
    main()
