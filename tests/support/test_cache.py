"""The cache of loaded rule packs: used when nothing changed, never stale,
safe to delete or corrupt, and off when asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.support import cache
from linter.core.plugins import load_plugins
from linter.core.rules import load_packs

RULE = "id: house-stated\ncheck: existence\nseverity: info\nmessage: 'Use said.'\ntokens: [stated]\n"


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COPYDESK_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "stated.yaml").write_text(RULE)
    return folder


def load(folder: Path):  # type: ignore[no-untyped-def]
    return load_packs([("house", folder)], load_plugins().check_types)


def test_a_second_load_comes_from_the_cache(pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load(pack)
    assert len(list((pack.parent / "cache").glob("rules-*.pickle"))) == 1
    monkeypatch.setattr("linter.core.rules.load_rule_file", lambda *a: pytest.fail("the YAML was parsed again"))
    again = load(pack)
    assert [(r.id, r.params, r.message) for r in again] == [(r.id, r.params, r.message) for r in first]


def test_a_changed_rule_file_is_never_served_stale(pack: Path) -> None:
    assert load(pack)[0].message == "Use said."
    (pack / "stated.yaml").write_text(RULE.replace("Use said.", "Write said."))
    assert load(pack)[0].message == "Write said."


def test_a_corrupt_cache_file_is_ignored_and_replaced(pack: Path) -> None:
    load(pack)
    (stored,) = (pack.parent / "cache").glob("rules-*.pickle")
    stored.write_bytes(b"not a pickle")
    assert load(pack)[0].id == "house-stated"
    assert stored.read_bytes() != b"not a pickle"


def test_the_cache_can_be_turned_off(pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPYDESK_CACHE", "off")
    assert cache.folder() is None
    assert load(pack)[0].id == "house-stated"
    assert not (pack.parent / "cache").exists()


def test_entries_unused_for_a_month_are_pruned_and_used_ones_renewed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import time

    monkeypatch.setenv("COPYDESK_CACHE", str(tmp_path))
    long_ago = time.time() - cache.UNUSED_FOR - 3600
    assert cache.cached("demo", "used", lambda: "a") == "a"
    assert cache.cached("demo", "forgotten", lambda: "b") == "b"
    assert cache.cached("other", "forgotten", lambda: "c") == "c"
    for name in ("demo-used", "demo-forgotten", "other-forgotten"):
        os.utime(tmp_path / f"{name}.pickle", (long_ago, long_ago))

    assert cache.cached("demo", "used", lambda: "never") == "a"  # read: renewed
    assert (tmp_path / "demo-used.pickle").stat().st_mtime > long_ago
    assert cache.cached("demo", "new", lambda: "d") == "d"  # written: old entries of its kind pruned

    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo-new.pickle", "demo-used.pickle", "other-forgotten.pickle"]
