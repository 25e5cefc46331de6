"""Shared helpers: lint an article held in a string, through the real
engine, plugins and shipped rule packs."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.config import Config
from linter.engine import Engine
from linter.findings import Finding
from linter.plugins import load_plugins

FIXTURES = Path(__file__).parent / "fixtures"

_ENGINES: dict[tuple, Engine] = {}


def engine_for(style: str = "nyt", select: tuple[str, ...] = ()) -> Engine:
    key = (style, select)
    if key not in _ENGINES:
        _ENGINES[key] = Engine(Config(style=style, select=list(select)), load_plugins())
    return _ENGINES[key]


def lint(text: str, name: str = "story.txt", style: str = "nyt", select: tuple[str, ...] = ()) -> list[Finding]:
    """Findings for ``text`` as if read from a file called ``name``."""
    problems: list[str] = []
    findings = engine_for(style, select).lint_text(Path(name), text, problems)
    assert not problems, problems
    return findings


def covered(text: str, finding: Finding) -> str:
    """The source text a finding's span covers."""
    return text[finding.span.start : finding.span.end]


def at(text: str, line: int, column: int) -> int:
    """Offset of a 1-based line and column in ``text``."""
    lines = text.splitlines(keepends=True)
    return sum(len(x) for x in lines[: line - 1]) + column - 1


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
