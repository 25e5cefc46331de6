"""What a reporter is: it writes a run's findings to a stream."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from linter.results.run import RunResult
    from linter.core.rule import Rule


class Reporter:
    """Writes a run's findings to ``stream``. The command also sets
    ``rules`` (rule id to Rule, for reporters that describe the rules) and
    ``fail_on`` (the severity that fails the run)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.rules: dict[str, "Rule"] = {}
        self.fail_on: str | None = None

    def report(self, result: "RunResult") -> None:
        raise NotImplementedError
