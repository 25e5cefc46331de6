"""Splitting a block's text into sentences (quotations are found by
linter.article.quotations).

It returns offsets relative to the block text; the format parsers turn
them into spans of the document.
"""

from __future__ import annotations

from linter.support import patterns

# Words that end with a period without ending a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms mx dr prof gen lt col maj capt sgt cmdr adm sen rep gov pres
    st jr sr rev mt ft inc corp co ltd no nos vs etc jan feb mar apr jun jul aug
    sep sept oct nov dec approx dept est fig""".split()
)

# A sentence ends at . ! or ? with any closing marks after it, before a
# capital or digit with any opening marks ('' and `` of archive copy too).
_BOUNDARY = patterns.compile(r"[.!?]+[\"'”’»›)\]]*\s+(?=(?:''|``|[\"“‘«‹(\[])?[\p{Lu}\p{N}])")
_WORD_BEFORE = patterns.compile(r"([\p{L}.]+)[.!?]+[\"'”’»›)\]]*\s+$")



def _is_abbreviation(word: str) -> bool:
    """True for 'Mr', a lone initial 'V', or a dotted acronym like 'U.S'."""
    if word.lower() in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        return True
    return "." in word and all(len(part) <= 2 for part in word.split("."))


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if text[match.start()] == "." and _after_abbreviation(text, start, match.start(), match.end()):
            continue
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _after_abbreviation(text: str, start: int, stop: int, end: int) -> bool:
    """Whether the period at ``stop`` (a boundary running to ``end``) ends
    an abbreviation rather than the sentence begun at ``start``. The word
    before it is read from the run of letters and periods just before it,
    not from the whole sentence so far: the same word, found without
    rescanning the sentence at every boundary."""
    first = stop
    while first > start and (text[first - 1].isalpha() or text[first - 1] == "."):
        first -= 1
    before = _WORD_BEFORE.search(text, first, end)
    return bool(before) and _is_abbreviation(before.group(1))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
