"""The benchmark's synthetic text is made of the seed registry's own words, in their frequencies."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from generate import BenchText, seed_vocabulary

pytestmark = pytest.mark.usefixtures("seed")


def test_bench_text_reads_like_the_registry_and_common_words_are_not_everywhere():
    vocabulary, _ = seed_vocabulary()
    assert len(vocabulary) > 1000  # the seed's own words, not a short fixed list
    assert "samverkan" in vocabulary and "överenskommelse" in vocabulary

    words = BenchText(random.Random(7))
    rows = [words(40) for _ in range(500)]
    assert all(set(row.split()) <= set(vocabulary) for row in rows)
    with_samverkan = sum("samverkan" in row.split() for row in rows)
    assert 0 < with_samverkan < len(rows) * 0.9
    assert BenchText(random.Random(7))(40) == rows[0]  # reproducible from the seed
