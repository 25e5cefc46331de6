"""repeated-sentence: a sentence that recurs in the story outside a
repeated paragraph (copy pasted twice into different paragraphs)."""

from __future__ import annotations

from typing import Iterator

from linter.checks.base import Check, Param
from linter.document import Document, Role
from linter.findings import Finding
from linter.textnorm import normalize


class RepeatedSentence(Check):
    name = "repeated-sentence"
    summary = "A sentence appears twice in the story."
    params = {"min_words": Param("int", 6, "shorter sentences ('He declined.') never fire")}
    fields = ("first_line",)
    default_scope = (Role.BODY,)

    def check(self, doc: Document) -> Iterator[Finding]:
        seen_blocks: set[str] = set()
        first_seen: dict[str, int] = {}
        for block in self.blocks(doc):
            block_key = block.normalized
            if block_key in seen_blocks:
                continue  # the whole paragraph repeats: repeated-paragraph reports it
            seen_blocks.add(block_key)
            for sentence in block.sentences:
                if len(sentence.text.split()) < self.options["min_words"]:
                    continue
                key = normalize(sentence.text)
                if key in first_seen:
                    yield self.finding(doc, sentence.span.start, sentence.span.end, first_line=first_seen[key])
                else:
                    first_seen[key] = sentence.span.line
