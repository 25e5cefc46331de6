"""Markdown articles with optional YAML front matter.

Front matter gives the headline (``title`` or ``headline``), the dek
(``dek``, ``description``, ``subtitle``, ``summary``) and the byline
(``byline``, ``author``, ``authors``); each becomes a block whose span is
the value in the front matter, so findings point into it. In the body,
fenced and indented code and HTML comments are skipped, headings and list items are
blocks of their own, and paragraphs are read as in plain text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import regex

from linter.support import patterns
from linter.article.document import ArticleError, Block, Document, LineIndex, Role
from linter.article.layout import Unit, annotate, build_blocks, content_span, ends_like_prose, paragraph_units
from linter.article.markdown_syntax import FENCE, HEADING, SETEXT, closes_fence
from linter.article.suppression import is_directive_line

FRONT_MATTER_FIELDS = {
    Role.HEADLINE: ("title", "headline"),
    Role.DEK: ("dek", "description", "subtitle", "summary"),
    Role.BYLINE: ("byline", "author", "authors"),
}

_ITEM = patterns.compile(r"^\s*(?:[-*+]|\d{1,9}[.)]|>)\s+")
_INDENTED_CODE = patterns.compile(r"^(?: {4}|\t)")
_RULE = patterns.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")


def parse(path: Path, source: str) -> Document:
    lines = LineIndex(source)
    metadata, body_first = _front_matter(source, lines)
    blocks = _front_matter_blocks(source, lines, metadata, body_first)
    title = _first_value(metadata, FRONT_MATTER_FIELDS[Role.HEADLINE])
    units = _body_units(source, lines, body_first, len(lines.starts))
    blocks += build_blocks(source, lines, units, known_headline=title, first_index=len(blocks))
    return Document(path, source, "markdown", lines, blocks, metadata=metadata)


def _front_matter(source: str, lines: LineIndex) -> tuple[dict[str, Any], int]:
    """Parse front matter; return it and the first line of the body."""
    if source[: lines.line_span(1)[1]].strip() != "---":
        return {}, 1
    for number in range(2, len(lines.starts) + 1):
        start, end = lines.line_span(number)
        if source[start:end].strip() in ("---", "..."):
            raw = source[lines.starts[1] : start]
            import yaml  # only for a story with front matter

            from linter.support.yamlloader import BoundedLoader

            try:
                data = yaml.load(raw, Loader=BoundedLoader)  # noqa: S506 - a SafeLoader subclass
            except yaml.YAMLError as error:
                mark = getattr(error, "problem_mark", None)
                line = 2 + mark.line if mark else 1
                raise ArticleError(f"front matter is not valid YAML: {getattr(error, 'problem', error)}", line)
            if data is None:
                return {}, number + 1
            if not isinstance(data, dict):
                raise ArticleError("front matter must be a mapping of fields", 2)
            return data, number + 1
    raise ArticleError("front matter opened with '---' is never closed", 1)


def _first_value(metadata: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = metadata.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if value:
            return str(value)
    return None


def _front_matter_blocks(source: str, lines: LineIndex, metadata: dict[str, Any], body_first: int) -> list[Block]:
    blocks: list[Block] = []
    for role, keys in FRONT_MATTER_FIELDS.items():
        for key in keys:
            if not metadata.get(key):
                continue
            span = _value_span(source, lines, key, body_first)
            if span is None:
                break
            text = source[span[0] : span[1]]
            prose = role != Role.HEADLINE and (role != Role.DEK or ends_like_prose(text))
            block = Block(role, text, lines.span(*span), len(blocks), prose=prose, origin="front-matter")
            annotate(block, lines)
            blocks.append(block)
            break
    return blocks


def _value_span(source: str, lines: LineIndex, key: str, body_first: int) -> tuple[int, int] | None:
    """Offsets of a top-level value in the front matter: a scalar without
    its quotes, the indented lines of a block scalar (``>`` or ``|``), or
    the ``key:`` line itself for a list."""
    pattern = patterns.compile(rf"^{regex.escape(key)}\s*:[ \t]*(.*?)[ \t]*$")
    for number in range(2, body_first - 1):
        start, end = lines.line_span(number)
        match = pattern.match(source[start:end])
        if not match:
            continue
        value_start, value_end = start + match.start(1), start + match.end(1)
        value = match.group(1)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            return value_start + 1, value_end - 1
        if value[:1] in ("|", ">"):
            return _indented_lines(source, lines, number + 1, body_first - 1) or (start, end)
        if not value or value[0] == "[":
            return start, end
        return value_start, value_end
    return None


def _indented_lines(source: str, lines: LineIndex, first: int, stop: int) -> tuple[int, int] | None:
    """The span of the indented (or blank) lines from ``first`` up to
    ``stop``: the content of a YAML block scalar."""
    span: tuple[int, int] | None = None
    for number in range(first, stop):
        start, end = lines.line_span(number)
        line = source[start:end]
        if line.strip() and not line[:1].isspace():
            break
        content = content_span(source, lines, number)
        if content:
            span = (span[0] if span else content[0], content[1])
    return span


def _body_units(source: str, lines: LineIndex, first: int, last: int) -> list[Unit]:
    units: list[Unit] = []
    run: list[tuple[int, int]] = []
    fence: str | None = None
    in_comment = False
    in_list = False  # the last line of text was an item or an indented line under one

    def flush() -> None:
        units.extend(paragraph_units(source, run))
        run.clear()

    for number in range(first, last + 1):
        start, end = lines.line_span(number)
        raw = source[start:end]
        if fence:
            if closes_fence(raw, fence):
                fence = None
            continue
        if in_comment:
            in_comment = "-->" not in raw
            continue
        fence_match = FENCE.match(raw)
        if fence_match:
            flush()
            fence = fence_match.group(1)
            continue
        if raw.lstrip().startswith("<!--"):
            flush()
            in_comment = "-->" not in raw
            continue
        span = content_span(source, lines, number)
        # an underline under a one-line paragraph makes it a heading, not a rule
        underline = span is not None and SETEXT.match(raw) and len(run) == 1
        if span is None or (_RULE.match(raw) and not underline) or is_directive_line(raw):
            flush()
            continue
        if not run and not in_list and _INDENTED_CODE.match(raw):
            continue  # indented code: it cannot interrupt a paragraph, and in a list it is the item's text
        in_list = bool(_ITEM.match(raw)) or (in_list and raw[:1] in (" ", "\t"))
        heading = HEADING.match(raw)
        if heading:
            flush()
            units.append(Unit(start + heading.start(2), start + heading.end(2), "heading", len(heading.group(1))))
            continue
        if SETEXT.match(raw) and len(run) == 1:
            level = 1 if raw.strip()[0] == "=" else 2
            units.append(Unit(run[0][0], run[0][1], "heading", level))
            run.clear()
            continue
        item = _ITEM.match(raw)
        if item:
            flush()
            if start + item.end() < span[1]:  # an empty item ("- ") holds nothing
                # A block quotation's line ("> ...") is quoted by its markup.
                kind = "blockquote" if item.group().strip() == ">" else "item"
                units.append(Unit(start + item.end(), span[1], kind))
            continue
        run.append(span)
    flush()
    return units
