"""Markup a rule may be told not to read: in Markdown, inline code spans
and URLs (bare or a link's target), blanked out with their offsets kept (as Vale skips them). They
are blanked with ``*``, not spaces, so that a rule on spacing does not
see a run of spaces where the code was."""

from __future__ import annotations

from linter import patterns

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
