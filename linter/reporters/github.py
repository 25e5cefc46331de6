"""GitHub Actions annotations: one workflow command a finding, which the
runner shows on the pull request's changed lines and in the run summary::

    ::error file=story.md,line=3,col=1,endLine=3,endColumn=42,title=duplicated-headline::Headline repeated...

Errors are ``error``, warnings ``warning`` and infos ``notice``. Problems of
the run (a rule or plugin that failed) become ``warning`` annotations with
no file. Values are escaped as the runner expects: ``%``, carriage return
and line feed everywhere, and ``:`` and ``,`` in properties too.
"""

from __future__ import annotations

from pathlib import Path

from linter.results.run import RunResult
from linter.results.findings import Finding, printable
from linter.core.reporter import Reporter
from linter.reporters.locations import relative_path

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


class GithubReporter(Reporter):
    root: Path | None = None

    def report(self, result: RunResult) -> None:
        for finding in result.findings:
            self.stream.write(self.line(finding) + "\n")
        for problem in dict.fromkeys(result.problems):
            self.stream.write(command("warning", {"title": "copydesk"}, problem) + "\n")

    def line(self, finding: Finding) -> str:
        span = finding.span
        properties: dict[str, object] = {
            "file": relative_path(finding.path, self.root)[0],
            "line": span.line,
            "col": span.column,
            "endLine": span.end_line,
            "endColumn": span.end_column,
            "title": finding.rule,
        }
        return command(COMMANDS.get(finding.severity, "warning"), properties, printable(finding.message, line_breaks=True))
