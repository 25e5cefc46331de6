"""``copydesk check -``: one story read from standard input, for editors
and pipelines.

``--stdin-filename NAME`` says what the story would be called on disk: its
suffix picks the input format, the config's ``per_file_ignores`` and
``styles_by_path`` match it, and findings name it. With ``--fix`` the fixed
story is written to standard output (and the report of what is left to
standard error), since there is no file to write it to; with ``--diff`` the
fixes are printed as a diff, as for a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from linter.core.autofix import FileFix, fix_text
from linter.core.file_problem import PROBLEM_UNREADABLE
from linter.article.source import SourceFile, UnreadableFile, too_large, decode_source

if TYPE_CHECKING:
    from linter.core.engine import Engine
    from linter.results.run import RunResult

STDIN_NAME = Path("-")  # what findings name when no --stdin-filename is given


def read_stdin(stream: BinaryIO, path: Path, max_bytes: int) -> SourceFile:
    """The story on ``stream``, decoded as a file would be, or
    UnreadableFile saying why it cannot be linted."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UnreadableFile(too_large("standard input", max_bytes))
    return decode_source(path, data)


def lint_stdin(engine: "Engine", stream: BinaryIO, path: Path, fix: bool, unsafe: bool) -> tuple["RunResult", FileFix | None]:
    """The findings on the story read from ``stream`` under the name
    ``path`` and, with ``fix``, the story with its fixes applied (None when
    it could not be read); the findings are then those the fixes leave."""
    from linter.results.run import Accumulator, RunResult

    result = RunResult(problems=[*engine.plugins.problems, *engine.load_notes], files=[path])
    run = Accumulator(problems=result.problems)
    try:
        source = read_stdin(stream, path, engine.config.max_file_size)
    except UnreadableFile as error:
        result.findings = engine.file_finding(path, PROBLEM_UNREADABLE, str(error))
        return result, None
    text, applied = source.text, 0
    if fix:
        text, applied = fix_text(engine, path, source.text, run, unsafe)
    result.findings = engine.lint_text(path, text, run)
    return result, FileFix(source, text, applied) if fix else None
