"""vague-sourcing: a claim sourced to an unnamed group ("officials say",
"according to sources"). Quoted speech is not checked."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from linter import patterns
from linter.checks.base import REQUIRED, Check, Param
from linter.document import Document, Role
from linter.findings import Finding

if TYPE_CHECKING:
    from linter.context import RunContext
    from linter.rules import Rule



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
        # Escaped vocabulary in bounded forms, which cannot run away: matched
        # with Python's re, which is much faster here than regex. [^\W\d_]
        # is a letter; each form names its group g1, g2... and its verb v1...
        groups, verbs = patterns.words(self.options["groups"]), patterns.words(self.options["verbs"])
        inverted, gap = patterns.words(self.options["inverted_verbs"]), self.options["max_gap"]
        letter = r"[^\W\d_]"
        filler = rf"(?:(?:{letter}|[.\-])++\s++){{0,{gap}}}?"
        forms = [
            # officials say; U.S. officials have expressed
            rf"(?<!{letter})(?P<g1>{groups})(?:\s++(?:{letter}|-)++){{0,{gap}}}?\s+(?P<v1>{verbs})",
            # according to two officials; ..., said two officials (the
            # finding starts at the verb). One form, so that the long list
            # of groups is compiled twice, not three times.
            rf"(?:(?<!{letter})(?P<v2>according\s+to)|[,”\"]\s*(?P<v3>{inverted}))\s+{filler}(?P<g2>{groups})",
        ]
        if self.options["hedges"]:
            forms.append(rf"(?<!{letter})(?P<g4>{patterns.words(self.options['hedges'])})")  # reportedly
        self.pattern = patterns.compile_re(rf"(?:{'|'.join(forms)})(?!{letter})", re.I)
        # Every form needs a group or a hedge: a block holding none of
        # their words (the longest of each) cannot match.
        sourcing = (*self.options["groups"], *self.options["hedges"])
        self.literals = tuple({max(entry.casefold().split(), key=len): None for entry in sourcing if entry.strip()})
        exceptions = self.options["exceptions"]
        self.exception = patterns.compile_re(rf"(?:{patterns.words(exceptions)})(?!{letter})", re.I) if exceptions else None

    def check(self, doc: Document) -> Iterator[Finding]:
        for block in self.blocks(doc):
            if not block.prose:
                continue
            base = block.span.start
            for match in self.pattern.finditer(block.text):
                if block.quote_at(base + match.start()):
                    continue
                group, verb = _part(match, "g"), _part(match, "v")
                if self.exception and verb and self.exception.match(block.text, verb[1]):
                    continue
                if group[0][:1].isupper() and group[1] > match.start():
                    continue  # part of a name: "according to the Graduate Employees Organization"
                begin = min(group[1], verb[1]) if verb else group[1]
                yield self.finding(
                    doc, base + begin, base + match.end(), group=group[0], verb=verb[0] if verb else ""
                )


def _part(match: re.Match[str], kind: str) -> tuple[str, int] | None:
    """The text and offset of the group ("g") or verb ("v") of whichever
    form matched."""
    for number in range(1, 5):
        name = f"{kind}{number}"
        if name in match.re.groupindex and match.group(name) is not None:
            return match.group(name), match.start(name)
    return None
