"""Human-readable output: one line a finding, as compilers and linters do,
then a summary line."""

from __future__ import annotations

from collections import Counter

from linter.engine import RunResult
from linter.findings import SEVERITIES
from linter.reporters.base import Reporter


class TextReporter(Reporter):
    def report(self, result: RunResult) -> None:
        write = self.stream.write
        for f in result.findings:
            write(f"{f.path}:{f.span.line}:{f.span.column}: {f.severity} {f.rule} {f.message}\n")
        counts = Counter(f.severity for f in result.findings)
        files = result.files_checked
        noun = "file" if files == 1 else "files"
        if not result.findings:
            write(f"No problems found in {files} {noun}.\n")
            return
        parts = ", ".join(f"{counts[s]} {s}" for s in reversed(SEVERITIES) if counts[s])
        total = len(result.findings)
        write(f"Found {total} problem{'s' if total != 1 else ''} ({parts}) in {files} {noun}.\n")
