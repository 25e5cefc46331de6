"""A run's result: its findings, the files it checked, and the problems
that did not stop it."""

from __future__ import annotations

from pathlib import Path

from linter.results.findings import Finding


class RunResult:
    def __init__(
        self, findings: list[Finding] | None = None, files: list[Path] | None = None, problems: list[str] | None = None
    ) -> None:
        self.findings = findings if findings is not None else []
        self.files = files if files is not None else []  # every file checked
        # Problems that did not stop the run: a plugin or a rule that failed.
        self.problems = problems if problems is not None else []

    @property
    def files_checked(self) -> int:
        return len(self.files)
