"""Warm runs: a file whose bytes did not change since an earlier run with
the same fingerprint (see linter.core.fingerprint) is not parsed or checked
again. Its findings, and what the rules across files collected from it,
come from the result store (linter.results.store); only the matching across
files runs again, and not even that when no file of the run changed. When
the run's files are those of the last run, each rule across files is given
what it kept of that matching (``CorpusCheck.carried``) and the items
changed since, with what they were (``CorpusCheck.changed``), so that it
redoes only what those can have moved.

A result is kept only when it is the run's own: not for a file that could
not be read, nor one on which a rule failed or ran out of time (those are
linted again, so their problems are reported again), nor from a run whose
rules across files collected nothing (a run of one story). Standard input,
``--fix`` and ``--diff`` do not use the store (a fixed file has new bytes,
so the run after a fix lints it again).
"""

from __future__ import annotations

from itertools import accumulate
from pathlib import Path
import pickle
from typing import TYPE_CHECKING, Any, Callable

from linter.article.source import UnreadableFile, read_source
from linter.results.findings import Finding
from linter.results.store import BUSY_SECONDS, ResultStore, StoreUnusable, stored_parts
from linter.support.hashing import blake2b

if TYPE_CHECKING:
    from linter.results.run import FileResult, RunResult

# The engine (linter.core.engine), which imports this module: typed by name only.
Engine = Any


def open_store(engine: "Engine", wait: float = BUSY_SECONDS) -> ResultStore | None:
    """The project's store for this run's fingerprint (waiting at most
    ``wait`` seconds for another run's write), or None when the cache is
    off or the store cannot be used."""
    from linter.core.fingerprint import fingerprint
    from linter.results.store import location

    project = engine.config.source.parent if engine.config.source else Path.cwd()
    where = location(project)
    if where is None:
        return None
    try:
        return ResultStore.open(where, fingerprint(engine), wait)
    except StoreUnusable:
        return None


def lint(
    engine: "Engine",
    result: "RunResult",
    jobs: int,
    progress: Callable[[int, int], None] | None,
    use_cache: bool,
    archive: list[Path],
) -> None:
    """Lint ``result.files`` into ``result``, using and filling the store
    when ``use_cache``, comparing with the stories under ``archive``."""
    from linter.core import parallel

    files = result.files
    collect = engine.across_wanted(files) or (bool(archive) and bool(engine.corpus_checks))
    store = open_store(engine) if use_cache and (len(files) > 1 or archive) else None
    digests: dict[Path, str | None] = {}
    hits: dict[Path, list[Finding]] = {}
    stale: list[str] = []  # entries used, last marked used on another day
    if store is not None and collect:
        store, hits = _look_up(store, files, digests, stale, engine.config.max_file_size)
    done, total = len(hits), len(files)
    if progress and hits:
        progress(done, total)
    misses = [path for path in files if path not in hits]
    fresh: dict[Path, "FileResult"] = {}
    if jobs > 1 and len(misses) >= parallel.MIN_FILES_PER_JOB * jobs and parallel.available():
        parts = parallel.lint_in_workers(lambda chunk: [engine.lint_one(path, collect=collect) for path in chunk], misses, jobs)
        outcomes = (outcome for part in parts for outcome in part)
    else:
        outcomes = (engine.lint_one(path, collect=collect) for path in misses)
    for outcome in outcomes:
        fresh[outcome.path] = outcome
        result.problems += outcome.problems
        done += 1
        if progress and (done % parallel.CHUNK == 0 or done == total):
            progress(done, total)
    for path in files:
        result.findings += hits[path] if path in hits else fresh[path].findings
    if collect:
        store = _across(engine, result, store, hits, fresh, digests, archive)
    if store is not None:
        _save(store, fresh, stale, collect)
        store.close()


def _look_up(
    store: ResultStore, files: list[Path], digests: dict[Path, str | None], stale: list[str], max_bytes: int
) -> tuple[ResultStore | None, dict[Path, list[Finding]]]:
    """The findings stored for the files whose bytes are unchanged (their
    digests are kept in ``digests``)."""
    for path in files:
        try:
            digests[path] = read_source(path, max_bytes).digest
        except UnreadableFile:
            digests[path] = None
    try:
        stored = store.files([str(path) for path in files])
    except StoreUnusable:
        store.close()
        return None, {}
    hits: dict[Path, list[Finding]] = {}
    for path in files:
        entry = stored.get(str(path))
        if entry is None or entry[0] != digests[path]:
            continue
        try:
            hits[path] = pickle.loads(entry[1])
        except Exception:  # a damaged entry: lint the file again
            continue
        if entry[2] != store.today:
            stale.append(str(path))
    return store, hits


def _across(
    engine: "Engine",
    result: "RunResult",
    store: ResultStore | None,
    hits: dict[Path, list[Finding]],
    fresh: dict[Path, "FileResult"],
    digests: dict[Path, str | None],
    archive: list[Path],
) -> ResultStore | None:
    """The findings of the rules across files, from the store when the run's
    files and their bytes are those of the last run over them."""
    files = result.files
    for path, outcome in fresh.items():
        digests[path] = outcome.digest
    scope = _digest(str(path) for path in files)
    inputs = _digest(f"{path}\0{digests.get(path)}" for path in files)
    memo = store is not None and not archive and all(outcome.clean for outcome in fresh.values())
    if memo:
        try:
            stored = store.across(scope, inputs)  # type: ignore[union-attr]
            if stored is not None:
                result.findings += pickle.loads(stored)
                return store
        except StoreUnusable:
            store = None
            memo = False
        except Exception:  # a damaged entry: match again
            pass
    collected, counts = _collections(engine, store, hits, fresh, files, digests)
    archived: set[str] = set()
    if archive:
        from linter.core.archive_index import compare_with

        archived = compare_with(engine, store, archive, files, collected)
    # A file whose collection is not the run's own (a rule failed on it) is
    # recorded as changed: the next run matches it again.
    now = [None if path in fresh and not fresh[path].clean else digests.get(path) for path in files]
    found: list[Finding] = []
    for index, (check, items) in enumerate(zip(engine.corpus_checks, collected)):
        run = (scope, now, counts[index])  # what the matching was over: kept with what it carries
        if store is not None and not archive:
            check.carried, check.changed = _carried(store, engine, index, files, run)
        try:
            found += engine.unsuppressed(check.finish(items))
        except Exception as error:  # one broken rule must not stop the others
            result.problems.append(f"rule '{check.rule.id}' failed across files: {error!r}")
            check.carried = None
        if store is not None and not archive and check.carried is not None:
            try:
                store.save_carried(check.rule.id, pickle.dumps((*run, check.carried), pickle.HIGHEST_PROTOCOL))
            except Exception:  # a store that cannot be written, or a state that cannot be kept
                pass
        check.carried = check.changed = None
    if archived:
        found = [finding for finding in found if str(finding.path) not in archived]
    result.findings += found
    if memo and store is not None:
        try:
            store.save_across(scope, inputs, pickle.dumps(found, pickle.HIGHEST_PROTOCOL))
        except StoreUnusable:
            return None
    return store


def _carried(
    store: ResultStore, engine: "Engine", check: int, files: list[Path], run: tuple[bytes, list[str | None], list[int]]
) -> tuple[Any, dict[int, Any] | None]:
    """What the ``check``-th rule across files kept from its last matching,
    when it was over the same files (``run``: the set of files, each
    file's digest and its number of items), and the items changed since,
    by index, each with the item it was then (read from the files'
    entries, still those of that run); (None, None) when there is none to
    use."""
    scope, digests, counts = run
    try:
        blob = store.carried(engine.corpus_checks[check].rule.id)
        kept_scope, kept_digests, kept_counts, state = pickle.loads(blob) if blob is not None else (None,) * 4
    except Exception:  # a store that cannot be read, or a damaged entry: match from scratch
        return None, None
    if kept_scope != scope or kept_counts != counts or len(kept_digests) != len(files):
        return None, None
    moved = [index for index, (then, now) in enumerate(zip(kept_digests, digests)) if then is None or then != now]
    try:
        entries = store.collected([str(files[index]) for index in moved])
    except StoreUnusable:
        return None, None
    starts = [0, *accumulate(counts)]
    changed: dict[int, Any] = {}
    for index in moved:
        entry = entries.get(str(files[index]))
        parts = stored_parts(entry[1], len(engine.corpus_checks)) if entry and entry[0] == kept_digests[index] else None
        if parts is None or len(parts[check]) != counts[index]:
            return None, None
        changed.update(zip(range(starts[index], starts[index + 1]), parts[check]))
    return state, changed


def _collections(
    engine: "Engine",
    store: ResultStore | None,
    hits: dict[Path, list[Finding]],
    fresh: dict[Path, "FileResult"],
    files: list[Path],
    digests: dict[Path, str | None],
) -> tuple[list[list[Any]], list[list[int]]]:
    """What the rules across files collected from each file, in file order,
    and how many items each file gave each rule: from the store for
    unchanged files (read a batch at a time, so that the stored bytes of a
    whole archive are never held at once; linted again, and kept in
    ``fresh``, if the store has lost an entry), from this run for the
    others."""
    from linter.results.store import BATCH

    collected: list[list[Any]] = [[] for _ in engine.corpus_checks]
    counts: list[list[int]] = [[] for _ in engine.corpus_checks]
    for start in range(0, len(files), BATCH):
        batch = files[start : start + BATCH]
        stored: dict[str, tuple[str, bytes]] = {}
        if store is not None:
            try:
                stored = store.collected([str(path) for path in batch if path in hits])
            except StoreUnusable:
                pass
        for path in batch:
            outcome = fresh.get(path)
            if outcome is None:
                entry = stored.pop(str(path), None)
                parts = stored_parts(entry[1], len(collected)) if entry and entry[0] == digests[path] else None
                if parts is None:
                    outcome = fresh[path] = engine.lint_one(path)
            if outcome is not None:
                parts = outcome.collected
            for items, given, part in zip(collected, counts, parts):  # type: ignore[arg-type]
                items += part
                given.append(len(part))
    return collected, counts


def _save(store: ResultStore, fresh: dict[Path, "FileResult"], stale: list[str], collected: bool) -> None:
    rows = []
    if collected:
        for outcome in fresh.values():
            if outcome.clean and outcome.digest is not None:
                try:
                    findings = pickle.dumps(outcome.findings, pickle.HIGHEST_PROTOCOL)
                    parts = pickle.dumps(outcome.collected, pickle.HIGHEST_PROTOCOL)
                except Exception:  # a plugin's finding or collection that cannot be kept
                    continue
                rows.append((str(outcome.path), outcome.digest, findings, parts))
    try:
        store.save_files(rows, stale)
    except StoreUnusable:
        pass


def _digest(parts: Any) -> bytes:
    digest = blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return digest.digest()

