"""occurrence: how often a token may appear in a unit of text (a headline
of at most 12 words, a paragraph of at most three sentences)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from linter.core.check import Check, Param
from linter.checks.markup import blank_markup, whole_or_segments
from linter.checks.tokens import TOKEN_PARAMS, count_matches, excepted, token_pattern
from linter.article.document import Document, Role
from linter.results.findings import Finding
from linter.article.scopes import UNIT_DOCUMENT

if TYPE_CHECKING:
    from linter.core.context import RunContext
    from linter.core.rule import Rule


class Occurrence(Check):
    name = "occurrence"
    summary = "A token appears too often, or too rarely, in a unit of text."
    params = {
        "token": Param("patterns", (r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*",), "what to count (default: words)"),
        "max": Param("int", 0, "report more than this many (0: no maximum)"),
        "min": Param("int", 0, "report fewer than this many (0: no minimum)"),
        "whole_text": Param("bool", False, "count in the file's whole text, markup included (Vale's raw scope)"),
        "at_first_match": Param("bool", False, "report at the unit's first match (its start when none), not the whole unit, as Vale does"),
        "first_outside_code": Param("bool", False, "with at_first_match: the first match outside inline code or a URL (Markdown), as Vale reports it"),
        **TOKEN_PARAMS,
    }
    fields = ("count", "limit")
    default_scope = (Role.HEADLINE,)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        self.pattern = token_pattern(self.options["token"], self.options["ignorecase"], nonword=True)
        self.excepted = excepted(self.options["exceptions"], True)

    def check(self, doc: Document) -> Iterator[Finding]:
        counted = [
            (start, start + len(text), count_matches(self.pattern, text, self.excepted, True))
            for text, start in whole_or_segments(self, doc)
            if text.strip()
        ]
        if self.rule.unit == UNIT_DOCUMENT and counted:
            counted = [(counted[0][0], counted[0][1], sum(count for _, _, count in counted))]
        most, least = self.options["max"], self.options["min"]
        for start, end, count in counted:
            limit = most if most and count > most else least if least and count < least else None
            if limit is None:
                continue
            if self.options["at_first_match"]:
                start, end = self._first_match(doc, start, end)
            yield self.finding(doc, start, end, count=count, limit=limit)

    def _first_match(self, doc: Document, start: int, end: int) -> tuple[int, int]:
        """The span of the first token counted in ``start``..``end``, or
        the empty span at its start."""
        for text, offset in whole_or_segments(self, doc):
            if start <= offset < end:
                shown = blank_markup(text, doc.format) if self.options["first_outside_code"] else text
                for match in self.pattern.finditer(text):
                    at = match.start()
                    if shown[at : at + 1] == text[at : at + 1]:
                        return offset + match.start(), offset + match.end()
        return start, start
