"""The measured quality of the attribution rules and of people inference
on the labelled sets under tests/labelled/ (see the README for the
figures). These guard against regressions; the sets' conventions are in
their labels.yaml files."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "labelled"))

import score  # noqa: E402
import score_people  # noqa: E402


def test_unattributed_quote_precision_and_recall() -> None:
    tally = score.score()["unattributed-quote"]
    assert tally.items >= 150
    assert tally.precision >= 0.9, tally.misses
    assert tally.recall >= 0.85, tally.misses


def test_vague_sourcing_precision_and_recall() -> None:
    tally = score.score()["vague-sourcing"]
    assert tally.items >= 60
    assert tally.precision >= 0.9, tally.misses
    assert tally.recall >= 0.65, tally.misses


def test_people_inference_is_precise() -> None:
    tally = score_people.score()
    assert tally.labelled >= 150
    # Every inferred person right: a wrong guess makes a wrong name finding.
    assert tally.precision == 1.0, tally.misses
    assert tally.recall >= 0.65, tally.misses
