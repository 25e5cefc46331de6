"""Two versions of copydesk side by side, in one run: is a change slower?

    python -m benchmarks.compare OTHER_CHECKOUT [sizes...] [--after-arg ARG ...]

OTHER_CHECKOUT is another checkout of copydesk with its own virtual
environment in ``.venv`` (say, a ``git worktree`` of the commit before the
change, set up with ``python3 -m venv .venv && .venv/bin/pip install .``).
For the one-file run and each corpus size (the synthetic corpus of
benchmarks.corpus, every shipped rule on, as ``benchmarks.run`` lints it),
the two versions run in turn, several times, each with a cache folder of
its own warmed first, and the medians are compared: a slower moment of the
machine weighs on both alike.

``--after-arg`` gives this checkout's command an option the other may not
know: ``--after-arg=--no-cache`` compares cold runs once this checkout keeps
a result store (its warmed store would otherwise answer every run), and
``--before-arg`` the other's (``--before-arg=--no-cache`` when it keeps one
too).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.archive import corpus

ONE_FILE_RUNS = 21
CORPUS_RUNS = 3


def _command(checkout: Path) -> list[str]:
    found = shutil.which("copydesk", path=str(checkout / ".venv" / "bin"))
    if not found:
        raise SystemExit(f"no copydesk in {checkout / '.venv' / 'bin'}: install that checkout in its own .venv first")
    return [found]


def _timed(command: list[str], cwd: Path, cache: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env={**os.environ, "COPYDESK_CACHE": str(cache)},
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def side_by_side(commands: dict[str, list[str]], args: list[str], runs: int, work: Path, own_args: dict[str, list[str]]) -> dict[str, float]:
    """Median seconds of each version's ``check ARGS`` (and its own), run in turn."""
    lines = {name: [*command, "check", *args, *own_args[name]] for name, command in commands.items()}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for name, line in lines.items():  # warm each version's caches
        _timed(line, work, work / f"cache-{name}")
    for _ in range(runs):
        for name, line in lines.items():
            times[name].append(_timed(line, work, work / f"cache-{name}"))
    return {name: statistics.median(each) for name, each in times.items()}


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.compare", description=__doc__.split("\n")[0])
    parser.add_argument("other", type=Path, help="the other checkout, with its own .venv")
    parser.add_argument("sizes", type=int, nargs="*", default=[1, 500, 2000])
    parser.add_argument("--after-arg", action="append", default=[], help="an option for this checkout's command only")
    parser.add_argument("--before-arg", action="append", default=[], help="an option for the other checkout's command only")
    args = parser.parse_args(argv)
    other = args.other.resolve()
    here = Path(__file__).resolve().parent.parent
    commands = {"before": _command(other), "after": _command(here)}
    work = Path(tempfile.mkdtemp(prefix="copydesk-compare-"))
    # Every shipped rule, those off in their pack's defaults too.
    (work / ".copydesk.yaml").write_text("packs: [newsroom]\nselect: ['*']\n")
    print(f"before: {other} {' '.join(args.before_arg)}".rstrip() + f"\nafter:  {here} {' '.join(args.after_arg)}".rstrip())
    for size in args.sizes:
        folder = corpus(size)
        if size == 1:
            target, runs = [str(next(folder.rglob("*.txt")))], ONE_FILE_RUNS
        else:
            target, runs = [str(folder), "--format", "json"], CORPUS_RUNS
        medians = side_by_side(commands, target, runs, work, {"before": args.before_arg, "after": args.after_arg})
        before, after = medians["before"], medians["after"]
        print(f"{size:>6} article{'s' if size != 1 else ' '}: before {before:7.3f} s, after {after:7.3f} s "
              f"(median of {runs}): after/before {after / before:.3f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
