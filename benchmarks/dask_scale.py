"""The same archive linted with --jobs 2 and on a two-worker local Dask
cluster, side by side in one run.

    python -m benchmarks.dask_scale 50000

Reports wall seconds for each, and the cluster's seconds per story, from
which the README estimates the cluster needed for a larger archive.
"""

from __future__ import annotations

import os
import platform
import sys

from benchmarks.archive import corpus, measure


def main(argv: list[str]) -> None:
    size = int(argv[0]) if argv else 50_000
    folder = corpus(size)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    runs = {
        "--jobs 2": [sys.executable, "-m", "linter", "check", str(folder), "--format", "json", "--jobs", "2"],
        "dask, 2 workers": [sys.executable, "-m", "linter", "check", str(folder), "--format", "json", "--executor", "dask"],
    }
    for name, command in runs.items():
        seconds, peak = measure(command)
        print(f"{name:>16}: {seconds:8.1f} s  {seconds / size * 1000:6.2f} ms/story  peak {peak:.0f} MiB (driver)", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
