"""repetition: a word written twice in a row ("the the").

Not a slip: a word inside markup (``<tweet tweet-id=...>``), a word
repeated in capitals ("ME ME"), a capitalised word doubled, which reads as
a name (Walla Walla, Sirhan Sirhan) the rule cannot tell from a typo (but
in a line in title case, where every word is capitalised, it can be), and
two words that differ in case beyond a sentence's first capital ("at
AT&T")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import regex

from linter.support import budget, patterns

from linter.core.check import Check, Param
from linter.article.document import Document, Role
from linter.results.findings import Finding
from linter.results.fixes import replace_fix
from linter.support.titlecase import long_words_capitalised

if TYPE_CHECKING:
    from linter.core.context import RunContext
    from linter.core.rule import Rule


class Repetition(Check):
    name = "repetition"
    summary = "A word is repeated by mistake."
    params = {
        "tokens": Param("patterns", (r"[\p{L}]+",), "which words count (default: any word)"),
        "exceptions": Param("strings", ("that", "had", "is", "ha", "no", "bye", "very", "so", "bora", "chop", "knock"), "repeats that are fine"),
        "ignorecase": Param("bool", True, "compare without regard to case"),
        "alpha": Param("bool", False, "only words of letters count (Vale's alpha)"),
        "slips_only": Param(
            "bool", True, "only repeats that read as a slip: not shouted, not a name, not in a tag (Vale judges none of that)"
        ),
    }
    fields = ("match", "word")
    default_scope = (Role.SUMMARY, Role.HEADLINE, Role.DEK, Role.BODY)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        words = "|".join(f"(?:{t})" for t in self.options["tokens"])
        flags = (regex.I if self.options["ignorecase"] else 0) | regex.V1
        self.pattern = patterns.compile(rf"(?<![\p{{L}}\p{{N}}])(?P<word>{words})(?:\s+(?P=word))+(?![\p{{L}}\p{{N}}])", flags)

    def check(self, doc: Document) -> Iterator[Finding]:
        excepted = {e.casefold() for e in self.options["exceptions"]}
        for text, start in self.segments(doc):
            tags = [tag.span() for tag in _TAG.finditer(text)] if "<" in text else []
            for match in self.pattern.finditer(text, timeout=budget.time_left()):
                word = match.group("word")
                if word.casefold() in excepted or (self.options["alpha"] and not word.isalpha()):
                    continue
                if self.options["slips_only"] and (
                    not _slip(match.group().split(), text)
                    or any(tag_start <= match.start() < tag_end for tag_start, tag_end in tags)
                ):
                    continue
                begin, end = start + match.start(), start + match.end()
                fix = replace_fix(doc, begin, end, word, f"write '{word}' once")
                yield self.finding(doc, begin, end, fix, match=doc.text[begin:end], word=word)


_TAG = patterns.compile(r"</?[\p{L}][^<>]*(?:>|$)")  # a tag may run on past its paragraph


def _slip(words: list[str], text: str) -> bool:
    """Whether repeats read as a slip: the same word, or the same but for
    the case of its first letter ("The the"); not shouted ("ME ME") and not
    a name (every copy capitalised, in a text not in title case)."""
    first = words[0]
    if first.isupper() and len(first) > 1:
        return False
    if all(word[0].isupper() for word in words) and not long_words_capitalised(text):
        return False
    return all(word == first or word[1:] == first[1:] for word in words[1:])
