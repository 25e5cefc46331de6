"""--fix and --diff: only exact repeats are removed, every other byte is
kept, the write is atomic, and a second run changes nothing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from linter.cli import main
from linter.article.source import ChangedOnDisk, read_source, write_source

STORY = [
    "Summary: the council approved the budget after a long night of debate, officials said.",
    "Council Approves Budget After Long Debate",
    "",
    "Council Approves Budget After Long Debate",
    "By Ana Ruiz",
    "The city council voted 7 to 2 on Tuesday to approve next year's budget, which raises spending on parks and libraries.",
    "“This budget keeps our promises,” said Mayor Lena Ortiz, who proposed it in March after months of hearings.",
    "Opponents said the plan relied on optimistic revenue forecasts and would leave the city exposed in a downturn.",
    "The city council voted 7 to 2 on Tuesday to approve next year's budget, which raises spending on parks and libraries.",
    "“This budget keeps our promises,” said Mayor Lena Ortiz, who proposed it in March after months of hearings.",
]
# What --fix must leave: line 4 (the headline again) and lines 9-10 (repeats) gone.
FIXED = [line for number, line in enumerate(STORY, 1) if number not in (4, 9, 10)]


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize(
    ("newline", "final_newline", "bom", "encoding"),
    [
        ("\n", True, b"", "utf-8"),
        ("\r\n", True, b"", "utf-8"),
        ("\n", False, b"", "utf-8"),
        ("\r\n", False, b"\xef\xbb\xbf", "utf-8"),
        ("\n", True, b"\xff\xfe", "utf-16-le"),
    ],
)
def test_fix_removes_exact_repeats_and_keeps_every_other_byte(
    tmp_path: Path, newline: str, final_newline: bool, bom: bytes, encoding: str, capsys: pytest.CaptureFixture[str]
) -> None:
    def encode(lines: list[str]) -> bytes:
        return bom + (newline.join(lines) + (newline if final_newline else "")).encode(encoding)

    story = tmp_path / "story.txt"
    story.write_bytes(encode(STORY))
    main(["check", "--fix", str(story)])
    assert story.read_bytes() == encode(FIXED)
    assert "fixed 3 problems in 1 file" in capsys.readouterr().err

    main(["check", "--fix", str(story)])
    assert story.read_bytes() == encode(FIXED)
    assert "fixed" not in capsys.readouterr().err


def test_diff_shows_the_fix_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.txt"
    story.write_text("\n".join(STORY) + "\n")
    before = story.read_bytes()
    assert main(["check", "--diff", "story.txt"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("--- a/story.txt\n+++ b/story.txt\n")
    removed = [line[1:] for line in out.splitlines() if line.startswith("-") and not line.startswith("---")]
    assert removed == [STORY[3], STORY[8], STORY[9]]
    assert not [line for line in out.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert story.read_bytes() == before
    story.write_text("\n".join(FIXED) + "\n")
    assert main(["check", "--diff", "story.txt"]) == 0
    assert capsys.readouterr().out == ""


def test_fix_reports_what_is_left_and_keeps_permissions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.txt"
    story.write_text("\n".join(STORY) + "\n")
    story.chmod(0o640)
    code = main(["check", "--fix", "--format", "json", "story.txt"])
    assert stat.S_IMODE(story.stat().st_mode) == 0o640
    out = capsys.readouterr().out
    assert "repeated-paragraph" not in out and "duplicated-headline" not in out
    assert code == 1  # the vague sourcing in the summary is still there
    assert "vague-sourcing" in out


def test_near_duplicates_and_single_paragraphs_are_never_removed(tmp_path: Path) -> None:
    lines = STORY[:8] + [STORY[5].replace("7 to 2", "seven to two")]
    story = tmp_path / "story.txt"
    story.write_text("\n".join(lines) + "\n")
    main(["check", "--fix", "story.txt"])
    assert story.read_text().splitlines() == [line for n, line in enumerate(lines, 1) if n != 4]


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("first version\n")
    source = read_source(story)
    story.write_text("an editor's newer version\n")
    with pytest.raises(ChangedOnDisk):
        write_source(source, "fixed\n")
    assert story.read_text() == "an editor's newer version\n"


def test_a_failure_mid_write_leaves_the_original_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story = tmp_path / "story.txt"
    story.write_text("original\n")
    source = read_source(story)

    def crash(*args: object) -> None:
        raise KeyboardInterrupt  # as if the process were stopped before the rename

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        write_source(source, "fixed\n")
    assert story.read_text() == "original\n"
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"], "no temporary file is left behind"


@pytest.mark.parametrize("ending", ["\n", "", "\n\n"])
def test_removing_the_last_paragraph_leaves_no_blank_line_at_the_end(tmp_path: Path, ending: str) -> None:
    paragraph = "The harbor board voted on Monday to dredge the north channel before the autumn storms arrive."
    body = f"Harbor Board Backs Dredging Plan\n\n{paragraph}\n\nWork starts in May, the board said in a statement issued late on Monday.\n\n"
    story = tmp_path / "story.txt"
    story.write_text(body + paragraph + ending, encoding="utf-8")
    main(["check", "--fix", str(story)])
    assert story.read_text(encoding="utf-8") == body.rstrip("\n") + ending  # the file ends as it ended
