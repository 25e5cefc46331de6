"""Every rule's own examples (``examples:`` in its rule file), for the core
and newsroom packs, through the real engine: a bad example is reported by
its rule, a good one is not. How an example becomes the stories of a run is
the README's section on rule files (conftest.example_stories)."""

from __future__ import annotations

from functools import cache

import pytest

from linter.core.config import Config
from linter.core.engine import Engine
from linter.core.plugins import load_plugins
from linter.core.rule import Rule
from linter.results.findings import Finding
from conftest import ROOT, lint_example

PACKS = ("core", "newsroom")
RULES = [(pack, path.stem) for pack in PACKS for path in sorted((ROOT / "rules" / pack).glob("*.yaml"))]

# Rules whose finding no text can show, each with the reason.
WITHOUT_EXAMPLES = {
    "check-timeout": "reports a story whose checks ran past the time budget: the clock, not the text, decides; "
    "tests/test_hostile_input.py runs a check caught in a loop into the budget",
}


@cache
def engine_for(pack: str, rule_id: str) -> Engine:
    """A core example runs with every core rule on (the suppression rules
    judge the other rules' findings); a newsroom example with its rule alone."""
    if pack == "core":
        return Engine(Config(select=["*"]), load_plugins())
    return Engine(Config(packs=[pack], select=[rule_id]), load_plugins())


def rule_of(pack: str, rule_id: str) -> Rule:
    return engine_for(pack, rule_id).all_rules()[rule_id]


def findings(pack: str, rule_id: str, example: str) -> list[Finding]:
    """The findings of the rule under test; in the newsroom pack, no other
    rule runs, so no other may be reported."""
    found = lint_example(engine_for(pack, rule_id), example)
    if pack != "core":
        assert {f.rule for f in found} <= {rule_id}, found
    return [f for f in found if f.rule == rule_id]


@pytest.mark.parametrize(("pack", "rule_id"), RULES)
def test_bad_examples_are_reported(pack: str, rule_id: str) -> None:
    examples = rule_of(pack, rule_id).examples.get("bad")
    if rule_id in WITHOUT_EXAMPLES:
        assert not examples, f"{rule_id} has examples now: drop it from WITHOUT_EXAMPLES"
        pytest.skip(WITHOUT_EXAMPLES[rule_id])
    assert examples, f"{rule_id} has no bad examples"
    for example in examples:
        found = findings(pack, rule_id, example)
        assert found, f"{rule_id} did not fire on its bad example: {example!r}"
        # Placeholders are filled: no message keeps a {field} of its template.
        assert all("{" not in f.message for f in found), found


@pytest.mark.parametrize(("pack", "rule_id"), RULES)
def test_good_examples_are_clean(pack: str, rule_id: str) -> None:
    examples = rule_of(pack, rule_id).examples.get("good")
    if rule_id in WITHOUT_EXAMPLES:
        pytest.skip(WITHOUT_EXAMPLES[rule_id])
    assert examples, f"{rule_id} has no good examples"
    for example in examples:
        assert findings(pack, rule_id, example) == [], f"{rule_id} fired on its good example: {example!r}"
