"""Compiled patterns kept between runs.

Compiling a pattern with ``regex`` is pure Python (parse, optimise, emit
code) and costs up to tens of milliseconds for the long word lists of the
speaker, name and style rules; a pre-commit hook or an editor would pay it
on every call. ``regex`` pickles a compiled pattern as the code it compiled
to, and unpickling hands that code straight to its C engine, so a pickled
pattern loads a hundred times faster than it compiles. This module keeps
the pickles of every pattern a run compiled in one file of the cache folder
(see ``linter.support.cache``), keyed by the pattern's text, its flags and the
source of the code that compiled it; the file's name holds the versions of
``regex`` and Python, so code compiled by another version is never read.
The cache cannot be stale: a changed pattern or changed code is a new key.
A missing, broken or unwritable file only means compiling anew.

Patterns matched with Python's ``re`` (faster than ``regex`` on some long
vocabularies) have no public way to load compiled code; their code is
cached all the same and handed to ``_sre``, as ``re`` itself does (see
``compile_re``).

It also remembers other pure functions of a pattern's text that are slow
to work out (the words every match needs, read from the pattern's parse).
"""

from __future__ import annotations

import os
import pickle
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

import regex

from linter.support import cache
from linter.support.hashing import blake2b

# Turns V1's full case folding off for the rest of a pattern.
SIMPLE_CASE = "(?-f)"

# Entries beyond this are dropped when the file is next written, keeping
# only what the latest run used: user patterns change over time.
MAX_ENTRIES = 2000
FORMAT = 2  # of the file: entries under key digests


class _Store:
    """The pickled entries of the cache file, unpickled one by one when
    asked. Entries are filed under a digest of their key (kind, code stamp,
    pattern text, flags), not the key itself: the file is read on every run,
    and long pattern texts as keys made reading it cost milliseconds."""

    def __init__(self) -> None:
        self.entries: dict[bytes, bytes] | None = None
        self.used: set[bytes] = set()
        self.added = False

    def _load(self) -> dict[bytes, bytes]:
        if self.entries is None:
            self.entries = {}
            path = _path()
            if path is not None:
                try:
                    with path.open("rb") as stream:
                        entries = pickle.load(stream)
                    if isinstance(entries, dict):
                        self.entries = entries
                except Exception:  # missing, truncated or foreign: start empty
                    pass
        return self.entries

    def get(self, key: tuple[Any, ...], make: Callable[[], Any]) -> Any:
        entries = self._load()
        key = blake2b("\0".join(map(str, key)).encode(), digest_size=16).digest()
        self.used.add(key)
        stored = entries.get(key)
        if stored is not None:
            try:
                return pickle.loads(stored)
            except Exception:  # written by something else: make it again
                pass
        value = make()
        try:
            entries[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            self.added = True
        except (pickle.PicklingError, TypeError, AttributeError):
            pass
        return value

    def persist(self) -> None:
        if not self.added or self.entries is None:
            return
        path = _path()
        if path is None:
            return
        entries = self.entries
        if len(entries) > MAX_ENTRIES:
            entries = {key: value for key, value in entries.items() if key in self.used}
        cache.write(path, entries)
        self.added = False


def _path() -> Path | None:
    where = cache.folder()
    if where is None:
        return None
    python = f"{sys.implementation.name}{sys.version_info[0]}{sys.version_info[1]}"
    return where / f"patterns-{FORMAT}-{cache.VERSION}-regex{regex.__version__}-{python}.pickle"


_STORE = _Store()


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:  # noqa: A001 - the name regex gives it
    """``regex.compile(pattern, flags)``, from the cache when it was compiled before.

    With ``regex.V1``, case is folded letter by letter (simple case folding,
    as in Python's re and Vale's Go patterns), not in full: full folding
    (``ß`` matching ``SS``), V1's default, makes every case-insensitive
    match several times slower."""
    return _STORE.get(("regex", _stamp(_compile), pattern, flags), lambda: _compile(pattern, flags))


def compile_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, its compiled code from the cache.

    ``re`` compiles in pure Python (a vague-sourcing vocabulary takes 3 ms)
    and, unlike ``regex``, pickles a pattern as its text. So the arguments
    its compiler hands to ``_sre.compile`` are cached, under the full Python
    version and ``_sre``'s code format, and handed to it again. This leans
    on ``re``'s internals: anything unexpected means ``re.compile``."""
    try:
        import _sre

        key = ("re", sys.version, _sre.MAGIC, _stamp(_re_arguments), pattern, int(flags))
        compiled = _sre.compile(*_STORE.get(key, lambda: _re_arguments(pattern, int(flags))))
        if isinstance(compiled, re.Pattern) and compiled.pattern == pattern:
            return compiled
    except Exception:  # another Python's internals: compile as usual
        pass
    return re.compile(pattern, flags)


def _re_arguments(pattern: str, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` passes to ``_sre.compile``, as it does it."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are named ints; plain ones pickle
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return pattern, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _compile(pattern: str, flags: int) -> regex.Pattern[str]:
    if not flags & regex.V1:
        return regex.compile(pattern, flags)
    try:
        return regex.compile(SIMPLE_CASE + pattern, flags)
    except regex.error:
        return regex.compile(pattern, flags)  # the error, placed in the pattern as written


@lru_cache(maxsize=None)
def _source_stamp(filename: str) -> str:
    try:
        stat = os.stat(filename)
    except OSError:
        return filename
    return f"{filename}:{stat.st_mtime_ns}:{stat.st_size}"


def _stamp(function: Callable[..., Any]) -> str:
    """The source file (and its time and size) of the code that makes an
    entry, part of the entry's key: changed code never reads what older
    code made."""
    return _source_stamp(function.__code__.co_filename)


def whole_word(body: str) -> str:
    """``body`` matched only as whole words: no letter or digit touches a
    match on either side."""
    return rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])"


def words(items: Iterable[str], any_space: bool = True) -> str:
    """An alternation of ``items`` as literal words, any run of white
    space matching a space (with ``any_space``; otherwise one space).

    It is shaped as the words' trie (``offic(?:e|ials?)``), so that an
    engine tries each character once at a position rather than every word
    in turn, and it prefers the longest word, as a list sorted longest
    first would. The same words, in any order, make the same pattern text,
    and so the same cache key."""
    unique = sorted(set(items))
    space = r"\s+" if any_space else r"\ "
    return remembered("words", space + "\0" + "\0".join(unique), lambda: _trie(unique, space))


def _trie(items: list[str], space: str) -> str:
    root: dict[str, dict] = {}
    for item in items:
        node = root
        for char in item:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(root, space)


def _branches(node: dict[str, dict], space: str) -> str:
    branches = [
        (space if char == " " else re.escape(char)) + _branches(child, space)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def remembered(kind: str, pattern: str, work_out: Callable[[], Any]) -> Any:
    """``work_out()``, a pure function of ``pattern`` named ``kind``, from the cache when known."""
    return _STORE.get((kind, _stamp(work_out), pattern), work_out)


def persist() -> None:
    """Write what this run added to the cache file (atomically; errors ignored)."""
    _STORE.persist()
