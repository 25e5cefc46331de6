"""Hostile input cannot hang, crash or misdirect a run: each input is made
here by the test itself, and every other story of the run is still linted."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from linter.cli import main

STORY = "Harbor Board Backs Dredging\n\nOfficials say the work could take a year.\n"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text(STORY)


def lint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, list[tuple[str, str]]]]:
    code = main(["check", "--format", "json", *args])
    by_file: dict[str, list[tuple[str, str]]] = {}
    for finding in json.loads(capsys.readouterr().out):
        by_file.setdefault(Path(finding["path"]).name, []).append((finding["rule"], finding["message"]))
    return code, by_file


# -- special files ---------------------------------------------------------


@pytest.mark.parametrize("named", [True, False], ids=["named", "walked"])
def test_fifos_devices_and_links_to_them_are_reported_never_read(capsys: pytest.CaptureFixture[str], named: bool) -> None:
    os.mkfifo("pipe.md")  # opening it for reading would block until a writer came
    os.symlink("/dev/zero", "zero.txt")  # reading it would never end
    os.symlink("/dev/urandom", "random.md")
    code, found = lint(capsys, *(["pipe.md", "zero.txt", "random.md", "story.txt"] if named else ["."]))
    assert code == 1
    assert found["pipe.md"] == [("unreadable-file", "not a regular file (a named pipe); not read")]
    assert found["zero.txt"] == found["random.md"] == [("unreadable-file", "not a regular file (a character device); not read")]
    assert ("vague-sourcing", "Vague sourcing: “Officials say” does not say who.") in found["story.txt"]


def test_a_device_named_by_its_own_path_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, found = lint(capsys, "/dev/zero", "story.txt")
    assert found["zero"] == [("unreadable-file", "not a regular file (a character device); not read")]


def test_reading_stops_at_the_limit_whatever_the_size_said(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    Path(".copydesk.yaml").write_text("max_file_size: 1000\n")
    Path("growing.txt").write_text("Short at first.\n")
    real_read, reads = os.read, []

    def growing(handle: int, size: int) -> bytes:  # the file grows as it is read
        reads.append(size)
        return b"x" * size if len(reads) < 50 else real_read(handle, size)

    monkeypatch.setattr(os, "read", growing)
    code, found = lint(capsys, "growing.txt")
    assert found["growing.txt"] == [("unreadable-file", "file grew while it was read, above the 1,000 bytes limit (max_file_size); not linted")]
    assert sum(reads) <= 1001


def test_a_folder_that_cannot_be_listed_is_a_finding(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    Path("desk/locked").mkdir(parents=True)
    Path("desk/open.txt").write_text(STORY)
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    real_open = os.open

    def open_(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    code, found = lint(capsys, "desk")
    assert found["locked"] == [("unreadable-file", "cannot read the folder: Permission denied; its stories were not linted")]
    assert "open.txt" in found


# -- YAML anywhere is bounded ----------------------------------------------

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(8)
)
DEEP = "title: " + "[" * 500 + "]" * 500 + "\n"


@pytest.mark.parametrize(("front", "why"), [(LAUGHS, "expand to more than"), (DEEP, "nested deeper than")], ids=["laughs", "deep"])
def test_front_matter_past_a_limit_is_an_invalid_article(capsys: pytest.CaptureFixture[str], front: str, why: str) -> None:
    Path("bomb.md").write_text(f"---\n{front}---\n\nA paragraph of the story.\n")
    code, found = lint(capsys, "bomb.md", "story.txt")
    assert code == 1
    [(rule, message)] = found["bomb.md"]
    assert rule == "invalid-article" and why in message
    assert "story.txt" in found


@pytest.mark.parametrize(("text", "why"), [(LAUGHS, "expand to more than"), (DEEP, "nested deeper than")], ids=["laughs", "deep"])
def test_a_config_or_rule_file_past_a_limit_exits_2_with_its_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, why: str
) -> None:
    Path(".copydesk.yaml").write_text(text)
    assert main(["check", "story.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"copydesk: error: {tmp_path / '.copydesk.yaml'}") and why in err
    Path("house").mkdir()
    Path("house/bomb.yaml").write_text(text)
    Path(".copydesk.yaml").write_text("rules: [house]\n")
    assert main(["check", "story.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"copydesk: error: {tmp_path / 'house' / 'bomb.yaml'}") and why in err
