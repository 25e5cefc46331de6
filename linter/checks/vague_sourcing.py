"""vague-sourcing: a claim sourced to an unnamed group ("officials say",
"according to sources"). Quoted speech is not checked."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import regex

from linter.checks.base import REQUIRED, Check, Param
from linter.document import Document, Role
from linter.findings import Finding

if TYPE_CHECKING:
    from linter.context import RunContext
    from linter.rules import Rule


def _alternatives(items: tuple[str, ...]) -> str:
    return "|".join(regex.escape(item).replace(r"\ ", r"\s+") for item in sorted(items, key=len, reverse=True))


class VagueSourcing(Check):
    name = "vague-sourcing"
    summary = "A claim is sourced to an unnamed group of people."
    params = {
        "groups": Param("strings", REQUIRED, "unnamed groups: officials, sources, experts..."),
        "verbs": Param("strings", REQUIRED, "verbs that source a claim: say, said, believe..."),
        "inverted_verbs": Param("strings", ("said", "says", "say"), "verbs of the inverted form ', said officials'"),
        "exceptions": Param("strings", (), "phrases at the verb that are not sourcing ('think tanks')"),
        "hedges": Param("strings", (), "phrases that source a claim to no one: reportedly, it is believed..."),
        "max_gap": Param("int", 3, "words allowed between the group and its verb"),
    }
    fields = ("group", "verb")
    default_scope = (Role.SUMMARY, Role.DEK, Role.BODY)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        groups, verbs = _alternatives(self.options["groups"]), _alternatives(self.options["verbs"])
        inverted, gap = _alternatives(self.options["inverted_verbs"]), self.options["max_gap"]
        filler = rf"(?:[\p{{L}}.\-]++\s++){{0,{gap}}}?"
        forms = [
            # officials say; U.S. officials have expressed
            rf"(?<![\p{{L}}])(?P<group>{groups})(?:\s++[\p{{Ll}}\-]++){{0,{gap}}}?\s+(?P<verb>{verbs})",
            # according to two officials
            rf"(?<![\p{{L}}])(?P<verb>according\s+to)\s+{filler}(?P<group>{groups})",
            # ..., said two officials (the finding starts at the verb)
            rf"[,”\"]\s*(?P<verb>{inverted})\s+{filler}(?P<group>{groups})",
        ]
        if self.options["hedges"]:
            forms.append(rf"(?<![\p{{L}}])(?P<group>{_alternatives(self.options['hedges'])})")  # reportedly
        self.pattern = regex.compile(rf"(?:{'|'.join(forms)})(?![\p{{L}}])", regex.I | regex.V1)
        exceptions = self.options["exceptions"]
        self.exception = regex.compile(rf"(?:{_alternatives(exceptions)})(?![\p{{L}}])", regex.I) if exceptions else None

    def check(self, doc: Document) -> Iterator[Finding]:
        for block in self.blocks(doc):
            if not block.prose:
                continue
            base = block.span.start
            for match in self.pattern.finditer(block.text):
                if block.quote_at(base + match.start()):
                    continue
                if self.exception and match.group("verb") and self.exception.match(block.text, match.start("verb")):
                    continue
                group = match.group("group")
                if group[:1].isupper() and match.start("group") > match.start():
                    continue  # part of a name: "according to the Graduate Employees Organization"
                begin = min(match.start(name) for name in ("group", "verb") if match.group(name))
                yield self.finding(
                    doc,
                    base + begin,
                    base + match.end(),
                    group=match.group("group"),
                    verb=match.group("verb") or "",
                )
