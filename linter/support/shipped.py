"""Where the rule packs, house styles, names registry and lexicons that
ship with copydesk lie: the top-level ``rules/`` folder of the source tree,
or ``linter/packs_data`` inside the wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def shipped_rules_dir() -> Path:
    package = Path(__file__).resolve().parent.parent  # linter/
    for candidate in (package / "packs_data", package.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("copydesk's rules folder is missing from this installation")
