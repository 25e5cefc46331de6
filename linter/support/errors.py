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


class ConfigErrors(ConfigError):
    """Several problems found in one pass (every error of a names registry),
    reported one a line, so that a user fixes them all at once."""

    def __init__(self, errors: list[ConfigError]) -> None:
        super().__init__(errors[0].message, errors[0].path, errors[0].line)
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)


def raise_all(errors: list[ConfigError]) -> None:
    """Raise the errors found, if any: one as itself, several together."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ConfigErrors(errors)
