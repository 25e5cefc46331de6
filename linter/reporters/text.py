"""Human-readable output: one line a finding, as compilers and linters do,
then a summary line."""

from __future__ import annotations

from collections import Counter

from linter.engine import RunResult
from linter.findings import SEVERITIES, printable
from linter.reporters.base import Reporter


class TextReporter(Reporter):
    def report(self, result: RunResult) -> None:
        write = self.stream.write
        counts: Counter[str] = Counter()
        for f in result.findings:  # one pass: the findings may stream from disk
            write(f"{printable(str(f.path))}:{f.span.line}:{f.span.column}: {f.severity} {f.rule} {printable(f.message)}\n")
            counts[f.severity] += 1
        files = result.files_checked
        noun = "file" if files == 1 else "files"
        total = sum(counts.values())
        if not total:
            write(f"No problems found in {files} {noun}.\n")
            return
        parts = ", ".join(f"{counts[s]} {s}" for s in reversed(SEVERITIES) if counts[s])
        write(f"Found {total} problem{'s' if total != 1 else ''} ({parts}) in {files} {noun}.\n")
