"""Inferring the people of a story who are not in the names registry.

A run of capitalised words (with initials and surname particles: "Ruth A.
Feldman", "Pieter van der Berg") is taken for a person only on strong
evidence, precision first:

- a title or courtesy title stands before it ("Mayor Lena Ortiz");
- a role noun stands before it ("port official Carlos Mendes", "the
  mayor, Lena Ortiz");
- an appositive follows it: a role ("Carlos Mendes, a port official"), an
  age ("Joana Silva, 54,") or "who";
- its surname is used elsewhere after a courtesy title ("Ms. Ortiz").

Runs that begin or end with a place or organisation word (the lexicon's
``not_first`` and ``not_last``: "New Bedford", "Harbor Authority") are
never people.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import NamedTuple

import regex

from linter import patterns
from linter.document import Document, Role
from linter.errors import ConfigError
from linter.lexicon import FUNCTION_WORDS
from linter.names import HONORIFICS, Person
from linter.yamlsource import LineMap, load_yaml

_FOLLOWING_WORD = patterns.compile(r"\s+(\p{Lu}[\p{L}.]*)")

LEXICON_FIELDS = ("titles", "role_nouns", "not_first", "not_last", "particles")



class Lexicon(NamedTuple):
    titles: tuple[str, ...]
    role_nouns: tuple[str, ...]
    not_first: frozenset[str]
    not_last: frozenset[str]
    particles: tuple[str, ...]

    @classmethod
    def load(cls, path: Path) -> "Lexicon":
        from linter.cache import cached_file

        return cached_file(path, "lexicon", cls._parse)

    @classmethod
    def _parse(cls, path: Path) -> "Lexicon":
        data = load_yaml(path)
        if not isinstance(data, LineMap):
            raise ConfigError("a people lexicon must be a mapping", path, 1)
        lists = {}
        for key in LEXICON_FIELDS:
            value = data.get(key)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{key}: must be a list of words", path, data.line_of(key))
            lists[key] = tuple(value)
        return cls(
            lists["titles"],
            lists["role_nouns"],
            frozenset(lists["not_first"]),
            frozenset(lists["not_last"]),
            lists["particles"],
        )


class PeopleFinder:
    """Finds the people a story names in full, outside the registry."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        word = r"\p{Lu}\p{L}+(?:['’\-]\p{Lu}?\p{L}+)*"
        initial = r"\p{Lu}\."
        particle = rf"(?:{patterns.words(lexicon.particles)})"
        self.run = patterns.compile(
            rf"(?<![\p{{L}}\p{{N}}.])(?P<name>{word}(?:\s+(?:{initial}\s+)*(?:{particle}\s+)*{word})+"
            rf"(?:,?\s+(?:Jr|Sr)\.|\s+(?:II|III|IV))?)(?![\p{{L}}\p{{N}}])",
            regex.V1,
        )
        self.title_before = patterns.compile(rf"(?<![\p{{L}}])(?:{patterns.words(lexicon.titles)})\s+$")
        self.leading_title = patterns.compile(rf"^(?:{patterns.words(lexicon.titles)})\s+")
        roles = patterns.words(lexicon.role_nouns)
        self.role_before = patterns.compile(rf"(?<![\p{{L}}])(?:{roles}),?\s+$", regex.I)
        self.appositive_after = patterns.compile(
            rf"^,\s+(?:\d{{1,3}}\s*,|who\b|(?:a|an|the|his|her|their|its)\s+(?:[\p{{L}}.\-’']+\s+){{0,5}}?(?:{roles})(?![\p{{L}}]))",
            regex.I,
        )
        self.honorific = patterns.compile(rf"(?:{patterns.words(HONORIFICS)})\s+(\p{{Lu}}[\p{{L}}'’\-]+)")

    def candidates(self, doc: Document) -> list[tuple[int, int, str]]:
        """(start, end, name) of the capitalised runs that could be people."""
        found = []
        for block in doc.blocks:
            if not block.prose or block.role in (Role.BYLINE, Role.CREDIT):
                continue
            for match in self.run.finditer(block.text):
                start = block.span.start + match.start()
                if block.quote_at(start):
                    continue
                name = match.group("name")
                while name:  # strip "Later", "But" and titles: "Mayor Lena Ortiz"
                    first = name.split()[0]
                    title = self.leading_title.match(name)
                    if title:
                        skip = title.end()
                    elif first in FUNCTION_WORDS:
                        skip = len(first) + 1
                    else:
                        break
                    start, name = start + skip, name[skip:]
                words = name.split()
                if len(words) < 2 or words[0] in self.lexicon.not_first or words[-1] in self.lexicon.not_last:
                    continue
                after = block.text[match.end() :]
                if words[-1] in ("Jr", "Sr") and after.startswith("."):
                    name, after = name + ".", after[1:]
                following = _FOLLOWING_WORD.match(after)
                if following and following.group(1) in self.lexicon.not_last:
                    continue  # part of a longer name: "Martin Luther King Jr. Boulevard"
                found.append((start, start + len(name), " ".join(name.split())))
        # "Mr. Villaseñor Paz" is the surname of "Rodrigo Villaseñor Paz".
        names = {name for _, _, name in found}
        return [c for c in found if not any(other != c[2] and other.endswith(" " + c[2]) for other in names)]

    def infer(self, doc: Document) -> list[Person]:
        """The people named in full in ``doc``, in order of first mention."""
        text = doc.text
        honoured = {m.group(1) for m in self.honorific.finditer(text)}
        people: dict[str, Person] = {}
        for start, end, name in self.candidates(doc):
            if name in people:
                continue
            before, after = text[max(0, start - 80) : start], text[end : end + 120]
            surname = _surname(name, self.lexicon.particles)
            strong = (
                self.title_before.search(before)
                or self.role_before.search(before)
                or self.appositive_after.match(after)
                or surname.split()[-1] in honoured
            )
            if strong:
                people[name] = Person(name=name, surname=surname, inferred=True)
        return list(people.values())


def _surname(name: str, particles: tuple[str, ...]) -> str:
    """The surname of a full name: its last word, with the particles before
    it ("van der Berg") and without a generational suffix."""
    words = [w for w in name.replace(",", "").split() if w not in ("Jr.", "Sr.", "II", "III", "IV")]
    surname = [words.pop()]
    while len(words) > 1 and words[-1] in particles:
        surname.insert(0, words.pop())
    return " ".join(surname)


def suggest(finder: PeopleFinder, docs: list[Document], registered: list[Person]) -> Counter[str]:
    """How many stories name each inferred person not in the registry."""
    known = {p.name for p in registered} | {v for p in registered for v in (p.plain, *p.variants)}
    counts: Counter[str] = Counter()
    for doc in docs:
        counts.update({p.name for p in finder.infer(doc)} - known)
    return counts
