"""Human-readable output: one line a finding, as compilers and linters do,
then a summary line.

A finding ``--fix`` can fix is marked ``[*]`` (with ``--unsafe-fixes``, the
unsafe ones too) and the summary counts them; on a terminal the report is
in colour, and ``--show-source`` prints each finding's line with a caret
under it (see ``linter.reporters.terminal``)."""

from __future__ import annotations

from collections import Counter

from linter.results.run import RunResult
from linter.results.findings import SEVERITIES, printable
from linter.core.reporter import Reporter
from linter.reporters.terminal import Painter, SourceLines, counted, source_excerpt, wants_colour


class TextReporter(Reporter):
    show_source = False  # set by the command
    unsafe_fixes = False  # --unsafe-fixes: unsafe fixes are applied, so marked too

    def report(self, result: RunResult) -> None:
        write = self.stream.write
        paint = Painter(wants_colour(self.stream))
        sources = SourceLines() if self.show_source else None
        counts: Counter[str] = Counter()
        fixable = hidden = 0
        for f in result.findings:  # one pass: the findings may stream from disk
            mark = ""
            if f.fix is not None:
                if f.fix.safe or self.unsafe_fixes:
                    fixable += 1
                    mark = paint("fixable", "[*]") + " "
                else:
                    hidden += 1
            write(
                f"{paint('path', printable(str(f.path)))}:{f.span.line}:{f.span.column}: "
                f"{paint(f.severity, f.severity)} {paint('rule', f.rule)} {mark}{printable(f.message)}\n"
            )
            line = sources.line(f.path, f.span.line) if sources else None
            if line is not None:
                write(source_excerpt(f, line, paint))
            counts[f.severity] += 1
        files = counted(result.files_checked, "file")
        total = sum(counts.values())
        if not total:
            write(f"No problems found in {files}.\n")
            return
        parts = ", ".join(counted(counts[s], s) for s in reversed(SEVERITIES) if counts[s])
        if fixable or hidden:  # before the summary, which stays the last line
            flags = "--fix --unsafe-fixes" if self.unsafe_fixes else "--fix"
            more = f"{'; ' if fixable else ''}{hidden} more with `--fix --unsafe-fixes`" if hidden else ""
            write(f"{paint('fixable', '[*]')} {f'{fixable} fixable with `{flags}`' if fixable else ''}{more}.\n")
        write(f"Found {counted(total, 'problem')} ({parts}) in {files}.\n")
