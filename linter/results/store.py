"""The result store: what earlier runs learned about each story, kept in one
SQLite file per project in the cache folder (see linter.support.cache).

For each run fingerprint (see linter.core.warm) it holds, per file: the digest
of its bytes, its findings and what the rules across files collected from
it; the findings across files of the last run over a set of files; and,
for each archive a run compares new copy with, what was collected from
its stories with an index of their keys (paragraph hashes, MinHash bands,
headlines), so that a run looks up only the archived stories that share a
key with its own.

The store is a cache: it is written in WAL mode with a busy timeout, so
two runs at once wait for each other instead of failing, and whatever goes
wrong with it (a file that is not a database, another schema, a lock held
too long, a full disk) raises ``StoreUnusable``, on which a run goes on
without it. A file that is not this store's is deleted and made anew.
"""

from __future__ import annotations

import os
from pathlib import Path
import pickle
import time
from typing import TYPE_CHECKING, Any, Iterable, Iterator, NamedTuple

from linter.support import cache
from linter.support.hashing import blake2b

if TYPE_CHECKING:
    import sqlite3

SCHEMA = "copydesk-results-3"
BUSY_SECONDS = 10.0  # how long a run waits for another one's write
BATCH = 500  # parameters of one query (SQLite allows 999 in old builds)
DAY = 24 * 3600
PREFIX = "results-"


class StoreUnusable(Exception):
    """The store cannot be read or written; the run goes on without it."""


_TABLES = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, fingerprint BLOB UNIQUE NOT NULL, used INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS files (
  run INTEGER NOT NULL, path BLOB NOT NULL, digest TEXT NOT NULL,
  findings BLOB NOT NULL, collected BLOB NOT NULL, used INTEGER NOT NULL,
  PRIMARY KEY (run, path)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS across (
  run INTEGER NOT NULL, scope BLOB NOT NULL, inputs BLOB NOT NULL, findings BLOB NOT NULL,
  PRIMARY KEY (run, scope)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS carried (
  run INTEGER NOT NULL, rule TEXT NOT NULL, state BLOB NOT NULL, PRIMARY KEY (run, rule)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS archives (
  id INTEGER PRIMARY KEY, run INTEGER NOT NULL, root BLOB NOT NULL, folders BLOB NOT NULL, stories INTEGER NOT NULL,
  UNIQUE (run, root));
CREATE TABLE IF NOT EXISTS archived (
  id INTEGER PRIMARY KEY AUTOINCREMENT, archive INTEGER NOT NULL, path BLOB NOT NULL, stamp TEXT NOT NULL,
  digest TEXT NOT NULL, collected BLOB NOT NULL, stories INTEGER NOT NULL, UNIQUE (archive, path));
CREATE TABLE IF NOT EXISTS archive_keys (
  archive INTEGER NOT NULL, key INTEGER NOT NULL, story INTEGER NOT NULL,
  PRIMARY KEY (archive, key, story)) WITHOUT ROWID;
"""


def location(project: Path) -> Path | None:
    """The store's file for a project (the folder of its config, or the
    working folder), or None when the cache is off."""
    where = cache.folder()
    if where is None:
        return None
    name = blake2b(os.fsencode(project.resolve()), digest_size=8).hexdigest()
    return where / f"{PREFIX}{name}.sqlite"


def _name(path: str) -> bytes:
    """A path as stored: its bytes (a file name need not be valid UTF-8)."""
    return path.encode("utf-8", "surrogateescape")


def _path(name: bytes) -> str:
    return name.decode("utf-8", "surrogateescape")


class ArchivedRow(NamedTuple):
    """An archived file as the index holds it: its collection and what
    tells whether the file changed since it was read."""

    path: str
    story: int  # its id in the index
    stamp: str  # its size, time and inode when it was read
    digest: str
    collected: bytes  # pickled: what the rules across files collected from it


_ARCHIVED_ROW = "path, id, stamp, digest, collected"


def _archived_rows(rows: list[Any]) -> list[ArchivedRow]:
    return [ArchivedRow(_path(path), int(story), stamp, digest, collected) for path, story, stamp, digest, collected in rows]


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


class ResultStore:
    """One project's store, opened for one run fingerprint."""

    def __init__(self, connection: "sqlite3.Connection", run: int) -> None:
        self.db = connection
        self.run = run
        self.today = int(time.time() // DAY)

    @classmethod
    def open(cls, path: Path, fingerprint: bytes, wait: float = BUSY_SECONDS) -> "ResultStore":
        """The store at ``path`` for this fingerprint, waiting at most
        ``wait`` seconds for another run's write; a file that is not a
        store of this schema is replaced by an empty one."""
        import sqlite3  # only when a run uses the store: most one-file runs never do

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                connection = _connect(path, wait)
            except sqlite3.OperationalError:  # locked by another run's write, say: its store, not ours to delete
                raise
            except sqlite3.DatabaseError:  # not a database, or another one: start again
                _delete(path)
                connection = _connect(path, wait)
            store = cls(connection, 0)
            store.run = store._run_id(fingerprint)
            return store
        except (sqlite3.Error, OSError) as error:
            raise StoreUnusable(str(error)) from None

    def _run_id(self, fingerprint: bytes) -> int:
        with self._writing():
            new = self.db.execute("INSERT OR IGNORE INTO runs (fingerprint, used) VALUES (?, ?)", (fingerprint, self.today)).rowcount
            run, used = self.db.execute("SELECT id, used FROM runs WHERE fingerprint = ?", (fingerprint,)).fetchone()
            if new or used != self.today:
                self.db.execute("UPDATE runs SET used = ? WHERE id = ?", (self.today, run))
                self.run = run
                self._prune()
        if new or used != self.today:
            prune_stores()
        return int(run)

    def _prune(self) -> None:
        """Forget what runs of fingerprints unused for a month learned, and
        this fingerprint's files unused as long (when a fingerprint is new,
        or first used on a day)."""
        cutoff = self.today - cache.UNUSED_FOR // DAY
        old = [row[0] for row in self.db.execute("SELECT id FROM runs WHERE used < ?", (cutoff,))]
        for run in old:
            archives = [row[0] for row in self.db.execute("SELECT id FROM archives WHERE run = ?", (run,))]
            for archive in archives:
                self.db.execute("DELETE FROM archive_keys WHERE archive = ?", (archive,))
                self.db.execute("DELETE FROM archived WHERE archive = ?", (archive,))
            for table in ("files", "across", "carried", "archives"):
                self.db.execute(f"DELETE FROM {table} WHERE run = ?", (run,))
            self.db.execute("DELETE FROM runs WHERE id = ?", (run,))
        self.db.execute("DELETE FROM files WHERE run = ? AND used < ?", (self.run, cutoff))

    class _Transaction:
        def __init__(self, db: "sqlite3.Connection") -> None:
            self.db = db

        def __enter__(self) -> None:
            self.db.execute("BEGIN IMMEDIATE")

        def __exit__(self, kind: Any, error: Any, trace: Any) -> None:
            self.db.execute("COMMIT" if kind is None else "ROLLBACK")

    def _writing(self) -> "ResultStore._Transaction":
        return self._Transaction(self.db)

    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        import sqlite3

        try:
            return self.db.execute(sql, tuple(params)).fetchall()
        except (sqlite3.Error, ValueError, OverflowError) as error:
            raise StoreUnusable(str(error)) from None

    def _write(self, statements: list[tuple[str, list[tuple[Any, ...]]]]) -> None:
        """Run ``executemany`` statements in one transaction."""
        import sqlite3

        try:
            with self._writing():
                for sql, rows in statements:
                    if rows:
                        self.db.executemany(sql, rows)
        except (sqlite3.Error, ValueError, OverflowError) as error:
            raise StoreUnusable(str(error)) from None

    # Files of a run

    def files(self, paths: list[str]) -> dict[str, tuple[str, bytes, int]]:
        """(digest, pickled findings, day last used) stored for each of
        ``paths`` that has an entry."""
        found: dict[str, tuple[str, bytes, int]] = {}
        for chunk in _chunks([_name(path) for path in paths]):
            marks = ",".join("?" * len(chunk))
            rows = self._query(
                f"SELECT path, digest, findings, used FROM files WHERE run = ? AND path IN ({marks})", [self.run, *chunk]
            )
            found.update((_path(path), (digest, findings, used)) for path, digest, findings, used in rows)
        return found

    def collected(self, paths: list[str]) -> dict[str, tuple[str, bytes]]:
        """(digest, pickled collection) stored for each of ``paths``."""
        found: dict[str, tuple[str, bytes]] = {}
        for chunk in _chunks([_name(path) for path in paths]):
            marks = ",".join("?" * len(chunk))
            rows = self._query(
                f"SELECT path, digest, collected FROM files WHERE run = ? AND path IN ({marks})", [self.run, *chunk]
            )
            found.update((_path(path), (digest, collected)) for path, digest, collected in rows)
        return found

    def save_files(self, rows: list[tuple[str, str, bytes, bytes]], used: list[str]) -> None:
        """Store (path, digest, pickled findings, pickled collection) rows,
        and mark the entries of ``used`` as used today."""
        self._write(
            [
                (
                    "INSERT OR REPLACE INTO files (run, path, digest, findings, collected, used) VALUES (?, ?, ?, ?, ?, ?)",
                    [(self.run, _name(path), digest, findings, collected, self.today) for path, digest, findings, collected in rows],
                ),
                ("UPDATE files SET used = ? WHERE run = ? AND path = ?", [(self.today, self.run, _name(path)) for path in used]),
            ]
        )

    def across(self, scope: bytes, inputs: bytes) -> bytes | None:
        """The findings across files stored for this set of files (``scope``)
        when their contents were ``inputs``."""
        rows = self._query("SELECT inputs, findings FROM across WHERE run = ? AND scope = ?", [self.run, scope])
        return rows[0][1] if rows and rows[0][0] == inputs else None

    def save_across(self, scope: bytes, inputs: bytes, findings: bytes) -> None:
        self._write([("INSERT OR REPLACE INTO across (run, scope, inputs, findings) VALUES (?, ?, ?, ?)", [(self.run, scope, inputs, findings)])])

    def carried(self, rule: str) -> bytes | None:
        """What a rule across files kept from its last matching (see
        ``CorpusCheck.carried``)."""
        rows = self._query("SELECT state FROM carried WHERE run = ? AND rule = ?", [self.run, rule])
        return rows[0][0] if rows else None

    def save_carried(self, rule: str, state: bytes) -> None:
        self._write([("INSERT OR REPLACE INTO carried (run, rule, state) VALUES (?, ?, ?)", [(self.run, rule, state)])])

    # Archives

    def archive(self, root: str) -> tuple[int, bytes | None, int]:
        """(id, pickled folder stamps or None when new, stories) of an archive."""
        rows = self._query("SELECT id, folders, stories FROM archives WHERE run = ? AND root = ?", [self.run, _name(root)])
        if rows:
            return int(rows[0][0]), rows[0][1], int(rows[0][2])
        self._write([("INSERT OR IGNORE INTO archives (run, root, folders, stories) VALUES (?, ?, ?, 0)", [(self.run, _name(root), b"")])])
        rows = self._query("SELECT id FROM archives WHERE run = ? AND root = ?", [self.run, _name(root)])
        return int(rows[0][0]), None, 0

    def archived(self, archive: int) -> dict[str, tuple[int, str, str]]:
        """(id, stat stamp, digest) of each file of an archive, by path."""
        rows = self._query("SELECT path, id, stamp, digest FROM archived WHERE archive = ?", [archive])
        return {_path(path): (story, stamp, digest) for path, story, stamp, digest in rows}

    def update_archive(
        self,
        archive: int,
        folders: bytes | None,
        removed: list[int],
        added: list[tuple[str, str, str, bytes, int, set[int]]],
    ) -> int:
        """Forget the ``removed`` files (by id), add (path, stamp, digest,
        pickled collection, stories, keys) ones, store the folders' stamps
        (unless None: kept as they are), and return the archive's number of
        stories."""
        import sqlite3

        try:
            with self._writing():
                for chunk in _chunks(removed):
                    marks = ",".join("?" * len(chunk))
                    self.db.execute(f"DELETE FROM archive_keys WHERE archive = ? AND story IN ({marks})", [archive, *chunk])
                    self.db.execute(f"DELETE FROM archived WHERE id IN ({marks})", chunk)
                for path, stamp, digest, collected, stories, keys in added:
                    self.db.execute("DELETE FROM archived WHERE archive = ? AND path = ?", (archive, _name(path)))
                    story = self.db.execute(
                        "INSERT INTO archived (archive, path, stamp, digest, collected, stories) VALUES (?, ?, ?, ?, ?, ?)",
                        (archive, _name(path), stamp, digest, collected, stories),
                    ).lastrowid
                    self.db.executemany(
                        "INSERT OR IGNORE INTO archive_keys (archive, key, story) VALUES (?, ?, ?)",
                        [(archive, key, story) for key in keys],
                    )
                (stories,) = self.db.execute("SELECT COALESCE(SUM(stories), 0) FROM archived WHERE archive = ?", (archive,)).fetchone()
                self.db.execute("UPDATE archives SET folders = COALESCE(?, folders), stories = ? WHERE id = ?", (folders, stories, archive))
            return int(stories)
        except (sqlite3.Error, ValueError, OverflowError) as error:
            raise StoreUnusable(str(error)) from None

    def archived_stories(self, archive: int, paths: list[str]) -> int:
        """How many stories the archived files of ``paths`` hold."""
        total = 0
        for chunk in _chunks([_name(path) for path in paths]):
            marks = ",".join("?" * len(chunk))
            rows = self._query(f"SELECT COALESCE(SUM(stories), 0) FROM archived WHERE archive = ? AND path IN ({marks})", [archive, *chunk])
            total += int(rows[0][0])
        return total

    def restamp_archived(self, rows: list[tuple[str, int]]) -> None:
        """New stat stamps for (stamp, id) files whose bytes did not change."""
        self._write([("UPDATE archived SET stamp = ? WHERE id = ?", rows)])

    def archive_matches(self, archive: int, keys: set[int]) -> list[ArchivedRow]:
        """Each archived file holding one of ``keys``, in path order."""
        ids: set[int] = set()
        for chunk in _chunks(sorted(keys)):
            marks = ",".join("?" * len(chunk))
            ids.update(row[0] for row in self._query(f"SELECT story FROM archive_keys WHERE archive = ? AND key IN ({marks})", [archive, *chunk]))
        found: list[ArchivedRow] = []
        for chunk in _chunks(sorted(ids)):
            marks = ",".join("?" * len(chunk))
            found += _archived_rows(self._query(f"SELECT {_ARCHIVED_ROW} FROM archived WHERE id IN ({marks})", chunk))
        return sorted(found)

    def archive_everything(self, archive: int) -> list[ArchivedRow]:
        """Every archived file, in path order: for rules across files that
        give no keys to look up."""
        return sorted(_archived_rows(self._query(f"SELECT {_ARCHIVED_ROW} FROM archived WHERE archive = ?", [archive])))

    def close(self) -> None:
        try:
            self.db.close()
        except Exception:  # closing a broken store: nothing to keep
            pass


def _connect(path: Path, wait: float) -> "sqlite3.Connection":
    """A connection to the store at ``path``, its schema checked (and made,
    when the file is new); DatabaseError when the file is not this store."""
    import sqlite3

    connection = sqlite3.connect(path, timeout=wait, isolation_level=None, check_same_thread=False)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")  # a cache: a power cut may lose the last run, never corrupt
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "meta" not in tables:
            if tables:
                raise sqlite3.DatabaseError("another database")
            connection.execute("BEGIN IMMEDIATE")
            for statement in filter(str.strip, _TABLES.split(";")):
                connection.execute(statement)
            connection.execute("INSERT OR IGNORE INTO meta (name, value) VALUES ('schema', ?)", (SCHEMA,))
            connection.execute("COMMIT")
        row = connection.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
        if row is None or row[0] != SCHEMA:
            raise sqlite3.DatabaseError(f"another schema: {row[0] if row else 'none'}")
    except BaseException:
        connection.close()
        raise
    return connection


def stored_parts(blob: bytes, checks: int) -> list[list[Any]] | None:
    """A file's stored collections (a list per rule across files), or None
    when the entry is damaged."""
    try:
        parts = pickle.loads(blob)
    except Exception:  # a damaged entry
        return None
    return parts if isinstance(parts, list) and len(parts) == checks else None


def _delete(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        try:
            os.unlink(f"{path}{suffix}")
        except FileNotFoundError:
            pass


def prune_stores() -> None:
    """Delete project stores nobody has used for a month (the folder's
    other entries are pruned by linter.cache)."""
    where = cache.folder()
    if where is None:
        return
    cutoff = time.time() - cache.UNUSED_FOR
    for old in where.glob(f"{PREFIX}*.sqlite"):
        try:
            if old.stat().st_mtime < cutoff:
                _delete(old)
        except OSError:
            pass
