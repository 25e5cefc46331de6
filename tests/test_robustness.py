"""Bad input, hostile rules and broken plugins: a clear message and exit
code, never a traceback, never a lost byte."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from linter.cli import main
from linter.core.config import Config
from linter.core.engine import Engine
from linter.support.errors import ConfigError
from linter.core.plugins import load_plugins
from linter.support.yamlsource import load_yaml

STORY = "Port Strike Enters Second Week\n\nBy Ana Ruiz\n\nDockworkers walked out on Monday. Officials say the port could stay closed.\n"


def run_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict]]:
    code = main([*args, "--format", "json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else []


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
        lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.replace("\n", "\r").encode("utf-8"),
        lambda t: t.rstrip("\n").encode("utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "crlf", "cr", "no-final-newline"],
)
def test_encodings_and_line_endings_give_the_same_finding(tmp_path: Path, encode, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "story.txt").write_bytes(encode(STORY))
    code, findings = run_json(["check", "story.txt"], capsys)
    assert code == 1
    assert [(f["rule"], f["line"], f["column"], f["end_column"]) for f in findings] == [("vague-sourcing", 5, 35, 48)]


def test_empty_blank_and_mixed_line_ending_files_lint_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b"\n \n\t\n")
    (tmp_path / "mixed.txt").write_bytes(b"Port Strike Ends Today\r\n\rBy Ana Ruiz\n\nThe strike ended.\r")
    code, findings = run_json(["check", "."], capsys)
    assert (code, findings) == (0, [])


def test_files_that_cannot_be_linted_are_findings_and_the_rest_is_linted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "story.txt").write_text(STORY)
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x00\x00" * 10)
    (tmp_path / "latin1.md").write_bytes("Caf\xe9 d\xe9cor\n".encode("latin-1"))
    (tmp_path / "big.txt").write_bytes(b"word " * (11 * 1024 * 1024 // 5))
    os.symlink(tmp_path / "gone.txt", tmp_path / "broken.txt")
    code, findings = run_json(["check", "."], capsys)
    assert code == 1
    got = {(f["path"], f["rule"], f["severity"], f["message"]) for f in findings}
    assert ("latin1.md", "unreadable-file", "warning", "not valid UTF-8 at byte 3; file not linted") in got
    assert ("binary.txt", "unreadable-file", "warning", "binary file, not an article; not linted") in got
    assert ("broken.txt", "unreadable-file", "warning", f"broken symbolic link to {tmp_path / 'gone.txt'}; not linted") in got
    assert any(p == "big.txt" and "above the 10.5 MB limit (max_file_size)" in m for p, _, _, m in got)
    assert ("story.txt", "vague-sourcing") in {(f["path"], f["rule"]) for f in findings}


def test_a_50_mb_file_is_skipped_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    with (tmp_path / "huge.md").open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper
    monkeypatch.setattr(os, "read", lambda *args: pytest.fail("a file above the limit must not be read"))
    code, findings = run_json(["check", "huge.md"], capsys)
    assert [f["rule"] for f in findings] == ["unreadable-file"] and "52.4 MB" in findings[0]["message"]


def test_a_permission_error_is_a_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "locked.txt").write_text(STORY)

    real_open = os.open

    def denied(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path).name != "locked.txt":
            return real_open(path, *args, **kwargs)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", denied)
    code, findings = run_json(["check", "locked.txt"], capsys)
    assert [(f["rule"], f["message"]) for f in findings] == [("unreadable-file", "cannot read the file: Permission denied")]


def test_strict_files_makes_an_unreadable_file_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    assert main(["check", "binary.txt"]) == 1
    (tmp_path / ".copydesk.yaml").write_text("strict_files: true\n")
    assert main(["check", "binary.txt"]) == 2


def test_symlink_loops_spaces_and_non_ascii_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "São Paulo desk"
    folder.mkdir()
    (folder / "grève du port.txt").write_text(STORY)
    os.symlink(tmp_path, folder / "loop")
    code, findings = run_json(["check", str(tmp_path)], capsys)
    assert [Path(f["path"]).name for f in findings] == ["grève du port.txt"]


def test_yaml_aliases_that_would_explode_are_refused(tmp_path: Path) -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 9):
        levels.append(f"{chr(97 + n)}: &{chr(97 + n)} [" + ", ".join([f"*{chr(96 + n)}"] * 10) + "]")
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(levels) + "\n")
    with pytest.raises(ConfigError, match="anchors and aliases expand to more than 100000 values"):
        load_yaml(bomb)
    small = tmp_path / "small.yaml"
    small.write_text("groups: &g [officials, sources]\nmore: *g\n")
    assert load_yaml(small)["more"] == ["officials", "sources"]


def test_a_pattern_that_backtracks_for_ever_is_stopped_once_and_the_rest_goes_on(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "slow.yaml").write_text(
        "id: slow-pattern\ncheck: anonymous-source\nseverity: warning\nmessage: m\n"
        "sources: '(?:a|aa)+(?:a|aa)+(?:a|aa)+b'\nreasons: [anonymity]\n"
    )
    engine = Engine(Config(rules=[rules], select=["slow-pattern", "vague-sourcing"]), load_plugins())
    problems: list[str] = []
    text = STORY.replace("Dockworkers walked out on Monday.", "a" * 60 + "c.")
    first = engine.lint_text(Path("one.txt"), text, problems)
    second = engine.lint_text(Path("two.txt"), text, problems)
    assert [f.rule for f in first] == [f.rule for f in second] == ["vague-sourcing"]
    assert problems == ["rule 'slow-pattern' timed out on one.txt; skipped for the rest of the run"]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("packs: [newsroom-extra]\n", "packs: unknown rule pack 'newsroom-extra'"),
        ("rules: [house-rules]\n", "house-rules: rule pack 'local:house-rules' not found"),
        ("names: [people.yaml]\n", "people.yaml: names registry not found"),
        ("style: nyt\nseverity: {vague-sourcing: loud}\n", ":2: severity: must map rule ids to error, warning or info"),
        ("style: [nyt]\n", ":1: style: must be a string"),
        ("max_file_size: -1\n", ":1: max_file_size: must be a positive number of bytes"),
    ],
)
def test_config_errors_exit_2_with_a_clear_message(
    tmp_path: Path, config: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "story.txt").write_text(STORY)
    (tmp_path / ".copydesk.yaml").write_text(config)
    assert main(["check", "story.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("copydesk: error: ") and message in err and "Traceback" not in err


def test_what_the_fuzzer_found_stays_fixed() -> None:
    from linter.article.document import LineIndex

    engine = Engine(Config(), load_plugins())
    for name, text in (("empty-item.md", "*\x0b"), ("long-word.txt", "A " + "f" * 3000 + " x said.\n")):
        problems: list[str] = []
        findings = engine.lint_text(Path(name), text, problems)
        assert problems == [], "no rule timed out or failed"
        for finding in findings:
            assert finding.span.start <= finding.span.end
            assert LineIndex(text).span(finding.span.start, finding.span.end) == finding.span
