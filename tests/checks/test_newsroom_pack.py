"""The opt-in newsroom rule pack: its shape, and its style rules on quoted
speech (its rules' own examples run in test_rule_examples)."""

from __future__ import annotations

from functools import cache

import pytest

from linter.core.config import Config
from linter.core.engine import Engine
from linter.core.plugins import load_plugins
from linter.core.rule import Rule
from linter.core.rules import DOC_FIELDS
from linter.article.scopes import QUOTES_OUTSIDE
from conftest import ROOT, example_story, found, lint

PACK = ROOT / "rules" / "newsroom"
RULE_FILES = sorted(PACK.glob("*.yaml"))
RULE_IDS = [path.stem for path in RULE_FILES]


@cache
def pack_rules() -> dict[str, Rule]:
    engine = Engine(Config(packs=["newsroom"], select=["newsroom-*"]), load_plugins())
    return {rule.id: rule for rule in engine.rules}


def findings(rule_id: str, text: str) -> list[tuple[str, str]]:
    """(rule, covered text) of each finding of the rule alone."""
    return found(text, select=(rule_id,), packs=("newsroom",))


def test_the_pack_is_off_by_default_and_has_at_least_60_rules() -> None:
    assert len(RULE_FILES) >= 60
    assert set(pack_rules()) == set(RULE_IDS)
    default = Engine(Config(), load_plugins())
    assert not [rule.id for rule in default.rules if rule.pack == "newsroom"]


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_rule_is_documented_and_named_for_the_pack(rule_id: str) -> None:
    rule = pack_rules()[rule_id]
    assert rule.id.startswith("newsroom-")
    assert rule.pack == "newsroom"
    assert rule.source.stem == rule.id, "one rule per file, named by its id"
    assert rule.summary and "\n" not in rule.summary
    for key in DOC_FIELDS:
        assert rule.docs.get(key, "").strip(), f"{rule_id}: docs.{key} is missing"
    assert rule.examples.get("bad") and rule.examples.get("good")


# A style rule that skips quoted speech must not fire on its own bad text
# when a named person says it: a place-name spelling, a redundancy and an
# attribution verb.
QUOTED = ["newsroom-kyiv", "newsroom-redundant-unique", "newsroom-said-not-stated"]


@pytest.mark.parametrize("rule_id", QUOTED)
def test_style_rules_leave_quoted_speech_alone(rule_id: str) -> None:
    rule = pack_rules()[rule_id]
    assert rule.quotations == QUOTES_OUTSIDE
    for example in rule.examples["bad"]:
        assert '"' not in example and "“" not in example
        assert findings(rule_id, example_story(example)), "the bad text alone is reported"
        quoted = example_story(f"Mayor Lena Ortiz said: “{example}”")
        assert findings(rule_id, quoted) == [], quoted
        quoted = example_story(f"“{example.rstrip('.')},” said Mayor Lena Ortiz.")
        assert findings(rule_id, quoted) == [], quoted


def test_most_style_rules_skip_quoted_speech() -> None:
    rules = pack_rules().values()
    outside = [rule for rule in rules if rule.quotations == QUOTES_OUTSIDE]
    assert len(outside) >= 0.8 * len(pack_rules())


def test_substitution_messages_name_the_replacement() -> None:
    text = example_story("Talks in Kiev resumed on Monday.")
    assert findings("newsroom-kyiv", text) == [("newsroom-kyiv", "Kiev")]
    [finding] = lint(text, select=("newsroom-kyiv",), packs=("newsroom",))
    assert "“Kyiv”" in finding.message and "“Kiev”" in finding.message
