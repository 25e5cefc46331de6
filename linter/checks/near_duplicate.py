"""near-duplicate-paragraph: two paragraphs of one story that say nearly
the same thing: a word or clause changed, sentences reordered, punctuation
or quote style changed.

Similarity is measured on word shingles (runs of ``shingle_size`` words):
the containment of the shorter paragraph's shingles in the longer's, so that
a paragraph repeated with a clause added still counts (it is never below
their Jaccard similarity). Exact repeats are left to repeated-paragraph.
"""

from __future__ import annotations

from typing import Iterator

from linter.checks.base import Check, Param
from linter.document import Document, Role
from linter.findings import Finding
from linter.similarity import containment


class NearDuplicate(Check):
    name = "near-duplicate"
    summary = "Two paragraphs of a story say nearly the same thing."
    params = {
        "threshold": Param("number", 0.6, "similarity (0 to 1) at or above which two paragraphs are near-duplicates"),
        "shingle_size": Param("int", 3, "words per shingle"),
        "min_words": Param("int", 12, "shorter paragraphs never fire"),
    }
    fields = ("similarity", "first_line")
    default_scope = (Role.BODY,)

    def check(self, doc: Document) -> Iterator[Finding]:
        size, threshold = self.options["shingle_size"], self.options["threshold"]
        earlier: list[tuple[int, str, frozenset[int], int]] = []  # line, key, shingles, words
        for block in self.blocks(doc):
            count = len(block.text.split())
            if count < self.options["min_words"]:
                continue
            key, grams = block.normalized, block.shingles(size)
            best: tuple[float, int] | None = None
            for line, other_key, other, other_count in earlier:
                if key == other_key:
                    best = None  # an exact repeat: repeated-paragraph reports it
                    break
                if min(count, other_count) / max(count, other_count) < threshold / 2:
                    continue  # too different in length to be alike
                # Containment, which is never below the Jaccard similarity
                # (a union is never smaller than the smaller set), so it also
                # catches a paragraph copied with words added.
                score = containment(grams, other)
                if score >= threshold and (best is None or score > best[0]):
                    best = (score, line)
            if best:
                similarity = min(int(best[0] * 100), 99)
                yield self.finding(doc, block.span.start, block.span.end, similarity=similarity, first_line=best[1])
            earlier.append((block.span.line, key, grams, count))
