"""Scopes by markup: which blocks the markup writes as headings (and of
what level), blockquotes or list items, as Vale's scopes name them.

A rule's scope may hold, besides block roles, ``markup:SELECTOR``: the
blocks SELECTOR selects. A selector is one of ``heading``,
``heading.h1`` … ``heading.h6``, ``blockquote``, ``list``, ``paragraph``
(text in none of those) and ``text`` (all), each perhaps negated with
``~``, joined with ``&``: ``~blockquote & ~heading``. Plain text has no
markup: its blocks are all ``paragraph``. A headline read from plain lines
is not a heading; one written with ``#`` is.
"""

from __future__ import annotations

from linter.support import patterns

PREFIX = "markup:"
TERMS = ("heading", "blockquote", "list", "paragraph", "text", *(f"heading.h{n}" for n in range(1, 7)))
_ATX = patterns.compile(r"^ {0,3}(#{1,6})(?:\s|$)")
_UNDERLINE = patterns.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_QUOTE = patterns.compile(r"^ {0,3}>")
_ITEM = patterns.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s")


def supported(selector: str) -> bool:
    """Whether every term of the selector is one this module reads."""
    return all(term.strip().lstrip("~") in TERMS for term in selector.split("&"))


def selects(kinds: frozenset[str], selector: str) -> bool:
    """Whether a block the markup makes ``kinds`` of is one ``selector`` selects."""
    for term in (t.strip() for t in selector.split("&")):
        wanted = term.lstrip("~")
        if (wanted in kinds) == term.startswith("~"):
            return False
    return True


def kinds(markdown_body: bool, heading_role: bool, line: str, prefix: str, below: str | None) -> frozenset[str]:
    """What the markup makes of a block: {"text", "heading", "heading.h2"},
    {"text", "blockquote"}, {"text", "paragraph"} … ``markdown_body``:
    whether the block is of a Markdown story's body (other blocks have no
    markup); ``line``: the line the block starts on; ``prefix``: that line
    before the block; ``below``: the next line, if any; ``heading_role``:
    whether the block was read as a heading or headline."""
    return frozenset({"text", *_markup(markdown_body, heading_role, line, prefix, below)})


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
