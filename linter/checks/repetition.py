"""repetition: a word written twice in a row ("the the")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import regex

from linter import budget, patterns
from linter.checks.base import Check, Param
from linter.document import Document, Role
from linter.findings import Finding
from linter.fixes import replace_fix

if TYPE_CHECKING:
    from linter.context import RunContext
    from linter.rules import Rule


class Repetition(Check):
    name = "repetition"
    summary = "A word is repeated by mistake."
    params = {
        "tokens": Param("patterns", (r"[\p{L}]+",), "which words count (default: any word)"),
        "exceptions": Param("strings", ("that", "had", "is", "ha", "no", "bye", "very", "so", "bora", "chop", "knock"), "repeats that are fine"),
        "ignorecase": Param("bool", True, "compare without regard to case"),
    }
    fields = ("match",)
    default_scope = (Role.SUMMARY, Role.HEADLINE, Role.DEK, Role.BODY)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        words = "|".join(f"(?:{t})" for t in self.options["tokens"])
        flags = (regex.I if self.options["ignorecase"] else 0) | regex.V1
        self.pattern = patterns.compile(rf"(?<![\p{{L}}\p{{N}}])(?P<word>{words})(?:\s+(?P=word))+(?![\p{{L}}\p{{N}}])", flags)

    def check(self, doc: Document) -> Iterator[Finding]:
        excepted = {e.casefold() for e in self.options["exceptions"]}
        for text, start in self.segments(doc):
            for match in self.pattern.finditer(text, timeout=budget.time_left()):
                word = match.group("word")
                if word.casefold() in excepted:
                    continue
                begin, end = start + match.start(), start + match.end()
                fix = replace_fix(doc, begin, end, word, f"write '{word}' once")
                yield self.finding(doc, begin, end, fix, match=doc.text[begin:end])
