"""GitLab Code Quality report: a JSON array with an issue per finding, for
``artifacts: reports: codequality:`` in ``.gitlab-ci.yml``.

Each issue has a description (the message), the rule as ``check_name``, a
fingerprint that stays the same when lines are added elsewhere in the file
(the one the SARIF output uses), a severity (info → info, warning → minor,
error → major) and the file and lines it is on.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from linter.results.run import RunResult
from linter.results.findings import Finding
from linter.core.reporter import Reporter
from linter.reporters.locations import fingerprints, relative_path

SEVERITIES = {"info": "info", "warning": "minor", "error": "major"}


def last_line(finding: Finding) -> int:
    """The last line the finding covers: a span that ends at the start of a
    line (after a line break) does not cover that line."""
    span = finding.span
    if span.end_line > span.line and span.end_column == 1:
        return span.end_line - 1
    return span.end_line


class GitlabReporter(Reporter):
    root: Path | None = None

    def report(self, result: RunResult) -> None:
        json.dump(self.issues(result), self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")

    def issues(self, result: RunResult) -> list[dict[str, Any]]:
        findings = list(result.findings)
        prints = fingerprints(findings, self.root)
        return [
            {
                "description": finding.message,
                "check_name": finding.rule,
                "fingerprint": fingerprint,
                "severity": SEVERITIES.get(finding.severity, "minor"),
                "location": {
                    "path": relative_path(finding.path, self.root)[0],
                    "lines": {"begin": finding.span.line, "end": last_line(finding)},
                },
            }
            for finding, fingerprint in zip(findings, prints)
        ]
