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


class Accumulator:
    """What a run gathers as it lints, besides the findings each story
    gives back: the problems that did not stop it and, when the rules across
    files take part, what each of them collected of each story (one list
    per rule, in the engine's order). One is handed down through the engine
    instead of a list of problems and a list of lists; a worker's is merged
    into the run's (``add``)."""

    def __init__(self, across: int | None = None, problems: list[str] | None = None) -> None:
        self.problems: list[str] = problems if problems is not None else []
        self.collected: list[list[Any]] | None = None if across is None else [[] for _ in range(across)]

    @classmethod
    def of(cls, given: "Accumulator | list[str] | None") -> "Accumulator":
        """The accumulator given, a new one for None, or one adding its
        problems to a list (as callers written before it pass)."""
        if isinstance(given, Accumulator):
            return given
        return cls(problems=given)

    def add(self, other: "Accumulator") -> None:
        """Take in what ``other`` gathered (a worker's chunk of the run), after what this holds."""
        self.problems += other.problems
        if self.collected is not None and other.collected is not None:
            for mine, theirs in zip(self.collected, other.collected):
                mine += theirs


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
