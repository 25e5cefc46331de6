"""Hunspell dictionaries, for the spelling check.

A dictionary is a pair of files, ``NAME.aff`` (affix rules) and
``NAME.dic`` (stems with their affix flags), read with spylls, a pure-Python
port of Hunspell (https://github.com/zverok/spylls: it runs Hunspell's own
test suite, needs no compiler or system library, and ships SCOWL's en_US,
the dictionary used when none is named). spylls is imported only when a
spelling rule runs, so a run without one pays nothing for it; a loaded
dictionary (half a second for en_US) is kept for the rest of the process.

Two things Hunspell forgives and spylls does not are forgiven here: an
``.aff`` that declares ``SET ISO8859-1`` but is written in UTF-8 (as Vale's
own dictionaries are) is read as UTF-8, and its ``PHONE`` table, which only
shapes suggestions (copydesk suggests no spellings), is not read.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from linter.support.errors import ConfigError

if TYPE_CHECKING:
    from spylls.hunspell import Dictionary

DEFAULT = "en_US"  # spylls' own copy of SCOWL's en_US


class Speller:
    """Words a set of dictionaries knows, and words added to them."""

    def __init__(self, dictionaries: list["Dictionary"], words: Iterable[str] = ()) -> None:
        self.dictionaries = dictionaries
        self.words = set(words)

    def knows(self, word: str) -> bool:
        if word in self.words or (word[:1].isupper() and word.lower() in self.words):
            return True
        return any(dictionary.lookup(word) for dictionary in self.dictionaries)


def speller(paths: tuple[Path, ...], words: tuple[str, ...] = (), append: bool = False) -> Speller:
    """A speller of the dictionaries at ``paths`` (each ``folder/NAME``,
    without a suffix; none: the default, as with ``append``) and the added
    ``words``."""
    dictionaries = [load(path) for path in paths]
    if append or not paths:
        dictionaries.append(load(None))
    return Speller(dictionaries, words)


@cache
def load(path: Path | None) -> "Dictionary":
    """The dictionary ``path.aff`` + ``path.dic``; None: the default."""
    from spylls.hunspell import Dictionary, readers

    if path is None:
        return Dictionary.from_files(DEFAULT)
    try:
        aff, context = readers.read_aff(_open(path.with_suffix(".aff")))
        dic = readers.read_dic(_open(path.with_suffix(".dic")), aff=aff, context=context)
    except OSError as error:
        raise ConfigError(f"cannot read the Hunspell dictionary: {error}", path) from None
    except Exception as error:  # spylls' own reading of a malformed file
        raise ConfigError(f"cannot read the Hunspell dictionary: {error!r}", path) from None
    return Dictionary(aff, dic)


def word_list(path: Path) -> list[str]:
    """The words of a word-list file, one a line (Vale's ``ignore`` files)."""
    try:
        lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError as error:
        raise ConfigError(f"cannot read the word list: {error}", path) from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _decode(data: bytes) -> str:
    """UTF-8 where the bytes are UTF-8, else the encoding the file's SET
    line names (Latin-1 when none)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = "latin-1"
    for line in data.splitlines():
        if line.startswith(b"SET "):
            encoding = line[4:].strip().decode("ascii", "replace")
            break
    try:
        return data.decode(encoding, errors="surrogateescape")
    except LookupError:
        return data.decode("latin-1")


@cache
def _reader_class() -> type:
    from spylls.hunspell.readers.file_reader import BaseReader

    class Reader(BaseReader):  # type: ignore[misc, valid-type]
        """A dictionary file decoded once (see ``_decode``), without its
        PHONE lines."""

        def __init__(self, path: Path) -> None:
            lines = _decode(path.read_bytes()).splitlines(keepends=True)
            self.text = "".join(line for line in lines if not line.startswith("PHONE"))
            super().__init__(io.StringIO(self.text))

        def reset_encoding(self, encoding: str) -> None:
            self.reset_io(io.StringIO(self.text))  # decoded already; the reader goes on where it was

    return Reader


def _open(path: Path) -> object:
    """A spylls reader of the file (its class is made on first use, as
    spylls is imported only then)."""
    return _reader_class()(path)
