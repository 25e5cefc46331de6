"""substitution: a word with a preferred form ("Kiev" for "Kyiv",
"ceasefire" for "cease-fire"), with the fix."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Iterator

import regex

from linter import budget, patterns
from linter.checks.base import REQUIRED, Check, Param
from linter.checks.tokens import TOKEN_PARAMS
from linter.document import Document, Role
from linter.findings import Finding, Fix
from linter.fixes import replace_fix
from linter.literals import literals_of

if TYPE_CHECKING:
    from linter.context import RunContext
    from linter.rules import Rule


class Substitution(Check):
    name = "substitution"
    summary = "A word that has a preferred form."
    params = {
        "swap": Param("mapping", REQUIRED, "wrong form (a word or pattern) to the preferred one"),
        "safe_fix": Param("bool", False, "let --fix apply the replacement without --unsafe-fixes"),
        **TOKEN_PARAMS,
    }
    fields = ("match", "replacement")
    default_scope = (Role.SUMMARY, Role.HEADLINE, Role.DEK, Role.BODY)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        swap: dict[str, str] = self.options["swap"]
        self.keys = list(swap)
        self.replacements = list(swap.values())
        self.literals = literals_of(self.keys)
        self.excepted = frozenset(e.casefold() for e in self.options["exceptions"])

    @cached_property
    def pattern(self) -> regex.Pattern[str]:
        """Compiled on first use (see Existence.pattern)."""
        body = "|".join(f"(?P<s{i}>{key})" for i, key in enumerate(self.keys))
        if not self.options["nonword"]:
            body = rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])"
        return patterns.compile(body, (regex.I if self.options["ignorecase"] else 0) | regex.V1)

    def check(self, doc: Document) -> Iterator[Finding]:
        excepted = self.excepted
        for text, start in self.segments(doc):
            for match in self.pattern.finditer(text, timeout=budget.time_left()):
                begin, end = start + match.start(), start + match.end()
                found = doc.text[begin:end]
                index = int(match.lastgroup[1:])
                replacement = _keep_case(found, self.replacements[index], self.keys[index])
                if found.casefold() in excepted or found == replacement:
                    continue
                fix: Fix = replace_fix(doc, begin, end, replacement, f"write '{replacement}'")
                if self.options["safe_fix"]:
                    fix = Fix(fix.description, fix.edits, safe=True)
                yield self.finding(doc, begin, end, fix, match=found, replacement=replacement)


def _keep_case(found: str, replacement: str, key: str) -> str:
    """At the start of a sentence "Ceasefire" -> "Cease-fire": the
    replacement takes a capital the found word has only because of where it
    stands (the rule's form is lower case), not one the word itself has
    ("Internet" -> "internet")."""
    if found[:1].isupper() and key[:1].islower() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
