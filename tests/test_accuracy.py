"""The attribution rules on the real development copy (../shared/corpora),
held to issue 17's floors: every figure of ``python -m benchmarks.accuracy``
meets its floor. The corpora are read in place; without them this skips."""

from __future__ import annotations

import pytest

from benchmarks import accuracy, corpora

ROOT = corpora.find_root()
pytestmark = pytest.mark.skipif(ROOT is None, reason="../shared/corpora is not beside this checkout")


@pytest.fixture(scope="module")
def figures() -> dict[str, list[accuracy.Figure]]:
    assert ROOT is not None
    return accuracy.measure(ROOT)


def test_every_figure_meets_its_floor(figures: dict[str, list[accuracy.Figure]]) -> None:
    missed = [figure.line() for section in figures.values() for figure in section if not figure.met]
    assert not missed, missed


def test_the_attribution_section_scores_each_rule_on_both_corpora(figures: dict[str, list[accuracy.Figure]]) -> None:
    names = [figure.name for figure in figures["attribution"]]
    for rule in ("unattributed-quote", "vague-sourcing", "anonymous-source-without-reason"):
        assert any(name.startswith(rule) for name in names), names
    assert sum("findings per story" in name for name in names) == 2  # polnear-dev and bbc-dev


def test_a_figure_knows_its_floor() -> None:
    assert accuracy.Figure("precision", 0.95, 0.9).met
    assert not accuracy.Figure("precision", 0.85, 0.9).met
    assert accuracy.Figure("per story", 0.04, 0.05, at_most=True).met
    assert not accuracy.Figure("per story", 0.06, 0.05, at_most=True).met
