"""file-problem: a file copydesk could not lint (unreadable-file,
invalid-article) or finish linting (check-timeout).

The engine finds these problems while reading, parsing and checking, outside
any check; a rule of this type turns one into a finding with the
rule's own severity and message, so that it can be listed, explained,
selected, ignored and given another severity like any rule.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from linter.core.check import Check, Param
from linter.article.document import Document, LineIndex
from linter.results.findings import Finding, fingerprint

PROBLEM_UNREADABLE, PROBLEM_INVALID, PROBLEM_TIMEOUT = "unreadable", "invalid", "timeout"


class FileProblem(Check):
    name = "file-problem"
    summary = "A file that cannot be linted: reported by the engine as it reads and parses."
    params = {
        "problem": Param(
            "str",
            help="which problem: unreadable (reading), invalid (parsing) or timeout (the story's time budget)",
            choices=(PROBLEM_UNREADABLE, PROBLEM_INVALID, PROBLEM_TIMEOUT),
        )
    }
    fields = ("reason",)
    default_scope = ()

    def check(self, doc: Document) -> Iterable[Finding]:
        return ()  # reported by the engine, through report()

    def report(self, path: Path, reason: str, line: int = 1, lines: LineIndex | None = None) -> Finding:
        """The finding for ``path``, at the start of ``line`` of the text
        ``lines`` indexes (the first line of an empty text when none)."""
        lines = lines or LineIndex("")
        start = lines.starts[min(line, len(lines.starts)) - 1]
        message = self.rule.message.format_map({"reason": reason, "text": ""})
        return Finding(path, lines.span(start, start), self.rule.id, self.rule.severity, message, fingerprint=fingerprint(self.rule.id, reason))
