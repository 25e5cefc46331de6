"""Linting many files in worker processes (``--jobs``).

Workers are forked from the process that built the engine, so they share
its loaded rules, plugins and compiled patterns without loading them
again. Each lints a chunk of files and sends back its findings, problems
and what the cross-file rules collected; the main process merges them in
file order, so a run gives the same findings in the same order whatever
the number of jobs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter import patterns

if TYPE_CHECKING:
    from linter.engine import Engine
    from linter.findings import Finding

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


def _lint_chunk(paths: list[Path]) -> tuple[list["Finding"], list[str], list[list[Any]]]:
    assert _ENGINE is not None
    problems: list[str] = []
    collected: list[list[Any]] = [[] for _ in _ENGINE.corpus_checks]
    findings = []
    for path in paths:
        findings += _ENGINE.lint_file(path, problems, collected)
    patterns.persist()  # what this worker compiled, for the next run
    return findings, problems, collected


def lint_in_workers(engine: "Engine", files: list[Path], jobs: int):  # type: ignore[no-untyped-def]
    """Yield (findings, problems, collected) per chunk of ``files``, in order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _ENGINE
    _ENGINE = engine
    chunks = [files[i : i + CHUNK] for i in range(0, len(files), CHUNK)]
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            yield from pool.map(_lint_chunk, chunks)
    finally:
        _ENGINE = None
