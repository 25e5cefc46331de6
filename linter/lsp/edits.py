"""The edits code actions make: a finding's fix, a suppression comment, and
every safe fix at once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from linter.article.document import LineIndex
from linter.results.findings import Edit, Finding

# Suppression directives (see linter/article/suppression.py), as opening and closing
# around the rule ids.
DIRECTIVE_MARKS = {"markdown": ("<!-- ", " -->"), "text": ("[", "]")}
_NEXT_LINE = {
    "markdown": re.compile(r"(?P<head>[ \t]*<!--\s*copydesk-disable-next-line\b)(?P<rules>[^>]*?)(?P<tail>\s*-->[ \t]*)"),
    "text": re.compile(r"(?P<head>[ \t]*\[copydesk-disable-next-line\b)(?P<rules>[^\]\n]*?)(?P<tail>\][ \t]*)"),
}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class TextChange:
    """Replace ``text[start:end]`` (character offsets) with ``replacement``."""

    start: int
    end: int
    replacement: str


def line_break(text: str) -> str:
    """The document's line break, or a newline for a one-line text."""
    found = _LINE_BREAK.search(text)
    return found.group() if found else "\n"


def front_matter_end(text: str, lines: LineIndex) -> int:
    """The 1-based line that closes a Markdown front matter, or 0."""
    if text[: lines.line_span(1)[1]].strip() != "---":
        return 0
    for number in range(2, len(lines.starts) + 1):
        start, end = lines.line_span(number)
        if text[start:end].strip() in ("---", "..."):
            return number
    return len(lines.starts)  # never closed: all of it


def suppression_change(text: str, lines: LineIndex, fmt: str, rule: str, line: int) -> tuple[str, TextChange] | None:
    """The title and edit of an action that silences ``rule`` on ``line``
    (1-based): a ``copydesk-disable-next-line`` directive on a line of its own
    above it, or the rule added to such a directive already there. A
    finding inside Markdown front matter, where a comment would break the
    YAML, is silenced for the file by a ``copydesk-disable-file`` directive
    below the front matter."""
    if fmt not in DIRECTIVE_MARKS:
        return None
    opening, closing = DIRECTIVE_MARKS[fmt]
    newline = line_break(text)
    if fmt == "markdown" and line <= front_matter_end(text, lines):
        after = front_matter_end(text, lines)
        directive = f"{opening}copydesk-disable-file {rule}{closing}"
        if after < len(lines.starts):
            at = lines.starts[after]
            return f"Disable {rule} for this file", TextChange(at, at, directive + newline)
        return f"Disable {rule} for this file", TextChange(len(text), len(text), newline + directive + newline)
    if line > 1:
        start, end = lines.line_span(line - 1)
        found = _NEXT_LINE[fmt].fullmatch(text[start:end])
        if found and found.group("rules").strip():
            listed = re.split(r"[\s,]+", found.group("rules").strip())
            if rule in listed:
                return None
            separator = ", " if "," in found.group("rules") else " "
            at = start + found.end("rules")
            return f"Disable {rule} for this line", TextChange(at, at, separator + rule)
    start, end = lines.line_span(line)
    indent = re.match(r"[ \t]*", text[start:end]).group()  # type: ignore[union-attr]
    directive = f"{indent}{opening}copydesk-disable-next-line {rule}{closing}{newline}"
    return f"Disable {rule} for this line", TextChange(start, start, directive)


def fix_changes(edits: Iterable[Edit]) -> list[TextChange]:
    return [TextChange(e.span.start, e.span.end, e.replacement) for e in edits]


def safe_fix_changes(findings: Iterable[Finding]) -> list[TextChange]:
    """The edits of every safe fix that does not overlap one taken before,
    in the order ``linter.results.fixes.apply_fixes`` takes them."""
    accepted: list[Edit] = []
    fixes = [f.fix for f in findings if f.fix is not None and f.fix.safe and f.fix.edits]
    for fix in sorted(fixes, key=lambda f: min(e.span.start for e in f.edits)):
        if any(e.span.start < o.span.end and o.span.start < e.span.end for e in fix.edits for o in accepted):
            continue
        accepted += fix.edits
    return fix_changes(sorted(accepted, key=lambda e: e.span.start))
