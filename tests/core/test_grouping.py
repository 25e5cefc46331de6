"""The matching across files' grouping stages (linter.core.grouping)."""

from __future__ import annotations

import random

from linter.core.grouping import shared_bands
from linter.support.similarity import bands, signature


def _signatures(count: int) -> list[tuple[int, bytes]]:
    """Signatures of short invented texts from a small vocabulary, so that
    many share bands, and some are short enough to leave bins empty."""
    rng = random.Random(7)
    words = ["ferry", "harbor", "board", "night", "pier", "vote", "budget", "council"]
    sigs = []
    for order in range(count):
        length = rng.choice([2, 3, 6, 12])
        sigs.append((order, signature(frozenset(rng.randrange(64) * 977 + len(words[rng.randrange(8)]) for _ in range(length)))))
    return sigs


def test_shared_bands_are_the_bands_held_twice_or_more() -> None:
    firsts = _signatures(400)
    expected: dict[bytes, list[tuple[int, bytes]]] = {}
    for order, sig in firsts:
        for band in bands(sig):
            expected.setdefault(band, []).append((order, sig))
    expected = {band: group for band, group in expected.items() if len(group) > 1}
    found = dict(shared_bands(firsts))
    assert found == expected
    assert any(len(group) > 2 for group in found.values())


def test_a_signature_too_short_for_a_band_has_none() -> None:
    assert list(shared_bands([(0, b""), (1, b"")])) == []
