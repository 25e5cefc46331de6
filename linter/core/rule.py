"""The rule record: one validated rule of a pack, as a check is built from
it (loading and validating rule files is linter.core.rules)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from linter.article.scopes import QUOTES_ANY, UNIT_PARAGRAPH


class Rule(NamedTuple):
    id: str
    check: str
    severity: str
    message: str
    scope: tuple[str, ...]  # roles of the blocks the rule reads
    params: dict[str, Any]
    pack: str
    source: Path
    line: int
    summary: str = ""
    docs: dict[str, str] = {}  # a shared default: a rule is never changed once built
    unit: str = UNIT_PARAGRAPH  # what counting checks count in: paragraph, sentence or document
    quotations: str = QUOTES_ANY  # any, inside (only quoted speech) or outside (never quoted speech)
    examples: dict[str, tuple[str, ...]] = {}  # "bad" and "good" texts
    default: bool = True  # False: off in its pack's defaults, run only when selected
