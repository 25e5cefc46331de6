"""A cache of loaded rule packs, so that a run (a pre-commit hook, an
editor) does not parse and validate the same YAML files every time.

The key is a hash of everything the loaded rules depend on: copydesk's
version, the packs' names and every rule file's bytes, and the source files
of the check types that validate them. A changed file is a new key, so the
cache is never stale; it lives in the user's cache folder
(``$XDG_CACHE_HOME/copydesk``, or ``~/.cache/copydesk``; ``COPYDESK_CACHE``
overrides it, and ``COPYDESK_CACHE=off`` turns it off) and is safe to
delete. Any problem reading or writing it is ignored: the rules are then
loaded from their files.
"""

from __future__ import annotations

import inspect
import os
from pathlib import Path
import pickle
import time
from typing import Any, Callable

from linter import version
from linter.support.hashing import blake2b

VERSION = "5"  # of what the cache holds; raised when a cached class changes shape


def folder() -> Path | None:
    setting = os.environ.get("COPYDESK_CACHE")
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "copydesk"


def _code_stamp(classes: list[Any]) -> list[str]:
    """Where each class's (or function's) source file stands, and when it was
    last written."""
    stamps = []
    for cls in classes:
        try:
            source = Path(inspect.getfile(cls))
            stat = source.stat()
            stamps.append(f"{cls.__module__}.{cls.__qualname__}:{stat.st_mtime_ns}:{stat.st_size}")
        except (TypeError, OSError):
            stamps.append(f"{cls.__module__}.{cls.__qualname__}")
    return stamps


def key(packs: list[tuple[str, Path]], files: list[Path], classes: list[type]) -> str:
    digest = blake2b(digest_size=16)
    digest.update(f"{VERSION}\0{version()}\0".encode())
    for name, path in packs:
        digest.update(f"pack\0{name}\0{path}\0".encode())
    for path in files:
        digest.update(f"file\0{path}\0".encode())
        digest.update(path.read_bytes())
    for stamp in _code_stamp(classes):
        digest.update(stamp.encode())
    return digest.hexdigest()


def cached(kind: str, key_text: str, load: Callable[[], Any]) -> Any:
    """The value of this kind stored under ``key_text``, or ``load()``
    (stored for next time)."""
    where = folder()
    if where is None:
        return load()
    path = where / f"{kind}-{key_text}.pickle"
    try:
        with path.open("rb") as stream:
            value = pickle.load(stream)
        _mark_used(path)
        return value
    except Exception:  # missing, truncated or from another version: load anew
        pass
    value = load()
    write(path, value)
    _prune(where, kind)
    return value


# An entry nobody has read for this long (its rule files, code or versions
# changed since) is deleted when a new entry of its kind is written, so the
# folder does not grow with every edit and upgrade.
UNUSED_FOR = 30 * 24 * 3600


def _mark_used(path: Path) -> None:
    """Renew the entry's time, at most once a day (not a write every run)."""
    try:
        if time.time() - path.stat().st_mtime > 24 * 3600:
            os.utime(path)
    except OSError:
        pass


def _prune(where: Path, kind: str) -> None:
    cutoff = time.time() - UNUSED_FOR
    for old in where.glob(f"{kind}-*.pickle"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass


def write(path: Path, value: Any) -> None:
    """Pickle ``value`` to ``path`` atomically (a reader sees the old file
    or the new one, never half of one); errors are ignored."""
    import tempfile  # only when writing: most runs only read the cache

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, pickle.PicklingError):
        pass


def cached_file(path: Path, kind: str, load: Callable[[Path], Any]) -> Any:
    """``load(path)``, cached under a key of the file's bytes, ``kind`` (what
    the loader makes of it) and the loader's source file: for the names
    registry, house styles, the people lexicon and the config, read on every
    run."""
    try:
        digest = blake2b(digest_size=16)
        digest.update(f"{VERSION}\0{version()}\0{kind}\0{path}\0".encode())
        for stamp in _code_stamp([load]):  # the loader's own code: a changed loader is a new key
            digest.update(stamp.encode())
        digest.update(path.read_bytes())
    except OSError:
        return load(path)
    return cached(kind, digest.hexdigest(), lambda: load(path))
