"""--jobs: worker processes give the same findings, in the same order, as
one process, cross-file rules included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.cli import main
from linter.core.config import Config
from linter.core.engine import Engine
from linter.core.plugins import load_plugins

SHARED = "The port authority said it would ask a labor court on Friday to order the striking workers back to the docks."


def archive(folder: Path, count: int) -> Path:
    for n in range(count):
        body = [
            f"Story {n} says the council met on day {n} to weigh plan number {n * 7} for the river district.",
            "Officials say the vote could come next week." if n % 3 == 0 else f"Ms. Ortiz spoke about item {n}.",
        ]
        if n % 7 == 0:  # six stories of forty: copy shared, not a fifth of the run (standing copy)
            body.append(SHARED)
        if n % 4 == 0:
            body.append(body[0])
        headline = "Council Weighs River Plan" if n % 6 == 0 else f"Council Weighs Plan {n}"
        (folder / f"story-{n:03d}.txt").write_text(f"{headline}\n\nBy Ana Ruiz\n\n" + "\n\n".join(body) + "\n")
    return folder


def test_jobs_give_the_same_findings_in_the_same_order(tmp_path: Path) -> None:
    archive(tmp_path, 40)
    engine = Engine(Config(), load_plugins())
    one = engine.lint_paths([tmp_path], jobs=1)
    two = engine.lint_paths([tmp_path], jobs=2)
    assert one.findings == two.findings
    assert one.files == two.files
    rules = {f.rule for f in one.findings}
    assert {"duplicate-paragraph-across-files", "duplicate-headline-across-files", "repeated-paragraph", "vague-sourcing"} <= rules


def test_the_command_takes_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    archive(tmp_path, 24)
    monkeypatch.chdir(tmp_path)
    outputs = []
    for jobs in ("1", "3"):
        assert main(["check", ".", "--format", "json", "--jobs", jobs]) == 1
        outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[0] == outputs[1]
