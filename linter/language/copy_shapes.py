"""Shapes of copy that repeats by design, which the repetition rules tell
apart from repeated prose.

- A line in title case ("Senator Says Budget Talks Will Resume") is a
  heading, a link to another story or an item of a list of them.
- A bracketed line ("[Speech to the port authority, 10/29/13.]") is a
  citation or an editor's aside, repeated under each item it cites.
- A bare quotation (a paragraph that opens with a quote mark and holds
  nothing outside the quotation) repeating words of another paragraph is a
  pull quote: display copy of a quotation the story gives in full.
- Two paragraphs built on one frame but holding different figures ("Tickets
  $20, Friday at 8" and "Tickets $15, Saturday at 7"; a tally updated) are
  parallel items or template lines: each says something the other does not.
"""

from __future__ import annotations

from linter.support import patterns
from linter.support.titlecase import long_words_capitalised

_FIGURE = patterns.compile(r"\p{N}+(?:[.,:]\p{N}+)*")
_OPENING_QUOTE = "\"“'‘"
_CLOSING_QUOTE = "\"”'’"
_BRACKETS = {"[": "]", "(": ")"}
# A quotation closing inside a paragraph: a double mark, two apostrophes (as
# news databases write them), or a single mark after punctuation and before
# a space (never the apostrophe of "don’t" or "workers’").
_CLOSING_INSIDE = patterns.compile(r"[\"”]|''|[,.!?;:]['’](?=\s)")


def bracketed(text: str) -> bool:
    """Whether the text is wholly in brackets or parentheses (a trailing full
    stop aside): a citation or an aside."""
    text = text.strip().rstrip(".").strip()
    return len(text) > 2 and text[0] in _BRACKETS and text[-1] == _BRACKETS[text[0]]


def bare_quotation(text: str) -> bool:
    """Whether a paragraph is a quotation and nothing else: it opens with a
    quote mark, and no closing mark is followed by words of its own (an
    attribution)."""
    text = text.strip()
    if not text or text[0] not in _OPENING_QUOTE:
        return False
    inner = text.lstrip(_OPENING_QUOTE).rstrip(_CLOSING_QUOTE + ".,!? ")
    return not _CLOSING_INSIDE.search(inner)


def display_line(text: str) -> bool:
    """A heading, a link or a citation: copy that is not prose."""
    return long_words_capitalised(text) or bracketed(text)


def figures(text: str) -> tuple[str, ...]:
    """The numbers a text holds, in order."""
    return tuple(_FIGURE.findall(text))


def different_figures(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Whether two texts both hold figures and not the same ones."""
    return bool(first) and bool(second) and sorted(first) != sorted(second)
