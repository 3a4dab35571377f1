"""How much of the seed's text is the source documents' text copied word for word.

``longest_verbatim(text, sources)`` is the longest run of characters (whitespace
collapsed) that ``text`` shares with any source document; tests/test_seed_wording.py
guards it for the passages rewritten in the registry's own words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

# The source documents the seed was written from (the Swedish texts).
SOURCE_DIR = Path("/work/shared/seeds")


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1)
def source_texts(directory: str = str(SOURCE_DIR)) -> tuple[str, ...]:
    return tuple(
        normalise(p.read_text(encoding="utf-8")) for p in sorted(Path(directory).glob("*.txt"))
    )


def longest_verbatim(text: str, sources: tuple[str, ...]) -> str:
    """The longest substring of ``text`` found word for word in one of ``sources``."""
    text = normalise(text)
    best = ""
    i = 0
    while i + len(best) < len(text):
        # Only a run longer than the best so far is of interest.
        j = i + len(best) + 1
        if not any(text[i:j] in s for s in sources):
            i += 1
            continue
        while j < len(text) and any(text[i : j + 1] in s for s in sources):
            j += 1
        best = text[i:j]
        i += 1
    return best
