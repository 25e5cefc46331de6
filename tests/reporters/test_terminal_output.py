"""The text report on a terminal and in a pipe: colour only on a terminal
(NO_COLOR and FORCE_COLOR honoured), [*] on what --fix can fix, counted
nouns, and --show-source."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from linter.reporters.terminal import counted

STORY = (
    "Council Approves Harbour Budget\n\n"
    "The council approved the harbour budget on Monday after a long debate about roads.\n\n"
    "The council approved the harbour budget on Monday after a long debate about roads.\n"
)
ESCAPE = "\x1b["


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    return path


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return {**env, "COPYDESK_CACHE": str(tmp_path / "cache"), **extra}


def on_a_terminal(args: list[str], env: dict[str, str], cwd: Path) -> str:
    """What the command writes to a pseudo-terminal."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "linter", *args], stdout=follower, stderr=follower, env=env, cwd=cwd)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the command is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait()
    os.close(leader)
    return b"".join(chunks).decode().replace("\r\n", "\n")


def in_a_pipe(args: list[str], env: dict[str, str], cwd: Path) -> str:
    done = subprocess.run([sys.executable, "-m", "linter", *args], capture_output=True, env=env, cwd=cwd, check=False)
    return done.stdout.decode()


def test_colour_on_a_terminal_and_not_in_a_pipe(story, tmp_path) -> None:
    terminal = on_a_terminal(["check", str(story)], environment(tmp_path), tmp_path)
    assert f"{ESCAPE}1;31merror" in terminal and "[*]" in terminal
    piped = in_a_pipe(["check", str(story)], environment(tmp_path), tmp_path)
    assert ESCAPE not in piped
    assert f"{story}:5:1: error repeated-paragraph [*] Paragraph repeats the paragraph on line 3." in piped.splitlines()


def test_no_color_and_force_color(story, tmp_path) -> None:
    assert ESCAPE not in on_a_terminal(["check", str(story)], environment(tmp_path, NO_COLOR="1"), tmp_path)
    assert ESCAPE in in_a_pipe(["check", str(story)], environment(tmp_path, FORCE_COLOR="1"), tmp_path)
    assert ESCAPE not in in_a_pipe(["check", str(story)], environment(tmp_path, FORCE_COLOR="0"), tmp_path)


def test_the_summary_counts_with_plurals_and_fixable_findings(story, tmp_path) -> None:
    piped = in_a_pipe(["check", str(story)], environment(tmp_path), tmp_path)
    assert piped.splitlines()[-2:] == ["[*] 1 fixable with `--fix`.", "Found 2 problems (1 error, 1 info) in 1 file."]
    assert [counted(1, "error"), counted(2, "error"), counted(2, "info"), counted(1, "file")] == ["1 error", "2 errors", "2 info", "1 file"]


def test_show_source_puts_a_caret_under_the_span(story, tmp_path) -> None:
    piped = in_a_pipe(["check", str(story), "--show-source", "--select", "repeated-paragraph"], environment(tmp_path), tmp_path)
    lines = piped.splitlines()
    at = lines.index(f"{story}:5:1: error repeated-paragraph [*] Paragraph repeats the paragraph on line 3.")
    paragraph = STORY.splitlines()[4]
    assert lines[at + 1 : at + 4] == ["  |", f"5 | {paragraph}", "  | " + "^" * len(paragraph)]


def test_a_progress_bar_on_a_terminal_and_none_in_a_pipe(tmp_path) -> None:
    desk = tmp_path / "desk"
    desk.mkdir()
    for number in range(60):
        (desk / f"story-{number:02d}.txt").write_text(f"Story Number {number}\n\nThe harbour opened at {number} minutes past six.\n")
    terminal = on_a_terminal(["check", str(desk), "-j", "1"], environment(tmp_path), tmp_path)
    assert "] 60/60 files" in terminal and "\r[" in terminal
    assert terminal.rstrip().endswith("in 60 files.")  # the bar is wiped before the report
    done = subprocess.run(
        [sys.executable, "-m", "linter", "check", str(desk), "-j", "1"],
        capture_output=True, env=environment(tmp_path), cwd=tmp_path, check=False,
    )
    assert b"files" not in done.stderr and b"\r" not in done.stderr
