"""The run accumulator: what the engine gathers besides findings (problems,
and what the rules across files collect), handed down one object deep."""

from __future__ import annotations

from pathlib import Path

from conftest import engine_for
from linter.results.run import Accumulator

STORY = "Council Votes on Budget\n\nThe council voted on Tuesday to approve the harbor budget for the coming year, officials said.\n"


def test_a_story_adds_one_item_per_rule_across_files_only_when_the_run_collects() -> None:
    engine = engine_for()
    collecting = Accumulator(len(engine.corpus_checks))
    engine.lint_text(Path("a.txt"), STORY, collecting)
    assert collecting.collected is not None and [len(items) for items in collecting.collected] == [1] * len(engine.corpus_checks)
    alone = Accumulator()
    engine.lint_text(Path("a.txt"), STORY, alone)
    assert alone.collected is None and alone.problems == []


def test_a_workers_accumulator_is_merged_after_the_runs() -> None:
    run, chunk = Accumulator(2, problems=["first"]), Accumulator(2)
    run.collected[0].append("a")  # type: ignore[index]
    chunk.problems.append("second")
    chunk.collected[0].append("b")  # type: ignore[index]
    chunk.collected[1].append("c")  # type: ignore[index]
    run.add(chunk)
    assert (run.problems, run.collected) == (["first", "second"], [["a", "b"], ["c"]])


def test_a_list_of_problems_is_still_taken_as_the_runs_problems() -> None:
    problems: list[str] = []
    assert Accumulator.of(problems).problems is problems
    given = Accumulator()
    assert Accumulator.of(given) is given
