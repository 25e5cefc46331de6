"""suppression-comments: suppression comments that name no rule
(invalid-suppression) or silence nothing (unused-suppression).

A gate that a stale or misspelt comment quietly weakens is a gate that can
pass by mistake; ruff reports the same (RUF100). The engine calls
``review`` once the file's other findings have been filtered, when it
knows which directive silenced what.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from linter.core.check import Check, Param
from linter.article.document import Document
from linter.results.findings import Finding
from linter.article.suppression import ALL, Suppressions
from linter.support.suggest import did_you_mean

UNKNOWN, UNUSED = "unknown", "unused"


class SuppressionComments(Check):
    name = "suppression-comments"
    summary = "Suppression comments that name an unknown rule or silence nothing."
    params = {"report": Param("str", help="what to report: unknown (rule ids) or unused (directives)", choices=(UNKNOWN, UNUSED))}
    fields = ("rule", "reason")
    default_scope = ()

    def check(self, doc: Document) -> Iterable[Finding]:
        return ()  # reported by the engine, through review()

    def review(self, doc: Document, inline: Suppressions) -> Iterator[Finding]:
        """Findings about the file's directives, once ``inline`` has
        recorded what each silenced."""
        active, across = self.context.active_rule_ids, self.context.across_rule_ids
        if self.options["report"] == UNKNOWN:
            for directive in inline.directives:
                for rule in sorted(directive.rules - {ALL}):
                    if rule not in active and rule not in (known := self.context.known_rule_ids()):
                        yield self.finding(doc, directive.start, directive.end, rule=rule, reason=_unknown(rule, known))
                    elif rule in across:
                        reason = "rules across files are not silenced by comments; use per_file_ignores"
                        yield self.finding(doc, directive.start, directive.end, rule=rule, reason=reason)
            return
        for directive, rule in inline.unused():
            if rule == ALL or (rule in active and rule not in across):
                named = rule if rule != ALL else "every rule"
                yield self.finding(doc, directive.start, directive.end, rule=named, reason="it silenced nothing")


def _unknown(rule: str, known: frozenset[str]) -> str:
    return f"unknown rule '{rule}'{did_you_mean(rule, known)}"
