"""The word lists copydesk reads names and speech by: small ones shared by
the parsers and checks, and the people lexicon (``rules/lexicon/people.yaml``)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from linter.support.errors import ConfigError
from linter.support.yamlsource import LineMap, load_yaml

# Capitalised words that open a sentence or clause without being part of a
# name: "But Putin said", "When Mr. Peskov spoke".
FUNCTION_WORDS = frozenset(
    """A An The This That These Those In On At For From By With Without As After Before During Last Next
    But And Or If When While Although Though Since Until Yet So Still Even Then Now Also Only Just Because
    However Meanwhile Later Earlier Asked Speaking Under Like Unlike Despite Through Over Among Between
    Did Does Do Has Had Have Was Were Is Are Will Would Could Should Can May Might Must
    Why How What Where Who Whom Whose Which Here There It Its He She They We I You""".split()
)

# A capitalised name word: "Putin", "O'Brien", "Smith-Jones"; it stops before
# a possessive "'s", which is not part of the name.
NAME_WORD = r"\p{Lu}\p{L}*(?:['’\-]\p{Lu}\p{L}*)*"

LEXICON_FIELDS = (
    "titles",
    "role_nouns",
    "not_first",
    "not_last",
    "particles",
    "leading_words",
    "plural_titles",
    "after_surname",
    "verb_endings",
    "noun_endings",
    "modifier_nouns",
    "before_surname",
)


class Lexicon(NamedTuple):
    titles: tuple[str, ...]
    role_nouns: tuple[str, ...]
    not_first: frozenset[str]
    not_last: frozenset[str]
    particles: tuple[str, ...]
    leading_words: frozenset[str]
    plural_titles: tuple[str, ...]
    after_surname: tuple[str, ...]  # see linter.language.surnames
    verb_endings: tuple[str, ...]
    noun_endings: tuple[str, ...]
    modifier_nouns: tuple[str, ...]
    before_surname: tuple[str, ...]

    @classmethod
    def load(cls, path: Path) -> "Lexicon":
        from linter.support.cache import cached_file

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
            frozenset(lists["leading_words"]),
            lists["plural_titles"],
            lists["after_surname"],
            lists["verb_endings"],
            lists["noun_endings"],
            lists["modifier_nouns"],
            lists["before_surname"],
        )
