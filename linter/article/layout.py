"""From lines of text to the blocks of a story, shared by every input format.

The formats cut their source into *units* (a paragraph, a heading, a list
item) with exact offsets; this module decides what role each unit plays in
the story (summary, headline, dek, byline, credit, body) and builds the
blocks with their sentences and quotations.
"""

from __future__ import annotations

from typing import NamedTuple


from linter.support import patterns


from linter.article import quotations, segment
from linter.article.document import Block, LineIndex, Quote, Role, Sentence
from linter.article.furniture import dateline_end, is_byline, is_credit, is_furniture
from linter.support.titlecase import is_title_case
from linter.article.suppression import is_directive_line
from linter.support.textnorm import normalize

# A line longer than this is never a hard-wrapped line of a paragraph, so a
# run of lines holding one is read as one paragraph per line (the shape of
# scraped copy), and a run of short lines as one wrapped paragraph.
WRAP_WIDTH = 100
HEADLINE_MAX_WORDS = 22
# A sentence-case first line that ends in a full stop is a headline only up
# to this length; a lede is longer.
STOPPED_HEADLINE_MAX_WORDS = 15
DEK_MAX_WORDS = 40

_PROSE_END = patterns.compile(r"[.!?]['\"”’)]*\s*$")
_TERMINAL = patterns.compile(r"[.;:,]['\"”’)]*\s*$")
_ABSTRACT = patterns.compile(r"^ABSTRACT[.:]?$")
_FULL_TEXT = patterns.compile(r"^FULL TEXT[.:]?$")
_OPENING_MARKS = "\"'“‘«‹`„"


class Unit(NamedTuple):
    start: int
    end: int
    kind: str = "text"  # "text", "heading", "item", "subhead" (a headline's second line), "blockquote"
    level: int = 0  # heading level for Markdown headings


def is_headline_like(text: str) -> bool:
    """A short line that starts with a capital and does not end like a
    sentence: how headlines (in title or sentence case) look."""
    return is_headline_shaped(text) and not _TERMINAL.search(text)


def is_headline_shaped(text: str) -> bool:
    """A short line that starts with a capital, a digit or a quote mark:
    how a headline looks whatever its last mark ("Talks Stall.", "3 Things
    to Know;", "‘We Will Win’")."""
    words = text.split()
    first = text.lstrip().lstrip(_OPENING_MARKS)[:1]
    return 0 < len(words) <= HEADLINE_MAX_WORDS and "\n" not in text and (first.isupper() or first.isdigit())


def paragraph_units(text: str, run: list[tuple[int, int]], before: str = "") -> list[Unit]:
    """Units from a run of consecutive non-blank lines (start, end offsets).

    A run with any line longer than WRAP_WIDTH gives one unit per line. In a
    run of short lines, consecutive prose lines are one wrapped paragraph,
    and title-case headline lines and bylines stand alone (the lines of a
    wrapped paragraph may lack a final period, but are not title case), as
    does a line that repeats the line before it or ``before`` (the text of
    the unit before the run): a repeated headline, not a wrapped line.
    """
    if len(run) < 2 or max(end - start for start, end in run) > WRAP_WIDTH:
        return [Unit(start, end) for start, end in run]  # a lone line is a unit whatever it holds
    units: list[Unit] = []
    wrapped: list[tuple[int, int]] = []
    previous = normalize(before)
    for start, end in run:
        line = text[start:end]
        key = normalize(line)
        repeats = key == previous
        if repeats and wrapped == run[:1]:  # the line repeated is the first of the run: alone too
            units.append(Unit(*wrapped[0]))
            wrapped = []
        if repeats or is_byline(line) or (is_headline_like(line) and is_title_case(line)):
            if wrapped:
                units.append(Unit(wrapped[0][0], wrapped[-1][1]))
                wrapped = []
            units.append(Unit(start, end))
        else:
            wrapped.append((start, end))
        previous = key
    if wrapped:
        units.append(Unit(wrapped[0][0], wrapped[-1][1]))
    return units


def content_span(text: str, lines: LineIndex, number: int) -> tuple[int, int] | None:
    """Offsets of a line's text without surrounding white space, or None
    for a blank line."""
    start, end = lines.line_span(number)
    content = text[start:end]
    if not content.strip():
        return None
    return start + len(content) - len(content.lstrip()), start + len(content.rstrip())


def units_from_lines(text: str, lines: LineIndex, first: int, last: int) -> list[Unit]:
    """Paragraph units from lines ``first``..``last`` (1-based, inclusive);
    blank lines separate runs."""
    units: list[Unit] = []
    run: list[tuple[int, int]] = []
    for number in range(first, last + 1):
        span = content_span(text, lines, number)
        if span is None or is_directive_line(text[span[0] : span[1]]):
            if not units:
                units, run = _headline_and_subhead(text, run)
            units += paragraph_units(text, run, _last_text(text, units))
            run = []
        else:
            run.append(span)
    if not units:
        units, run = _headline_and_subhead(text, run)
    return units + paragraph_units(text, run, _last_text(text, units))


def _headline_and_subhead(text: str, run: list[tuple[int, int]]) -> tuple[list[Unit], list[tuple[int, int]]]:
    """The story's first lines when they are a headline that runs onto a
    second line as a subhead ("Harbor vote delayed; " then "Council
    member says ..."): two units, and the lines left of the run."""
    if len(run) < 2:
        return [], run
    first = text[run[0][0] : run[0][1]]
    if not first.rstrip().endswith((";", ":")) or not is_headline_shaped(first):
        return [], run
    return [Unit(*run[0]), Unit(*run[1], kind="subhead")], run[2:]


def _last_text(text: str, units: list[Unit]) -> str:
    return text[units[-1].start : units[-1].end] if units else ""


def _block(text: str, lines: LineIndex, unit: Unit, role: str, index: int, prose: bool) -> Block:
    block = Block(
        role=role,
        text=text[unit.start : unit.end],
        span=lines.span(unit.start, unit.end),
        index=index,
        prose=prose,
    )
    annotate(block, lines)
    if unit.kind == "blockquote" and not block.quotes:  # quoted by its markup, not by quotation marks
        block.quotes = [Quote(block.text, block.span, block.span, block)]
    return block


def annotate(block: Block, lines: LineIndex) -> None:
    """Fill in the sentences and quotations of a block."""
    base = block.span.start
    block.sentences = [
        Sentence(block.text[s:e], lines.span(base + s, base + e), block)
        for s, e in segment.sentences(block.text)
    ]
    block.quotes, block.nested_quotes = [], []
    for q in quotations.find(block.text):
        quote = Quote(
            text=block.text[q.inner_start : q.inner_end].strip(),
            span=lines.span(base + q.start, base + q.end),
            inner=lines.span(base + q.inner_start, base + q.inner_end),
            block=block,
            closed=q.closed,
        )
        (block.nested_quotes if q.depth else block.quotes).append(quote)


def ends_like_prose(text: str) -> bool:
    return bool(_PROSE_END.search(text))


def build_blocks(
    text: str,
    lines: LineIndex,
    units: list[Unit],
    known_headline: str | None = None,
    first_index: int = 0,
    stopped_headline: bool = False,
) -> list[Block]:
    """Assign roles to units and build blocks.

    ``known_headline`` is a headline already given (Markdown front matter);
    a unit repeating it is then a duplicate headline, not a new one.
    ``stopped_headline``: the first line may be a headline that ends in a
    full stop (plain text, where nothing else marks a headline).
    """
    texts = [text[u.start : u.end] for u in units]
    headline_at = _find_headline(units, texts, known_headline, stopped_headline)
    headline_key: str | None = None
    if known_headline:
        headline_key = normalize(known_headline)
    elif headline_at is not None:
        headline_key = normalize(texts[headline_at])

    roles: list[str] = [Role.BODY] * len(units)
    prose = [True] * len(units)
    after_headline = 0
    if headline_at is not None:
        for i in range(headline_at):
            roles[i] = Role.SUMMARY
        roles[headline_at], prose[headline_at] = Role.HEADLINE, False
        after_headline = headline_at + 1
    # Each unit's normalised text, for repeats of the headline; the blocks
    # keep it, since the repetition rules read it too.
    keys = [normalize(t) for t in texts] if headline_key else None
    for i, unit in enumerate(units):
        if i == headline_at:
            continue
        if keys and keys[i] == headline_key:
            roles[i], prose[i] = Role.HEADLINE, False
            if i == after_headline:
                after_headline += 1
        elif unit.kind == "heading":
            roles[i], prose[i] = Role.HEADING, False
        elif unit.kind == "subhead":
            # A headline's second line is display copy in headline style
            # ("Obama pushes positive while rivals see dark side."), whatever
            # its last mark: archives end headlines with a full stop too.
            roles[i], prose[i] = Role.DEK, False
        elif is_byline(texts[i]):
            roles[i] = Role.BYLINE
        elif is_credit(texts[i]):
            roles[i] = Role.CREDIT
        elif is_furniture(texts[i]):
            roles[i], prose[i] = Role.FURNITURE, False
    _mark_database_sections(texts, roles, prose)
    if headline_at is not None and after_headline < len(units):
        _mark_dek(units, texts, roles, prose, after_headline, has_summary=headline_at > 0)

    blocks = [_block(text, lines, unit, roles[i], first_index + i, prose[i]) for i, unit in enumerate(units)]
    if keys:
        for block, key in zip(blocks, keys):
            block.__dict__["normalized"] = key  # Block.normalized, computed here once
    lede = next((block for block in blocks if block.role == Role.BODY), None)
    if lede is not None and lede.index - first_index <= 4:
        end = dateline_end(lede.text)
        if end:
            lede.dateline = lines.span(lede.span.start, lede.span.start + end)
    return blocks


def _mark_database_sections(texts: list[str], roles: list[str], prose: list[bool]) -> None:
    """Copy from a news database marks its parts: ``ABSTRACT.`` before a
    summary of the story, ``FULL TEXT.`` before the story itself. The
    markers are labels (headings), and the paragraphs between them the
    summary."""
    marker = next((i for i, t in enumerate(texts) if roles[i] == Role.BODY and _ABSTRACT.match(t)), None)
    if marker is None:
        return
    roles[marker], prose[marker] = Role.HEADING, False
    full_text = next((i for i in range(marker + 1, len(texts)) if _FULL_TEXT.match(texts[i])), None)
    if full_text is not None:
        roles[full_text], prose[full_text] = Role.HEADING, False
    for i in range(marker + 1, full_text if full_text is not None else min(marker + 2, len(texts))):
        if roles[i] == Role.BODY:
            roles[i] = Role.SUMMARY


def _find_headline(units: list[Unit], texts: list[str], known: str | None, stopped: bool) -> int | None:
    """The unit that is the headline: the first Markdown level-1 heading;
    else the first unit when it looks like a headline (with ``stopped``, one
    that ends in a full stop, as many archives store headlines), or the second
    when the first is a summary line before it (the shape of scraped copy:
    a sentence, then a headline without final punctuation)."""
    if known:
        return None
    for i, unit in enumerate(units):
        if unit.kind == "heading" and unit.level == 1:
            return i
    plain = [i for i, unit in enumerate(units[:2]) if unit.kind == "text" and not is_byline(texts[i])]
    if not plain or plain[0] != 0:
        return None
    second = 1 if plain[1:] == [1] and is_headline_like(texts[1]) else None
    if is_headline_like(texts[0]):
        return 0
    if second is not None and ends_like_prose(texts[0]) and (is_title_case(texts[1]) or not is_headline_shaped(texts[0])):
        return second
    return 0 if stopped and len(units) > 1 and _stopped_headline(texts[0]) else None


def _stopped_headline(text: str) -> bool:
    """A first line ending in punctuation that is a headline, not a lede: in
    title case or capitals, or short (a lede runs longer)."""
    if not is_headline_shaped(text):
        return False
    return is_title_case(text) or text.isupper() or len(text.split()) <= STOPPED_HEADLINE_MAX_WORDS


def _mark_dek(
    units: list[Unit], texts: list[str], roles: list[str], prose: list[bool], at: int, has_summary: bool
) -> None:
    """Mark the unit after the headline as the dek when it is one.

    A dek and a lede look alike; a short single sentence right after the
    headline is taken as the dek only when something else says so: a byline
    follows it, or a paragraph opening with a dateline, the story opens
    with a summary (the shape of scraped copy), or it lacks the final period
    a lede would have.
    """
    if roles[at] != Role.BODY or units[at].kind != "text":
        return
    candidate = texts[at]
    if len(candidate.split()) > DEK_MAX_WORDS or len(segment.sentences(candidate)) != 1:
        return
    byline_next = at + 1 < len(units) and roles[at + 1] == Role.BYLINE
    # A dateline opens a story's first paragraph: a sentence before it is
    # not the lede ("Bloc aims to rely less on U.S. support." then
    # "BRUSSELS - European leaders gathered ...").
    dateline_next = at + 1 < len(units) and roles[at + 1] == Role.BODY and bool(dateline_end(texts[at + 1]))
    unpunctuated = not ends_like_prose(candidate)
    if byline_next or dateline_next or has_summary or unpunctuated:
        roles[at] = Role.DEK
        prose[at] = not unpunctuated
