"""Stories whose text is not the file's text: HTML (tags dropped, entities
decoded, white space folded) and the records of an archive (JSON strings
unescaped).

Such a format renders the story as plain text, one block a paragraph, and
keeps a map from each character of that text back to where it came from in
the file. Checks read the rendered text like any other story; the engine
then moves every finding to the file's own line and column
(``MappedDocument.to_source``), so that editors and CI point at the right
place in the HTML or the archive.

A finding's fix is dropped on the way: an edit of the rendered text is not
an edit of the file (removing a paragraph's words would leave its tags), so
these formats are not rewritten by ``--fix``.
"""

from __future__ import annotations

import bisect
from typing import Iterable, NamedTuple

from linter.article.document import Document, LineIndex, Span
from linter.results.findings import Finding
from linter.article.suppression import Suppressions

class Piece(NamedTuple):
    """``length`` characters of rendered text at ``at`` that came from
    ``source_length`` characters of the file at ``source``: the same
    characters when the lengths agree, else one decoded unit (an entity,
    an escape, a run of white space folded to one space)."""

    at: int
    length: int
    source: int
    source_length: int


class Rendering:
    """Rendered text built piece by piece, with the map back to the file."""

    def __init__(self, first_line: int = 1) -> None:
        self.parts: list[str] = []
        self.pieces: list[Piece] = []
        self.length = 0
        self.line = first_line  # the line the text ends on (see LinesFrom)

    def add(self, text: str, source: int, source_length: int) -> None:
        """Append ``text``, which came from ``source_length`` characters of
        the file at ``source`` (the same characters when the lengths agree)."""
        if not text:
            return
        self.parts.append(text)
        self.pieces.append(Piece(self.length, len(text), source, source_length))
        self.length += len(text)
        self.line += text.count("\n")

    def move_to(self, line: int) -> None:
        """Start the next block on ``line`` (its line in the file) where the
        text so far allows, else on the line the text ends on, after two
        spaces: so that line numbers a check writes into its message (\"it
        first appears on line 3\") are the file's. The padding is mapped to
        no character of the file."""
        padding = "\n" * (line - self.line) if line > self.line else "  " if self.parts else ""
        self.parts.append(padding)
        self.length += len(padding)
        self.line += padding.count("\n")

    @property
    def text(self) -> str:
        return "".join(self.parts)


class LinesFrom(LineIndex):
    """The lines of a text that stands from line ``first`` of its file on
    (a record of an archive): the lines before it are empty, so that line
    numbers are the file's without a line break for each."""

    def __init__(self, text: str, first: int) -> None:
        super().__init__(text)
        self.starts = [0] * (first - 1) + self.starts


class SourceMap:
    """From offsets of the rendered text to spans of the file's text."""

    def __init__(self, source: str, pieces: list[Piece] | None = None) -> None:
        self.source = source
        self.lines = LineIndex(source)
        self.pieces = pieces or []
        self.starts = [piece.at for piece in self.pieces]

    def using(self, pieces: list[Piece]) -> "SourceMap":
        """This file's map for a rendering made of ``pieces``."""
        mapped = SourceMap.__new__(SourceMap)
        mapped.source, mapped.lines, mapped.pieces = self.source, self.lines, pieces
        mapped.starts = [piece.at for piece in pieces]
        return mapped

    def _piece(self, offset: int) -> Piece | None:
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.pieces[index] if index >= 0 else None

    def start(self, offset: int) -> int:
        """Where in the file the character at ``offset`` begins."""
        piece = self._piece(offset)
        if piece is None:
            return self.pieces[0].source if self.pieces else 0
        inside = offset - piece.at
        if inside >= piece.length:  # a separator after the piece: where the piece ends
            return piece.source + piece.source_length
        return piece.source + (inside if piece.length == piece.source_length else 0)

    def end(self, offset: int) -> int:
        """Where in the file the character before ``offset`` ends."""
        if offset <= 0:
            return self.start(0)
        piece = self._piece(offset - 1)
        if piece is None:
            return self.start(0)
        inside = offset - piece.at
        if inside >= piece.length or piece.length != piece.source_length:
            return piece.source + piece.source_length
        return piece.source + inside

    def span(self, span: Span) -> Span:
        start = self.start(span.start)
        return self.lines.span(start, max(start, self.end(span.end)) if span.end > span.start else start)


class MappedDocument(Document):
    """A story rendered from a file of another shape, with its source map."""

    source_map: SourceMap
    record = 0  # in an archive: the line its record starts on (each record is a story of its own)

    # The file's own suppression comments (an HTML comment is not in the
    # rendered text, so the engine's reading of that finds none); None: none read.
    source_suppressions: Suppressions | None = None

    def to_source(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings at their places in the file, without their fixes
        (see the module's docstring), less those the file's suppression
        comments silence."""
        moved = [f._replace(span=self.source_map.span(f.span), fix=None) for f in findings]
        inline = self.source_suppressions
        return [f for f in moved if not (inline and inline.silences(f.rule, f.span.line))]

    def collected_to_source(self, item: object) -> object:
        """What a rule across files collected from this story (a place, a
        list of places: tuples with a ``span`` field, or a collection that
        moves its own spans with ``map_spans``), at the file's places."""
        if isinstance(item, list):
            return [self.collected_to_source(part) for part in item]
        map_spans = getattr(item, "map_spans", None)
        if map_spans is not None:
            return map_spans(self.source_map.span)
        span = getattr(item, "span", None)
        if isinstance(item, tuple) and isinstance(span, Span):
            return item._replace(span=self.source_map.span(span))  # type: ignore[attr-defined]
        return item
