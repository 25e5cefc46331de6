"""The document model: an article parsed once, with exact source spans.

Every check reads this model; none re-parses the source. Offsets count
characters of the decoded text (not bytes); lines and columns are 1-based and
an end column points one past the last character, as in SARIF and LSP.
"""

from __future__ import annotations

import bisect
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Hashable, Iterable, Iterator, NamedTuple

from linter.support import patterns, similarity
from linter.support.textnorm import normalize

_NEWLINE = patterns.compile(r"\r\n|\r|\n")


MARKUP = "markup:"  # a scope of blocks selected by their markup (see linter.article.markup_scopes)


class Role:
    """What a block is in the story. Roles are plain strings so that rule
    files can name them as scopes."""

    SUMMARY = "summary"
    HEADLINE = "headline"
    DEK = "dek"
    BYLINE = "byline"
    CREDIT = "credit"
    BODY = "body"
    HEADING = "heading"
    # Lines around the copy that are not part of it: photo credits,
    # "Advertisement", editor's notes, "Follow ... on Twitter".
    FURNITURE = "furniture"

    ALL = (SUMMARY, HEADLINE, DEK, BYLINE, CREDIT, BODY, HEADING, FURNITURE)


class Span(NamedTuple):
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


class LineIndex:
    """Maps character offsets to 1-based (line, column) positions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self.starts, offset) - 1
        return row + 1, offset - self.starts[row] + 1

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(start, end, line, column, end_line, end_column)

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end offsets of a 1-based line, without its line break."""
        start = self.starts[line - 1]
        stop = self.starts[line] if line < len(self.starts) else len(self.text)
        text = self.text[start:stop]
        return start, start + len(text.rstrip("\r\n"))


class Sentence(NamedTuple):
    text: str
    span: Span
    block: "Block"

    def __repr__(self) -> str:  # without the block, which lists its sentences
        return f"Sentence(text={self.text!r}, span={self.span!r})"


class Quote(NamedTuple):
    """A direct quotation: ``span`` covers the marks, ``inner`` the words."""

    text: str
    span: Span
    inner: Span
    block: "Block"
    closed: bool = True

    def __repr__(self) -> str:  # without the block, which lists its quotes
        return f"Quote(text={self.text!r}, span={self.span!r}, inner={self.inner!r}, closed={self.closed!r})"

    @property
    def words(self) -> int:
        return len(self.text.split())


class Block:
    """A unit of the story: headline, dek, byline, paragraph and so on.

    ``prose`` is true when the block is written in sentences (body style)
    rather than as a title-case headline line. (The document model's
    classes are plain classes, not dataclasses, which cost a third of a
    millisecond each to create when a run starts.)
    """

    def __init__(
        self,
        role: str,
        text: str,
        span: Span,
        index: int,
        prose: bool = True,
        origin: str = "body",  # or "front-matter"
        sentences: list[Sentence] | None = None,
        quotes: list[Quote] | None = None,
    ) -> None:
        self.role, self.text, self.span, self.index = role, text, span, index
        self.prose, self.origin = prose, origin
        self.sentences: list[Sentence] = sentences if sentences is not None else []
        self.quotes: list[Quote] = quotes if quotes is not None else []
        # Quotations inside those (“He told me ‘no’”), for readers of the
        # model; the checks read the outermost ones.
        self.nested_quotes: list[Quote] = []
        # The dateline that opens the story's first paragraph ("SEOUL —").
        self.dateline: Span | None = None

    def __repr__(self) -> str:
        return f"Block(role={self.role!r}, text={self.text!r}, span={self.span!r}, index={self.index!r})"

    @cached_property
    def unquoted(self) -> str:
        """The text with its quotations blanked out (offsets kept), for
        rules that must not read quoted speech."""
        if not self.quotes:
            return self.text
        chars = list(self.text)
        for quote in self.quotes:
            for offset in range(quote.span.start - self.span.start, quote.span.end - self.span.start):
                chars[offset] = " "
        return "".join(chars)

    @cached_property
    def folded(self) -> str:
        """The text case-folded, for quick tests of whether a word occurs."""
        return self.text.casefold()

    @cached_property
    def normalized(self) -> str:
        """The text with case, quote style and white space folded."""
        return normalize(self.text)

    def shingles(self, size: int) -> frozenset[int]:
        """Hashes of the block's runs of ``size`` words (computed once)."""
        cache = self.__dict__.setdefault("_shingles", {})
        if size not in cache:
            cache[size] = similarity.shingles(self.normalized, size, normalized=True)
        return cache[size]

    def quote_at(self, offset: int) -> Quote | None:
        for quote in self.quotes:
            if quote.span.start <= offset < quote.span.end:
                return quote
        return None


class Document:
    def __init__(
        self, path: Path, text: str, format: str, lines: LineIndex, blocks: list[Block], metadata: dict[str, Any] | None = None
    ) -> None:
        self.path, self.text, self.format, self.lines, self.blocks = path, text, format, lines, blocks
        self.metadata: dict[str, Any] = metadata if metadata is not None else {}
        # Per-document results shared between checks (e.g. name mentions), so
        # that two rules built on one analysis compute it once.
        self.cache: dict[Hashable, Any] = {}

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, format={self.format!r}, blocks={len(self.blocks)})"

    def blocks_in(self, roles: Iterable[str]) -> Iterator[Block]:
        wanted = set(roles)
        selectors = [r.removeprefix(MARKUP) for r in wanted if r.startswith(MARKUP)]
        if selectors:
            from linter.article.markup_scopes import selects

            return (b for b in self.blocks if b.role in wanted or any(selects(self.markup_kinds(b), s) for s in selectors))
        return (b for b in self.blocks if b.role in wanted)

    def markup_kinds(self, block: Block) -> frozenset[str]:
        """What the markup makes of a block (see linter.article.markup_scopes)."""
        key = ("markup-kinds", block.index)
        if key not in self.cache:
            from linter.article.markup_scopes import kinds

            number = block.span.line
            start, end = self.lines.line_span(number)
            below = self.text[slice(*self.lines.line_span(number + 1))] if number < len(self.lines.starts) else None
            markdown_body = self.format == "markdown" and block.origin == "body"
            heading_role = block.role in ("heading", "headline")
            self.cache[key] = kinds(markdown_body, heading_role, self.text[start:end], self.text[start : block.span.start], below)
        return self.cache[key]

    @property
    def headline(self) -> Block | None:
        return next(self.blocks_in([Role.HEADLINE]), None)

    def span(self, start: int, end: int) -> Span:
        return self.lines.span(start, end)

    @cached_property
    def folded(self) -> str:
        """The whole text case-folded, for quick tests of whether a word occurs."""
        return self.text.casefold()

    def analysis(self, key: Hashable, compute: Callable[["Document"], Any]) -> Any:
        """Memoise a per-document analysis shared by several checks."""
        if key not in self.cache:
            self.cache[key] = compute(self)
        return self.cache[key]


class ArticleError(Exception):
    """An article that cannot be read as a story (bad front matter, say)."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
