"""``--fix`` and ``--diff``: apply the safe fixes of each file's findings.

Fixes are applied, the text linted again and fixed again, until no safe
fix is left (fixes that touch the same text wait for the next pass), so a
second ``--fix`` finds nothing to do.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from linter.fixes import apply_fixes
from linter.source import SourceFile, UnreadableFile, read_source

if TYPE_CHECKING:
    from linter.engine import Engine

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


def fix_text(engine: "Engine", path: Path, text: str, problems: list[str]) -> tuple[str, int]:
    """``text`` with its safe fixes applied, and how many were applied."""
    applied = 0
    for _ in range(MAX_PASSES):
        fixes = [f.fix for f in engine.lint_text(path, text, problems) if f.fix and f.fix.safe]
        if not fixes:
            break
        text, count = apply_fixes(text, fixes)
        applied += count
    return text, applied


def fix_file(engine: "Engine", path: Path, problems: list[str]) -> FileFix | None:
    """The safe fixes for one file, or None when it has none (or cannot be read)."""
    try:
        source = read_source(path)
    except UnreadableFile:  # reported by the lint run itself
        return None
    fixed, applied = fix_text(engine, path, source.text, problems)
    return FileFix(source, fixed, applied) if fixed != source.text else None
