"""Findings: what a check reports, with where, how bad, and how to fix it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from linter.article.document import Span
from linter.support.hashing import blake2b

SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


class Edit(NamedTuple):
    """Replace the source between ``span.start`` and ``span.end``."""

    span: Span
    replacement: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "replacement": self.replacement,
        }


class Fix(NamedTuple):
    """A proposed change. ``safe`` fixes are the ones ``--fix`` may apply
    without an editor's eye; the rest are suggestions."""

    description: str
    edits: tuple[Edit, ...]
    safe: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "description": self.description,
            "safe": self.safe,
            "edits": [edit.as_dict() for edit in self.edits],
        }


def fingerprint(rule: str, content: str) -> str:
    """A short stable hash of a rule and the (normalised) text a finding is
    about: it survives edits elsewhere in the file, unlike a line number."""
    return blake2b(f"{rule}\0{content}".encode(), digest_size=8).hexdigest()


# Characters that could forge or garble a report line: C0 and C1 controls
# (newlines, carriage returns, ANSI escapes), line and paragraph separators
# and the bidirectional overrides ("Trojan source").
_CONTROLS = {
    **{code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0))},
    **{code: f"\\u{code:04x}" for code in (0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A))},
    ord("\n"): "\\n",
    ord("\r"): "\\r",
    ord("\t"): "\\t",
}


_CONTROLS_BUT_LINE_BREAKS = {code: escape for code, escape in _CONTROLS.items() if code not in (ord("\n"), ord("\r"))}


def printable(text: str, line_breaks: bool = False) -> str:
    """``text`` safe to print on one report line: control characters as
    escapes (but line breaks, with ``line_breaks``, for a format that
    escapes them its own way), and the bytes of a file name that is not
    valid UTF-8 (held as lone surrogates) as ``\\xNN``."""
    if text.isprintable():
        return text
    text = text.translate(_CONTROLS_BUT_LINE_BREAKS if line_breaks else _CONTROLS)
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that is not an escaped byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


class Finding(NamedTuple):
    path: Path
    span: Span
    rule: str
    severity: str
    message: str
    fix: Fix | None = None
    fingerprint: str = ""

    def sort_key(self) -> tuple[str, int, int, str]:
        return (str(self.path), self.span.start, self.span.end, self.rule)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": printable(str(self.path)),
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "fix": self.fix.as_dict() if self.fix else None,
        }
