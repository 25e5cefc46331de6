"""What the text report does on a terminal: colour (when to use it), the
source line under a finding with a caret, counted nouns, and a progress
bar for long runs.

Colour follows the conventions of https://no-color.org and
https://force-color.org: ``NO_COLOR`` (set and not empty) turns it off,
``FORCE_COLOR`` (set, not empty and not ``0``) turns it on, and otherwise
it is on only when the report goes to a terminal, never into a pipe or file.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TextIO

from linter.results.findings import Finding, printable

RESET = "\x1b[0m"
STYLES = {
    "path": "\x1b[1m",
    "error": "\x1b[1;31m",
    "warning": "\x1b[33m",
    "info": "\x1b[36m",
    "rule": "\x1b[35m",
    "fixable": "\x1b[36m",
    "caret": "\x1b[1;31m",
    "gutter": "\x1b[34m",
}
SOURCE_WIDTH = 100  # characters of a long source line shown around a finding


def wants_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    force = os.environ.get("FORCE_COLOR")
    if force and force != "0":
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


class Painter:
    """Wraps text in ANSI styles, or leaves it plain."""

    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, style: str, text: str) -> str:
        return f"{STYLES[style]}{text}{RESET}" if self.colour else text


def counted(count: int, noun: str) -> str:
    """"1 error", "2 errors"; "info" is counted as it is ("3 info")."""
    return f"{count} {noun}{'' if count == 1 or noun == 'info' else 's'}"


class SourceLines:
    """The lines of the files findings are in, read once each; a file that
    cannot be read (standard input, a file gone) has none."""

    def __init__(self) -> None:
        self.files: dict[Path, list[str] | None] = {}

    def line(self, path: Path, number: int) -> str | None:
        if path not in self.files:
            from linter.article.source import UnreadableFile, read_source

            try:
                self.files[path] = read_source(path).text.splitlines()
            except (UnreadableFile, OSError):
                self.files[path] = None
        lines = self.files[path]
        return lines[number - 1] if lines is not None and 0 < number <= len(lines) else None


def source_excerpt(finding: Finding, line: str, paint: Painter) -> str:
    """The finding's line with a caret under its span (to the end of the
    line for a span that runs on), shortened around the span when long."""
    span = finding.span
    start = span.column - 1
    end = span.end_column - 1 if span.end_line == span.line else len(line)
    end = max(end, start + 1)
    left = 0
    if len(line) > SOURCE_WIDTH:
        left = max(0, min(start - SOURCE_WIDTH // 4, len(line) - SOURCE_WIDTH))
    shown = line[left : left + SOURCE_WIDTH]
    prefix = "…" if left else ""
    suffix = "…" if left + SOURCE_WIDTH < len(line) else ""
    text = printable(prefix + shown + suffix)
    caret_at = len(printable(prefix + line[left:start])) if start >= left else 0
    caret_width = max(1, len(printable(line[max(start, left) : min(end, left + SOURCE_WIDTH)])))
    number = str(span.line)
    gutter = " " * len(number)
    return (
        f"{paint('gutter', gutter + ' |')}\n"
        f"{paint('gutter', number + ' |')} {text}\n"
        f"{paint('gutter', gutter + ' |')} {' ' * caret_at}{paint('caret', '^' * caret_width)}\n"
    )


class Progress:
    """A progress bar on a terminal (standard error) for a long run: drawn
    only when the stream is a terminal and the run has ``minimum`` files or
    more, redrawn at most ten times a second, and wiped at the end; in a
    pipe or a file, nothing."""

    WIDTH = 30

    def __init__(self, stream: TextIO, minimum: int = 50) -> None:
        try:
            self.on = stream.isatty()
        except (AttributeError, ValueError):
            self.on = False
        self.stream, self.minimum = stream, minimum
        self.drawn_at = 0.0
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        if not self.on or total < self.minimum:
            return
        now = time.monotonic()
        if done < total and now - self.drawn_at < 0.1:
            return
        self.drawn_at, self.drawn = now, True
        filled = self.WIDTH * done // total
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{total} files")
        self.stream.flush()

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * (self.WIDTH + 30) + "\r")
            self.stream.flush()
