"""The name-style scoring over real copy (benchmarks.accuracy_names): its
reading of a story of our own, and the floors on ../shared/corpora (skipped
when the corpora are not beside this checkout)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import accuracy_names, corpora
from linter.core.config import Config
from linter.core.engine import Engine
from linter.core.plugins import load_plugins

FLOOR = 0.2  # name findings a story, at most, on copy edited by the outlet's desk


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "polnear-dev"
    folder.mkdir()
    (folder / "index.tsv").write_text("id\tpublisher\tsource_path\tannotation_path\n0001\tnyt\tx.txt\tx.ann\n")
    (folder / "0001.txt").write_text(
        "Putin sends an envoy to the grain talks.\n\nABSTRACT.\n\nPresident Vladimir V. Putin sent an envoy.\n\n"
        "FULL TEXT.\n\n"
        "MOSCOW - President Vladimir V. Putin sent an envoy on Monday. ''I trust Putin,'' an aide said.\n\n"
        "Later, Putin said the talks would go on.\n",
        encoding="utf-8",
    )
    return tmp_path


def test_a_story_of_our_own_is_scored(tmp_path: Path) -> None:
    root = corpora.find_root(str(_corpus(tmp_path)))
    assert root is not None
    nyt = accuracy_names.SELECTIONS[0]
    engines = {"nyt": Engine(Config(style="nyt", select=accuracy_names.RULES), load_plugins())}
    figures, scored = accuracy_names.score(root, nyt, engines)
    # The headline and the two-apostrophe quotation are read as such, so
    # neither is judged; the bare "Putin" of the last paragraph is found.
    assert {(s.text, s.finding.span.line) for s in scored} == {("Putin", 11)}
    assert (figures.stories, figures.findings) == (1, 1)


ROOT = corpora.find_root()


@pytest.mark.skipif(ROOT is None, reason="../shared/corpora is not beside this checkout")
def test_name_findings_on_real_copy_stay_under_the_floor() -> None:
    assert ROOT is not None
    for selection, figures, scored in accuracy_names.measure(ROOT):
        found = [f"{s.story.id}:{s.finding.span.line} {s.text}" for s in scored]
        assert figures.per_story() <= FLOOR, (selection.label, found)
