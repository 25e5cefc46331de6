"""Speed side by side, in one run (issue: speed and scale).

    python -m benchmarks.run                 # 1, 500 and 2,000 articles
    python -m benchmarks.run 1 500 2000 50000

For each corpus size (the synthetic corpus of benchmarks.corpus) it runs
copydesk with every shipped rule on (the core pack and the newsroom pack)
and, when it is installed, proselint on the same files, and reports wall
seconds, articles per second, peak memory and the ratio. It also times the
one-file run that pre-commit and editors pay on every call, as the median
of several runs, against `python -c "import yaml, regex, pluggy"`.
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
from benchmarks.archive import corpus, measure

RUNS = 21


def median_seconds(commands: dict[str, list[str]], cwd: Path) -> dict[str, float]:
    """The median wall time of each command, run in turn (one of each, then
    again), so that a slower moment of the machine weighs on all alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(RUNS):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(each) for name, each in times.items()}


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [1, 500, 2000]
    beside_python = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    proselint = shutil.which("proselint", path=beside_python)
    # The command pre-commit and editors run (not python -m, which also
    # imports runpy); falls back to python -m in a checkout never installed.
    copydesk = [found] if (found := shutil.which("copydesk", path=beside_python)) else [sys.executable, "-m", "linter"]
    work = Path(tempfile.mkdtemp(prefix="copydesk-run-"))
    # Every shipped rule, those off in their pack's defaults too.
    (work / ".copydesk.yaml").write_text("packs: [newsroom]\nselect: ['*']\n")
    # A cache of this run's own, as a user's holds what their runs made
    # (not what other configurations and test runs left beside it).
    os.environ["COPYDESK_CACHE"] = str(work / "cache")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}")
    # Byte-compile copydesk as pip does on install (an editable install in
    # an environment with PYTHONDONTWRITEBYTECODE would otherwise compile
    # every module from source on every run), then warm the caches.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(linter.__file__).parent)], check=True)
    one = next(corpus(1).rglob("*.txt"))
    subprocess.run([*copydesk, "check", str(one)], cwd=work, stdout=subprocess.DEVNULL)
    one_file = {"imports": [sys.executable, "-c", "import yaml, regex, pluggy"], "copydesk": [*copydesk, "check", str(one)]}
    if proselint:
        one_file["proselint"] = [proselint, "check", str(one)]
    medians = median_seconds(one_file, work)
    baseline, copydesk_one = medians["imports"], medians["copydesk"]
    print(f"one file, median of {RUNS}: import yaml, regex, pluggy {baseline:.3f} s; copydesk {copydesk_one:.3f} s "
          f"({copydesk_one / baseline:.2f}x)", end="")
    if proselint:
        print(f"; proselint {medians['proselint']:.3f} s (copydesk/proselint {copydesk_one / medians['proselint']:.2f}x)")
    else:
        print("; proselint not installed")
    for size in sizes:
        folder = corpus(size)
        seconds, peak = measure([*copydesk, "check", str(folder), "--format", "json"], cwd=work)
        line = f"{size:>6} articles: copydesk {seconds:7.1f} s {size / seconds:7.1f}/s {peak:5.0f} MiB"
        if proselint:
            p_seconds, p_peak = measure([proselint, "check", str(folder)], cwd=work)  # it walks the folder too
            line += f" | proselint {p_seconds:7.1f} s {size / p_seconds:7.1f}/s {p_peak:5.0f} MiB"
            line += f" | copydesk/proselint articles per second: {p_seconds / seconds:.2f}x"
        print(line, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
