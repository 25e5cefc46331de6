"""Scopes by markup: which blocks the markup writes as headings (and of
what level), blockquotes or list items, as Vale's scopes name them.

A rule's scope may hold, besides block roles, ``markup:SELECTOR``: the
blocks SELECTOR selects. A selector is one of ``heading``,
``heading.h1`` … ``heading.h6``, ``blockquote``, ``list``, ``paragraph``
(text in none of those) and ``text`` (all), each perhaps negated with
``~``, joined with ``&``: ``~blockquote & ~heading``. Plain text has no
markup: its blocks are all ``paragraph``. In HTML, ``<h1>`` … ``<h6>`` are
headings, of no level; the rest is ``paragraph``. A headline read from plain lines
is not a heading; one written with ``#`` is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linter import patterns

if TYPE_CHECKING:
    from linter.document import Block, Document

PREFIX = "markup:"
TERMS = ("heading", "blockquote", "list", "paragraph", "text", *(f"heading.h{n}" for n in range(1, 7)))
_ATX = patterns.compile(r"^ {0,3}(#{1,6})(?:\s|$)")
_UNDERLINE = patterns.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_QUOTE = patterns.compile(r"^ {0,3}>")
_ITEM = patterns.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s")


def supported(selector: str) -> bool:
    """Whether every term of the selector is one this module reads."""
    return all(term.strip().lstrip("~") in TERMS for term in selector.split("&"))


def selects(doc: "Document", block: "Block", selector: str) -> bool:
    kinds = _kinds(doc, block)
    for term in (t.strip() for t in selector.split("&")):
        wanted = term.lstrip("~")
        if (wanted in kinds) == term.startswith("~"):
            return False
    return True


def _kinds(doc: "Document", block: "Block") -> frozenset[str]:
    """What the markup makes of the block: {"text", "heading",
    "heading.h2"}, {"text", "blockquote"}, {"text", "paragraph"} …"""
    key = ("markup-kinds", block.index)
    if key not in doc.cache:
        doc.cache[key] = frozenset({"text", *_markup(doc, block)})
    return doc.cache[key]


def _markup(doc: "Document", block: "Block") -> tuple[str, ...]:
    if doc.format == "html" and block.origin == "body" and block.role in ("headline", "heading"):
        return ("heading",)  # an <h1> … <h6>: its level is not kept
    if doc.format != "markdown" or block.origin != "body":
        return ("paragraph",)
    start, end = doc.lines.line_span(block.span.line)
    line = doc.text[start:end]
    atx = _ATX.match(line)
    if atx:
        return ("heading", f"heading.h{len(atx.group(1))}")
    if block.span.line < len(doc.lines.starts):
        below = _UNDERLINE.match(doc.text[slice(*doc.lines.line_span(block.span.line + 1))])
        if below and block.role in ("heading", "headline"):
            return ("heading", "heading.h1" if below.group(1)[0] == "=" else "heading.h2")
    prefix = line[: block.span.start - start]
    if _QUOTE.match(prefix):
        return ("blockquote",)
    if _ITEM.match(prefix):
        return ("list",)
    return ("paragraph",)
