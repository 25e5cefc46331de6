"""``copydesk check -``: a story from standard input, named by
--stdin-filename, with the config's patterns applied to that name."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from linter.cli import main

REPEATED = (
    "Council Approves Harbour Budget\n\n"
    "The council approved the harbour budget on Monday after a long debate about roads.\n\n"
    "The council approved the harbour budget on Monday after a long debate about roads.\n"
)


@pytest.fixture(autouse=True)
def no_stray_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def run_with_stdin(args: list[str], data: bytes, capfdbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code = main(["check", *args])
    sys.stdout.flush()
    captured = capfdbinary.readouterr()
    return code, captured.out.decode(), captured.err.decode()


def test_findings_name_the_stdin_filename(capfdbinary, monkeypatch) -> None:
    code, out, _ = run_with_stdin(["-", "--stdin-filename", "news/harbour.txt"], REPEATED.encode(), capfdbinary, monkeypatch)
    assert code == 1
    assert "news/harbour.txt:5:1: error repeated-paragraph [*] Paragraph repeats the paragraph on line 3." in out.splitlines()


def test_without_a_name_findings_name_standard_input(capfdbinary, monkeypatch) -> None:
    code, out, _ = run_with_stdin(["-"], REPEATED.encode(), capfdbinary, monkeypatch)
    assert code == 1 and "-:5:1: error repeated-paragraph" in out


def test_the_suffix_picks_the_format(capfdbinary, monkeypatch) -> None:
    story = "---\ntitle: Council Approves Harbour Budget\n---\n\nCouncil Approves Harbour Budget\n\nThe council met.\n"
    _, as_markdown, _ = run_with_stdin(["-", "--stdin-filename", "a.md", "--format", "json"], story.encode(), capfdbinary, monkeypatch)
    _, as_text, _ = run_with_stdin(["-", "--stdin-filename", "a.txt", "--format", "json"], story.encode(), capfdbinary, monkeypatch)
    # Markdown reads the title from the front matter, so the heading repeats it.
    assert '"rule": "duplicated-headline"' in as_markdown
    assert '"line": 5' in as_markdown
    assert as_text != as_markdown


def test_per_file_ignores_match_the_stdin_filename(tmp_path, capfdbinary, monkeypatch) -> None:
    (tmp_path / ".copydesk.yaml").write_text('per_file_ignores:\n  "archive/*": [repeated-paragraph]\n')
    code, out, _ = run_with_stdin(["-", "--stdin-filename", "archive/old.txt"], REPEATED.encode(), capfdbinary, monkeypatch)
    assert "repeated-paragraph" not in out
    code, out, _ = run_with_stdin(["-", "--stdin-filename", "news/new.txt"], REPEATED.encode(), capfdbinary, monkeypatch)
    assert "repeated-paragraph" in out


def test_fix_writes_the_fixed_story_to_stdout_and_the_report_to_stderr(capfdbinary, monkeypatch) -> None:
    story = REPEATED.replace("\n", "\r\n").encode()
    code, out, err = run_with_stdin(["-", "--stdin-filename", "a.txt", "--fix"], story, capfdbinary, monkeypatch)
    fixed = story.decode()
    fixed = fixed[: fixed.rindex("\r\n\r\nThe council")] + "\r\n"
    assert out == fixed  # line endings kept, the repeat and the blank line before it gone
    assert "repeated-paragraph" not in err and "Found 1 problem" in err
    assert code == 0  # what is left is an info finding (no credit)


def test_fix_with_nothing_to_fix_passes_the_story_through(capfdbinary, monkeypatch) -> None:
    story = "Council Approves Harbour Budget\n\nThe council met on Monday.\n"
    _, out, _ = run_with_stdin(["-", "--fix"], story.encode(), capfdbinary, monkeypatch)
    assert out == story


def test_diff_shows_the_fix_under_the_name(capfdbinary, monkeypatch) -> None:
    code, out, _ = run_with_stdin(["-", "--stdin-filename", "a.txt", "--diff"], REPEATED.encode(), capfdbinary, monkeypatch)
    assert code == 1 and out.startswith("--- a/a.txt\n+++ b/a.txt\n")


def test_unreadable_input_is_a_finding(capfdbinary, monkeypatch) -> None:
    code, out, _ = run_with_stdin(["-", "--stdin-filename", "a.txt"], b"caf\xe9 au lait\n", capfdbinary, monkeypatch)
    assert "a.txt:1:1: warning unreadable-file" in out and "not valid UTF-8 at byte 3" in out


def test_stdin_is_given_alone(tmp_path, capfdbinary, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text("Text.\n")
    code, _, err = run_with_stdin(["-", "a.txt"], b"", capfdbinary, monkeypatch)
    assert code == 2 and "given alone" in err
    code, _, err = run_with_stdin(["a.txt", "--stdin-filename", "b.txt"], b"", capfdbinary, monkeypatch)
    assert code == 2 and "--stdin-filename only with it" in err


def test_a_real_pipe(tmp_path) -> None:
    env = {**os.environ, "COPYDESK_CACHE": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-m", "linter", "check", "-", "--stdin-filename", "desk/story.txt", "--fix"],
        input=REPEATED.encode(), capture_output=True, cwd=tmp_path, env=env, check=False,
    )
    assert done.stdout.decode().count("The council approved") == 1
    assert b"desk/story.txt:1:1: info missing-credit" in done.stderr
