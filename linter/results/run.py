"""A run's result: its findings, the files it checked, and the problems
that did not stop it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

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


class FileResult(NamedTuple):
    """What linting one file gave: ``digest`` of the bytes read (None when
    unreadable), and whether the result may be kept for a later run
    (``clean``: no rule failed or ran out of time on it)."""

    path: Path
    digest: str | None
    findings: list[Finding]
    problems: list[str]
    collected: list[list[Any]]  # per rule across files, an item per story
    clean: bool
