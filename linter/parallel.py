"""Linting many files in worker processes (``--jobs``).

Workers are forked from the process that built the engine, so they share
its loaded rules, plugins and compiled patterns without loading them
again. Each lints a chunk of files and sends back each file's findings, problems
and what the cross-file rules collected; the main process merges them in
file order, so a run gives the same findings in the same order whatever
the number of jobs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from linter import patterns

if TYPE_CHECKING:
    from linter.engine import Engine, FileResult

# Below this many files a run stays in one process: starting workers
# costs more than it saves (a pre-commit run on one story).
MIN_FILES_PER_JOB = 4
CHUNK = 32

_ENGINE: "Engine | None" = None


def available() -> bool:
    """Whether worker processes can be forked here (not on Windows)."""
    import multiprocessing  # here, not above: a one-file run never needs it

    return "fork" in multiprocessing.get_all_start_methods()


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _lint_chunk(paths: list[Path], collect: bool) -> list["FileResult"]:
    assert _ENGINE is not None
    results = [_ENGINE.lint_one(path, collect=collect) for path in paths]
    patterns.persist()  # what this worker compiled, for the next run
    return results


def lint_in_workers(engine: "Engine", files: list[Path], jobs: int, collect: bool) -> Iterator["FileResult"]:
    """Each file's result, in order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _ENGINE
    _ENGINE = engine
    chunks = [files[i : i + CHUNK] for i in range(0, len(files), CHUNK)]
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            for results in pool.map(_lint_chunk, chunks, [collect] * len(chunks)):
                yield from results
    finally:
        _ENGINE = None
