"""Vale's comments in a Markdown story silence Vale rules (and only them),
as Vale reads them; and Vale's own defaults hold for a rule read from a
Vale style (``ignorecase`` is false unless the rule says so)."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.core.config import Config
from linter.core.engine import Engine
from linter.core.plugins import load_plugins

STORY = """# Council votes

The vote was very close.

<!-- vale off -->

The count was very slow.

<!-- vale on -->

<!-- vale Desk.Very = NO -->

A very long night.

<!-- vale Desk.Very = YES -->

<!-- vale Desk = NO -->

Very tired clerks went home.
"""


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    style = tmp_path / "Desk"
    style.mkdir()
    (style / "Very.yml").write_text("extends: existence\nmessage: \"Cut '%s'.\"\nignorecase: true\ntokens: [very]\n")
    (style / "Close.yml").write_text("extends: existence\nmessage: \"Not '%s'.\"\ntokens: [close, Clerks]\n")
    return Engine(Config(vale=[style], select=["desk.*"]), load_plugins())


def test_vale_comments_silence_every_vale_rule_one_rule_or_one_style(engine: Engine) -> None:
    findings = engine.lint_text(Path("story.md"), STORY)
    assert [(f.rule, f.span.line) for f in findings] == [("desk.very", 3), ("desk.close", 3)]


def test_an_unclosed_comment_runs_to_the_end(engine: Engine) -> None:
    text = "# Council votes\n\nThe vote was very close.\n\n<!-- vale off -->\n\nIt was very close.\n"
    assert [f.span.line for f in engine.lint_text(Path("story.md"), text)] == [3, 3]


def test_a_vale_rule_matches_case_unless_it_says_ignorecase(engine: Engine) -> None:
    text = "# Council votes\n\nClose to midnight, clerks and very tired CLERKS left.\n"
    found = [(f.rule, f.message) for f in engine.lint_text(Path("story.md"), text)]
    assert found == [("desk.very", "Cut 'very'.")]  # 'Close', 'clerks', 'CLERKS' are not 'close' or 'Clerks'


def test_vale_comments_do_not_silence_copydesk_rules() -> None:
    engine = Engine(Config(select=["repeated-paragraph"]), load_plugins())
    text = "# Council votes\n\n<!-- vale off -->\n\nThe vote was close tonight.\n\nThe vote was close tonight.\n"
    assert [f.rule for f in engine.lint_text(Path("story.md"), text)] == ["repeated-paragraph"]
