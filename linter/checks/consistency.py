"""consistency: one spelling per story ("Dmitri" or "Dmitry", "cease-fire"
or "ceasefire"): once one form is used, the other is reported."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import regex

from linter.support import budget, patterns
from linter.core.check import REQUIRED, Check, Param
from linter.article.document import Document, Role
from linter.results.findings import Finding
from linter.results.fixes import replace_fix
from linter.support.required_words import literals_of

if TYPE_CHECKING:
    from linter.core.context import RunContext
    from linter.core.rule import Rule


class Consistency(Check):
    name = "consistency"
    summary = "A story spells one thing two ways."
    params = {
        "either": Param("mapping", REQUIRED, "pairs of forms, one of which a story should keep to"),
        "ignorecase": Param("bool", True, "compare without regard to case"),
        "nonword": Param("bool", False, "forms are raw patterns, not whole words"),
    }
    fields = ("first", "second")
    default_scope = (Role.SUMMARY, Role.HEADLINE, Role.DEK, Role.BODY)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        self.forms = list(self.options["either"].items())
        # Plain-word forms: a story must hold both before the pair is read.
        self.words = [(literals_of([a]), literals_of([b])) for a, b in self.forms]
        self.compiled: dict[int, tuple[regex.Pattern[str], regex.Pattern[str]]] = {}

    def _pair(self, index: int) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
        """The pair's patterns, compiled on first use."""
        if index not in self.compiled:
            flags = (regex.I if self.options["ignorecase"] else 0) | regex.V1
            edge = "" if self.options["nonword"] else r"(?<![\p{L}\p{N}])"
            tail = "" if self.options["nonword"] else r"(?![\p{L}\p{N}])"
            a, b = self.forms[index]
            self.compiled[index] = (patterns.compile(rf"{edge}(?:{a}){tail}", flags), patterns.compile(rf"{edge}(?:{b}){tail}", flags))
        return self.compiled[index]

    def check(self, doc: Document) -> Iterator[Finding]:
        folded = doc.analysis("folded", lambda d: d.text.casefold())
        segments = list(self.segments(doc))
        for index, words in enumerate(self.words):
            if any(form is not None and not any(w in folded for w in form) for form in words):
                continue
            one, other = self._pair(index)
            found = sorted(
                (start + m.start(), start + m.end(), index)
                for index, pattern in enumerate((one, other))
                for text, start in segments
                for m in pattern.finditer(text, timeout=budget.time_left())
            )
            if len({index for _, _, index in found}) < 2:
                continue
            first_start, first_end, kept = found[0]
            first = doc.text[first_start:first_end]
            for begin, end, index in found:
                if index != kept:
                    second = doc.text[begin:end]
                    replacement = _same_initial_case(first, second)
                    fix = replace_fix(doc, begin, end, replacement, f"write '{replacement}', as the story does first")
                    yield self.finding(doc, begin, end, fix, first=first, second=second)


def _same_initial_case(form: str, like: str) -> str:
    """``form`` with the initial case of ``like`` when only position makes
    them differ ("Ceasefire" at a sentence's start becomes "ceasefire"
    mid-sentence); names keep their capitals."""
    if like[:1].islower() and form[:1].isupper() and form[1:] == form[1:].lower():
        return form[:1].lower() + form[1:]
    if like[:1].isupper() and form[:1].islower():
        return form[:1].upper() + form[1:]
    return form
