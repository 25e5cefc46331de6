"""Comparing a run's stories with an archive (config ``archive``, or
``--archive PATH``): stories the rules across files compare new copy with,
and do not report on.

What the rules across files collect from the archived stories is kept in
the result store with an index of its keys (a paragraph's hash and MinHash
bands, a headline's hash), so that a run reads only the archived stories
that share a key with its own. The index is brought up to date at the
start of each run: the archive's folders and its stories are stat-ed (one
call a story, by its name in its open folder: about 80 ms for 50,000
stories), and when a folder changed (a story added, removed, renamed or
replaced, as ``git`` and most editors write files) or a story did
(rewritten in place, as some editors, ``cp`` and scripts write files), the
archive's files are listed and stat-ed again and those whose size, time or
inode changed are read again.

The files a run lints are not compared as archived copies of themselves
(a new story saved in the archive folder is linted, not archived), and
count once in the number of stories that decides what is standing copy.
"""

from __future__ import annotations

import os
from pathlib import Path
import pickle
from typing import Any

from linter.article.discovery import SKIPPED_FOLDERS
from linter.article.source import UnreadableFile, read_source
from linter.results.store import ResultStore, StoreUnusable, stored_parts
from linter.support.hashing import blake2b

# The engine (linter.core.engine), whose run imports this module: typed by name only.
Engine = Any

_RELATIVE = os.stat in os.supports_dir_fd  # a file stat-ed by its name in its open folder


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
    if folders is None or _changed(folders):
        stories = _refresh(engine, store, archive, root)
    rows = store.archive_everything(archive) if wanted is None else store.archive_matches(archive, wanted)
    matched: set[str] = set()
    counts = [0] * len(collected)
    for path, blob in rows:
        if os.path.realpath(path) in linted:
            continue
        try:
            parts = pickle.loads(blob)
        except Exception:  # a damaged entry: this story is not compared
            continue
        matched.add(path)
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
    """Whether a folder of the archive (or the archive file), or a story in
    it, changed since the index was brought up to date."""
    try:
        stamps, files = pickle.loads(folders)
    except Exception:  # a damaged entry: read the folders again
        return True
    if not isinstance(stamps, dict) or not isinstance(files, dict):
        return True
    for folder, stamp in stamps.items():
        try:
            if _stamp(os.stat(folder)) != stamp:
                return True
        except OSError:
            return True
    return any(_files_stamp(folder, names) != stamp for folder, (names, stamp) in files.items())


def _files_stamp(folder: str, names: tuple[str, ...]) -> int | None:
    """One number for the times and sizes of the files ``names`` of
    ``folder`` (None when one cannot be stat-ed): a story rewritten in
    place changes it, and not its folder's stamp. One stat call a file (by
    its name in the open folder where the system allows: a shorter lookup)."""
    try:
        if _RELATIVE:
            handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            try:
                infos = [os.stat(name, dir_fd=handle) for name in names]
            finally:
                os.close(handle)
        else:
            infos = [os.stat(os.path.join(folder, name)) for name in names]
    except OSError:
        return None
    return _numbers_stamp([(info.st_mtime_ns, info.st_size) for info in infos])


def _numbers_stamp(numbers: list[tuple[int, int]]) -> int:
    # Numbers hash alike in every process (only strings' hashes are salted),
    # and the index belongs to one Python (see linter.core.fingerprint).
    return hash(tuple(numbers))


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
    stamps = _folders(root)
    known = store.archived(archive)
    current = [str(path) for path in engine.files([root])] if root.exists() else []
    listed = set(current)
    removed = [story for path, (story, _, _) in known.items() if path not in listed]
    restamped: list[tuple[str, int]] = []
    reread: dict[str, tuple[str, str]] = {}  # path: (stamp, digest) of files to collect from
    texts: dict[str, str] = {}
    numbers: dict[str, tuple[list[str], list[tuple[int, int]]]] = {}  # by folder: its stories' names, times and sizes
    for path in current:
        try:
            info = os.stat(path)
        except OSError:
            continue
        stamp = _stamp(info)
        names, values = numbers.setdefault(os.path.dirname(path), ([], []))
        names.append(os.path.basename(path))
        values.append((info.st_mtime_ns, info.st_size))
        previous = known.get(path)
        if previous is not None and previous[1] == stamp:
            continue
        try:
            source = read_source(Path(path), engine.config.max_file_size)
        except UnreadableFile:
            continue
        if previous is not None and previous[2] == source.digest:
            restamped.append((stamp, previous[0]))
            continue
        reread[path] = (stamp, source.digest)
        texts[path] = source.text
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
    if restamped:
        store.restamp_archived(restamped)
    files = {folder: (tuple(names), _numbers_stamp(values)) for folder, (names, values) in numbers.items()}
    folders = pickle.dumps((stamps, files), pickle.HIGHEST_PROTOCOL)
    return store.update_archive(archive, folders, removed, added)


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
