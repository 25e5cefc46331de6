"""Scopes by markup: which blocks the markup writes as headings (and of
what level), blockquotes or list items, as Vale's scopes name them.

A rule's scope may hold, besides block roles, ``markup:SELECTOR``: the
blocks SELECTOR selects. A selector is one of ``heading``,
``heading.h1`` … ``heading.h6``, ``blockquote``, ``list``, ``paragraph``
(text in none of those) and ``text`` (all), each perhaps negated with
``~``, joined with ``&``: ``~blockquote & ~heading``; or, alone, one that
reads parts of a Markdown block: ``table``, ``table.header``,
``table.cell``, ``alt`` (an image's alt text) or ``link`` (a link's text)
(see ``parts``). Plain text has no
markup: its blocks are all ``paragraph``. In HTML, ``<h1>`` … ``<h6>`` are
headings of their level, an ``<li>`` a list item, and what stands in a
``<blockquote>`` a blockquote; the rest is ``paragraph``. A headline read from plain lines
is not a heading; one written with ``#`` is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linter.support import patterns

if TYPE_CHECKING:
    import regex

PREFIX = "markup:"
TERMS = ("heading", "blockquote", "list", "paragraph", "text", *(f"heading.h{n}" for n in range(1, 7)))
# scopes of parts of a Markdown block, read alone (not negated, not joined)
INLINE = ("table", "table.header", "table.cell", "alt", "link")
# compiled on first use, not on every run's start
_SHAPES = {
    "pipe_row": r"^\s*\|?[^|\n]*(?:\|[^|\n]*)+$",
    "delimiter_row": r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$",
    "cell": r"(?:\\.|`[^`\n]*`|[^|\\`\n])+",
    # an image's alt text, and a link's text (inline or by reference; not an image's)
    "alt": r"!\[([^\[\]\n]*)\](?=\(|\[)",
    "link": r"(?<![!\\])\[((?:[^\[\]\n]|!\[[^\[\]\n]*\]\([^()\s]*\))+)\](?=\(|\[)",
}


def _shape(name: str) -> "regex.Pattern[str]":
    return patterns.compile(_SHAPES[name])


_ATX = patterns.compile(r"^ {0,3}(#{1,6})(?:\s|$)")
_UNDERLINE = patterns.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_QUOTE = patterns.compile(r"^ {0,3}>")
_ITEM = patterns.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s")


def supported(selector: str) -> bool:
    """Whether every term of the selector is one this module reads (a
    part's, alone)."""
    return selector.strip() in INLINE or all(term.strip().lstrip("~") in TERMS for term in selector.split("&"))


def inline(selector: str) -> bool:
    """Whether the selector reads parts of blocks (table cells, alt or link
    text) rather than whole blocks."""
    return selector.strip() in INLINE


def parts(text: str, selector: str) -> list[tuple[int, int]]:
    """The (start, end) offsets in a Markdown block's ``text`` of what an
    inline selector reads: a pipe table's cells (``table.header``: its
    first row's, ``table.cell``: the others', ``table``: all), an image's
    alt text, a link's text. Cells are trimmed; empty ones are left out."""
    selector = selector.strip()
    if selector == "alt":
        return [match.span(1) for match in _shape("alt").finditer(text) if match.group(1).strip()]
    if selector == "link":
        return [match.span(1) for match in _shape("link").finditer(text)]
    return _cells(text, selector)


def _cells(text: str, selector: str) -> list[tuple[int, int]]:
    rows: list[tuple[int, str]] = []
    at = 0
    for line in text.split("\n"):
        rows.append((at, line))
        at += len(line) + 1
    if len(rows) < 2 or not _shape("pipe_row").match(rows[0][1]) or not _shape("delimiter_row").match(rows[1][1]) or "|" not in rows[1][1]:
        return []
    wanted = {"table.header": rows[:1], "table.cell": rows[2:], "table": [rows[0], *rows[2:]]}[selector]
    found = []
    for start, line in wanted:
        for cell in _shape("cell").finditer(line):
            content = cell.group()
            if content.strip():
                begin = cell.start() + len(content) - len(content.lstrip())
                found.append((start + begin, start + cell.start() + len(content.rstrip())))
    return found


def selects(kinds: frozenset[str], selector: str) -> bool:
    """Whether a block the markup makes ``kinds`` of is one ``selector`` selects."""
    for term in (t.strip() for t in selector.split("&")):
        wanted = term.lstrip("~")
        if (wanted in kinds) == term.startswith("~"):
            return False
    return True


def kinds(
    markdown_body: bool,
    heading_role: bool,
    line: str,
    prefix: str,
    below: str | None,
    html_body: bool = False,
    html_tag: tuple[str, bool, bool] | None = None,
) -> frozenset[str]:
    """What the markup makes of a block: {"text", "heading", "heading.h2"},
    {"text", "blockquote"}, {"text", "paragraph"} … ``markdown_body``:
    whether the block is of a Markdown story's body (other blocks have no
    markup); ``line``: the line the block starts on; ``prefix``: that line
    before the block; ``below``: the next line, if any; ``heading_role``:
    whether the block was read as a heading or headline; ``html_body``:
    whether it is of an HTML story's body; ``html_tag``: there, the tag
    the block was read from and whether it stands in a ``<blockquote>`` and
    in an ``<li>``, when the reader kept them: an ``<h2>`` is a heading of
    level 2, an ``<li>`` (or a ``<p>`` in one) a list item."""
    if html_body:
        return frozenset({"text", *_html(heading_role, html_tag)})
    return frozenset({"text", *_markup(markdown_body, heading_role, line, prefix, below)})


def _html(heading_role: bool, html_tag: tuple[str, bool, bool] | None) -> tuple[str, ...]:
    tag, quoted, listed = html_tag or ("", False, False)
    level = (f"heading.{tag}",) if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456" else ()
    if heading_role or level:
        return ("heading", *level)
    found = (*(("blockquote",) if quoted else ()), *(("list",) if tag == "li" or listed else ()))
    return found or ("paragraph",)


def _markup(markdown_body: bool, heading_role: bool, line: str, prefix: str, below: str | None) -> tuple[str, ...]:
    if not markdown_body:
        return ("paragraph",)
    atx = _ATX.match(line)
    if atx:
        return ("heading", f"heading.h{len(atx.group(1))}")
    if below is not None:
        underline = _UNDERLINE.match(below)
        if underline and heading_role:
            return ("heading", "heading.h1" if underline.group(1)[0] == "=" else "heading.h2")
    if _QUOTE.match(prefix):
        return ("blockquote",)
    if _ITEM.match(prefix):
        return ("list",)
    return ("paragraph",)
