"""Plain-text articles: one paragraph per line, or blank-line separated."""

from __future__ import annotations

from pathlib import Path

from linter.article.document import Document, LineIndex
from linter.article.layout import build_blocks, units_from_lines


def parse(path: Path, source: str) -> Document:
    lines = LineIndex(source)
    units = units_from_lines(source, lines, 1, len(lines.starts))
    return Document(path, source, "text", lines, build_blocks(source, lines, units, stopped_headline=True))
