"""Archives of many stories: JSON Lines (``.jsonl``, ``.ndjson``: one story
a line) and JSON (``.json``: an array of stories).

Each record is an object whose fields give the headline, the body, the
byline, the dek and an id (which fields: the config's ``archive_fields``).
A record is rendered as a story (headline, dek, byline, then the body's
paragraphs: its lines, or its blank-line separated runs) with a map back to the file
(``linter.formats.mapped``), so a finding reports the file, the line of the
record and the column of the place in the field's string, escapes counted
as written. Every record is a story of its own, also for the rules across
files. A record that cannot be read (invalid JSON, not an object, no body)
is an ``ArticleError`` at its line, and the other records are linted.

A ``.json`` file whose top level is not an array (a package manifest, say),
or whose objects hold no body at all (a data file), is not an archive and
gives no story.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator, Sequence

from linter.support import patterns
from linter.article.document import ArticleError, Block, Role
from linter.article.layout import Unit, annotate, build_blocks, ends_like_prose
from linter.formats.mapped import LinesFrom, MappedDocument, Rendering, SourceMap

DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "headline": ("headline", "title"),
    "body": ("body", "text", "content"),
    "byline": ("byline", "author"),
    "dek": ("dek", "description", "subtitle", "summary"),
    "id": ("id", "url"),
}
_ESCAPE = patterns.compile(r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[0-9a-fA-F]{4}|u[0-9a-fA-F]{4}|.)")
_SPACE = " \t\n\r"


class Field:
    """A top-level string of a record: its value and where its characters
    (between the quotes) stand in the file."""

    def __init__(self, value: str, start: int, end: int) -> None:
        self.value, self.start, self.end = value, start, end


def parse(path: Path, source: str, fields: dict[str, Sequence[str]] | None = None) -> Iterator[MappedDocument | ArticleError]:
    """The records of an archive, as stories or as the error that keeps one
    from being read."""
    fields = {**DEFAULT_FIELDS, **(fields or {})}
    source_map = SourceMap(source)
    if path.suffix.lower() == ".json":
        records = list(_array_records(source, source_map))
        if not any(isinstance(item, ArticleError) or _field(item[1], fields["body"]) for item in records):
            return  # an array of other things (data, settings): not an archive of stories
    else:
        records = _line_records(source, source_map)
    for item in records:
        if isinstance(item, ArticleError):
            yield item
            continue
        line, record = item
        try:
            yield _story(path, source_map, line, record, fields)
        except ArticleError as error:
            yield error


def _line_records(source: str, source_map: SourceMap) -> Iterator[tuple[int, dict[str, Any]] | ArticleError]:
    import json  # only when an archive is read

    lines = source_map.lines
    for number in range(1, len(lines.starts) + 1):
        start, end = lines.line_span(number)
        if not source[start:end].strip():
            continue
        try:
            record, after = _object(source, _skip(source, start), json)
            if source[after:end].strip():
                raise ValueError("text after the record")
        except ValueError as error:
            yield ArticleError(f"record on line {number} is not valid JSON: {_reason(error, source_map)}", number)
            continue
        yield number, record


def _array_records(source: str, source_map: SourceMap) -> Iterator[tuple[int, dict[str, Any]] | ArticleError]:
    import json  # only when an archive is read

    at = _skip(source, 1 if source.startswith("\ufeff") else 0)
    if source[at : at + 1] != "[":
        return  # not an archive
    at = _skip(source, at + 1)
    while at < len(source) and source[at] != "]":
        line = source_map.lines.position(at)[0]
        try:
            if source[at] == "{":
                record, at = _object(source, at, json)
                yield line, record
            else:
                _, at = json.JSONDecoder().raw_decode(source, at)
                yield ArticleError(f"record on line {line} is not an object", line)
        except ValueError as error:
            # Where an array breaks, where the next record starts cannot be told.
            yield ArticleError(f"record on line {line} is not valid JSON (the records after it are not read): {_reason(error, source_map)}", line)
            return
        at = _skip(source, at)
        if source[at : at + 1] == ",":
            at = _skip(source, at + 1)


def _skip(source: str, at: int) -> int:
    while at < len(source) and source[at] in _SPACE:
        at += 1
    return at


def _object(source: str, at: int, json: Any) -> tuple[dict[str, Any], int]:
    """The object at ``at`` (top-level strings as Fields, other values
    decoded) and the offset after it; ValueError when it is not one."""
    if source[at : at + 1] != "{":
        raise ValueError("a record is an object, in braces")
    decoder = json.JSONDecoder()
    record: dict[str, Any] = {}
    at = _skip(source, at + 1)
    if source[at : at + 1] == "}":
        return record, at + 1
    while True:
        if source[at : at + 1] != '"':
            raise ValueError("expected a field name in double quotes")
        key, at = json.decoder.scanstring(source, at + 1)
        at = _skip(source, at)
        if source[at : at + 1] != ":":
            raise ValueError(f"expected ':' after \"{key}\"")
        at = _skip(source, at + 1)
        if source[at : at + 1] == '"':
            value, end = json.decoder.scanstring(source, at + 1)
            record[key] = Field(value, at + 1, end - 1)
            at = end
        else:
            record[key], at = decoder.raw_decode(source, at)
        at = _skip(source, at)
        if source[at : at + 1] == "}":
            return record, at + 1
        if source[at : at + 1] != ",":
            raise ValueError(f"expected ',' or '}}' after \"{key}\"")
        at = _skip(source, at + 1)


def _reason(error: ValueError, source_map: SourceMap) -> str:
    """What is wrong, and where (a JSONDecodeError knows its offset)."""
    position = getattr(error, "pos", None)
    if position is None:
        return str(error)
    line, column = source_map.lines.position(position)
    return f"{error.msg.removesuffix(' at')} at line {line}, column {column}"  # type: ignore[attr-defined]


def _field(record: dict[str, Any], names: Sequence[str]) -> Field | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, Field) and value.value.strip():
            return value
    return None


def _pieces(source: str, field: Field) -> list[tuple[str, int, int]]:
    """The field's decoded characters as pieces mapped to the file: runs
    as written, and each escape decoded."""
    import json  # only when an archive is read

    raw, start = source[field.start : field.end], field.start
    pieces: list[tuple[str, int, int]] = []
    position = 0
    for match in _ESCAPE.finditer(raw):
        if match.start() > position:
            pieces.append((raw[position : match.start()], start + position, match.start() - position))
        pieces.append((json.loads(f'"{match.group()}"'), start + match.start(), len(match.group())))
        position = match.end()
    if position < len(raw):
        pieces.append((raw[position:], start + position, len(raw) - position))
    return pieces


def _story(path: Path, source_map: SourceMap, line: int, record: dict[str, Any], fields: dict[str, Sequence[str]]) -> MappedDocument:
    body = _field(record, fields["body"])
    if body is None:
        raise ArticleError(f"record on line {line} has no body (a string in a field named {' or '.join(fields['body'])})", line)
    headline = _field(record, fields["headline"])
    rendering = Rendering(first_line=line)
    front: list[tuple[str, tuple[int, int]]] = []
    parts = ((Role.HEADLINE, headline), (Role.DEK, _field(record, fields["dek"])), (Role.BYLINE, _field(record, fields["byline"])))
    for role, field in parts:
        if field is not None:
            rendering.move_to(source_map.lines.position(field.start)[0])
            front.append((role, _add(rendering, _pieces(source_map.source, field))))
    rendering.move_to(source_map.lines.position(body.start)[0])
    paragraphs = _paragraphs(rendering, _pieces(source_map.source, body))
    text = rendering.text
    lines = LinesFrom(text, line)
    blocks: list[Block] = []
    for role, (start, end) in front:
        prose = role == Role.BYLINE or (role == Role.DEK and ends_like_prose(text[start:end]))
        block = Block(role, text[start:end], lines.span(start, end), len(blocks), prose=prose, origin="front-matter")
        annotate(block, lines)
        blocks.append(block)
    units = [Unit(start, end) for start, end in paragraphs]
    blocks += build_blocks(text, lines, units, known_headline=headline.value if headline else None, first_index=len(blocks))
    identity = _field(record, fields["id"])
    doc = MappedDocument(path, text, "archive", lines, blocks, metadata={"id": identity.value if identity else None})
    doc.source_map = source_map.using(rendering.pieces)
    doc.record = line
    return doc


def _add(rendering: Rendering, pieces: list[tuple[str, int, int]]) -> tuple[int, int]:
    """Add a one-line field (its escaped line breaks as spaces); its span."""
    start = rendering.length
    for text, at, length in pieces:
        rendering.add(" " if text in ("\n", "\r", "\t") else text, at, length)
    return start, rendering.length


def _paragraphs(rendering: Rendering, pieces: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
    """Add the body's paragraphs (cut at its line breaks, which a JSON
    string holds as escapes) and return their spans. A break is rendered as
    two spaces, not a new line: the paragraphs stand on the record's line,
    so that line numbers in messages are the file's."""
    spans: list[tuple[int, int]] = []
    start = rendering.length
    for text, at, length in pieces:
        if text in ("\n", "\r"):
            spans.append((start, rendering.length))
            rendering.add("  ", at, length)
            start = rendering.length
        else:
            rendering.add(text, at, length)
    spans.append((start, rendering.length))
    text = rendering.text
    return [trimmed for trimmed in (_trimmed(text, span) for span in spans) if trimmed[1] > trimmed[0]]


def _trimmed(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
