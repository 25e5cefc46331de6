"""readability: a paragraph (or story) above a reading-grade limit, by the
Flesch-Kincaid grade: 0.39 words per sentence + 11.8 syllables per word
- 15.59. Syllables are counted by vowel groups, which is close enough for
a limit."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
import re
from typing import Iterator

from linter.support import patterns
from linter.core.check import Check, Param
from linter.article.document import Document, Role
from linter.results.findings import Finding
from linter.article.scopes import QUOTES_INSIDE, UNIT_DOCUMENT
from linter.article.segment import sentences

_WORD = patterns.compile(r"[\p{L}]+(?:['’][\p{L}]+)?")
_VOWELS = re.compile(r"[aeiouy]+", re.I)


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    count = len(_VOWELS.findall(word))
    if word.lower().endswith("e") and count > 1 and not word.lower().endswith(("le", "ee")):
        count -= 1
    return max(count, 1)


def grade(words: list[str], sentences: int) -> float:
    """The Flesch-Kincaid grade of a text of these ``words`` in this many ``sentences``."""
    return 0.39 * len(words) / max(sentences, 1) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59


def _sentence_starts(doc: Document) -> list[int]:
    return sorted(sentence.span.start for block in doc.blocks for sentence in block.sentences)


class Readability(Check):
    name = "readability"
    summary = "Text is harder to read than the house allows."
    params = {
        "grade": Param("number", 18, "the highest Flesch-Kincaid grade allowed (news paragraphs run near 12)"),
        "min_words": Param("int", 20, "shorter texts are not measured"),
    }
    fields = ("grade", "limit")
    default_scope = (Role.BODY,)

    def check(self, doc: Document) -> Iterator[Finding]:
        texts = [(text, start, start + len(text)) for text, start in self.segments(doc) if text.strip()]
        if self.rule.unit == UNIT_DOCUMENT and texts:
            texts = [(" ".join(text for text, _, _ in texts), texts[0][1], texts[-1][2])]
        for text, start, end in texts:
            words = _WORD.findall(text)
            if not words or len(words) < self.options["min_words"]:
                continue
            score = grade(words, self._sentences_in(doc, text, start, end))
            if score > self.options["grade"]:
                yield self.finding(doc, start, end, grade=f"{score:.1f}", limit=self.options["grade"])

    def _sentences_in(self, doc: Document, text: str, start: int, end: int) -> int:
        if self.rule.unit != UNIT_DOCUMENT and self.rule.quotations != QUOTES_INSIDE and text == doc.text[start:end]:
            # A paragraph or sentence of the story as written (no quoted
            # speech blanked out of it): the sentences the model found in it.
            starts = doc.analysis("sentence starts", _sentence_starts)
            return bisect_left(starts, end) - bisect_left(starts, start)
        # Quoted speech blanked out, or paragraphs joined: split what is read.
        return len(sentences(text))
