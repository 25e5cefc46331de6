"""Warm runs: the result store gives a run the output of a cold one, lints
again exactly what changed, and survives a damaged store and two runs at
once (see linter.core.warm and linter.results.store)."""

from __future__ import annotations

import os
from pathlib import Path
import sqlite3
import subprocess
import sys

import pytest

import linter
from linter.cli import main
from linter.core import engine as engine_module, parallel
from linter.results.store import PREFIX
from test_parallel import SHARED, archive

FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")


def write_stories(folder: Path, count: int) -> Path:
    """Stories with findings of their own and across files (see test_parallel)."""
    folder.mkdir(parents=True, exist_ok=True)
    return archive(folder, count)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder (the working folder) with its own cache folder."""
    monkeypatch.setenv("COPYDESK_CACHE", str(tmp_path / "cache"))
    work = tmp_path / "project"
    write_stories(work / "stories", 24)
    monkeypatch.chdir(work)
    return work


@pytest.fixture
def linted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of every file a run parses and checks, in order (those
    handed to worker processes, with --jobs, as they are handed)."""
    seen: list[str] = []
    lint_text = engine_module.Engine.lint_text
    in_workers = parallel.lint_in_workers

    def spy(self, path, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(path.name)
        return lint_text(self, path, text, *args, **kwargs)

    def spy_workers(lint_chunk, files, *args):  # type: ignore[no-untyped-def]
        seen.extend(path.name for path in files)
        return in_workers(lint_chunk, files, *args)

    monkeypatch.setattr(engine_module.Engine, "lint_text", spy)
    monkeypatch.setattr(parallel, "lint_in_workers", spy_workers)
    return seen


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    main(["check", *args])
    return capsys.readouterr().out


def store_files(project: Path) -> list[Path]:
    return sorted((project.parent / "cache").glob(f"{PREFIX}*.sqlite"))


def cold_and_stored(capsys: pytest.CaptureFixture[str], project: Path) -> tuple[str, Path]:
    """A cold run's output, and the store a first cached run filled."""
    cold = run(capsys, "stories", "--no-cache")
    run(capsys, "stories")
    (store,) = store_files(project)
    return cold, store


@pytest.mark.parametrize("output", FORMATS)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_warm_run_prints_what_a_cold_one_does(
    project: Path, capsys: pytest.CaptureFixture[str], linted: list[str], output: str, jobs: str
) -> None:
    cold = run(capsys, "stories", "--format", output, "--jobs", jobs, "--no-cache")
    assert "across-files" in cold  # the matching across files is part of what is compared
    assert not store_files(project)  # --no-cache keeps nothing
    first = run(capsys, "stories", "--format", output, "--jobs", jobs)
    linted.clear()
    warm = run(capsys, "stories", "--format", output, "--jobs", jobs)
    assert linted == []  # nothing parsed or checked again
    assert first == cold and warm == cold


def test_a_changed_story_is_linted_again_and_the_matching_redone(
    project: Path, capsys: pytest.CaptureFixture[str], linted: list[str]
) -> None:
    run(capsys, "stories")
    story = project / "stories" / "story-005.txt"
    lifted = (project / "stories" / "story-010.txt").read_text().splitlines()[4]
    story.write_text(story.read_text() + f"\n{lifted}\n")  # now shares a paragraph with story 10
    linted.clear()
    warm = run(capsys, "stories")
    assert linted == ["story-005.txt"]
    assert warm == run(capsys, "stories", "--no-cache")
    assert "story-005.txt:9:1: warning duplicate-paragraph-across-files" in warm
    assert "story-010.txt:5:1: warning duplicate-paragraph-across-files" in warm  # an unchanged story's finding


def test_a_duplicate_edited_away_takes_the_unchanged_story_s_finding_with_it(
    project: Path, capsys: pytest.CaptureFixture[str], linted: list[str]
) -> None:
    story = project / "stories" / "story-005.txt"
    original = story.read_text()
    lifted = (project / "stories" / "story-010.txt").read_text().splitlines()[4]
    story.write_text(original + f"\n{lifted}\n")
    assert "story-010.txt:5:1: warning duplicate-paragraph-across-files" in run(capsys, "stories")
    story.write_text(original)  # the copy edited away: story 10, unchanged, has no duplicate now
    linted.clear()
    warm = run(capsys, "stories")
    assert linted == ["story-005.txt"]
    assert warm == run(capsys, "stories", "--no-cache")
    assert "story-010.txt:5:1" not in warm and "story-005.txt:9:1" not in warm


def test_a_new_and_a_removed_story_change_the_matching(
    project: Path, capsys: pytest.CaptureFixture[str], linted: list[str]
) -> None:
    run(capsys, "stories")
    (project / "stories" / "story-007.txt").unlink()  # one of the stories sharing SHARED
    (project / "stories" / "story-100.txt").write_text(f"A New Story\n\nBy Ana Ruiz\n\n{SHARED}\n")
    linted.clear()
    warm = run(capsys, "stories")
    assert linted == ["story-100.txt"]
    assert warm == run(capsys, "stories", "--no-cache")
    assert "story-007" not in warm and "story-100.txt:5:1: warning duplicate-paragraph-across-files" in warm


@pytest.mark.parametrize(
    "change",
    ["config", "rule file", "registry", "version"],
)
def test_what_decides_every_story_s_findings_invalidates_every_story(
    project: Path, capsys: pytest.CaptureFixture[str], linted: list[str], monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    (project / "house").mkdir()
    rule = project / "house" / "plan.yaml"
    rule.write_text('id: house-plan\ncheck: existence\nseverity: info\nmessage: "House word: {match}"\ntokens: [plan]\n')
    registry = project / "people.yaml"
    registry.write_text("people:\n  - name: Ana Ruiz\n    surname: Ruiz\n    honorific: Ms.\n")
    config = project / ".copydesk.yaml"
    config.write_text("rules: [house]\nnames: [people.yaml]\n")
    run(capsys, "stories")
    linted.clear()
    assert run(capsys, "stories") and linted == []
    if change == "config":
        config.write_text("rules: [house]\nnames: [people.yaml]\nseverity: {vague-sourcing: error}\n")
    elif change == "rule file":
        rule.write_text(rule.read_text().replace("[plan]", "[plan, council]"))
    elif change == "registry":
        registry.write_text(registry.read_text() + "  - name: Lena Ortiz\n    surname: Ortiz\n    honorific: Ms.\n")
    else:
        monkeypatch.setattr(linter, "__version__", "99.0")
    warm = run(capsys, "stories")
    assert len(linted) == 24
    assert warm == run(capsys, "stories", "--no-cache")


def test_settings_that_do_not_decide_findings_keep_the_results(
    project: Path, capsys: pytest.CaptureFixture[str], linted: list[str]
) -> None:
    run(capsys, "stories")
    (project / ".copydesk.yaml").write_text("fail_on: error\nexclude: ['*.draft.txt']\n")
    linted.clear()
    run(capsys, "stories")
    assert linted == []


@pytest.mark.parametrize("damage", ["garbage", "truncated", "another database", "empty"])
def test_a_damaged_store_is_ignored_and_made_anew(
    project: Path, capsys: pytest.CaptureFixture[str], linted: list[str], damage: str
) -> None:
    cold, store = cold_and_stored(capsys, project)
    if damage == "garbage":
        store.write_bytes(os.urandom(50_000))
    elif damage == "truncated":
        store.write_bytes(store.read_bytes()[:3000])
    elif damage == "another database":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{store}{suffix}").unlink(missing_ok=True)
        with sqlite3.connect(store) as other:
            other.execute("CREATE TABLE meta (name TEXT, value TEXT)")
            other.execute("INSERT INTO meta VALUES ('schema', 'someone else')")
    else:
        store.write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        Path(f"{store}{suffix}").unlink(missing_ok=True)
    assert run(capsys, "stories") == cold
    linted.clear()
    assert run(capsys, "stories") == cold
    assert linted == []  # made anew, and used


@pytest.mark.parametrize("columns", ["findings = x'00ff', collected = x'00ff'", "collected = x'00ff'"])
def test_a_damaged_entry_is_linted_again(
    project: Path, capsys: pytest.CaptureFixture[str], linted: list[str], columns: str
) -> None:
    cold, store = cold_and_stored(capsys, project)
    with sqlite3.connect(store) as db:
        db.execute(f"UPDATE files SET {columns} WHERE CAST(path AS TEXT) LIKE '%story-003.txt'")
        db.execute("DELETE FROM across")
    linted.clear()
    assert run(capsys, "stories") == cold
    assert linted == ["story-003.txt"]  # linted again: its findings and collections are the run's own


def test_two_runs_at_once_leave_a_usable_store(
    project: Path, capsys: pytest.CaptureFixture[str], linted: list[str]
) -> None:
    cold = run(capsys, "stories", "--no-cache")
    command = [sys.executable, "-m", "linter", "check", "stories", "--jobs", "1"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [process.communicate() for process in runs]
    assert [out for out, _ in outputs] == [cold, cold]
    assert [err for _, err in outputs] == ["", ""]
    linted.clear()
    assert run(capsys, "stories") == cold
    assert linted == []


def write_archive(folder: Path) -> None:
    folder.mkdir(parents=True)
    for n in range(12):
        (folder / f"old-{n:02d}.txt").write_text(
            f"Old Story Number {n}\n\nBy Ana Ruiz\n\n"
            f"Archived story {n} says the harbor board met on day {n} to weigh budget number {n * 3} for the port.\n"
        )
    (folder / "old-05.txt").write_text(f"Ferry Service Will Resume\n\nBy Ana Ruiz\n\n{SHARED}\n")


FERRY = "The ferry will run twice an hour from the old pier until the new one opens in the spring."  # shared with no archived story at first
NEW_STORY = f"Ferry Service Will Resume\n\nBy Lena Ortiz\n\n{SHARED}\n\n{FERRY}\n"


@pytest.mark.parametrize("cache", [True, False])
def test_a_new_story_is_compared_with_the_archive(
    project: Path, capsys: pytest.CaptureFixture[str], cache: bool
) -> None:
    write_archive(project / "archive")
    (project / "new.txt").write_text(NEW_STORY)
    plain = run(capsys, "new.txt")
    assert "across-files" not in plain
    args = ["new.txt", "--archive", "archive"] + ([] if cache else ["--no-cache"])
    for _ in range(2):  # the index made, then used
        found = run(capsys, *args)
        assert "new.txt:1:1: warning duplicate-headline-across-files" in found
        assert "new.txt:5:1: warning duplicate-paragraph-across-files" in found
        assert found.count("archive/old-05.txt") == 2  # each names the archived story
        assert "Found 2 problems" in found  # the archive is not reported on


def test_the_archive_index_follows_the_archive(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_archive(project / "archive")
    (project / "new.txt").write_text(NEW_STORY)
    (project / ".copydesk.yaml").write_text("archive: [archive]\n")
    assert "archive/old-05.txt" in run(capsys, "new.txt")
    (project / "archive" / "old-05.txt").unlink()
    assert "No problems" in run(capsys, "new.txt")
    sub = project / "archive" / "2025"
    sub.mkdir()
    (sub / "moved.txt").write_text(f"Another Headline Entirely\n\nBy Ana Ruiz\n\n{SHARED}\n")
    found = run(capsys, "new.txt")
    assert "archive/2025/moved.txt:5" in found and "duplicate-headline" not in found


def rewrite_in_place(folder: Path, name: str, text: str) -> None:
    """Write an archived story in place (same inode), as ``cp`` or a script
    may, and put its folder's time back: the folder looks unchanged."""
    before = folder.stat()
    inode = (folder / name).stat().st_ino
    (folder / name).write_text(text)
    os.utime(folder, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (folder / name).stat().st_ino == inode and folder.stat().st_mtime_ns == before.st_mtime_ns


CLOSING = "Tickets go on sale in April."  # FERRY not last: a shared last paragraph may be a sign-off


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("The ferry will stop at the new pier from May.", []),  # no shared copy left
        (FERRY, ["new.txt:7:1: warning duplicate-paragraph-across-files", "archive/old-05.txt:5"]),  # other shared copy
    ],
)
def test_a_matched_story_rewritten_in_place_is_read_again(
    project: Path, capsys: pytest.CaptureFixture[str], body: str, named: list[str]
) -> None:
    folder = project / "archive"
    write_archive(folder)
    (project / "new.txt").write_text(NEW_STORY)
    (project / ".copydesk.yaml").write_text("archive: [archive]\n")
    assert run(capsys, "new.txt").count("archive/old-05.txt") == 2  # the index made; old-05 matched
    rewrite_in_place(folder, "old-05.txt", f"Ferry Timetable Changes\n\nBy Ana Ruiz\n\n{body}\n\n{CLOSING}\n")
    found = run(capsys, "new.txt")
    assert "new.txt:5:1" not in found and "duplicate-headline" not in found  # what old-05 no longer holds
    assert all(text in found for text in named) and found.count("old-05") == len(named) // 2
    assert run(capsys, "new.txt") == found  # its entry brought up to date


def test_a_story_rewritten_in_place_to_share_copy_is_seen_once_its_folder_changes(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The documented limit: only the archived stories a run matches are
    # stat-ed, so one that newly shares copy waits for its folder to change.
    folder = project / "archive"
    write_archive(folder)
    (project / "new.txt").write_text(NEW_STORY)
    (project / ".copydesk.yaml").write_text("archive: [archive]\n")
    run(capsys, "new.txt")  # the index made
    rewrite_in_place(folder, "old-03.txt", f"Old Story Number 3, Corrected\n\nBy Ana Ruiz\n\n{FERRY}\n\n{CLOSING}\n")
    assert "old-03" not in run(capsys, "new.txt")
    (folder / "old-12.txt").write_text("A Story Added Later\n\nBy Ana Ruiz\n\nThe harbor board will meet again in June.\n")
    found = run(capsys, "new.txt")
    assert "new.txt:7:1: warning duplicate-paragraph-across-files" in found and "archive/old-03.txt:5" in found


def test_a_story_in_the_archive_folder_is_linted_not_compared_with_itself(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_archive(project / "archive")
    (project / ".copydesk.yaml").write_text("archive: [archive]\n")
    (project / "archive" / "new.txt").write_text(NEW_STORY)
    run(capsys, "archive/old-01.txt")  # the index made without the new story
    found = run(capsys, "archive/new.txt")
    assert found.count("archive/old-05.txt") == 2 and "archive/new.txt:5:1" in found
    assert "Found 2 problems" in found


@pytest.mark.parametrize(
    ("setting", "message"),
    [("archive: [nowhere]\n", "archive: no such file or folder: nowhere"), ("archive: 3\n", "archive: must be a list of strings")],
)
def test_the_archive_setting_is_checked(
    project: Path, capsys: pytest.CaptureFixture[str], setting: str, message: str
) -> None:
    (project / ".copydesk.yaml").write_text("style: nyt\n" + setting)
    assert main(["check", "stories"]) == 2
    assert f".copydesk.yaml:2: {message}" in capsys.readouterr().err


def test_what_nobody_used_for_a_month_is_pruned(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "stories")
    (store,) = store_files(project)
    other = store.with_name(f"{PREFIX}0123456789abcdef.sqlite")  # another project's, unused for 40 days
    other.write_bytes(b"")
    os.utime(other, (os.path.getmtime(other) - 40 * 24 * 3600,) * 2)
    with sqlite3.connect(store) as db:
        db.execute("UPDATE runs SET used = used - 40")
        db.execute("UPDATE files SET used = used - 40")
    (project / ".copydesk.yaml").write_text("severity: {vague-sourcing: error}\n")  # a new fingerprint
    run(capsys, "stories")
    assert not other.exists()
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT COUNT(*) FROM runs").fetchone() == (1,)
        assert db.execute("SELECT COUNT(*) FROM files").fetchone() == (24,)


def test_the_matching_of_unchanged_stories_is_not_redone(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from linter.core import paragraph_links

    compared: list[int] = []
    estimate = paragraph_links.estimate
    monkeypatch.setattr(paragraph_links, "estimate", lambda a, b: compared.append(1) or estimate(a, b))
    cold = run(capsys, "stories", "--jobs", "1")
    cold_comparisons = len(compared)
    story = project / "stories" / "story-005.txt"
    story.write_text(story.read_text() + "\nThe harbor board said the new ferry would carry its first passengers in the spring.\n")
    compared.clear()
    warm = run(capsys, "stories", "--jobs", "1")
    assert cold_comparisons and len(compared) < cold_comparisons / 2
    assert warm == run(capsys, "stories", "--jobs", "1", "--no-cache") == cold  # the new paragraph is its own
