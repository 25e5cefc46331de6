"""substitution: a word with a preferred form ("Kiev" for "Kyiv",
"ceasefire" for "cease-fire"), with the fix."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Iterator

import regex

from linter.support import budget, patterns
from linter.core.check import REQUIRED, Check, Param
from linter.checks.markup import blank_markup
from linter.checks.tokens import TOKEN_PARAMS
from linter.article.document import Document, Role
from linter.results.findings import Finding, Fix
from linter.results.fixes import replace_fix
from linter.support.required_words import literals_of

if TYPE_CHECKING:
    from linter.core.context import RunContext
    from linter.core.rule import Rule


class Substitution(Check):
    name = "substitution"
    summary = "A word that has a preferred form."
    params = {
        "swap": Param("mapping", REQUIRED, "wrong form (a word or pattern) to the preferred one"),
        "safe_fix": Param("bool", False, "let --fix apply the replacement without --unsafe-fixes"),
        "keep_case": Param("bool", True, "capitalise the replacement where the match is capitalised by its place"),
        "longest_first": Param("bool", False, "of wrong forms matching at one place, take the longest (as Vale does)"),
        "expand_groups": Param("bool", False, "$1, $2 in a replacement are the match's groups (as in Vale)"),
        "trim_match": Param("bool", False, "the match in the message without white space at its ends (as Vale prints it)"),
        "skip_markup": Param("bool", False, "in Markdown, read no inline code or URL (as Vale does)"),
        **TOKEN_PARAMS,
    }
    fields = ("match", "replacement")
    default_scope = (Role.SUMMARY, Role.HEADLINE, Role.DEK, Role.BODY)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        swap: dict[str, str] = self.options["swap"]
        if self.options["longest_first"]:
            swap = dict(sorted(swap.items(), key=lambda item: len(item[0]), reverse=True))
        self.keys = list(swap)
        self.replacements = list(swap.values())
        self.literals = literals_of(self.keys)
        self.excepted = frozenset(e.casefold() for e in self.options["exceptions"])

    @cached_property
    def pattern(self) -> regex.Pattern[str]:
        """Compiled on first use (see Existence.pattern)."""
        body = "|".join(f"(?P<s{i}>{key})" for i, key in enumerate(self.keys))
        if not self.options["nonword"]:
            body = patterns.whole_word(body)
        return patterns.compile(body, (regex.I if self.options["ignorecase"] else 0) | regex.V1)

    def check(self, doc: Document) -> Iterator[Finding]:
        excepted = self.excepted
        for text, start in self.segments(doc):
            if self.options["skip_markup"]:
                text = blank_markup(text, doc.format)
            for match in self.pattern.finditer(text, timeout=budget.time_left()):
                begin, end = start + match.start(), start + match.end()
                found = doc.text[begin:end]
                index = int(match.lastgroup[1:])
                replacement = self.replacements[index]
                if self.options["expand_groups"] and "$" in replacement:
                    replacement = self._expanded(index, found, replacement)
                if self.options["keep_case"]:
                    replacement = _keep_case(found, replacement, self.keys[index])
                if found.casefold() in excepted or found == replacement:
                    continue
                fix: Fix = replace_fix(doc, begin, end, replacement, f"write '{replacement}'")
                if self.options["safe_fix"]:
                    fix = Fix(fix.description, fix.edits, safe=True)
                shown = found.strip() if self.options["trim_match"] else found
                yield self.finding(doc, begin, end, fix, match=shown, replacement=replacement)


    def _expanded(self, index: int, found: str, replacement: str) -> str:
        """The replacement with ``$1`` (or ``${1}``) the wrong form's groups in ``found``."""
        flags = (regex.I if self.options["ignorecase"] else 0) | regex.V1
        match = patterns.compile(self.keys[index], flags).fullmatch(found)
        if match is None:
            return replacement
        return regex.sub(r"\$\{?(\d+)\}?", lambda g: match.group(int(g.group(1))) or "" if int(g.group(1)) <= len(match.groups()) else g.group(), replacement)


def _keep_case(found: str, replacement: str, key: str) -> str:
    """At the start of a sentence "Ceasefire" -> "Cease-fire": the
    replacement takes a capital the found word has only because of where it
    stands (the rule's form is lower case), not one the word itself has
    ("Internet" -> "internet")."""
    if found[:1].isupper() and key[:1].islower() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
