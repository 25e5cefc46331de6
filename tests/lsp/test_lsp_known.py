"""The language server's remembered results (linter.lsp.known): a document
re-linted or reopened with the same text, path and engine is not checked
again, and nothing stale or broken gets through.

A "server" here is what a running server holds for linting: an Engines and
a KnownResults, used as lint_snapshot uses them; a restart is a new pair.
"""

from __future__ import annotations

import os
from pathlib import Path
import sqlite3

import pytest

from linter import lsp
from linter.cli import main
from linter.core import engine as engine_module
from linter.lsp.documents import Target
from linter.lsp import known
from linter.lsp.known import KnownResults
from linter.results.findings import Finding
from linter.results.store import PREFIX

STORY = (
    "Harbor ferry fares rise for the first time in a decade\n"
    "\n"
    "Fares on the harbor ferry will rise by a quarter next month, and officials say the increase is overdue.\n"
    "\n"
    "The ferry carries about four thousand riders a day between the two piers.\n"
)
CHANGED = STORY.replace("officials say", "the ferry's director, Ana Quiroga, said")


class Server:
    """What a server holds for linting, and how it lints a snapshot."""

    def __init__(self, folder: Path) -> None:
        self.engines = lsp.Engines()
        self.known = KnownResults()
        self.folder = folder

    def lint(self, path: Path, text: str, version: int = 1) -> tuple[list[Finding], list[str]]:
        loaded, _ = self.engines.for_folder(self.folder)
        assert loaded.engine is not None, loaded.error
        problems: list[str] = []
        target = Target(path.as_uri(), version, text, "text", path, self.folder)
        return self.known.lint(loaded, target, problems), problems

    def stop(self) -> None:
        self.known.close()


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with a config and a cache folder of its own."""
    monkeypatch.setenv("COPYDESK_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / ".copydesk.yaml").write_text("style: nyt\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of every story checked (every engine's lint_text call)."""
    seen: list[str] = []
    lint_text = engine_module.Engine.lint_text

    def spy(self, path, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(path.name)
        return lint_text(self, path, text, *args, **kwargs)

    monkeypatch.setattr(engine_module.Engine, "lint_text", spy)
    return seen


def _stores(workspace: Path) -> list[Path]:
    return sorted((workspace.parent / "cache").glob(f"{PREFIX}*.sqlite"))


def test_a_story_reopened_unchanged_after_a_restart_is_not_checked_again(workspace: Path, checked: list[str]) -> None:
    story = workspace / "ferry.txt"
    first, problems = Server(workspace).lint(story, STORY)
    assert not problems and checked == ["ferry.txt"]
    assert "vague-sourcing" in {finding.rule for finding in first}
    again, problems = Server(workspace).lint(story, STORY)  # a new server: new engines, nothing in memory
    assert again == first and not problems
    assert checked == ["ferry.txt"]


def test_a_re_lint_of_the_same_text_is_answered_from_memory_with_the_cache_off(
    workspace: Path, checked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COPYDESK_CACHE", "off")
    server, story = Server(workspace), workspace / "ferry.txt"
    first, _ = server.lint(story, STORY)
    assert server.lint(story, STORY, version=2)[0] == first  # saved, or a config file touched without a change
    assert checked == ["ferry.txt"] and not _stores(workspace)


def test_a_changed_text_is_checked_again(workspace: Path, checked: list[str]) -> None:
    server, story = Server(workspace), workspace / "ferry.txt"
    server.lint(story, STORY)
    changed, _ = server.lint(story, CHANGED, version=2)
    assert checked == ["ferry.txt", "ferry.txt"]
    assert "vague-sourcing" not in {finding.rule for finding in changed}
    assert Server(workspace).lint(story, CHANGED)[0] == changed  # the store keeps a path's latest result
    assert len(checked) == 2


def test_the_same_text_under_another_path_is_checked(workspace: Path, checked: list[str]) -> None:
    server = Server(workspace)
    server.lint(workspace / "ferry.txt", STORY)
    other, _ = server.lint(workspace / "ferry-copy.txt", STORY)
    assert checked == ["ferry.txt", "ferry-copy.txt"]
    assert {finding.path for finding in other} == {workspace / "ferry-copy.txt"}


def test_a_config_change_is_a_new_engine_whose_findings_are_its_own(workspace: Path, checked: list[str]) -> None:
    server, story = Server(workspace), workspace / "ferry.txt"
    server.lint(story, STORY)
    config = workspace / ".copydesk.yaml"
    before = config.stat().st_mtime_ns
    config.write_text("style: nyt\nignore: [vague-sourcing]\n", encoding="utf-8")
    later = before + 1_000_000_000  # surely a new time
    os.utime(config, ns=(later, later))
    findings, _ = server.lint(story, STORY, version=2)
    assert checked == ["ferry.txt", "ferry.txt"]
    assert "vague-sourcing" not in {finding.rule for finding in findings}
    assert Server(workspace).lint(story, STORY)[0] == findings  # a restart finds the new config's result
    assert len(checked) == 2


@pytest.mark.parametrize("damage", [b"not a database at all, only words", b"SQLite format 3\x00" + b"\xff" * 200])
def test_a_damaged_store_is_survived_and_made_anew(workspace: Path, checked: list[str], damage: bytes) -> None:
    story = workspace / "ferry.txt"
    server = Server(workspace)
    first, _ = server.lint(story, STORY)
    server.stop()
    (store,) = _stores(workspace)
    for suffix in ("-wal", "-shm"):
        Path(f"{store}{suffix}").unlink(missing_ok=True)
    store.write_bytes(damage)
    again, problems = Server(workspace).lint(story, STORY)
    assert again == first and not problems and len(checked) == 2
    assert Server(workspace).lint(story, STORY)[0] == first and len(checked) == 2  # the new store keeps it


def test_a_store_that_cannot_be_opened_costs_nothing_but_the_time(workspace: Path, checked: list[str]) -> None:
    story = workspace / "ferry.txt"
    server = Server(workspace)
    first, _ = server.lint(story, STORY)
    server.stop()
    (store,) = _stores(workspace)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{store}{suffix}").unlink(missing_ok=True)
    store.mkdir()  # not a file: SQLite cannot open it
    server = Server(workspace)
    assert server.lint(story, STORY)[0] == first
    assert server.lint(story, CHANGED, version=2)[1] == []
    assert len(checked) == 3


def test_a_result_with_a_failed_rule_is_not_kept(workspace: Path, checked: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    server, story = Server(workspace), workspace / "ferry.txt"
    loaded, _ = server.engines.for_folder(workspace)
    check = next(check for check in loaded.engine.checks if check.rule.id == "vague-sourcing")  # type: ignore[union-attr]
    works, failed = check.check, []

    def fails_once(doc):  # type: ignore[no-untyped-def]
        if not failed:
            failed.append(doc.path)
            raise RuntimeError("a rule's bug")
        return works(doc)

    monkeypatch.setattr(check, "check", fails_once)
    _, problems = server.lint(story, STORY)
    assert any("vague-sourcing" in problem for problem in problems)
    findings, problems = server.lint(story, STORY, version=2)  # linted again, not taken from the failed run
    assert not problems and "vague-sourcing" in {finding.rule for finding in findings}
    assert server.lint(story, STORY, version=3)[0] == findings
    assert Server(workspace).lint(story, STORY)[0] == findings
    assert checked == ["ferry.txt", "ferry.txt"]


def test_a_file_the_command_line_linted_opens_without_being_checked(
    workspace: Path, checked: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    stories = [workspace / "ferry.txt", workspace / "pier.txt"]
    stories[0].write_text(STORY, encoding="utf-8")
    stories[1].write_text(CHANGED.replace("ferry", "pier"), encoding="utf-8")
    main(["check", *map(str, stories)])  # the same paths an editor gives: a warm run keeps them
    capsys.readouterr()
    assert len(checked) == 2
    findings, _ = Server(workspace).lint(stories[0], STORY)
    assert len(checked) == 2
    assert "vague-sourcing" in {finding.rule for finding in findings}


def test_a_store_locked_by_another_run_is_set_aside_then_used_again(
    workspace: Path, checked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(known, "RETRY_SECONDS", 0.0)
    story = workspace / "ferry.txt"
    server = Server(workspace)
    first, _ = server.lint(story, STORY)
    server.stop()
    (store,) = _stores(workspace)
    other = sqlite3.connect(store, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another run writing, for longer than the server waits
    server = Server(workspace)
    assert server.lint(story, STORY) == (first, [])
    assert len(checked) == 2
    other.execute("ROLLBACK")
    other.close()
    assert Server(workspace).lint(story, STORY)[0] == first and len(checked) == 2  # the store was left alone
    changed, _ = server.lint(story, CHANGED, version=2)  # the store is opened again, and keeps it
    assert len(checked) == 3
    assert Server(workspace).lint(story, CHANGED)[0] == changed and len(checked) == 3


def test_a_text_no_file_reads_as_is_linted_as_it_is_and_not_stored(workspace: Path, checked: list[str]) -> None:
    story, text = workspace / "ferry.txt", STORY.replace("decade", "decade\x00")  # a NUL: a file of it reads as binary
    first, problems = Server(workspace).lint(story, text)
    assert not problems and "vague-sourcing" in {finding.rule for finding in first}
    assert Server(workspace).lint(story, text)[0] == first
    assert checked == ["ferry.txt", "ferry.txt"]
