"""vale-capitalization: Vale's capitalization check, a text judged whole
by the share of its words in the wanted case.

``$title``: a word is right when it is written as the style's title case
writes it (AP or Chicago), in capitals, or an exception. ``$sentence``: the
first word must be capitalised (or in capitals, or an exception) and the
others in lower case, in capitals, exceptions, or after a word ending in
one of the ``indicators`` (``:``); of a hyphenated or possessive word only
its first part is judged. The text is right when at least ``threshold`` of
its words are. ``$lower`` and ``$upper`` want the whole text so, and any
other ``match`` is a pattern the text must match. Exceptions are patterns,
found anywhere in a word, and a phrase among them is one word. Inline
code counts as a word in capitals (Vale reads it as ``*``), and the
``prefix`` (a list letter, ``^[a-z]\\.\\s``) and a leading section number
("1. ") are not judged, as in Vale's own scenarios.

One finding per text, over the whole text, giving it (``text``) and the
text in the style's case (``expected``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import regex

from linter.support import patterns
from linter.core.check import Check, Param
from linter.checks.markup import blank_markup
from linter.article.document import Document, Role
from linter.results.findings import Finding

if TYPE_CHECKING:
    from linter.core.context import RunContext
    from linter.core.rule import Rule

TITLE, SENTENCE, LOWER, UPPER = "$title", "$sentence", "$lower", "$upper"
# words title case leaves in lower case (but first and last): AP's, and Chicago's with every preposition
AP_SMALL = frozenset("a an and as at but by en for if in nor of on or per the to v. v vs. vs via".split())
CHICAGO_SMALL = AP_SMALL | frozenset(
    "about above across after against along among around before behind below beneath beside between beyond "
    "despite down during except from inside into like near off onto out outside over past since than through "
    "throughout till toward towards under underneath until unto upon with within without".split()
)
_WORD = r"[\p{N}\p{L}*]+[^\s]*"
_NUMBERED = patterns.compile(r"^\d+(?:\.\d+)*\.\s+")


class ValeCapitalization(Check):
    name = "vale-capitalization"
    summary = "A text whose share of words in the wanted case is too small (Vale's capitalization)."
    params = {
        "match": Param("str", TITLE, "$title, $sentence, $lower, $upper, or a pattern the text must match"),
        "style": Param("str", "AP", "the title case of $title", choices=("AP", "Chicago")),
        "exceptions": Param("patterns", (), "terms always right as written (patterns; a phrase is one word)"),
        "indicators": Param("strings", (), "$sentence: a word after one ending in these may be capitalised"),
        "threshold": Param("number", 0.8, "the share of words that must be right"),
        "prefix": Param("str", "", "a pattern at the start of the text that is not judged"),
    }
    fields = ("text", "expected")
    default_scope = (Role.HEADLINE, Role.HEADING)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        terms = sorted(self.options["exceptions"], key=len, reverse=True)
        self.excepted = patterns.compile("|".join(f"(?:{t})" for t in terms)) if terms else None
        self.word = patterns.compile((f"(?:{'|'.join(terms)})|" if terms else "") + _WORD)
        self.prefix = patterns.compile(self.options["prefix"]) if self.options["prefix"] else None
        self.small = CHICAGO_SMALL if self.options["style"] == "Chicago" else AP_SMALL

    def check(self, doc: Document) -> Iterator[Finding]:
        for text, start in self.segments(doc):
            judged = blank_markup(text, doc.format).strip()
            if self.prefix is not None:
                judged = self.prefix.sub("", judged, count=1)
            judged = _NUMBERED.sub("", judged, count=1)
            if judged and not self._right(judged):
                shown = text.strip()
                begin = start + text.index(shown)
                yield self.finding(doc, begin, begin + len(shown), text=shown, expected=self._expected(shown))

    def _right(self, text: str) -> bool:
        match = self.options["match"]
        if match == TITLE:
            return self._share(text, self._title_words(text)) >= self.options["threshold"]
        if match == SENTENCE:
            return self._sentence(text)
        if match == LOWER:
            return text == text.lower() or self._excepted(text)
        if match == UPPER:
            return text == text.upper() or self._excepted(text)
        return patterns.compile(match).search(text) is not None or self._excepted(text)

    def _excepted(self, word: str) -> bool:
        return self.excepted is not None and self.excepted.search(word) is not None

    def _words(self, text: str) -> list[str]:
        return [m.group() for m in self.word.finditer(text)]

    def _title_words(self, text: str) -> list[str]:
        return self._words(title_case(text, self.small))

    def _share(self, text: str, expected: list[str]) -> float:
        words = self._words(text)
        right = sum(
            1
            for index, word in enumerate(words)
            if index >= len(expected) or word == expected[index] or self._excepted(word) or word == word.upper()
        )
        return right / len(words) if words else 1.0

    def _sentence(self, text: str) -> bool:
        tokens = self._words(text.rstrip("?!.:"))
        right = 0
        for index, token in enumerate(tokens):
            word = regex.split(r"[-'’]", token, maxsplit=1)[0]
            after_indicator = index > 0 and tokens[index - 1].endswith(tuple(self.options["indicators"]))
            if word == word.upper() or after_indicator or self._excepted(token):
                right += 1
            elif index == 0 and word != word.lower().capitalize():
                return False
            elif index == 0 or word == word.lower():
                right += 1
        return not tokens or right / len(tokens) >= self.options["threshold"]

    def _expected(self, text: str) -> str:
        match = self.options["match"]
        if match == TITLE:
            return title_case(text, self.small)
        if match == SENTENCE:
            return text[:1].upper() + text[1:].lower() if text else text
        if match == LOWER:
            return text.lower()
        if match == UPPER:
            return text.upper()
        return text


_TITLE_WORD = patterns.compile(r"\S+")


def title_case(text: str, small: frozenset[str]) -> str:
    """``text`` in title case: each word capitalised (each part of a
    hyphenated one), but small words inside the title, and words already
    holding a capital past their first letter (iPhone, NASA)."""
    words = list(_TITLE_WORD.finditer(text))
    pieces, at = [], 0
    for index, match in enumerate(words):
        word = match.group()
        pieces.append(text[at : match.start()])
        inner = regex.search(r"\p{L}(.*)", word)
        if inner and any(c.isupper() for c in inner.group(1)):
            pieces.append(word)
        elif word.lower().strip(",;:.!?\"'") in small and 0 < index < len(words) - 1:
            pieces.append(word.lower())
        else:
            pieces.append("-".join(_capitalised(part) for part in word.split("-")))
        at = match.end()
    pieces.append(text[at:])
    return "".join(pieces)


def _capitalised(word: str) -> str:
    letter = regex.search(r"\p{L}", word)
    if letter is None:
        return word
    return word[: letter.start()] + word[letter.start()].upper() + word[letter.start() + 1 :]
