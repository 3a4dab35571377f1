"""The English catalogue: complete, placeholders intact, compiled .mo current, pages in English.

The .po is the translations' source: ``make messages`` extracts new strings into it (untranslated,
never a fuzzy guess) and compiles it; these tests read the committed django.po and django.mo.
"""

from __future__ import annotations

import gettext
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.pages import factories

MESSAGES = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES"
PO = MESSAGES / "django.po"
MO = MESSAGES / "django.mo"

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_FIELD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"\s*$')


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), "\\" + m.group(1)), text)


@dataclass
class Entry:
    line: int
    flags: set[str] = field(default_factory=set)
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)

    def __str__(self):
        return f"django.po:{self.line}: {self.msgid!r}"


def read_po(path: Path = PO) -> list[Entry]:
    """The active entries of a .po file (obsolete "#~" entries left out), header included."""
    entries: list[Entry] = []
    entry = None
    current = None  # (attribute, plural index)
    flags: set[str] = set()
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            entry = current = None
            flags = set()
            continue
        if line.startswith("#"):
            if line.startswith("#,"):
                flags |= {f.strip() for f in line[2:].split(",")}
            continue
        if line.startswith('"'):
            assert current is not None, f"django.po:{number}: a string outside a field"
            name, index = current
            text = _unescape(line[1:-1])
            if name == "msgstr":
                entry.msgstr[index] += text
            else:
                setattr(entry, name, getattr(entry, name) + text)
            continue
        m = _FIELD.match(line)
        assert m, f"django.po:{number}: cannot read {raw!r}"
        if entry is None or (m.group(1) in ("msgctxt", "msgid") and entry.msgid):
            entry = Entry(number, flags=flags)
            entries.append(entry)
        name, text = m.group(1), _unescape(m.group(3))
        if name.startswith("msgstr"):
            index = int(m.group(2) or 0)
            entry.msgstr[index] = text
            current = ("msgstr", index)
        else:
            setattr(entry, name, text)
            current = (name, None)
    return entries


def messages() -> list[Entry]:
    return [e for e in read_po() if e.msgid]


_PRINTF = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]")
_BRACES = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def placeholders(text: str) -> Counter:
    text = text.replace("%%", "")
    return Counter(_PRINTF.findall(text) + _BRACES.findall(text))


# The catalogue ------------------------------------------------------------------------------


def test_catalogue_has_entries_and_plural_forms():
    header = read_po()[0]
    assert header.msgid == "" and "fuzzy" not in header.flags
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header.msgstr[0]
    assert len(messages()) > 500


def test_no_fuzzy_entries():
    fuzzy = [str(e) for e in messages() if "fuzzy" in e.flags]
    assert not fuzzy, "fuzzy entries (msgmerge's guesses):\n" + "\n".join(fuzzy)


def test_no_untranslated_entries():
    missing = [str(e) for e in messages() if not e.msgstr or not all(e.msgstr.values())]
    assert not missing, "untranslated entries:\n" + "\n".join(missing)


def test_plural_entries_have_both_forms():
    plurals = [e for e in messages() if e.msgid_plural is not None]
    assert plurals
    for entry in plurals:
        assert sorted(entry.msgstr) == [0, 1], entry


def test_placeholders_match_the_msgid():
    wrong = []
    for entry in messages():
        for index, text in entry.msgstr.items():
            source = entry.msgid_plural if index and entry.msgid_plural else entry.msgid
            if placeholders(text) != placeholders(source):
                wrong.append(f"{entry}: {sorted(placeholders(source))} ≠ {text!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_placeholder_check_sees_each_kind():
    assert placeholders("%(n)s av %(total)d, %s, %d, {name}, 100 %%") == Counter(
        ["%(n)s", "%(total)d", "%s", "%d", "{name}"]
    )
    assert placeholders("100 %.") == Counter()


def test_compiled_catalogue_is_current():
    """django.mo holds exactly the .po's translated entries (run `make messages` if not)."""
    expected = {}
    for entry in read_po():
        if "fuzzy" in entry.flags or not all(entry.msgstr.values()):
            continue  # msgfmt leaves these out
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgid_plural is None:
            expected[key] = entry.msgstr[0]
        else:
            for index, text in entry.msgstr.items():
                expected[(key, index)] = text
    with MO.open("rb") as fp:
        compiled = dict(gettext.GNUTranslations(fp)._catalog)
    # msgfmt leaves the POT-Creation-Date out of the compiled header.
    for catalog in (expected, compiled):
        catalog[""] = re.sub(r"^POT-Creation-Date:.*\n", "", catalog.get("", ""), flags=re.M)
    missing = sorted(str(k) for k in expected.keys() - compiled.keys())
    stale = sorted(str(k) for k in compiled.keys() - expected.keys())
    assert not missing and not stale, f"not in django.mo: {missing}\nonly in django.mo: {stale}"
    changed = sorted(str(k) for k in expected if compiled[k] != expected[k])
    assert not changed, f"translated differently in django.mo: {changed}"


# The pages in English -----------------------------------------------------------------------

_HEADING = re.compile(r"<(h[1-6]|th|caption|legend)\b([^>]*)>(.*?)</\1>", re.S)
_SWEDISH_ELEMENT = re.compile(r'<(\w+)\b[^>]*\blang="sv"[^>]*>.*?</\1>', re.S)


def english_headings(client, url) -> str:
    """The text of the page's headings, table headers and captions in English, without the
    parts marked lang="sv" (names and texts from the registry's Swedish documents)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    page = response.content.decode()
    assert '<html lang="en">' in page
    texts = []
    for _tag, attrs, inner in _HEADING.findall(page):
        if 'lang="sv"' in attrs:
            continue
        inner = _SWEDISH_ELEMENT.sub(" ", inner)
        texts.append(" ".join(re.sub(r"<[^>]+>", " ", inner).split()))
    return "\n".join(texts)


def _assert_english(headings: str, english: list[str], swedish: list[str]) -> None:
    for word in swedish:
        assert not re.search(rf"\b{word}\b", headings), f"{word!r} in the headings:\n{headings}"
    for word in english:
        assert word in headings, f"{word!r} not in the headings:\n{headings}"
    assert not re.search("[åäöÅÄÖ]", headings), f"Swedish letters in the headings:\n{headings}"


def _body_page_url() -> str:
    return factories.governance_world()["council"].get_absolute_url()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url, english, swedish",
    [
        (
            lambda: reverse("web:start"),
            ["Agreements", "Decision bodies", "The registry in numbers", "Explore"],
            ["Överenskommelser", "Beslutsorgan", "Registret", "Utforska", "Finansiering"],
        ),
        (
            _body_page_url,
            ["Mandate and responsibilities", "Composition", "Working methods", "Agreements"],
            ["Överenskommelser", "Mandat", "Sammansättning", "Arbetsformer", "Beslut"],
        ),
        (
            lambda: reverse("web:agreement-list"),
            ["Agreements", "Title", "Type", "Parties", "Validity"],
            ["Överenskommelser", "Titel", "Typ", "Parter", "Giltighet"],
        ),
    ],
    ids=["start page", "body page", "agreement list"],
)
@pytest.mark.usefixtures("seed")
def test_page_headings_are_english(client, url, english, swedish):
    _assert_english(english_headings(client, url()), english=english, swedish=swedish)


@pytest.mark.django_db
@pytest.mark.usefixtures("seed")
def test_the_page_of_all_counties_is_counties_in_english_and_one_county_is_county(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("web:county-list")).content.decode()
    assert "<title>Counties" in page
    assert re.search(r'aria-current="page"[^>]*>Counties</a>', page)
    body_list = client.get(reverse("web:body-list")).content.decode()
    assert re.search(r"<th[^>]*>County</th>", body_list)
