"""Comparing a run's stories with an archive (config ``archive``, or
``--archive PATH``): stories the rules across files compare new copy with,
and do not report on.

What the rules across files collect from the archived stories is kept in
the result store with an index of its keys (a paragraph's hash and MinHash
bands, a headline's hash), so that a run reads only the archived stories
that share a key with its own: a one-story run against a large archive
costs about what a one-story run does. The index is brought up to date at
the start of each run: the archive's folders are stat-ed, and only when one
changed (a story added, removed, renamed or replaced, as ``git`` and most
editors write files) are its files listed and stat-ed, and those whose
size, time or inode changed read again. The archived stories a run
matches (those sharing a key with its own) are stat-ed too, and one that
changed is read again before it is compared: a run never names an archived
story for copy it no longer holds, and compares its new copy. What is not
seen: a story rewritten in place to newly share copy with the run's, in a
folder that did not otherwise change, is found only once its folder
changes or a run lints the archive itself (``git`` checkout and pull, and
many editors, replace a file, which changes its folder; ``cp`` onto a
file, some editors and scripts write it in place, which does not).

The files a run lints are not compared as archived copies of themselves
(a new story saved in the archive folder is linted, not archived), and
count once in the number of stories that decides what is standing copy.
"""

from __future__ import annotations

import os
from pathlib import Path
import pickle
from typing import Any, Mapping

from linter.article.discovery import SKIPPED_FOLDERS
from linter.article.source import UnreadableFile, read_source
from linter.results.store import BATCH, ArchivedRow, ResultStore, StoreUnusable, stored_parts
from linter.support.hashing import blake2b

# The engine (linter.core.engine), whose run imports this module: typed by name only.
Engine = Any


def compare_with(
    engine: "Engine", store: ResultStore | None, roots: list[Path], files: list[Path], collected: list[list[Any]]
) -> set[str]:
    """Add what the archived stories that matter collected to ``collected``
    (each rule's list; the others counted as blanks), and return the paths
    of the archived files added, whose findings are not reported."""
    linted = {os.path.realpath(path) for path in files}
    raw = _raw_keys(engine, collected)  # the run's own keys
    wanted = None if raw is None else {_int_key(index, key) for index, found in enumerate(raw) for key in found}
    added: set[str] = set()
    for root in roots:
        entries = None
        if store is not None:
            try:
                entries = _from_store(engine, store, root, linted, wanted, raw, collected)
            except StoreUnusable:
                entries = None
        if entries is None:
            entries = _read_all(engine, root, linted, collected)
        added |= entries
    return added


def _int_key(check: int, key: bytes) -> int:
    """A 48-bit number for a rule's key: SQLite stores it in six bytes."""
    return int.from_bytes(blake2b(bytes([check]) + key, digest_size=6).digest(), "big")


def _raw_keys(engine: "Engine", parts: list[list[Any]]) -> list[set[bytes]] | None:
    """Each rule's index keys of collections (None when a rule across files
    gives none)."""
    keys: list[set[bytes]] = [set() for _ in parts]
    for check, items, found in zip(engine.corpus_checks, parts, keys):
        for item in items:
            given = check.index_keys(item)
            if given is None:
                return None
            found.update(given)
    return keys


def _keys(engine: "Engine", parts: list[list[Any]]) -> set[int] | None:
    """The index keys of collections, as numbers (None when a rule across
    files gives none)."""
    raw = _raw_keys(engine, parts)
    if raw is None:
        return None
    return {_int_key(index, key) for index, found in enumerate(raw) for key in found}


def _from_store(
    engine: "Engine",
    store: ResultStore,
    root: Path,
    linted: set[str],
    wanted: set[int] | None,
    raw: list[set[bytes]] | None,
    collected: list[list[Any]],
) -> set[str]:
    archive, folders, stories = store.archive(str(root))
    refreshed = folders is None or _changed(folders)
    if refreshed:
        stories = _refresh(engine, store, archive, root)
    rows = store.archive_everything(archive) if wanted is None else store.archive_matches(archive, wanted)
    rows = [row for row in rows if os.path.realpath(row.path) not in linted]
    if not refreshed:
        rows, stories = _matched_again(engine, store, archive, rows, wanted, stories)
    matched: set[str] = set()
    counts = [0] * len(collected)
    for row in rows:
        try:
            parts = pickle.loads(row.collected)
        except Exception:  # a damaged entry: this story is not compared
            continue
        matched.add(row.path)
        for index, (check, items, part) in enumerate(zip(engine.corpus_checks, collected, parts)):
            items += part if raw is None else [check.narrow(item, raw[index]) for item in part]
            counts[index] += len(part)
    top = os.path.realpath(root)
    inside = [str(root / os.path.relpath(path, top)) for path in linted if path.startswith(top.rstrip(os.sep) + os.sep)]
    stories -= store.archived_stories(archive, inside) if inside else 0
    for check, items, count in zip(engine.corpus_checks, collected, counts):
        items += [check.blank] * max(0, stories - count)
    return matched


def _changed(folders: bytes) -> bool:
    """Whether a folder of the archive (or the archive file) changed since
    the index was brought up to date."""
    try:
        stamps = pickle.loads(folders)
    except Exception:  # a damaged entry: read the folders again
        return True
    if not isinstance(stamps, dict):
        return True
    for folder, stamp in stamps.items():
        try:
            if _stamp(os.stat(folder)) != stamp:
                return True
        except OSError:
            return True
    return False


def _matched_again(
    engine: "Engine", store: ResultStore, archive: int, rows: list[ArchivedRow], wanted: set[int] | None, stories: int
) -> tuple[list[ArchivedRow], int]:
    """The matched archived files, each that changed since it was indexed
    read again (its entry brought up to date, and kept only while it still
    shares a key with the run), and the archive's number of stories. One
    stat call a matched file: a rewrite in place leaves its folder alone."""
    stale: dict[str, tuple[str, tuple[int, str, str]]] = {}
    removed: list[int] = []
    for row in rows:
        try:
            stamp = _stamp(os.stat(row.path))
        except OSError:  # gone since the index was brought up to date
            removed.append(row.story)
            continue
        if stamp != row.stamp:
            stale[row.path] = (stamp, (row.story, row.stamp, row.digest))
    if not stale and not removed:
        return rows, stories
    unchanged, added = _read_again(engine, store, stale)
    if removed or added:
        stories = store.update_archive(archive, None, removed, added)
    fresh = {path: (collected, keys) for path, _, _, collected, _, keys in added}
    gone = set(removed)
    kept: list[ArchivedRow] = []
    for row in rows:
        if row.path in fresh:
            collected, keys = fresh[row.path]
            if wanted is None or keys & wanted:
                kept.append(row._replace(collected=collected))
        elif row.path in unchanged or not (row.path in stale or row.story in gone):  # not unreadable, not gone
            kept.append(row)
    return kept, stories


def _stamp(info: os.stat_result) -> str:
    return f"{info.st_mtime_ns}:{info.st_size}:{info.st_ino}"


def _folders(root: Path) -> dict[str, str]:
    """The stamp of the archive file, or of each folder of the archive that
    a walk enters, taken before it is listed."""
    if not root.is_dir():
        try:
            return {str(root): _stamp(os.stat(root))}
        except OSError:
            return {str(root): "missing"}
    stamps: dict[str, str] = {}
    todo = [str(root)]
    while todo:
        folder = todo.pop()
        try:
            stamps[folder] = _stamp(os.stat(folder))
            with os.scandir(folder) as entries:
                todo += [
                    entry.path
                    for entry in entries
                    if entry.is_dir(follow_symlinks=False) and not entry.name.startswith(".") and entry.name not in SKIPPED_FOLDERS
                ]
        except OSError:
            stamps[folder] = "unlisted"
    return stamps


def _refresh(engine: "Engine", store: ResultStore, archive: int, root: Path) -> int:
    """Bring an archive's index up to date; its number of stories. The
    stamps kept to tell whether it changed are taken before the folders are
    listed and the files read, so a change made meanwhile is seen next time."""
    folders = pickle.dumps(_folders(root), pickle.HIGHEST_PROTOCOL)
    known = store.archived(archive)
    current = [str(path) for path in engine.files([root])] if root.exists() else []
    listed = set(current)
    removed = [story for path, (story, _, _) in known.items() if path not in listed]
    stale: dict[str, tuple[str, tuple[int, str, str] | None]] = {}
    for path in current:
        try:
            stamp = _stamp(os.stat(path))
        except OSError:
            continue
        previous = known.get(path)
        if previous is None or previous[1] != stamp:
            stale[path] = (stamp, previous)
    paths = list(stale)
    for start in range(0, len(paths), BATCH):  # a batch at a time: never the whole archive's texts and collections at once
        _, added = _read_again(engine, store, {path: stale[path] for path in paths[start : start + BATCH]})
        store.update_archive(archive, None, [], added)
    return store.update_archive(archive, folders, removed, [])


def _read_again(
    engine: "Engine", store: ResultStore, stale: Mapping[str, tuple[str, tuple[int, str, str] | None]]
) -> tuple[set[str], list[tuple[str, str, str, bytes, int, set[int]]]]:
    """Read the ``stale`` files (path: their new stat stamp, and the (id,
    stamp, digest) of their entry, None when new): the paths of those whose
    bytes did not change (given their new stamp in the store), and (path,
    stamp, digest, pickled collection, stories, keys) of the others, to be
    stored. An unreadable file is in neither."""
    unchanged: set[str] = set()
    restamped: list[tuple[str, int]] = []
    reread: dict[str, tuple[str, str]] = {}  # path: (stamp, digest) of files to collect from
    texts: dict[str, str] = {}
    for path, (stamp, previous) in stale.items():
        try:
            source = read_source(Path(path), engine.config.max_file_size)
        except UnreadableFile:
            continue
        if previous is not None and previous[2] == source.digest:
            unchanged.add(path)
            restamped.append((stamp, previous[0]))
            continue
        reread[path] = (stamp, source.digest)
        texts[path] = source.text
    if restamped:
        store.restamp_archived(restamped)
    linted = store.collected(list(reread))  # a run that linted the archive collected from it already
    added = []
    for path, (stamp, digest) in reread.items():
        entry = linted.get(path)
        parts = stored_parts(entry[1], len(engine.corpus_checks)) if entry and entry[0] == digest else None
        if parts is None:
            parts, _ = engine.collect_text(Path(path), texts[path])
        keys = _keys(engine, parts) or set()
        stories = len(parts[0]) if parts else 0
        added.append((path, stamp, digest, pickle.dumps(parts, pickle.HIGHEST_PROTOCOL), stories, keys))
    return unchanged, added


def _read_all(engine: "Engine", root: Path, linted: set[str], collected: list[list[Any]]) -> set[str]:
    """Without the store: collect from every archived story."""
    added: set[str] = set()
    for path in engine.files([root]) if root.exists() else []:
        if os.path.realpath(path) in linted:
            continue
        try:
            source = read_source(path, engine.config.max_file_size)
        except UnreadableFile:
            continue
        parts, _ = engine.collect_text(path, source.text)
        added.add(str(path))
        for items, part in zip(collected, parts):
            items += part
    return added
