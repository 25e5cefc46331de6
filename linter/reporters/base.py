"""What a reporter is: it writes a run's findings to a stream."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from linter.engine import RunResult
    from linter.rules import Rule


class Reporter:
    """Writes a run's findings to ``stream``. ``rules`` (rule id to Rule)
    is set by the command for reporters that describe the rules."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.rules: dict[str, "Rule"] = {}

    def report(self, result: "RunResult") -> None:
        raise NotImplementedError
