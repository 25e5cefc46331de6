"""Warm runs: what the result store saves, side by side in one run.

    python -m benchmarks.warm              # 50,000 stories
    python -m benchmarks.warm 2000         # another size

On the synthetic corpus of corpus.py (a copy of its own, kept in
``$COPYDESK_BENCH_DIR``; the ten stories changed are restored at the end),
with a cache folder of its own, every shipped rule on, cross-file rules
included, ``--jobs`` at its default, each run a fresh process:

- a cold run without the store (``--no-cache``) and a cold run that fills
  an empty one;
- a warm run with nothing changed (median of three), and two with ten
  stories changed: a short line added at the end of each (a paragraph too
  short to compare: what the stories collect for the matching stays), and
  one of each story's paragraphs edited (the matching has paragraphs to
  move);
- a one-story run (median of eleven) on its own, and against the whole
  corpus as an archive (``--archive``), after the run that indexes it;
- peak memory of each run: the largest sum of resident memory over the
  process and its workers (sampled), and the largest single process's
  peak (``getrusage`` of the child, which counts its reaped workers).

The warm run's report is checked to be byte-identical to the cold run's.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import linter
from benchmarks.archive import watch
from benchmarks.corpus import build

NEW_STORY = (
    "Harbor Board Weighs a Night Ferry\n\nBy Lena Ortiz\n\n{lifted}\n\n"
    "The ferry would leave the old pier every half hour until midnight, the board said in a statement.\n"
)


def run(command: list[str], cwd: Path, env: dict[str, str], output: Path | None = None) -> tuple[float, float, float]:
    """Wall seconds, peak MiB of the process tree, and the largest single
    process's peak MiB (getrusage of the child) of one command."""
    start = time.perf_counter()
    with open(output or os.devnull, "wb") as stream:
        process = subprocess.Popen(command, stdout=stream, stderr=subprocess.PIPE, cwd=cwd, env=env)
        peak_tree, status, usage = watch(process)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode() if process.stderr else ''}")
    own = usage.ru_maxrss / 1024
    return elapsed, max(peak_tree / 2**20, own), own


def add_a_line(story: Path) -> None:
    story.write_text(story.read_text(encoding="utf-8") + "The board will meet again next month, a spokesman said.\n", encoding="utf-8")


def edit_a_paragraph(story: Path) -> None:
    lines = story.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = "On Monday, " + lines[3][0].lower() + lines[3][1:]  # the second body paragraph
    story.write_text("".join(lines), encoding="utf-8")


def main(argv: list[str]) -> None:
    size = int(argv[0]) if argv else 50_000
    root = Path(os.environ.get("COPYDESK_BENCH_DIR", Path(tempfile.gettempdir()) / "copydesk-bench"))
    work = root / f"warm-{size}"
    corpus = work / "stories"
    if not (work / ".complete").exists():
        shutil.rmtree(work, ignore_errors=True)
        build(corpus, size)
        (work / ".complete").write_text("ok\n")
    shutil.rmtree(work / "cache", ignore_errors=True)
    (work / "new").mkdir(exist_ok=True)
    source = size // 2 + 3  # a story with a byline and no repeated headline: its second body paragraph
    lifted = (corpus / f"{source // 100:04d}" / f"story-{source:06d}.txt").read_text().splitlines()[4]
    (work / "new" / "story.txt").write_text(NEW_STORY.format(lifted=lifted))
    # Byte-compiled as pip does on install (see benchmarks.run).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(linter.__file__).parent)], check=True)
    env = {**os.environ, "COPYDESK_CACHE": str(work / "cache")}
    copydesk = [sys.executable, "-m", "linter", "check"]
    lint = [*copydesk, "stories", "--format", "json"]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; {size} stories")
    rows: list[tuple[str, float, float, float]] = []

    def measure(name: str, command: list[str], output: Path | None = None, repeat: int = 1) -> float:
        results = [run(command, work, env, output) for _ in range(repeat)]
        seconds = statistics.median(r[0] for r in results)
        rows.append((name, seconds, max(r[1] for r in results), max(r[2] for r in results)))
        print(f"{name:<58} {seconds:>9.3f} s {rows[-1][2]:>8.0f} MiB {rows[-1][3]:>8.0f} MiB", flush=True)
        return seconds

    print(f"{'run':<58} {'seconds':>11} {'tree peak':>12} {'rusage peak':>12}")
    subprocess.run([*copydesk, "new/story.txt"], cwd=work, env=env, capture_output=True)  # the small caches (rules, patterns)
    cold_plain = measure("cold, --no-cache", [*lint, "--no-cache"], work / "cold.json")
    cold = measure("cold, filling an empty store", lint)
    warm = measure("warm, nothing changed (median of 3)", lint, work / "warm.json", repeat=3)
    same = (work / "cold.json").read_bytes() == (work / "warm.json").read_bytes()
    step = max(1, size // 10)
    changed_stories = [corpus / f"{index // 100:04d}" / f"story-{index:06d}.txt" for index in range(0, size, step)[:10]]
    originals = [story.read_bytes() for story in changed_stories]
    changed = {}
    for name, change in (("a line added", add_a_line), ("a paragraph edited", edit_a_paragraph)):
        try:
            for story in changed_stories:
                change(story)
            changed[name] = measure(f"warm, 10 stories changed: {name}", lint)
        finally:  # the corpus as built, for the next run
            for story, original in zip(changed_stories, originals):
                story.write_bytes(original)
    one = measure("one new story, plain (median of 11)", [*copydesk, "new/story.txt"], repeat=11)
    measure("one new story, --archive stories: indexing the archive", [*copydesk, "new/story.txt", "--archive", "stories"])
    against = measure(
        "one new story, --archive stories (median of 11)", [*copydesk, "new/story.txt", "--archive", "stories"], work / "one.txt", repeat=11
    )
    found = "duplicate-paragraph-across-files" in (work / "one.txt").read_text()
    store = sum(path.stat().st_size for path in (work / "cache").glob("results-*"))
    print()
    print(f"warm, nothing changed / cold:      {warm / cold:6.1%} (of the cold run without the store: {warm / cold_plain:.1%})")
    for name, seconds in changed.items():
        print(f"warm, 10 changed ({name}) / cold: {seconds / cold:6.1%}")
    print(f"cold filling the store / --no-cache: {cold / cold_plain:.2f}x")
    print(f"one story against the archive / plain one story: {against / one:.2f}x (finding the shared paragraph: {found})")
    print(f"warm report byte-identical to the cold one: {same}; store: {store / 2**20:.0f} MiB")


if __name__ == "__main__":
    main(sys.argv[1:])
