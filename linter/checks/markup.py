"""Markup a rule may be told not to read: in Markdown, inline code spans
and URLs (bare or a link's target), blanked out with their offsets kept (as Vale skips them). They
are blanked with ``*``, not spaces, so that a rule on spacing does not
see a run of spaces where the code was."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from linter.support import patterns

if TYPE_CHECKING:
    import regex

    from linter.core.check import Check
    from linter.article.document import Document

MARKDOWN = "markdown"
BLANK = "*"
# inline code, a link's target (``[text](target)``: its text is read), a bare URL
_SKIPPED = patterns.compile(r"(`+)[^`\n]+?\1|(?<=\])\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)|\bhttps?://[^\s<>()\[\]\"']+")


def blank_markup(text: str, doc_format: str) -> str:
    """``text`` with its inline code and URLs turned to ``*`` (Markdown
    only: in plain text a backtick is a character of the copy)."""
    if doc_format != MARKDOWN or ("`" not in text and "://" not in text):
        return text
    return _SKIPPED.sub(lambda match: BLANK * len(match.group()), text)


# marks of markup around words: emphasis, a link's or image's brackets, a
# reference's label, a table's bars, an HTML tag, an autolink
_MARKS = patterns.compile(r"(?<=\])\[[^\[\]]*\]|!(?=\[)|[\[\]|]|(?<![\w*_])[*_]+|[*_]+(?![\w*_])|<[^<>\n]*>")


def prose_only(text: str, doc_format: str) -> str:
    """``text`` with what is not prose turned to spaces, offsets kept: in
    Markdown, inline code, URLs, link targets and the marks of markup."""

    def spaces(match: "regex.Match[str]") -> str:
        return " " * len(match.group())

    if doc_format != MARKDOWN:
        return text
    if "`" in text or "://" in text or "](" in text:
        text = _SKIPPED.sub(spaces, text)
    return _MARKS.sub(spaces, text)


def whole_or_segments(check: "Check", doc: "Document") -> Iterable[tuple[str, int]]:
    """The file's whole text as one segment, for a check told ``whole_text``
    (Vale's raw scope), or else the segments of the rule's scope."""
    if check.options.get("whole_text"):
        return [(doc.text, 0)] if doc.text.strip() else []
    return check.segments(doc)
