"""Vale's own scenarios (../shared/vale-conformance, read in place) run
through copydesk by ``python -m benchmarks.vale_conformance``, held to a
floor: the match rate never falls below what it is, and no style folder of
the suite stops a run. Without the folder this skips; the runner's own
parts are tested on scenarios written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import vale_conformance as conformance
from conftest import ROOT

TESTDATA = ROOT.parent / "shared" / "vale-conformance"
MATCHED_FLOOR = 36  # scenarios on Markdown, plain text and HTML that give Vale's output


@pytest.mark.skipif(not (TESTDATA / "features").is_dir(), reason="../shared/vale-conformance is not beside this checkout")
def test_the_match_rate_holds_its_floor() -> None:
    outcomes, _ = conformance.run(TESTDATA)
    matched, counted = conformance.match_rate(outcomes)
    assert counted >= 40
    assert matched >= MATCHED_FLOOR, [o.scenario.title for o in outcomes if o.verdict == "match"]


FEATURE = '''Feature: Made up
    Background:
        Given a file named "note.md" with:
            """
            A note.

            """

    Scenario: Exact
        When I test "checks/Thing"
        Then the output should contain exactly:
            """
            a.md:1:2:House.Rule:Some message
            """
        And the exit status should be 1

    Scenario: Some lines
        When I run vale "note.md"
        Then the output should contain:
            """
            note.md:1:1:House.Rule:Other
            """
'''


def test_scenarios_are_read_with_their_files_steps_and_lines(tmp_path: Path) -> None:
    (tmp_path / "made.feature").write_text(FEATURE)
    exact, some = conformance.parse_features(tmp_path)
    assert (exact.name, exact.step, exact.expected, exact.exactly) == (
        "Exact",
        'I test "checks/Thing"',
        ["a.md:1:2:House.Rule:Some message"],
        True,
    )
    assert exact.files == {"note.md": "A note.\n\n"}
    assert (some.step, some.exactly) == ('I run vale "note.md"', False)
    assert conformance.command(exact) == ("../../fixtures/checks/Thing", ["."])
    assert conformance.command(some) == (".", ["note.md"])


def test_a_scenario_is_judged_line_by_line() -> None:
    scenario = conformance.Scenario("f", "s", expected=["a.md:1:1:S.R:m", "a.md:2:1:S.R:m"], exactly=True)
    assert conformance.judge(scenario, ["a.md:1:1:S.R:m", "a.md:2:1:S.R:m"]) == "match"
    assert conformance.judge(scenario, ["a.md:1:1:S.R:m"]) == "partial"
    assert conformance.judge(scenario, ["a.md:1:1:S.R:m", "a.md:2:1:S.R:m", "a.md:3:1:S.R:m"]) == "partial"
    assert conformance.judge(scenario, []) == "mismatch"
    scenario.exactly = False
    assert conformance.judge(scenario, ["a.md:1:1:S.R:m", "a.md:2:1:S.R:m", "a.md:3:1:S.R:m"]) == "match"


def test_a_scenario_that_names_only_absent_text_is_judged_by_its_absence() -> None:
    scenario = conformance.Scenario("f", "s", absent=["py"])
    assert conformance.judge(scenario, ["a.md:1:1:S.R:m"]) == "match"
    assert conformance.judge(scenario, ["a.py:1:1:S.R:m"]) == "mismatch"


def test_a_story_vale_reads_from_standard_input_is_read_by_check_dash(tmp_path: Path) -> None:
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n[*]\nBasedOnStyles = House\n")
    (tmp_path / "styles" / "House").mkdir(parents=True)
    (tmp_path / "styles" / "House" / "Hype.yml").write_text(
        "extends: existence\nmessage: \"Drop '%s'\"\nlevel: warning\ntokens: [stunning]\n"
    )
    (tmp_path / "piped.md").write_text("# Harbour news\n\nA stunning catch at the quay.\n")
    scenario = conformance.Scenario("f", "s", step='I run cat "piped.md" ".md"')
    assert conformance.command(scenario) == ("../../fixtures/formats", ["--stdin-file=piped.md", "--ext=.md"])
    assert conformance.run_copydesk(tmp_path, ["--stdin-file=piped.md", "--ext=.md"]) == ["stdin.md:3:3:House.Hype:Drop 'stunning'"]
    assert conformance.run_copydesk(tmp_path, ["--stdin-text=stunning", "--ext=.txt"]) == ["stdin.txt:1:1:House.Hype:Drop 'stunning'"]


def test_only_markdown_text_and_html_scenarios_count() -> None:
    markdown = conformance.Scenario("f", "s", expected=["a.md:1:1:S.R:m", "b.html:1:1:S.R:m"])
    mixed = conformance.Scenario("f", "s", expected=["a.md:1:1:S.R:m", "b.rst:1:1:S.R:m"])
    assert conformance.in_scope(markdown, ["."])
    assert not conformance.in_scope(mixed, ["."])
    assert not conformance.in_scope(conformance.Scenario("f", "s"), ["test.py"])
