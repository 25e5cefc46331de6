"""The document model: an article parsed once, with exact source spans.

Every check reads this model; none re-parses the source. Offsets count
characters of the decoded text (not bytes); lines and columns are 1-based and
an end column points one past the last character, as in SARIF and LSP.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Hashable, Iterable, Iterator, NamedTuple

from linter.article import suppression
from linter.article.lines import LineIndex, Span
from linter.support import similarity
from linter.support.textnorm import normalize

__all__ = ["ArticleError", "Block", "Document", "LineIndex", "Quote", "Role", "Sentence", "Span"]


MARKUP = "markup:"  # a scope of blocks selected by their markup (see linter.article.markup_scopes)
# the key of Document.metadata under which a format that renders its markup
# away (HTML) keeps the document offsets of inline parts, by scope: {"link": [(start, end)]}
PARTS = "markup-parts"
# and the tag each block was read from, with whether it stands in a <blockquote> and in an <li>: [("h2", False, False)]
BLOCK_TAGS = "block-tags"


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
            from linter.article.markup_scopes import inline, selects

            whole = [s for s in selectors if not inline(s)]
            parts = [s for s in selectors if inline(s)]
            chosen = (b for b in self.blocks if b.role in wanted or any(selects(self.markup_kinds(b), s) for s in whole))
            return self._with_parts(chosen, parts) if parts else chosen
        return (b for b in self.blocks if b.role in wanted)

    def _with_parts(self, chosen: Iterator[Block], selectors: list[str]) -> Iterator[Block]:
        """The blocks ``chosen``, then the parts of Markdown blocks the inline
        selectors read (see linter.article.markup_scopes.parts), each a block
        of its own over its span. A part keeps its block's index, so what is
        known of the block's words (linter.core.prefilter) holds of it too."""
        from linter.article.markup_scopes import parts

        yield from chosen
        for block in self.blocks:
            if block.origin != "body":
                continue
            for selector in selectors:
                for begin, end in self.parts_of(block, selector, parts):
                    span = self.span(block.span.start + begin, block.span.start + end)
                    yield Block(block.role, block.text[begin:end], span, block.index, block.prose, block.origin)

    def parts_of(self, block: Block, selector: str, markdown_parts: Callable[[str, str], list[tuple[int, int]]]) -> list[tuple[int, int]]:
        """The offsets in ``block``'s text of the parts an inline selector
        reads: read from a Markdown block's text, or kept by the format
        (``PARTS``) for one that renders its markup away."""
        if self.format == "markdown":
            return markdown_parts(block.text, selector)
        start, end = block.span.start, block.span.end
        kept = self.metadata.get(PARTS, {}).get(selector.strip(), ())
        return [(s - start, e - start) for s, e in kept if start <= s and e <= end]

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
            html_body = self.format == "html" and block.origin == "body"
            line, prefix = self.text[start:end], self.text[start : block.span.start]
            tags = self.metadata.get(BLOCK_TAGS)
            html_tag = tags[block.index] if html_body and tags and block.index < len(tags) else None
            self.cache[key] = kinds(markdown_body, heading_role, line, prefix, below, html_body, html_tag)
        return self.cache[key]

    @cached_property
    def suppressions(self) -> suppression.Suppressions:
        """The story's suppression comments, read once (a format may set
        them as it reads the file)."""
        return suppression.parse(self.text, self.lines)

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
