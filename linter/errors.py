"""Errors a user must fix before copydesk can run (exit code 2)."""

from __future__ import annotations

from pathlib import Path


class ConfigError(Exception):
    """A problem in a rule file, registry, style or configuration, reported
    as ``file:line: what is wrong`` rather than a traceback."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + self.message
