"""existence: words or patterns that should not appear ("very unique",
"stated")."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Iterator

import regex

from linter.core.check import REQUIRED, Check, Param
from linter.checks.markup import blank_markup, whole_or_segments
from linter.checks.tokens import TOKEN_PARAMS, excepted, matches, token_pattern
from linter.article.document import Document, Role
from linter.results.findings import Finding
from linter.support.required_words import literals_of

if TYPE_CHECKING:
    from linter.core.context import RunContext
    from linter.core.rule import Rule


class Existence(Check):
    name = "existence"
    summary = "A word or pattern that should not appear."
    params = {
        "tokens": Param("patterns", REQUIRED, "words, phrases or patterns to report"),
        "skip_markup": Param("bool", False, "in Markdown, read no inline code or URL (as Vale does)"),
        "whole_text": Param("bool", False, "read the file's whole text, markup included (Vale's raw scope)"),
        **TOKEN_PARAMS,
    }
    fields = ("match",)
    default_scope = (Role.SUMMARY, Role.HEADLINE, Role.DEK, Role.BODY)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        self.literals = literals_of(self.options["tokens"])
        self.excepted = excepted(self.options["exceptions"], self.options["ignorecase"])

    @cached_property
    def pattern(self) -> regex.Pattern[str]:
        """Compiled on first use: a rule of plain words whose words no block
        holds never needs it, which keeps start-up short."""
        return token_pattern(self.options["tokens"], self.options["ignorecase"], self.options["nonword"])

    def check(self, doc: Document) -> Iterator[Finding]:
        for text, start in whole_or_segments(self, doc):
            if self.options["skip_markup"]:
                text = blank_markup(text, doc.format)
            for match in matches(self.pattern, text, self.excepted, self.options["ignorecase"]):
                begin, end = start + match.start(), start + match.end()
                yield self.finding(doc, begin, end, match=doc.text[begin:end])
