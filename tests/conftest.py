"""Shared helpers: lint an article held in a string, through the real
engine, plugins and shipped rule packs."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest

# The tests' rule packs are cached in a folder of their own, not the user's.
os.environ.setdefault("COPYDESK_CACHE", tempfile.mkdtemp(prefix="copydesk-test-cache-"))

from linter.core.config import Config
from linter.core.engine import Engine
from linter.results.findings import Finding
from linter.core.plugins import load_plugins

TESTS = Path(__file__).resolve().parent  # tests/, whose folders mirror linter/'s layers
ROOT = TESTS.parent  # the checkout
FIXTURES = TESTS / "fixtures"
EXAMPLES = FIXTURES / "examples"

_ENGINES: dict[tuple, Engine] = {}


def engine_for(style: str = "nyt", select: tuple[str, ...] = (), packs: tuple[str, ...] = ()) -> Engine:
    key = (style, select, packs)
    if key not in _ENGINES:
        _ENGINES[key] = Engine(Config(style=style, select=list(select), packs=list(packs)), load_plugins())
    return _ENGINES[key]


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """The exit code, standard output and standard error of copydesk run
    in this process with ``args``."""
    from linter.cli import main

    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def lint(
    text: str, name: str = "story.txt", style: str = "nyt", select: tuple[str, ...] = (), packs: tuple[str, ...] = ()
) -> list[Finding]:
    """Findings for ``text`` as if read from a file called ``name``; no
    rule may fail."""
    problems: list[str] = []
    findings = engine_for(style, select, packs).lint_text(Path(name), text, problems)
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


def found(text: str, **lint_args: Any) -> list[tuple[str, str]]:
    """(rule, covered text) of each finding of ``lint(text, **lint_args)``,
    in order: what most tests compare."""
    return [(f.rule, covered(text, f)) for f in lint(text, **lint_args)]


def assert_finding(
    text: str, finding: Finding, rule: str, written: str, line: int, column: int | None = None, severity: str | None = None
) -> None:
    """``finding`` is of ``rule`` (and ``severity``, when given) and covers
    ``written`` on ``line`` from ``column``: by default, the column where
    ``written`` first occurs in ``text``."""
    assert finding.rule == rule
    if severity is not None:
        assert finding.severity == severity
    assert covered(text, finding) == written
    if column is None:
        start = text.index(written)
        column = start - text.rfind("\n", 0, start)
    assert (finding.span.line, finding.span.column) == (line, column)
    assert (finding.span.end_line, finding.span.end_column) == (line, column + len(written))


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


# A rule file's ``examples:`` (see the README's section on rule files): a
# line of STORY_BREAK parts an example into the stories of one run; a story
# with no blank line is a passage of body copy, put under EXAMPLE_HEAD (a
# plain title-case headline and a byline); a story that opens with front
# matter is Markdown. Each story is written to a file of its own, so rules
# about files and across files run as they do on a real run.
STORY_BREAK = "=== next story ==="
EXAMPLE_HEAD = "Port Officials Meet\n\nBy Ana Ruiz\n\n"


def example_story(text: str) -> str:
    """One story of an example as a whole article: a passage of body copy
    (no blank line) goes under EXAMPLE_HEAD."""
    return text if "\n\n" in text else EXAMPLE_HEAD + text + "\n"


def example_stories(example: str) -> list[tuple[str, str]]:
    """(file name, text) of each story of a rule's example."""
    stories = [example_story(text) for text in re.split(rf"^{re.escape(STORY_BREAK)}\n", example, flags=re.M)]
    return [(f"story-{n}{_suffix(story)}", story) for n, story in enumerate(stories, 1)]


def _suffix(story: str) -> str:
    """A story that opens with front matter is Markdown, any other plain text."""
    return ".md" if story.startswith("---\n") else ".txt"


def lint_example(engine: Engine, example: str) -> list[Finding]:
    """The findings of a run of ``engine`` over the stories of ``example``;
    no rule may fail."""
    with tempfile.TemporaryDirectory() as folder:
        for name, story in example_stories(example):
            (Path(folder) / name).write_text(story, encoding="utf-8", newline="")
        result = engine.lint_paths([Path(folder)])
    assert not result.problems, result.problems
    return result.findings


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
