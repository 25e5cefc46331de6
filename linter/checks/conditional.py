"""conditional: a term used before it is defined, such as an acronym
("the IAEA" before "the International Atomic Energy Agency (IAEA)")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from linter import budget
from linter.checks.base import Check, Param
from linter.document import Document, Role
from linter.findings import Finding

if TYPE_CHECKING:
    from linter.context import RunContext
    from linter.rules import Rule


class Conditional(Check):
    name = "conditional"
    summary = "A term is used before it is defined."
    params = {
        "first": Param("regex", r"\b(\p{Lu}{3,6})\b", "the use; its first group is the term"),
        "second": Param("regex", r"\(\s*(\p{Lu}{3,6})\s*\)", "the definition; its first group is the term"),
        "exceptions": Param("strings", (), "terms that need no definition (NATO, FBI...)"),
    }
    fields = ("term",)
    default_scope = (Role.SUMMARY, Role.DEK, Role.BODY)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        self.exceptions = set(self.options["exceptions"])

    def check(self, doc: Document) -> Iterator[Finding]:
        segments = list(self.segments(doc))
        defined: dict[str, int] = {}
        for text, start in segments:
            for match in self.options["second"].finditer(text, timeout=budget.time_left()):
                defined.setdefault(match.group(1), start + match.start(1))
        reported: set[str] = set()
        for text, start in segments:
            for match in self.options["first"].finditer(text, timeout=budget.time_left()):
                term, offset = match.group(1), start + match.start(1)
                if term in self.exceptions or term in reported:
                    continue
                if term not in defined or offset < defined[term]:
                    reported.add(term)
                    yield self.finding(doc, offset, start + match.end(1), term=term)
