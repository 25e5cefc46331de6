"""Shared helpers: lint an article held in a string, through the real
engine, plugins and shipped rule packs."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# The tests' rule packs are cached in a folder of their own, not the user's.
os.environ.setdefault("COPYDESK_CACHE", tempfile.mkdtemp(prefix="copydesk-test-cache-"))

from linter.core.config import Config
from linter.core.engine import Engine
from linter.results.findings import Finding
from linter.core.plugins import load_plugins

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


# A port-strike story with a sentence-case headline and a byline: neither
# names anyone who could be taken for a source.
PORT_HEAD = "Port strike halts cargo as automation talks stall\nBy Tom Reyes\n"
PORT_SUMMARY = (
    "Dockworkers walked off the job at the city's main port on Monday, halting cargo traffic "
    "as talks over automation stalled for a third week."
)
PORT_HEADLINE = "Port Strike Halts Cargo as Automation Talks Stall"
PORT_P2 = (
    "The port authority has said the new cranes will be phased in over five years and that no "
    "worker will lose a job because of them."
)
PORT_LEDE = (
    "Several thousand members of the dockworkers' union left their posts at dawn on Monday, "
    "leaving container ships idling in the outer harbor."
)


def port_story(*paragraphs: str) -> str:
    return PORT_HEAD + PORT_LEDE + "\n" + "\n".join(paragraphs) + "\n"


def covered(text: str, finding: Finding) -> str:
    """The source text a finding's span covers."""
    return text[finding.span.start : finding.span.end]


def apply_fix(text: str, fix) -> str:  # type: ignore[no-untyped-def]
    """``text`` with a fix's edits applied: an oracle independent of the
    engine's own fix code."""
    for edit in sorted(fix.edits, key=lambda e: e.span.start, reverse=True):
        text = text[: edit.span.start] + edit.replacement + text[edit.span.end :]
    return text


def at(text: str, line: int, column: int) -> int:
    """Offset of a 1-based line and column in ``text``."""
    lines = text.splitlines(keepends=True)
    return sum(len(x) for x in lines[: line - 1]) + column - 1


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
