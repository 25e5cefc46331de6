"""The result store (linter.results.store) as a cache: what is not a store
is made anew, and what another run holds is left alone."""

from __future__ import annotations

from pathlib import Path
import sqlite3

import pytest

from linter.results.store import ResultStore, StoreUnusable


def test_a_file_that_is_not_a_store_is_made_anew(tmp_path: Path) -> None:
    where = tmp_path / "results-0.sqlite"
    where.write_bytes(b"not a database at all, but long enough to be read as a header" * 4)
    store = ResultStore.open(where, b"fingerprint")
    store.save_files([("story.md", "digest", b"[]", b"[]")], [])
    assert store.files(["story.md"])["story.md"][0] == "digest"
    store.close()


def test_a_store_locked_by_another_run_is_set_aside_not_deleted(tmp_path: Path) -> None:
    where = tmp_path / "results-0.sqlite"
    first = ResultStore.open(where, b"fingerprint")
    first.save_files([("story.md", "digest", b"[]", b"[]")], [])
    first.close()
    other = sqlite3.connect(where, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")  # another run, writing
    try:
        with pytest.raises(StoreUnusable):
            ResultStore.open(where, b"fingerprint", wait=0.1)
    finally:
        other.execute("COMMIT")
        other.close()
    again = ResultStore.open(where, b"fingerprint")
    assert again.files(["story.md"])["story.md"][0] == "digest"
    again.close()
