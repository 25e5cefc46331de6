"""Whether a surname standing alone in running text refers to its person.

Real copy uses surnames in other ways: as a modifier ("the Clinton
campaign", "Trump supporters", "a pro-Trump rally", "Bush-era figures"),
inside another name ("Trump Tower", "Citizens for Trump", "George W. Bush"
when the person is Jeb Bush) and under a plural title ("Justices Souter,
Stevens and Scalia"). A bare surname counts as a reference only when its
neighbours say so: punctuation, a possessive, or a verb or function word
after it (the lexicon's ``after_surname``, or a word with a verb ending
but not a plural noun's, ``verb_endings`` and ``noun_endings``), with no
determiner, name word, initial or hyphen joined to it. Where the text does
not say, it is not judged (precision first).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from linter.support import patterns
from linter.language.lexicon import FUNCTION_WORDS, NAME_WORD

if TYPE_CHECKING:
    from linter.language.lexicon import Lexicon

_WINDOW = 160  # characters before a surname read for a list under a plural title
_CAPITALISED_BEFORE = patterns.compile(rf"(?<![\p{{L}}.'’])({NAME_WORD})\s+$")
# "Citizens for Trump", "Friends of Bernie": a name that ends in a surname.
_NAME_OF_BEFORE = patterns.compile(rf"(?<![\p{{L}}])({NAME_WORD})\s+(?:for|of|against)\s+$")
_INITIAL_BEFORE = patterns.compile(r"(?<![\p{L}])\p{Lu}(?:\.\s*|\s+)$")  # "George W. Bush", "George W Bush"
_HYPHEN_BEFORE = patterns.compile(r"\p{L}[\-‐–]$")
_HYPHEN_AFTER = patterns.compile(r"[\-‐]\p{L}")
_NEXT_WORD = patterns.compile(r"^\s+(\S+?)(?=[\s,.;:!?)\"”]|$)")
# "and Trump" after a surname: the pair is read together.
_PAIRED_AFTER = patterns.compile(rf"\s+(?:and|or)\s+{NAME_WORD}(?=\s+\p{{Ll}})")
# What may follow a reference at once: punctuation, a possessive, a dash.
_CLOSED_AFTER = patterns.compile(r"^(?:['’]s?(?![\p{L}])|\s*[,.;:!?)\]\"”’'…]|\s+[-—–]|\s*$)")


class SurnameUse:
    """Tells a bare surname that refers to its person from one that does
    not; built once from the people lexicon."""

    def __init__(self, lexicon: "Lexicon") -> None:
        self.after = frozenset(lexicon.after_surname)
        self.verb_endings = tuple(lexicon.verb_endings)
        self.noun_endings = tuple(lexicon.noun_endings)
        self.modifier_nouns = frozenset(lexicon.modifier_nouns)
        # "the Trump campaign", and "the Trump and Clinton campaigns"
        self.before = patterns.compile(
            rf"(?<![\p{{L}}])(?:{patterns.words(lexicon.before_surname)})\s+(?:{NAME_WORD}\s+(?:and|or)\s+)?$", regex.I
        )
        name = rf"{NAME_WORD}(?:\s+{NAME_WORD})*"
        titles = patterns.words(lexicon.plural_titles)
        self.plural_title = patterns.compile(
            rf"(?<![\p{{L}}])(?:{titles})\s+(?:{name}\s*,\s*)*(?:{name}\s*,?\s+(?:and|or)\s+)?$"
        )

    def in_headline(self, text: str, start: int, end: int) -> bool:
        """Whether a surname in a headline-style line (where every word
        may be capitalised) names its person: unless it is joined to
        another word ("Putin-Trump Call")."""
        return not (_HYPHEN_BEFORE.search(text, max(0, start - 2), start) or _HYPHEN_AFTER.match(text, end))

    def refers(self, text: str, start: int, end: int) -> bool:
        """Whether the bare surname ``text[start:end]`` refers to its person."""
        window = max(0, start - _WINDOW)
        word = _CAPITALISED_BEFORE.search(text, window, start)
        if word and word.group(1) not in FUNCTION_WORDS:
            return False  # "Melania Trump", "Senator Cruz"
        word = _NAME_OF_BEFORE.search(text, window, start)
        if word and word.group(1) not in FUNCTION_WORDS:
            return False  # "Citizens for Trump"
        if _INITIAL_BEFORE.search(text, window, start) or _HYPHEN_BEFORE.search(text, window, start):
            return False  # "George W. Bush", "pro-Trump"
        if self.before.search(text, window, start) or self.plural_title.search(text, window, start):
            return False  # "the Trump campaign", "Justices Souter, Stevens and Scalia"
        if _HYPHEN_AFTER.match(text, end):
            return False  # "Bush-era", "Putin-Trump"
        rest = text[end : end + _WINDOW]
        pair = _PAIRED_AFTER.match(rest)
        if pair:
            rest = rest[pair.end() :]  # "Clinton and Trump supporters": what follows the pair decides
        return self._followed_as_person(rest)

    def _followed_as_person(self, rest: str) -> bool:
        """Whether the text after a surname makes it a reference."""
        if _CLOSED_AFTER.match(rest):
            return True
        following = _NEXT_WORD.match(rest)
        if not following:
            return False
        after = following.group(1)
        if after[:1].isupper():
            return False  # "Trump Tower", "Clinton Foundation"
        if after in self.after:
            return True
        if after in self.modifier_nouns or after.endswith(self.noun_endings):
            return False  # "Trump supporters", "Clinton aides"
        return after.endswith(self.verb_endings)
