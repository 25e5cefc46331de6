"""The opt-in newsroom rule pack: every rule's own examples, through the
real engine with only that rule selected, and the shape of the pack."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from linter.core.config import Config
from linter.core.engine import Engine
from linter.core.plugins import load_plugins
from linter.core.rule import Rule
from linter.core.rules import DOC_FIELDS
from linter.article.scopes import QUOTES_OUTSIDE

PACK = Path(__file__).resolve().parent.parent / "rules" / "newsroom"
RULE_FILES = sorted(PACK.glob("*.yaml"))
RULE_IDS = [path.stem for path in RULE_FILES]

# An example without a blank line is a passage of body copy: it goes under a
# plain title-case headline and a byline. An example with a blank line is a
# whole article (its first line the headline), as headline rules need.
HEAD = "Port Officials Meet\n\nBy Ana Ruiz\n\n"


def article(example: str) -> str:
    if "\n\n" in example:
        return example
    return HEAD + example + "\n"


@cache
def engine_for(rule_id: str) -> Engine:
    return Engine(Config(packs=["newsroom"], select=[rule_id]), load_plugins())


@cache
def pack_rules() -> dict[str, Rule]:
    engine = Engine(Config(packs=["newsroom"], select=["newsroom-*"]), load_plugins())
    return {rule.id: rule for rule in engine.rules}


def findings(rule_id: str, text: str) -> list[tuple[str, str, str]]:
    """(rule, covered text, message) of each finding; no rule may fail."""
    problems: list[str] = []
    found = engine_for(rule_id).lint_text(Path("story.txt"), text, problems)
    assert not problems, problems
    return [(f.rule, text[f.span.start : f.span.end], f.message) for f in found]


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_bad_examples_are_reported(rule_id: str) -> None:
    rule = pack_rules()[rule_id]
    assert rule.examples.get("bad"), f"{rule_id} has no bad examples"
    for example in rule.examples["bad"]:
        found = findings(rule_id, article(example))
        assert found, f"{rule_id} did not fire on its bad example: {example!r}"
        assert {f[0] for f in found} == {rule_id}, found
        # Placeholders are filled: no message keeps a {field} of its template.
        assert all("{" not in message for _, _, message in found), found


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_good_examples_are_clean(rule_id: str) -> None:
    rule = pack_rules()[rule_id]
    assert rule.examples.get("good"), f"{rule_id} has no good examples"
    for example in rule.examples["good"]:
        assert findings(rule_id, article(example)) == [], f"{rule_id} fired on its good example: {example!r}"


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
        assert findings(rule_id, article(example)), "the bad text alone is reported"
        quoted = article(f"Mayor Lena Ortiz said: “{example}”")
        assert findings(rule_id, quoted) == [], quoted
        quoted = article(f"“{example.rstrip('.')},” said Mayor Lena Ortiz.")
        assert findings(rule_id, quoted) == [], quoted


def test_most_style_rules_skip_quoted_speech() -> None:
    rules = pack_rules().values()
    outside = [rule for rule in rules if rule.quotations == QUOTES_OUTSIDE]
    assert len(outside) >= 0.8 * len(pack_rules())


def test_substitution_messages_name_the_replacement() -> None:
    found = findings("newsroom-kyiv", article("Talks in Kiev resumed on Monday."))
    assert found == [("newsroom-kyiv", "Kiev", found[0][2])]
    assert "“Kyiv”" in found[0][2] and "“Kiev”" in found[0][2]
