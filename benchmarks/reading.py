"""``python -m benchmarks.reading [CORPORA] [--show]``: how the document
model reads real published copy.

For each corpus of ``../shared/corpora`` (or the folder given) it prints

- **headlines**: the share of stories whose first line is read as the
  headline (the headline block begins at the first line and holds it);
- **gold quotations** (``polnear-dev`` only): of the gold Content spans that
  begin or end at a quotation mark of any convention, the share that lie
  inside parsed quotations: each quotation mark at an edge of the Content
  is the opening (or closing) mark of a parsed quotation;
- **doubtful quotations**: parsed quotations that hold no quotation mark of
  their own (they do not begin, or closed do not end, at a mark, or begin
  inside a word), that may span narration between two quotes (the opening
  mark is followed, or the closing mark preceded, by white space, or the
  closing mark by a word), or whose mark faces the wrong way; and, counted
  apart, unclosed quotations that end where the next quotation opens
  (paragraphs of one quote merged onto one line).

``--show`` lists where each miss and doubtful quotation is (story id and
offset, never the copy itself), to be read in the story.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

from benchmarks import corpora
from linter.article.document import Document, Quote
from linter.formats import text as plain_text
from linter.article.quotations import CLOSING_GLYPHS, OPENING_GLYPHS, closes_at, family, opens_at

CORPORA = ("polnear-dev", "bbc-dev")


class Reading(NamedTuple):
    corpus: str
    stories: int
    headlines: int
    gold_quotes: int
    gold_inside: int
    quotations: int
    doubtful: list[tuple[str, int, str]]  # story, offset, why
    ended_early: list[tuple[str, int]]  # story, offset
    misses: list[tuple[str, int, str]]

    @property
    def headline_share(self) -> float:
        return self.headlines / self.stories if self.stories else 0.0

    @property
    def quote_share(self) -> float | None:
        return self.gold_inside / self.gold_quotes if self.gold_quotes else None


def parse(story: corpora.Story) -> Document:
    return plain_text.parse(story.path, story.text)


def headline_read(doc: Document) -> bool:
    """Whether the story's first line is read as its headline."""
    first = next((line for line in doc.text.splitlines() if line.strip()), "").strip()
    headline = doc.headline
    return headline is not None and headline.text.startswith(first) and doc.text.lstrip().startswith(headline.text)


def all_quotes(doc: Document) -> list[Quote]:
    """The story's quotations, outermost and nested."""
    return [quote for block in doc.blocks for quote in (*block.quotes, *block.nested_quotes)]


def doubt(doc: Document, quote: Quote) -> str | None:
    """Why a parsed quotation is doubtful, or None. It holds no quotation
    mark of its own when it does not begin (or, closed, end) at a mark, or
    begins inside a word (an apostrophe); it may span the narration between
    two quotes when a mark of it faces white space or a word on the
    quotation's outside ("…," he said. "…" read as one quotation). A mark
    whose glyph faces the wrong way (”word”) is named too."""
    text, start, end = doc.text, quote.span.start, quote.span.end
    width = opens_at(text, start) or closes_at(text, start + 1)
    if not width or (start and text[start - 1].isalnum()):
        return "no opening mark of its own"
    close_width = closes_at(text, end) or opens_at(text, end - 1) if quote.closed else 0
    if quote.closed and not close_width:
        return "no closing mark of its own"
    guillemet = text[start] in "«‹"
    if not guillemet and start + width < end and text[start + width].isspace():
        return "opening mark followed by white space"
    if quote.closed and not guillemet and text[end - close_width - 1].isspace():
        return "closing mark preceded by white space"
    if quote.closed and end < len(text) and text[end].isalnum():
        return "closing mark followed by a word"
    own = family(text[start : start + width])
    for inner in quote.block.nested_quotes:
        if start < inner.span.start < end and family(text[inner.span.start : inner.span.start + (opens_at(text, inner.span.start) or 1)]) == own:
            return "a quotation in its own marks inside it"
    if text[start : start + width] not in OPENING_GLYPHS or (quote.closed and text[end - close_width : end] not in CLOSING_GLYPHS):
        return "a mark facing the wrong way"
    return None


def ended_early(quote: Quote) -> bool:
    """An unclosed quotation that ends before its paragraph does: ended by
    the next quotation's opening mark (paragraphs merged onto one line)."""
    return not quote.closed and quote.span.end < quote.block.span.end


def gold_edges(text: str, content: corpora.Span) -> list[tuple[int, str]]:
    """The quotation marks at the edges of a gold Content: (offset, "open")
    where it begins at an opening mark, (offset, "close") where it ends at a
    closing one (the offset one past the mark). An annotation that cuts a
    two-apostrophe mark in half is read as holding the whole mark; a single
    closing mark with no single opening mark before it in the Content is an
    apostrophe (the voters'), not a quotation mark."""
    start = min(first for first, _ in content.ranges)
    end = max(last for _, last in content.ranges)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    edges = []
    if opens_at(text, start):
        if start and text[start] in "'`" and text[start - 1] == text[start]:
            start -= 1
        edges.append((start, "open"))
    if closes_at(text, end):
        if text[end - 1] == "'" and text[end : end + 1] == "'" and text[end - 2 : end] != "''":
            end += 1
        if closes_at(text, end) == 2 or text[end - 1] not in "'’›" or _single_opener_in(text, start, end - 1):
            edges.append((end, "close"))
    return edges


def _single_opener_in(text: str, start: int, end: int) -> bool:
    """Whether a single mark stands where a quotation opens in text[start:end]."""
    return any(
        text[i] in "‘‹" or (text[i] == "'" and (i == 0 or not text[i - 1].isalnum())) for i in range(start, end)
    )


def gold_inside(edges: list[tuple[int, str]], quotes: list[Quote]) -> bool:
    """Whether each marked edge of a gold Content is the same edge of a
    parsed quotation (outermost or nested)."""
    starts = {q.span.start for q in quotes}
    ends = {q.span.end for q in quotes if q.closed}
    return all((offset in starts) if kind == "open" else (offset in ends) for offset, kind in edges)


def read_corpus(root: Path, corpus: str) -> Reading:
    stories = headlines = gold = inside = parsed = 0
    doubtful: list[tuple[str, int, str]] = []
    ended: list[tuple[str, int]] = []
    misses: list[tuple[str, int, str]] = []
    for story in corpora.stories(root, corpus):
        doc = parse(story)
        stories += 1
        if headline_read(doc):
            headlines += 1
        else:
            misses.append((story.id, 0, "headline"))
        quotes = all_quotes(doc)
        parsed += len(quotes)
        for quote in quotes:
            why = doubt(doc, quote)
            if why:
                doubtful.append((story.id, quote.span.start, why))
            if ended_early(quote):
                ended.append((story.id, quote.span.start))
        for content in _gold_contents(story):
            edges = gold_edges(doc.text, content)
            if not edges:
                continue
            gold += 1
            if gold_inside(edges, quotes):
                inside += 1
            else:
                misses.append((story.id, content.start, "gold quotation"))
    return Reading(corpus, stories, headlines, gold, inside, parsed, doubtful, ended, misses)


def _gold_contents(story: corpora.Story) -> list[corpora.Span]:
    """The gold Content spans of a story (polnear-dev's only)."""
    if story.corpus != "polnear-dev":
        return []
    return [span for span in corpora.annotations(story).spans.values() if span.kind == "Content"]


def readings(root: Path) -> list[Reading]:
    return [read_corpus(root, corpus) for corpus in CORPORA if (root / corpus).is_dir()]


def report(reading: Reading, show: bool) -> str:
    lines = [f"{reading.corpus}: {reading.stories} stories"]
    lines.append(f"  headline read as the headline: {reading.headline_share:.3f} ({reading.headlines}/{reading.stories})")
    if reading.quote_share is not None:
        lines.append(
            f"  gold quotations inside a parsed quotation: {reading.quote_share:.3f} ({reading.gold_inside}/{reading.gold_quotes})"
        )
    lines.append(f"  parsed quotations: {reading.quotations}; doubtful: {len(reading.doubtful)}")
    lines.append(f"  unclosed quotations ended by the next one (paragraphs merged): {len(reading.ended_early)}")
    if show:
        lines += [f"    doubtful {story} @{offset}: {why}" for story, offset, why in reading.doubtful]
        lines += [f"    ended early {story} @{offset}" for story, offset in reading.ended_early]
        lines += [f"    missed {story} @{offset}: {what}" for story, offset, what in reading.misses]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = corpora.command_line("python -m benchmarks.reading", __doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list each miss and doubtful quotation by story and offset")
    args = parser.parse_args(argv)
    root = corpora.root_or_complain(args.root)
    if root is None:
        return 2
    for reading in readings(root):
        print(report(reading, args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
