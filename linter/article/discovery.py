"""Finding the article files to lint under the paths a user gives.

Folders are walked without following links; hidden folders, the usual
build and environment folders, and what a ``.gitignore`` on the way
ignores are skipped. Files given by name are always linted.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Iterable

SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "venv", "site-packages", "build", "dist"})


def _read_gitignore(folder: Path) -> list[str]:
    try:
        lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    return [line.strip() for line in lines if line.strip() and not line.startswith(("#", "!"))]


def _ignored(relative: str, is_dir: bool, patterns: Iterable[str]) -> bool:
    """Whether a path (relative to the folder the patterns belong to, with
    '/' separators) matches a gitignore-style pattern."""
    name = relative.rsplit("/", 1)[-1]
    for pattern in patterns:
        if pattern.endswith("/"):
            if not is_dir:
                continue
            pattern = pattern.rstrip("/")
        while pattern.startswith("**/"):  # in every folder, the top one too
            pattern = pattern[3:]
        if "/" in pattern.strip("/"):
            if fnmatch.fnmatchcase(relative, pattern.lstrip("/")):
                return True
        elif fnmatch.fnmatchcase(name, pattern.lstrip("/")):
            return True
    return False


def discover(paths: Iterable[Path], include: list[str], exclude: list[str]) -> list[Path]:
    """Article files under ``paths``: files given directly, and files in
    folders whose names match ``include`` and not ``exclude``."""
    found: list[Path] = []
    for root in paths:
        if not root.is_dir():
            found.append(root)
            continue
        ignore_stack: dict[Path, list[str]] = {}
        # A folder that cannot be listed is passed on as a path of its own:
        # reading it gives an unreadable-file finding, not silence.
        unlisted: list[Path] = []
        for folder, dirs, files in os.walk(root, onerror=lambda error: unlisted.append(Path(error.filename))):
            found += unlisted
            unlisted.clear()
            here = Path(folder)
            ignore_stack[here] = _read_gitignore(here)
            rules = [(base, ignore_stack[base]) for base in (here, *here.parents) if base in ignore_stack]

            def skip(path: Path, is_dir: bool) -> bool:
                relative = path.relative_to(root).as_posix()
                if _ignored(relative, is_dir, exclude):
                    return True
                return any(_ignored(path.relative_to(base).as_posix(), is_dir, pats) for base, pats in rules)

            dirs[:] = sorted(
                d for d in dirs if not d.startswith(".") and d not in SKIPPED_FOLDERS and not skip(here / d, True)
            )
            for name in sorted(files):
                path = here / name
                if name.startswith(".") or not any(fnmatch.fnmatch(name, p) for p in include):
                    continue
                if not skip(path, False):
                    found.append(path)
        found += unlisted
    return found
