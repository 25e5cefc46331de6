"""Adopting copydesk on an existing archive: inline suppressions,
per-file ignores, baselines, report files and statistics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import lint
from linter.cli import main

STORY = """Port Strike Enters Second Week

By Ana Ruiz

Dockworkers extended their strike on Monday. Officials say the port could stay closed for weeks.

The union said talks had broken down over pay and night shifts. Officials say more ships are waiting.
"""


def vague_lines(text: str, name: str = "story.txt") -> list[int]:
    return [f.span.line for f in lint(text, name=name, select=("vague-sourcing",))]


def test_story_has_two_vague_sourcing_findings() -> None:
    assert vague_lines(STORY) == [5, 7]


@pytest.mark.parametrize(
    ("name", "directive"),
    [("story.md", "<!-- copydesk-disable-next-line vague-sourcing -->"), ("story.txt", "[copydesk-disable-next-line vague-sourcing]")],
)
def test_disable_next_line(name: str, directive: str) -> None:
    text = STORY.replace("\nThe union said", f"\n{directive}\nThe union said")
    assert vague_lines(text, name) == [5]


@pytest.mark.parametrize(
    ("name", "start", "end"),
    [
        ("story.md", "<!-- copydesk-disable vague-sourcing -->", "<!-- copydesk-enable -->"),
        ("story.txt", "[copydesk-disable vague-sourcing]", "[copydesk-enable vague-sourcing]"),
    ],
)
def test_disable_and_enable_a_block(name: str, start: str, end: str) -> None:
    text = STORY.replace("Dockworkers extended", f"{start}\nDockworkers extended").replace(
        "\nThe union said", f"\n{end}\n\nThe union said"
    )
    assert vague_lines(text, name) == [10]


def test_disable_a_rule_for_the_file_and_other_rules_still_report() -> None:
    text = "<!-- copydesk-disable-file vague-sourcing -->\n" + STORY + "\nOfficials say talks stalled. The tone of the night suggested “We will not give in to the company.”\n"
    findings = lint(text, name="story.md", select=("vague-sourcing", "unattributed-quote"))
    assert [f.rule for f in findings] == ["unattributed-quote"]


def test_disable_line_and_disable_everything() -> None:
    text = STORY.replace("for weeks.", "for weeks. <!-- copydesk-disable-line -->")
    assert vague_lines(text, "story.md") == [7]
    assert lint("<!-- copydesk-disable -->\n" + STORY, name="story.md") == []


def test_a_directive_line_is_not_copy_in_plain_text() -> None:
    text = STORY.replace("\nThe union said", "\n[copydesk-disable-next-line vague-sourcing]\nThe union said")
    assert not any("copydesk" in f.message for f in lint(text))


def test_per_file_ignores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.txt").write_text(STORY)
    (tmp_path / "new.txt").write_text(STORY)
    (tmp_path / ".copydesk.yaml").write_text('per_file_ignores:\n  "archive/*": [vague-sourcing]\nselect: [vague-sourcing]\n')
    monkeypatch.chdir(tmp_path)
    main(["check", ".", "--format", "json"])
    assert {Path(f["path"]).name for f in json.loads(capsys.readouterr().out)} == {"new.txt"}


def test_baseline_reports_only_new_findings_and_survives_edits_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "story.txt", "--write-baseline", "baseline.json"]) == 0
    recorded = json.loads((tmp_path / "baseline.json").read_text())
    assert recorded["version"] == 1 and sum(e["count"] for e in recorded["findings"]) == 2
    capsys.readouterr()
    assert main(["check", "story.txt", "--baseline", "baseline.json"]) == 0
    capsys.readouterr()

    # Lines added above move every old finding down; only the new one counts.
    story.write_text(STORY.replace("By Ana Ruiz\n", "By Ana Ruiz\n\nA new first paragraph: sources said the port was sold.\n"))
    assert main(["check", "story.txt", "--baseline", "baseline.json", "--format", "json"]) == 1
    new = json.loads(capsys.readouterr().out)
    assert [(f["rule"], f["line"]) for f in new] == [("vague-sourcing", 5)]


def test_a_bad_baseline_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "story.txt").write_text(STORY)
    (tmp_path / "baseline.json").write_text("{not json")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "story.txt", "--baseline", "baseline.json"]) == 2
    assert "not a copydesk baseline" in capsys.readouterr().err


def test_output_file_and_statistics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "story.txt").write_text(STORY)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "story.txt", "--format", "json", "--output-file", "report.json"]) == 1
    assert capsys.readouterr().out == ""
    assert len(json.loads((tmp_path / "report.json").read_text())) == 2
    assert main(["check", "story.txt", "--statistics"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["2", "vague-sourcing", "warning"]
    assert lines[-1] == "2 findings in 1 files."
