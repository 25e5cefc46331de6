"""Normalising text for comparison: case, white space and quote style."""

from __future__ import annotations

_QUOTES = str.maketrans({**{c: '"' for c in "“”„‟″«»"}, **{c: "'" for c in "‘’‚‛′`"}})


def normalize(text: str) -> str:
    """Fold case, quote style and runs of white space, so that copies that
    differ only in those compare equal."""
    folded = text.translate(_QUOTES).casefold()
    return " ".join(folded.split())
