"""``--fix`` and ``--diff``: apply the fixes of each file's findings.

Safe fixes (removing exact repeats) always; unsafe ones (rewriting a name
to the house form) only when asked with ``--unsafe-fixes``. Fixes are
applied, the text linted again and fixed again, until none is left (fixes
that touch the same text wait for the next pass), so a second ``--fix``
finds nothing to do.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from linter.results.fixes import apply_fixes
from linter.results.run import Accumulator
from linter.article.source import SourceFile, UnreadableFile, read_source

if TYPE_CHECKING:
    from linter.core.engine import Engine

MAX_PASSES = 10


@dataclass
class FileFix:
    source: SourceFile
    fixed: str
    applied: int

    def diff(self) -> str:
        path = self.source.path
        old, new = (str(path), str(path)) if path.is_absolute() else (f"a/{path}", f"b/{path}")
        lines = difflib.unified_diff(
            self.source.text.splitlines(keepends=True), self.fixed.splitlines(keepends=True), old, new
        )
        return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def fix_text(engine: "Engine", path: Path, text: str, run: Accumulator | list[str], unsafe: bool = False) -> tuple[str, int]:
    """``text`` with its fixes applied, and how many were applied (none,
    said in the run's problems, for a format that is not rewritten)."""
    run = Accumulator.of(run)
    input_format = engine.format_for(path)
    if input_format is not None and not input_format.fixable:
        run.problems.append(f"{path}: --fix does not rewrite {input_format.name} files; fix them by hand (findings are reported)")
        return text, 0
    applied = 0
    for _ in range(MAX_PASSES):
        fixes = [f.fix for f in engine.lint_text(path, text, run) if f.fix and (f.fix.safe or unsafe)]
        if not fixes:
            break
        text, count = apply_fixes(text, fixes)
        applied += count
    return text, applied


def fix_file(engine: "Engine", path: Path, run: Accumulator | list[str], unsafe: bool = False) -> FileFix | None:
    """The fixes for one file, or None when it has none (or cannot be read)."""
    try:
        source = read_source(path, engine.config.max_file_size)
    except UnreadableFile:  # reported by the lint run itself
        return None
    fixed, applied = fix_text(engine, path, source.text, run, unsafe)
    return FileFix(source, fixed, applied) if fixed != source.text else None
