"""repeated-sentence: a sentence that recurs in the story outside a
repeated paragraph (copy pasted twice into different paragraphs).

One finding per defect: a sentence of two paragraphs alike enough to be
near-duplicates is near-duplicate-paragraph's to judge (it reports them, or
finds they repeat by design), never reported again here. Display lines
(title case, bracketed citations) are not prose and never count."""

from __future__ import annotations

from typing import Iterator

from linter.core.check import Check, Param
from linter.checks.near_duplicate import Paragraph, similarity
from linter.language.copy_shapes import display_line
from linter.article.document import Block, Document, Role
from linter.results.findings import Finding
from linter.support.textnorm import normalize


class RepeatedSentence(Check):
    name = "repeated-sentence"
    summary = "A sentence appears twice in the story."
    params = {
        "min_words": Param("int", 6, "shorter sentences ('He declined.') never fire"),
        "alike": Param("number", 0.6, "paragraphs at least this alike are near-duplicate-paragraph's to judge"),
        "alike_min_words": Param("int", 12, "paragraphs this long or longer are near-duplicate-paragraph's to judge"),
        "shingle_size": Param("int", 3, "words per shingle when paragraphs are compared"),
    }
    fields = ("first_line",)
    default_scope = (Role.BODY,)

    def check(self, doc: Document) -> Iterator[Finding]:
        seen_blocks: set[str] = set()
        first_seen: dict[str, tuple[int, Block, str]] = {}
        for block in self.blocks(doc):
            block_key = block.normalized
            if block_key in seen_blocks:
                continue  # the whole paragraph repeats: repeated-paragraph reports it
            seen_blocks.add(block_key)
            for sentence in block.sentences:
                if len(sentence.text.split()) < self.options["min_words"]:
                    continue
                key = normalize(sentence.text)
                if key not in first_seen or display_line(first_seen[key][2]):
                    first_seen[key] = (sentence.span.line, block, sentence.text)  # (a display line is no first)
                elif not display_line(sentence.text) and not self._alike(block, first_seen[key][1]):
                    yield self.finding(doc, sentence.span.start, sentence.span.end, first_line=first_seen[key][0])

    def _alike(self, block: Block, other: Block) -> bool:
        """Whether two paragraphs are alike enough for near-duplicate-paragraph
        to judge (its measure, with this rule's ``alike`` threshold)."""
        if block is other:
            return False
        size, least = self.options["shingle_size"], self.options["alike_min_words"]
        first, second = Paragraph.of(block, size), Paragraph.of(other, size)
        return min(first.words, second.words) >= least and similarity(first, second, self.options["alike"]) is not None
