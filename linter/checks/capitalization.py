"""capitalization: headline case, title style ("Council Approves New
Budget") or sentence style ("Council approves new budget").

A headline in the wrong case is one defect, however many words show it:
one finding per headline, from the first word in the wrong case to the
last, naming them all."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from linter.support import patterns
from linter.core.check import Check, Param
from linter.article.document import Document, Role
from linter.results.findings import Finding

if TYPE_CHECKING:
    from linter.core.context import RunContext
    from linter.core.rule import Rule

TITLE, SENTENCE = "title", "sentence"
SMALL_WORDS = ("a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "per", "the", "to", "up", "via", "vs.", "with")
# A word: letters and digits, with inner apostrophes ("don't") but never a
# quote mark that opens or closes a quotation ("'Woman'", "‘It’s").
_WORD = patterns.compile(r"[\p{L}\p{N}](?:[\p{L}\p{N}.\-]|['’](?=[\p{L}\p{N}]))*")


class Capitalization(Check):
    name = "capitalization"
    summary = "A headline is not in the house's headline case."
    params = {
        "style": Param("str", TITLE, "title or sentence", choices=(TITLE, SENTENCE)),
        "small_words": Param("strings", SMALL_WORDS, "words title style leaves in lower case"),
        "exceptions": Param("strings", (), "words always written as given (iPhone, eBay, de)"),
    }
    fields = ("word", "words", "style")
    default_scope = (Role.HEADLINE,)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        self.small = {w.casefold() for w in self.options["small_words"]}
        self.exceptions = set(self.options["exceptions"])

    def check(self, doc: Document) -> Iterator[Finding]:
        proper = self._proper_nouns(doc) if self.options["style"] == SENTENCE else set()
        for text, start in self.segments(doc):
            words = list(_WORD.finditer(text))
            wrong = [
                match
                for index, match in enumerate(words)
                if self._checked(match.group()) and self._wrong(match.group(), index, len(words), proper)
            ]
            if wrong:
                listed = ", ".join(f"“{match.group()}”" for match in wrong)
                first, last = start + wrong[0].start(), start + wrong[-1].end()
                yield self.finding(doc, first, last, word=wrong[0].group(), words=listed, style=self.options["style"])

    def _checked(self, word: str) -> bool:
        """Whether a word's case is the headline style's to judge: not a
        number, an exception, or a word in capitals ("U.S.", "NATO")."""
        return word[0].isalpha() and word not in self.exceptions and not (word.isupper() and len(word) > 1)

    def _wrong(self, word: str, index: int, count: int, proper: set[str]) -> bool:
        first = index == 0
        if self.options["style"] == TITLE:
            small = word.casefold() in self.small and not first and index != count - 1
            return word[0].islower() if not small else word[0].isupper()
        if first:
            return word[0].islower()
        return word[0].isupper() and word not in proper

    @staticmethod
    def _proper_nouns(doc: Document) -> set[str]:
        """Words the body capitalises in mid-sentence: names, which keep
        their capital in a sentence-style headline too."""
        found: set[str] = set()
        for block in doc.blocks_in([Role.BODY, Role.SUMMARY, Role.DEK]):
            for sentence in block.sentences:
                found.update(m.group() for m in list(_WORD.finditer(sentence.text))[1:] if m.group()[0].isupper())
        return found
