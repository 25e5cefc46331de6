"""repeated-paragraph: a paragraph that repeats an earlier one word for word
(after folding case, white space and quote style)."""

from __future__ import annotations

from typing import Iterator

from linter.core.check import Check, Param
from linter.article.document import Document, Role
from linter.results.findings import Finding
from linter.results.fixes import remove_block_fix


class RepeatedParagraph(Check):
    name = "repeated-paragraph"
    summary = "A paragraph repeats an earlier paragraph of the story."
    params = {"min_words": Param("int", 4, "shorter paragraphs (kickers, 'Advertisement') never fire")}
    fields = ("first_line",)
    default_scope = (Role.BODY, Role.CREDIT)

    def check(self, doc: Document) -> Iterator[Finding]:
        first_seen: dict[str, int] = {}
        for block in self.blocks(doc):
            if len(block.text.split()) < self.options["min_words"]:
                continue
            key = block.normalized
            if key in first_seen:
                first_line = first_seen[key]
                fix = remove_block_fix(doc, block, f"remove the repeat of the paragraph on line {first_line}")
                yield self.finding(doc, block.span.start, block.span.end, fix, first_line=first_line)
            else:
                first_seen[key] = block.span.line
