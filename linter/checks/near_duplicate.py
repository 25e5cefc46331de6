"""near-duplicate-paragraph: two paragraphs of one story that say nearly
the same thing: a word or clause changed, sentences reordered, punctuation
or quote style changed.

Similarity is measured on word shingles (runs of ``shingle_size`` words):
the containment of the shorter paragraph's shingles in the longer's, so that
a paragraph repeated with a clause added still counts (it is never below
their Jaccard similarity). Exact repeats are left to repeated-paragraph.

Copy that repeats by design is told apart from repeated prose (see
linter.language.copy_shapes): lines in title case (headings, links), bracketed
citations, a pull quote beside the paragraph it quotes, and parallel items
or template lines that hold different figures. Nor are two paragraphs alike
when what they share is only a sourcing frame ("according to a survey
carried out for ..."): a sentence that only says where figures come from, or
paragraphs that open with the same frame and then report different things.
Their claims, the words outside the frame, are compared.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator, NamedTuple

from linter.language import copy_shapes

from linter.support import patterns
from linter.core.check import Check, Param
from linter.article.document import Block, Document, Role
from linter.results.findings import Finding
from linter.support.similarity import containment, shingles

if TYPE_CHECKING:
    from linter.core.context import RunContext
    from linter.core.rule import Rule


class Paragraph(NamedTuple):
    """What near-duplicate compares of a paragraph read earlier."""

    line: int
    key: str  # the normalised text
    grams: frozenset[int]
    words: int
    text: str

    @classmethod
    def of(cls, block: Block, size: int) -> "Paragraph":
        return cls(block.span.line, block.normalized, block.shingles(size), len(block.text.split()), block.text)


def by_design(first: Paragraph, second: Paragraph) -> bool:
    """Whether two alike paragraphs repeat by design: a heading, link or
    citation; a pull quote beside the longer paragraph it quotes; parallel
    items with different figures. (Judged only for pairs found alike, which
    are few.)"""
    if copy_shapes.display_line(first.text) or copy_shapes.display_line(second.text):
        return True
    shorter = first if first.words <= second.words else second
    if copy_shapes.bare_quotation(shorter.text):
        return True
    return copy_shapes.different_figures(copy_shapes.figures(first.text), copy_shapes.figures(second.text))


def similarity(first: Paragraph, second: Paragraph, threshold: float) -> float | None:
    """How alike two paragraphs are, when at least ``threshold``: the
    containment of the shorter's shingles in the longer's, which is never
    below their Jaccard similarity (a union is never smaller than the
    smaller set), so that a paragraph copied with words added still counts."""
    if min(first.words, second.words) / max(first.words, second.words) < threshold / 2:
        return None  # too different in length to be alike
    score = containment(first.grams, second.grams)
    return score if score >= threshold else None


class NearDuplicate(Check):
    name = "near-duplicate"
    summary = "Two paragraphs of a story say nearly the same thing."
    params = {
        "threshold": Param("number", 0.6, "similarity (0 to 1) at or above which two paragraphs are near-duplicates"),
        "shingle_size": Param("int", 3, "words per shingle"),
        "min_words": Param("int", 12, "shorter paragraphs never fire"),
        "sourcing_frames": Param("strings", (), "words that open a sourcing frame running to the clause's end: according to..."),
    }
    fields = ("similarity", "first_line")
    default_scope = (Role.BODY,)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        # A frame runs from its opening words to the end of its clause: a
        # comma, semicolon, or a period that ends a sentence ("U.S." does not).
        frames = self.options["sourcing_frames"]
        self._frame = (
            re.compile(rf"(?i)(?<![^\W_])(?:{patterns.words(frames)})(?![^\W_])(?:[^,;:!?.]|\.(?!\s|$))*")
            if frames
            else None
        )

    def claims_alike(self, first: Paragraph, second: Paragraph) -> bool:
        """Whether two paragraphs found alike are alike outside their
        sourcing frames: the shorter's claim lies in the longer's. (Judged
        only for pairs found alike, which are few.)"""
        if self._frame is None:
            return True
        size, threshold = self.options["shingle_size"], self.options["threshold"]
        shorter, longer = sorted((first, second), key=lambda paragraph: paragraph.words)
        claim = self._frame.sub(" ", shorter.text)
        if len(claim.split()) < size:
            return False  # only a frame: it says where something comes from, not what
        return containment(shingles(claim, size), shingles(self._frame.sub(" ", longer.text), size)) >= threshold

    def check(self, doc: Document) -> Iterator[Finding]:
        size, threshold = self.options["shingle_size"], self.options["threshold"]
        earlier: list[Paragraph] = []
        for block in self.blocks(doc):
            if len(block.text.split()) < self.options["min_words"]:
                continue
            this = Paragraph.of(block, size)
            best: tuple[float, int] | None = None
            for other in earlier:
                if this.key == other.key:
                    best = None  # an exact repeat: repeated-paragraph reports it
                    break
                score = similarity(this, other, threshold)
                if (
                    score is not None
                    and (best is None or score > best[0])
                    and not by_design(this, other)
                    and self.claims_alike(this, other)
                ):
                    best = (score, other.line)
            if best:
                percent = min(int(best[0] * 100), 99)
                yield self.finding(doc, block.span.start, block.span.end, similarity=percent, first_line=best[1])
            earlier.append(this)
