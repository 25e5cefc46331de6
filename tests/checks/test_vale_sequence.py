"""Vale's ``extends: sequence``: runs of words, one pattern a word, within
a sentence (``negate``, ``skip``, ``ignorecase``, ``%s`` and ``%[N]s`` in
the message); a rule with a part-of-speech tag is reported and skipped.
Styles and stories are written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.checks.sequence import match_at, steps_of
from linter.core.config import Config
from linter.core.engine import Engine
from linter.core.plugins import load_plugins

STORY = (
    "Harbour notes\n\n"
    "The skipper said the ferry would be able sail by noon. "
    "Crews were able to sail it once before.\n\n"
    "Rain in the port of all times fell on Tuesday, the wettest day of all times here.\n"
)


def _lint(root: Path, rules: dict[str, str], story: str = STORY) -> tuple[list[str], list[str]]:
    style = root / "Quay"
    style.mkdir(exist_ok=True)
    for name, text in rules.items():
        (style / f"{name}.yml").write_text(text)
    (root / "story.md").write_text(story)
    engine = Engine(Config(vale=[style], select=["quay.*"]), load_plugins())
    result = engine.lint_paths([root / "story.md"])
    found = [f"{f.span.line}:{f.span.column}:{engine.vale_names[f.rule]}:{f.message}" for f in result.findings]
    return found, engine.load_notes


def test_a_negated_step_finds_the_word_missing_after_a_pattern(tmp_path: Path) -> None:
    rule = (
        "extends: sequence\nmessage: \"Say '%[1]s %[2]s to %[3]s', not '%s %s %s'.\"\n"
        "tokens:\n  - pattern: be\n  - pattern: able\n  - pattern: to\n    negate: true\n"
    )
    found, _ = _lint(tmp_path, {"AbleTo": rule})
    assert found == ["3:34:Quay.AbleTo:Say 'be able to sail', not 'be able sail'."]


def test_skip_lets_words_stand_between_a_step_and_the_next(tmp_path: Path) -> None:
    rule = (
        "extends: sequence\nmessage: \"'of all time', not '%s'.\"\nignorecase: true\n"
        "tokens:\n  - pattern: (?:wett|driest|best)\\w*\n    skip: 2\n  - pattern: of\n  - pattern: all\n  - pattern: times\n"
    )
    found, _ = _lint(tmp_path, {"AllTime": rule})
    # "port of all times" has no superlative before it; "wettest day of all times" has, one word away
    assert found == ["5:52:Quay.AllTime:'of all time', not 'wettest'."]
    too_far = rule.replace("skip: 2", "skip: 0")
    assert _lint(tmp_path, {"AllTime": too_far})[0] == []


def test_a_sequence_never_runs_across_sentences(tmp_path: Path) -> None:
    rule = "extends: sequence\nmessage: \"'%s %s'\"\ntokens:\n  - pattern: noon\n  - pattern: Crews\n"
    assert _lint(tmp_path, {"Across": rule})[0] == []


def test_a_rule_with_a_part_of_speech_tag_is_reported_with_its_line_and_skipped(tmp_path: Path) -> None:
    tagged = "extends: sequence\nmessage: \"'%s'\"\ntokens:\n  - pattern: be\n  - tag: JJ\n  - pattern: sail\n"
    plain = "extends: sequence\nmessage: \"'%s'\"\ntokens:\n  - pattern: able\n  - pattern: to\n"
    found, notes = _lint(tmp_path, {"Tagged": tagged, "Plain": plain})
    assert found == ["3:67:Quay.Plain:'able'"]
    assert f"{tmp_path / 'Quay' / 'Tagged.yml'}:5: a sequence step with a part-of-speech tag ('tag: JJ') is not supported (copydesk tags no words); Vale rule Quay.Tagged skipped" in notes


def test_a_broken_step_is_reported_and_skips_its_rule(tmp_path: Path) -> None:
    broken = {
        "NoAnchor": "extends: sequence\nmessage: x\ntokens:\n  - pattern: to\n    negate: true\n",
        "BadPattern": "extends: sequence\nmessage: x\ntokens:\n  - pattern: '(able'\n",
        "BadSkip": "extends: sequence\nmessage: x\ntokens:\n  - pattern: able\n    skip: many\n",
    }
    found, notes = _lint(tmp_path, broken)
    assert found == []
    for name, problem in (("NoAnchor", "not negated"), ("BadPattern", "invalid pattern"), ("BadSkip", "skip must be")):
        assert any(problem in note and f"Quay.{name} skipped" in note for note in notes), name


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["be", "able", "sail"], 3),
        (["be", "able", "to"], None),
        (["be", "quite", "able", "x"], None),
    ],
)
def test_match_at_walks_the_steps(words: list[str], expected: int | None) -> None:
    steps = steps_of(({"pattern": "be"}, {"pattern": "able"}, {"pattern": "to", "negate": True}), ignorecase=False)
    assert match_at(words, 0, steps) == expected
