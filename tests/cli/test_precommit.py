"""The pre-commit hooks, run by the real pre-commit tool against this
checkout in a throwaway article repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

CHECKOUT = ROOT
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is needed"),
]


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def article_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("articles")
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "desk@example.org")
    git(repo, "config", "user.name", "Desk")
    return repo


def try_repo(repo: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home")}
    return subprocess.run(
        [*PRE_COMMIT, "try-repo", str(CHECKOUT), hook, "--files", *files],
        cwd=repo, capture_output=True, text=True, env=env, timeout=600,
    )


def test_hook_fails_on_a_defective_article_and_passes_on_a_clean_one(article_repo: Path) -> None:
    shutil.copy(EXAMPLES / "defective.txt", article_repo / "defective.txt")
    shutil.copy(EXAMPLES / "clean.md", article_repo / "clean.md")
    git(article_repo, "add", ".")

    bad = try_repo(article_repo, "copydesk", "defective.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "duplicated-headline" in bad.stdout and "repeated-paragraph" in bad.stdout

    good = try_repo(article_repo, "copydesk", "clean.md")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout


def test_fix_hook_removes_the_repeats(article_repo: Path) -> None:
    story = article_repo / "fixme.txt"
    shutil.copy(EXAMPLES / "defective.txt", story)
    git(article_repo, "add", ".")
    result = try_repo(article_repo, "copydesk-fix", "fixme.txt")
    assert result.returncode == 1  # files were changed, and warnings remain
    text = story.read_text()
    lines = text.splitlines()
    assert lines.count(lines[1]) == 1, "the headline stands once"
    assert len(lines) == len(set(lines)), "no line repeats"


def test_hook_sees_every_staged_story_at_once(article_repo: Path) -> None:
    # pre-commit splits more than four files over its processes unless a
    # hook asks to run serially; four of ten stories, spread over the
    # list, share one paragraph (in all ten it would be standing copy).
    shared = (
        "The ferry service will run on a reduced timetable through March while the north pier is rebuilt, "
        "the transit authority said, and commuters should allow an extra half hour for crossings."
    )
    places = ["Harbor", "Ridge", "Mill", "Bay", "Lake", "Ferry", "Glen", "Ash", "Stone", "Field"]
    stories = []
    for number, place in enumerate(places):
        story = article_repo / f"ferry-{number}.md"
        story.write_text(
            f"---\ntitle: {place} Street Commuters Face Longer Trips\nbyline: By Ana Ruiz\n---\n\n"
            f"Riders on {place} Street queued for the first boat on day {number + 1} of the works.\n\n"
            + (f"{shared}\n\n" if number % 3 == 0 else "")
            + "Tickets are unchanged.\n",
            encoding="utf-8",
        )
        stories.append(story.name)
    git(article_repo, "add", ".")
    result = try_repo(article_repo, "copydesk", *stories)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.count("duplicate-paragraph-across-files") == 4, result.stdout
    assert result.stdout.count("Found ") == 1, "one summary for the run"
