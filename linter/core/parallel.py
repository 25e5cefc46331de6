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
from typing import Callable, Iterator, TypeVar

from linter.support import patterns

# Below this many files a run stays in one process: starting workers
# costs more than it saves (a pre-commit run on one story).
MIN_FILES_PER_JOB = 4
CHUNK = 32

Part = TypeVar("Part")

_LINT_CHUNK: Callable[[list[Path]], object] | None = None  # what the forked workers run


def available() -> bool:
    """Whether worker processes can be forked here (not on Windows)."""
    import multiprocessing  # here, not above: a one-file run never needs it

    return "fork" in multiprocessing.get_all_start_methods()


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _run_chunk(paths: list[Path]) -> object:
    assert _LINT_CHUNK is not None
    part = _LINT_CHUNK(paths)
    patterns.persist()  # what this worker compiled, for the next run
    return part


def lint_in_workers(lint_chunk: Callable[[list[Path]], Part], files: list[Path], jobs: int) -> Iterator[Part]:
    """Yield ``lint_chunk(chunk)`` for each chunk of ``files``, in order,
    each run in one of ``jobs`` forked workers (which inherit
    ``lint_chunk`` and all it holds, so it is never pickled)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _LINT_CHUNK
    _LINT_CHUNK = lint_chunk
    chunks = [files[i : i + CHUNK] for i in range(0, len(files), CHUNK)]
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            yield from pool.map(_run_chunk, chunks)  # type: ignore[misc]
    finally:
        _LINT_CHUNK = None
