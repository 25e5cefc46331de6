"""Archive scaling: does the time per article stay flat as the archive grows?

Builds synthetic archives (see corpus.py) of 1,000, 10,000 and 50,000
articles and runs the real command over each, with every shipped rule on
(cross-file rules included), in a fresh process, reporting wall seconds,
milliseconds per article, the ratio to the smallest run, and peak memory.

    python -m benchmarks.archive                  # 1000 10000 50000
    python -m benchmarks.archive 1000 5000        # other sizes

Corpora are kept in $COPYDESK_BENCH_DIR (default: a folder in the system
temporary folder) so that later runs skip building them.
"""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import build

SIZES = (1_000, 10_000, 50_000)
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def corpus(size: int) -> Path:
    root = Path(os.environ.get("COPYDESK_BENCH_DIR", Path(tempfile.gettempdir()) / "copydesk-bench"))
    folder = root / f"archive-{size}"
    marker = folder / ".complete"
    if not marker.exists():
        build(folder, size)
        marker.write_text("ok\n")
    return folder


def measure(command: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of a command with all its
    worker processes: the largest sum, over the process tree, of resident
    memory seen while it ran (sampled every 20 ms from /proc; pages a
    forked worker shares with its parent count in both, so an upper
    bound), or where /proc is missing, the peak of the largest process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd)
    peak_tree, status, usage = watch(process)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode() if process.stderr else ''}")
    return elapsed, max(peak_tree, usage.ru_maxrss * 1024) / 2**20


def watch(process: subprocess.Popen) -> tuple[int, int, "resource.struct_rusage"]:  # type: ignore[type-arg]
    """Wait for a process: the largest resident bytes of its tree seen
    (sampled every 20 ms), its wait status and its resource usage."""
    peak_tree = 0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            return peak_tree, status, usage
        peak_tree = max(peak_tree, _tree_rss(process.pid))
        time.sleep(0.02)


def _tree_rss(root: int) -> int:
    """Bytes resident in ``root`` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            rss[int(entry.name)] = int(fields[21]) * PAGE
            children.setdefault(int(fields[1]), []).append(int(entry.name))
        except (OSError, ValueError, IndexError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or list(SIZES)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}")
    print(f"{'articles':>9} {'seconds':>9} {'ms/article':>11} {'vs first':>9} {'peak MiB':>9}")
    first = None
    for size in sizes:
        folder = corpus(size)
        seconds, peak = measure([sys.executable, "-m", "linter", "check", str(folder), "--format", "json"])
        per_article = seconds / size * 1000
        first = first or per_article
        print(f"{size:>9} {seconds:>9.1f} {per_article:>11.2f} {per_article / first:>8.2f}x {peak:>9.0f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
