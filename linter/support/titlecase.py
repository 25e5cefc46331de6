"""Whether a line is in title case, in the two senses copydesk reads it:
most of its significant words capitalised (a headline, "Council Approves
New Budget"), or every long word capitalised (a heading or a link, "Senator
Says Budget Talks Will Resume", which repeats by design). One module, so
that the two are told apart by name."""

from __future__ import annotations

from linter.support import patterns

_WORD = patterns.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")
_SMALL_WORDS = frozenset("a an and as at but by for from in into nor of off on or over per the to up via vs with amid".split())
_LONG_WORD = patterns.compile(r"(?<![\p{L}'’\-])\p{L}[\p{L}'’\-]{3,}")
_LONG_LOWER_WORD = patterns.compile(r"(?<![\p{L}'’\-])\p{Ll}[\p{L}'’\-]{3,}")
MIN_LONG_WORDS = 4  # shorter lines ("Port Strike Ends") are too short to judge


def is_title_case(text: str, minimum: int = 3) -> bool:
    """At least ``minimum`` significant words, most of them capitalised, as
    in "Council Approves New Budget"."""
    words = [w for w in _WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    capitalised = sum(w[0].isupper() or w[0].isdigit() for w in words)
    return len(words) >= minimum and capitalised >= 0.8 * len(words)


def long_words_capitalised(text: str) -> bool:
    """Whether every word of four letters or more is capitalised, and there
    are enough of them to tell: a heading or a link, not a sentence."""
    if _LONG_LOWER_WORD.search(text):  # prose: found within its first words
        return False
    long_words = _LONG_WORD.findall(text)
    return len(long_words) >= MIN_LONG_WORDS and all(word[0].isupper() for word in long_words)
