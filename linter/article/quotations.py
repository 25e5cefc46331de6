"""Direct quotations in a paragraph, in every convention real copy uses.

Marks: straight (``"``) and curly (“…”) double quotes, „…“-style low
openers, the two apostrophes of the NYT archive (''…''), TeX-style ``…'',
guillemets («…», ‹…›), and single quotes, curly (‘…’) or straight ('…'),
which are the outer marks in British copy and the inner ones in American.

A mark whose glyph does not say which way it faces (``"``, ``'``, ``''``)
is read from where it stands: it can open when the character after it is
not white space and the one before it is white space or punctuation that
comes before words (a bracket, a dash); it can close when the character
before it is not white space and the one after it is white space or
punctuation. Marks are paired innermost first, so a quotation nested in
another (“He told me ‘no,’ ” or ‘He said “no”’) lies inside the outer one;
every quotation is returned with its depth.

Paragraphs of a quotation that runs over several of them each open and only
the last closes. Where such paragraphs were merged onto one line, or copy
left a closing mark out, the outer quotation's mark opening again ends that
quotation (unclosed) and begins the next, so pairing never runs across the
narration between two quotes (see _reopens). An apostrophe (Putin’s, rock
'n' roll, the '90s) is never a mark; a straight single quote that is never
closed in its paragraph was an apostrophe too. Where a mark cannot be read,
it is left out: a quotation missed costs less than one invented.
"""

from __future__ import annotations

from typing import NamedTuple

from linter.support import patterns

DOUBLE, SINGLE = 2, 1
OPEN, CLOSE, EITHER = "open", "close", "either"

# glyph: (weight, which way the glyph faces)
_GLYPHS: dict[str, tuple[int, str]] = {
    '"': (DOUBLE, EITHER),
    "''": (DOUBLE, EITHER),
    "“": (DOUBLE, OPEN),
    "„": (DOUBLE, OPEN),
    "``": (DOUBLE, OPEN),
    "«": (DOUBLE, OPEN),
    "”": (DOUBLE, CLOSE),
    "»": (DOUBLE, CLOSE),
    "'": (SINGLE, EITHER),
    "‘": (SINGLE, OPEN),
    "‹": (SINGLE, OPEN),
    "’": (SINGLE, CLOSE),
    "›": (SINGLE, CLOSE),
}
OPENING_GLYPHS = frozenset(g for g, (_, way) in _GLYPHS.items() if way != CLOSE)
CLOSING_GLYPHS = frozenset(g for g, (_, way) in _GLYPHS.items() if way != OPEN)

# Runs of apostrophes are cut into marks below; the rest are one character.
# A single mark between letters or digits (Putin’s, don't) is an apostrophe
# and not matched at all: most single marks in copy are.
_MARK = patterns.compile(r"'{2,}|(?<![\p{L}\p{N}])['’]|['’](?![\p{L}\p{N}])|``|[\"“„«”»‘‹›]")
# Punctuation after which a mark opens a quotation ("(“", "—''", "-'").
_BEFORE_WORDS = frozenset("([{—–-/‐")
# Words spelt with a leading apostrophe, never a quotation.
_ELISIONS = patterns.compile(r"(?i)(?:\d\d|em|n|tis|til|twas|cause|bout|round|nuff)(?![\p{L}\p{N}])")


class Quoted(NamedTuple):
    """A quotation: ``start``/``end`` cover its marks, ``inner_*`` its words."""

    start: int
    end: int
    closed: bool
    inner_start: int
    inner_end: int
    depth: int = 0  # 0 for an outermost quotation, 1 for one inside it...


class _Open(NamedTuple):
    start: int
    width: int
    weight: int
    family: str


def opens_at(text: str, offset: int) -> int:
    """The width of a mark at ``offset`` whose glyph can open a quotation
    (0 for none)."""
    for width in (2, 1):
        if text[offset : offset + width] in OPENING_GLYPHS:
            return width
    return 0


def closes_at(text: str, end: int) -> int:
    """The width of a mark ending at ``end`` whose glyph can close a
    quotation (0 for none)."""
    for width in (2, 1):
        if end - width >= 0 and text[end - width : end] in CLOSING_GLYPHS:
            return width
    return 0


def family(glyph: str) -> str:
    """The marks a mark pairs with, named by its opening one ('' and `` are
    one family, “ and ” another)."""
    return _FAMILIES.get(glyph, glyph)


def find(text: str) -> list[Quoted]:
    """The quotations of a paragraph, outermost and nested, in order of
    their opening marks."""
    marks = _marks(text)
    if not marks:
        return []
    while True:
        found, bad_opener = _pair(text, marks)
        if bad_opener is None:
            return found
        marks = [mark for mark in marks if mark[0] != bad_opener]  # an apostrophe: read again without it


def _marks(text: str) -> list[tuple[int, str, bool, bool]]:
    """(offset, glyph, can open, can close) of each mark; a run of
    apostrophes is cut into double and single marks, the single on the
    inside (three before a word are '' then ')."""
    marks: list[tuple[int, str, bool, bool]] = []
    for match in _MARK.finditer(text):
        start, glyph = match.start(), match.group()
        if glyph[0] != "'" or len(glyph) <= 2:
            marks.append((start, glyph, *_flanks(text, start, start + len(glyph))))
            continue
        opening = _flanks(text, start, match.end())[0]
        doubles, single = divmod(len(glyph), 2)
        pieces = (["''"] * doubles + ["'"] * single) if opening else (["'"] * single + ["''"] * doubles)
        for piece in pieces:
            marks.append((start, piece, *_flanks(text, start, start + len(piece))))
            start += len(piece)
    return marks


def _flanks(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether a mark at text[start:end] stands where a quotation can open
    (before a word, after white space or a bracket or dash) and where one
    can close (after a word, before white space or punctuation)."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    can_open = not after.isspace() and (before.isspace() or before in _BEFORE_WORDS or before in _GLYPH_CHARS)
    can_close = not before.isspace() and (after.isspace() or not after.isalnum())
    return can_open, can_close


# Marks that pair with each other; a double quotation nested in another
# uses marks of another family.
_FAMILIES = {'"': '"', "''": "''", "``": "''", "“": "“", "„": "“", "”": "“", "«": "«", "»": "«"}
_FAMILIES.update({"'": "'", "‘": "‘", "‹": "‘", "’": "‘", "›": "‘"})
_GLYPH_CHARS = frozenset("\"“„«”»‘‹’›'`")
_SENTENCE_ENDS = frozenset(".!?…")
# The closing mark of each family whose marks face a way; the '' family
# (opened by `` or '') closes with '', which faces no way.
_CLOSERS_OF = {"“": "”", "«": "»"}
_CLOSING_CHARS = frozenset("\"'”’»›)]")


def _pair(text: str, marks: list[tuple[int, str, bool, bool]]) -> tuple[list[Quoted], int | None]:
    """Pair the marks; return the quotations, or the offset of a straight
    single quote that opened and never closed (an apostrophe after all)."""
    found: list[Quoted] = []
    stack: list[_Open] = []

    def close(level: int, end: int, closed: bool, inner_end: int) -> None:
        entry = stack[level]
        if closed or text[entry.start + entry.width : end].strip():  # a doubled mark ("““") quotes nothing
            found.append(Quoted(entry.start, end, closed, entry.start + entry.width, inner_end, level))
        del stack[level:]

    for start, glyph, can_open, can_close in marks:
        end = start + len(glyph)
        weight, way = _GLYPHS[glyph]
        if weight == SINGLE and _is_apostrophe(text, start, end, glyph):
            continue
        innermost = len(stack) - 1
        while innermost >= 0 and stack[innermost].weight != weight:
            innermost -= 1
        if innermost >= 0 and _closes(way, can_open, can_close, text[end : end + 1]):
            close(innermost, end, True, start)
            continue
        if not _opens(way, weight, can_open, can_close, bool(stack)):
            continue
        if innermost >= 0 and weight == SINGLE:
            continue  # a second single opener inside a single quotation: an apostrophe
        family = _FAMILIES[glyph]
        if stack and stack[0].family == family and _reopens(text, start, way, family):
            # The outer mark opening again while its quotation is open:
            # paragraphs merged onto one line (the first quotation runs on
            # unclosed, as a quote over paragraphs does), or a closing mark
            # left out.
            close(0, _trimmed_end(text, start), False, _trimmed_end(text, start))
        stack.append(_Open(start, len(glyph), weight, family))
    if stack:
        if stack[0].family == "'":
            return found, stack[0].start
        end = _trimmed_end(text, len(text))
        close(0, end, False, end)
    found.sort()
    return found, None


def _closes(way: str, can_open: bool, can_close: bool, after: str) -> bool:
    """Whether a mark closes the open quotation of its weight: a closing
    glyph unless it stands before a word as an opener does (a misdirected
    ” word); a straight mark unless it can only open; an opening glyph only
    where it can only close (a misdirected “word“)."""
    if way == CLOSE:
        return not (can_open and after.isalnum())
    if way == EITHER:
        return can_close or not can_open
    return can_close and not can_open


def _reopens(text: str, start: int, way: str, family: str) -> bool:
    """Whether an opening mark of the open outer quotation's own family
    begins a new quotation rather than one nested in it: it opens a
    sentence, or it is a straight mark (whose closing mark cannot be told
    from an opening one), or too few closing marks follow for both the
    nested quotation and the outer one (“… a “word” …” nests). A
    closing mark left out must not make a quotation run on across the
    narration."""
    closing = _CLOSERS_OF.get(family)
    if way == EITHER or closing is None or _after_sentence(text, start):
        return True
    return text.count(closing, start) < 2


def _after_sentence(text: str, start: int) -> bool:
    """Whether the mark at ``start`` follows the end of a sentence, closing
    marks and all ("… interesting.' " before it)."""
    end = _trimmed_end(text, start)
    if end == start:
        return False
    while end > 0 and text[end - 1] in _CLOSING_CHARS:
        end -= 1
    return text[end - 1 : end] in _SENTENCE_ENDS


def _opens(way: str, weight: int, can_open: bool, can_close: bool, inside: bool) -> bool:
    """Whether a mark that closes nothing opens a quotation: an opening
    glyph does; a straight mark does where it can open; a closing double
    glyph does only where it can do nothing else, outside any quotation
    (a misdirected ”word”)."""
    if way == OPEN:
        return True
    if way == EITHER:
        return can_open
    return weight == DOUBLE and can_open and not can_close and not inside


def _is_apostrophe(text: str, start: int, end: int, glyph: str) -> bool:
    """A single mark inside a word (Putin’s, o'clock) or before an elided
    word ('90s, rock 'n' roll)."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    return glyph != "’" and not before.isalnum() and bool(_ELISIONS.match(text, end))


def _trimmed_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
