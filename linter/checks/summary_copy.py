"""summary-repeats-body: a summary or dek copied from the body instead of
written for it."""

from __future__ import annotations

from typing import Iterator

from linter.core.check import Check, Param
from linter.article.document import Document, Role
from linter.results.findings import Finding


class SummaryCopy(Check):
    name = "summary-copy"
    summary = "A summary or dek is copied from the body."
    params = {
        "threshold": Param("number", 0.8, "share of the summary's shingles found in one body paragraph"),
        "shingle_size": Param("int", 3, "words per shingle"),
        "min_words": Param("int", 6, "shorter summaries never fire"),
    }
    fields = ("line_copied",)
    default_scope = (Role.SUMMARY, Role.DEK)

    def check(self, doc: Document) -> Iterator[Finding]:
        size = self.options["shingle_size"]
        body = [(b.span.line, b.shingles(size)) for b in doc.blocks_in([Role.BODY])]
        for block in self.blocks(doc):
            if len(block.text.split()) < self.options["min_words"]:
                continue
            grams = block.shingles(size)
            for line, paragraph in body:
                if grams and len(grams & paragraph) / len(grams) >= self.options["threshold"]:
                    yield self.finding(doc, block.span.start, block.span.end, line_copied=line)
                    break
