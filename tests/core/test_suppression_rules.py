"""Suppression comments are checked (invalid-suppression, unused-suppression),
and the problems of files that cannot be linted are ordinary rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.cli import main
from conftest import ROOT

LEAD = "The harbor board voted on Monday to dredge the north channel before the autumn storms."
VAGUE = "Officials say the work could take a year."


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.md").write_text("")


def findings(capsys: pytest.CaptureFixture[str], *args: str) -> list[tuple[str, int, str]]:
    main(["check", "--format", "json", *args])
    return [(f["rule"], f["line"], f["message"]) for f in json.loads(capsys.readouterr().out)]


def story(*lines: str) -> str:
    text = "---\ntitle: Harbor Board Backs Dredging\nbyline: By Ana Ruiz\n---\n\n" + "\n\n".join(lines) + "\n"
    Path("story.md").write_text(text, encoding="utf-8")
    return "story.md"


def test_a_comment_that_silences_a_finding_is_used(capsys: pytest.CaptureFixture[str]) -> None:
    path = story(LEAD, "<!-- copydesk-disable-next-line vague-sourcing -->\n" + VAGUE)
    assert findings(capsys, path) == []


def test_a_misspelt_rule_id_is_reported_with_the_nearest_real_one(capsys: pytest.CaptureFixture[str]) -> None:
    path = story(LEAD, "<!-- copydesk-disable-next-line vague-sorcing -->\n" + VAGUE)
    got = findings(capsys, path)
    assert ("invalid-suppression", 8, "Suppression comment names unknown rule 'vague-sorcing' (did you mean 'vague-sourcing'?).") in got
    assert any(rule == "vague-sourcing" for rule, _, _ in got), "the misspelt comment silenced nothing"


def test_a_comment_that_silences_nothing_is_unused(capsys: pytest.CaptureFixture[str]) -> None:
    path = story("<!-- copydesk-disable-next-line vague-sourcing, missing-credit -->\n" + LEAD)
    assert findings(capsys, path) == [
        ("unused-suppression", 6, "Suppression of missing-credit is unused: it silenced nothing."),
        ("unused-suppression", 6, "Suppression of vague-sourcing is unused: it silenced nothing."),
    ]


def test_a_blanket_comment_that_silences_nothing_is_unused(capsys: pytest.CaptureFixture[str]) -> None:
    path = story(LEAD + " <!-- copydesk-disable-line -->")
    assert findings(capsys, path) == [("unused-suppression", 6, "Suppression of every rule is unused: it silenced nothing.")]


def test_range_and_file_comments_are_judged_too(capsys: pytest.CaptureFixture[str]) -> None:
    path = story("<!-- copydesk-disable-file missing-credit -->", "<!-- copydesk-disable vague-sourcing -->", VAGUE, "<!-- copydesk-enable -->", LEAD)
    assert findings(capsys, path) == [("unused-suppression", 6, "Suppression of missing-credit is unused: it silenced nothing.")]


@pytest.mark.parametrize("args", [["--select", "name-*"], ["--ignore", "vague-sourcing"]])
def test_rules_not_run_are_not_judged(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    path = story(LEAD, "<!-- copydesk-disable-next-line vague-sourcing -->\n" + VAGUE)
    assert findings(capsys, *args, path) == []


def test_rules_of_a_pack_not_enabled_are_known_and_not_judged(capsys: pytest.CaptureFixture[str]) -> None:
    path = story("<!-- copydesk-disable-next-line newsroom-doubled-word -->\n" + LEAD)
    assert findings(capsys, path) == []


def test_rules_across_files_cannot_be_silenced_by_a_comment(capsys: pytest.CaptureFixture[str]) -> None:
    path = story("<!-- copydesk-disable-next-line duplicate-paragraph-across-files -->\n" + LEAD)
    [(rule, line, message)] = findings(capsys, path)
    assert (rule, line) == ("invalid-suppression", 6) and "per_file_ignores" in message


def test_the_suppression_rules_are_ordinary_rules(capsys: pytest.CaptureFixture[str]) -> None:
    path = story("<!-- copydesk-disable-next-line vague-sorcing -->\n" + LEAD)
    assert findings(capsys, "--ignore", "invalid-suppression,unused-suppression", path) == []
    Path(".copydesk.yaml").write_text("severity:\n  invalid-suppression: error\n")
    assert main(["check", "--fail-on", "error", path]) == 1
    capsys.readouterr()
    assert main(["explain", "unused-suppression"]) == 0
    assert "RUF100" in capsys.readouterr().out


def test_file_problems_are_ordinary_rules(capsys: pytest.CaptureFixture[str]) -> None:
    Path("latin1.txt").write_bytes("Caf\xe9 owners protest new rules\n".encode("latin-1"))
    assert findings(capsys, "latin1.txt") == [("unreadable-file", 1, "not valid UTF-8 at byte 3; file not linted")]
    assert findings(capsys, "--ignore", "unreadable-file", "latin1.txt") == []
    Path(".copydesk.yaml").write_text("severity:\n  unreadable-file: error\n")
    main(["check", "--format", "json", "latin1.txt"])
    assert [f["severity"] for f in json.loads(capsys.readouterr().out)] == ["error"]
    for rule in ("unreadable-file", "invalid-article"):
        assert main(["explain", rule]) == 0
    assert "invalid-article" in ROOT.joinpath("docs", "rules.md").read_text(encoding="utf-8")
