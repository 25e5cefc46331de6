"""duplicated-headline: the headline line appears again in the story."""

from __future__ import annotations

from typing import Iterator

from linter.checks.base import Check
from linter.document import Document, Role
from linter.findings import Finding
from linter.fixes import remove_block_fix


class DuplicatedHeadline(Check):
    name = "duplicated-headline"
    summary = "The headline is repeated in the story."
    fields = ("first_line",)
    default_scope = (Role.HEADLINE,)

    def check(self, doc: Document) -> Iterator[Finding]:
        # The parser gives every unit that repeats the headline the headline
        # role, wherever it stands; all but the first are repeats.
        headlines = list(doc.blocks_in([Role.HEADLINE]))
        if not headlines:
            return
        headline = headlines[0]
        for block in headlines[1:]:
            fix = None
            if block.origin != "front-matter":
                fix = remove_block_fix(doc, block, f"remove the repeat of the headline on line {headline.span.line}")
            yield self.finding(doc, block.span.start, block.span.end, fix, first_line=headline.span.line)
