"""missing-credit: a story with no byline and no credit line."""

from __future__ import annotations

from typing import Iterator

from linter.core.check import Check
from linter.article.document import Document, Role
from linter.results.findings import Finding


class MissingCredit(Check):
    name = "missing-credit"
    summary = "The story names no writer: no byline, no credit line, no author field."
    default_scope = (Role.BYLINE, Role.CREDIT)

    def check(self, doc: Document) -> Iterator[Finding]:
        # Front-matter authors are byline blocks too, so one test covers all.
        if any(self.blocks(doc)):
            return
        anchor = doc.headline or (doc.blocks[0] if doc.blocks else None)
        if anchor is None:
            return
        yield self.finding(doc, anchor.span.start, anchor.span.end)
