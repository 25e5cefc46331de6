"""copydesk check --read-as FORMAT: every file read with one input format,
whatever its suffix (Vale's --ignore-syntax is --read-as text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.cli import main

STORY = "# Harbor notes\n\nThe ferry left.\n\n```text\nXXX: the pier is shut\n```\n"


def _run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str, str]:
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n[*]\nBasedOnStyles = Desk\n")
    (tmp_path / "styles" / "Desk").mkdir(parents=True, exist_ok=True)
    (tmp_path / "styles" / "Desk" / "Marks.yml").write_text("extends: existence\nmessage: \"'%s' left in\"\nlevel: warning\ntokens: [XXX]\n")
    (tmp_path / "notes.md").write_text(STORY)
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--select", "desk.*", *options, "notes.md"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_markdown_read_as_text_has_its_code_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert "desk.marks" not in _run(tmp_path, monkeypatch, capsys)[1]  # code is not copy in Markdown
    code, out, _ = _run(tmp_path, monkeypatch, capsys, "--read-as", "text")
    assert code == 1 and "notes.md:6:1: warning desk.marks 'XXX' left in" in out


def test_an_unknown_input_format_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(tmp_path, monkeypatch, capsys, "--read-as", "docx")
    assert code == 2 and "unknown input format 'docx'" in err and "markdown" in err
