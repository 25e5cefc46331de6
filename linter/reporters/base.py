"""What a reporter is: it writes a run's findings to a stream."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from linter.engine import RunResult


class Reporter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def report(self, result: "RunResult") -> None:
        raise NotImplementedError
