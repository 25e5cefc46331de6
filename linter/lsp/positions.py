"""Positions: copydesk's character offsets and LSP's (line, code unit)
positions in the negotiated encoding (UTF-16 unless the client offers
another)."""

from __future__ import annotations

from linter.article.document import LineIndex


def code_units(text: str, encoding: str = "utf-16") -> int:
    """How many code units of ``encoding`` (an LSP position encoding) the
    text takes."""
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def to_position(lines: LineIndex, offset: int, encoding: str = "utf-16") -> tuple[int, int]:
    """The LSP (line, character) of a character offset."""
    offset = max(0, min(offset, len(lines.text)))
    line, column = lines.position(offset)
    start = lines.starts[line - 1]
    return line - 1, code_units(lines.text[start : start + column - 1], encoding)


def to_offset(lines: LineIndex, line: int, character: int, encoding: str = "utf-16") -> int:
    """The character offset of an LSP position, clamped into the text (a
    column past the end of a line means its end, as the protocol says)."""
    if line < 0:
        return 0
    if line >= len(lines.starts):
        return len(lines.text)
    start, end = lines.line_span(line + 1)
    units = 0
    offset = start
    while offset < end and units < character:
        units += code_units(lines.text[offset], encoding)
        offset += 1
    return offset
