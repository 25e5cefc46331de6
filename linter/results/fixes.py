"""Building fixes: the edits that remove or replace text in an article."""

from __future__ import annotations

from typing import Iterable

from linter.article.document import Block, Document
from linter.results.findings import Edit, Fix


def remove_block_fix(doc: Document, block: Block, description: str) -> Fix:
    """Remove a block's whole lines, with their line break, and one blank
    line around it when it stood between blank lines, so the rest of the
    file keeps its shape. The story's last block takes the line breaks
    and blank lines before it instead."""
    lines = doc.lines
    start = lines.starts[block.span.line - 1]
    last = block.span.end_line
    end = lines.starts[last] if last < len(lines.starts) else len(doc.text)
    content_end = lines.line_span(last)[1]
    if start > 0 and not doc.text[content_end:].strip():
        # The story's last block: remove it with the line breaks and blank
        # lines before it, and keep what ends the file (a final newline, or
        # none), so that no blank line is left at the end.
        previous = _last_text_line(doc, block.span.line - 1)
        if previous:
            return Fix(description, (Edit(doc.span(lines.line_span(previous)[1], content_end), ""),), safe=True)
    if _blank(doc, block.span.line - 1) and _blank(doc, last + 1):
        end = lines.starts[last + 1] if last + 1 < len(lines.starts) else len(doc.text)
    return Fix(description, (Edit(doc.span(start, end), ""),), safe=True)


def _last_text_line(doc: Document, line: int) -> int:
    """The last line at or before ``line`` that holds text (0: none)."""
    while line >= 1 and _blank(doc, line):
        line -= 1
    return line


def _blank(doc: Document, line: int) -> bool:
    if line < 1 or line > len(doc.lines.starts):
        return False
    start, end = doc.lines.line_span(line)
    return not doc.text[start:end].strip()


def replace_fix(doc: Document, start: int, end: int, replacement: str, description: str) -> Fix:
    """A suggested replacement; not applied by --fix, since it needs an
    editor's eye."""
    return Fix(description, (Edit(doc.span(start, end), replacement),), safe=False)


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply fixes whose edits do not overlap one applied before; return the
    new text and how many fixes were applied."""
    accepted: list[Edit] = []
    applied = 0
    for fix in sorted(fixes, key=lambda f: min(e.span.start for e in f.edits)):
        if any(_overlap(edit, other) for edit in fix.edits for other in accepted):
            continue
        accepted += fix.edits
        applied += 1
    for edit in sorted(accepted, key=lambda e: e.span.start, reverse=True):
        text = text[: edit.span.start] + edit.replacement + text[edit.span.end :]
    return text, applied


def _overlap(a: Edit, b: Edit) -> bool:
    return a.span.start < b.span.end and b.span.start < a.span.end
