"""Findings the server has had before, so that a document is not checked
again when its text, its path and its engine are those of an earlier run.

- The last result of each open document is held in memory with the engine
  that gave it: a save, or a config file touched without a change, re-lints
  the same text with the same engine.
- Every result is also kept in the project's result store
  (linter.results.store), the one the command line's warm runs keep, under
  the engine's run fingerprint (linter.core.fingerprint) and the digest of
  the bytes a file with the document's text would have (see
  ``source_of_text``): a document reopened unchanged, after the server
  restarted too, takes its findings from there, and so does a file the
  command line linted under the same path with those bytes. What is kept
  for the command line's runs (what the rules across files collect) is
  kept too, so a store entry is the same whoever wrote it.

A result is kept only when it is the run's own: none when a rule failed or
ran out of time on it (linted again, so its problems are reported again).
An engine is rebuilt when its config, rules, names or styles change, and
has a store of its own fingerprint, so a stale result is never used. A
store that cannot be used (another program's file, a lock held too long, a
full disk) is set aside for a while and the server lints as it would
without it. Used from the server's one worker thread only (``forget``
excepted, which drops a dictionary entry).
"""

from __future__ import annotations

from pathlib import Path
import pickle
import time
from typing import TYPE_CHECKING, NamedTuple

from linter.article.source import SourceFile, source_of_text
from linter.core.warm import open_store
from linter.results.findings import Finding
from linter.results.run import Accumulator
from linter.results.store import ResultStore, StoreUnusable

if TYPE_CHECKING:  # pragma: no cover
    from linter.results.run import FileResult
    from linter.lsp.documents import Target
    from linter.lsp.engines import Loaded

STORE_WAIT_SECONDS = 0.5  # for another run's write: an editor does not wait long
RETRY_SECONDS = 60.0  # before a store that could not be used is opened again


class _Latest(NamedTuple):
    loaded: "Loaded"
    path: Path
    text: str
    findings: list[Finding]


class _Held(NamedTuple):
    loaded: "Loaded"
    store: ResultStore | None
    retry_at: float  # when a store set aside is opened again


class KnownResults:
    """The results the server remembers: by document in memory, and in
    the result store of each engine."""

    def __init__(self) -> None:
        self._latest: dict[str, _Latest] = {}  # by URI
        self._stores: dict[str, _Held] = {}  # by config key: the store of its current engine

    def lint(self, loaded: "Loaded", target: "Target", problems: list[str]) -> list[Finding]:
        """The findings of ``target`` with ``loaded``'s engine: remembered,
        or linted now (and remembered when clean). Problems go to
        ``problems``; exceptions of the engine are the caller's."""
        engine = loaded.engine
        assert engine is not None
        latest = self._latest.get(target.uri)
        if latest is not None and latest.loaded is loaded and latest.path == target.path and latest.text == target.text:
            return list(latest.findings)
        store = self._store(loaded)
        source = source_of_text(target.path, target.text) if store is not None else None
        if store is not None and source is not None:
            findings, clean = self._stored(loaded, store, source), True
            if findings is None:
                result = engine.lint_one(target.path, source, collect=True)
                problems += result.problems
                findings, clean = result.findings, result.clean
                if clean:
                    self._save(loaded, store, source, result)
        else:  # no store, or a text no file reads as: linted as it is
            found: list[str] = []
            findings = engine.lint_text(target.path, target.text, Accumulator(problems=found))
            problems += found
            clean = not found and not engine.disabled
        if clean:
            self._latest[target.uri] = _Latest(loaded, target.path, target.text, findings)
        else:
            self._latest.pop(target.uri, None)
        return list(findings)

    def forget(self, uri: str) -> None:
        """Drop a closed document's result from memory (the store keeps it)."""
        self._latest.pop(uri, None)

    def close(self) -> None:
        """Close the stores (at the server's shutdown, in its worker)."""
        for held in self._stores.values():
            if held.store is not None:
                held.store.close()
        self._stores.clear()

    def _store(self, loaded: "Loaded") -> ResultStore | None:
        """The store of ``loaded``'s engine, opened on its first use; the
        store of the engine it replaced is closed."""
        held = self._stores.get(loaded.key)
        if held is not None and held.loaded is loaded and (held.store is not None or time.monotonic() < held.retry_at):
            return held.store
        if held is not None and held.store is not None:
            held.store.close()
        store = open_store(loaded.engine, STORE_WAIT_SECONDS)
        self._stores[loaded.key] = _Held(loaded, store, time.monotonic() + RETRY_SECONDS)
        return store

    def _set_aside(self, loaded: "Loaded") -> None:
        held = self._stores.get(loaded.key)
        if held is not None and held.store is not None:
            held.store.close()
        self._stores[loaded.key] = _Held(loaded, None, time.monotonic() + RETRY_SECONDS)

    def _stored(self, loaded: "Loaded", store: ResultStore, source: SourceFile) -> list[Finding] | None:
        """The findings stored for these bytes at this path, or None."""
        path = str(source.path)
        try:
            entry = store.files([path]).get(path)
        except StoreUnusable:
            self._set_aside(loaded)
            return None
        if entry is None or entry[0] != source.digest:
            return None
        try:
            findings = pickle.loads(entry[1])
        except Exception:  # a damaged entry: lint again
            return None
        if not isinstance(findings, list):
            return None
        if entry[2] != store.today:
            try:
                store.save_files([], [path])  # used today: not pruned as unused
            except StoreUnusable:
                self._set_aside(loaded)
        return findings

    def _save(self, loaded: "Loaded", store: ResultStore, source: SourceFile, result: "FileResult") -> None:
        try:
            findings = pickle.dumps(result.findings, pickle.HIGHEST_PROTOCOL)
            row = (str(source.path), source.digest, findings, pickle.dumps(result.collected, pickle.HIGHEST_PROTOCOL))
        except Exception:  # a plugin's finding or collection that cannot be kept
            return
        try:
            store.save_files([row], [])
        except StoreUnusable:
            self._set_aside(loaded)
