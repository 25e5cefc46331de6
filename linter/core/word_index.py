"""Which of the rules' required words a block holds, found in one pass.

Most pattern rules can only match a block that holds one of a few words
(read from their patterns by ``linter.support.required_words``). Testing each rule's
words against each block costs a hundred rules times every block; instead,
the words of all rules go into one trie-shaped pattern that a single scan
of a block's case-folded text runs through, yielding every word the block
holds. A rule then reads its answer from that set. The engine builds the
index once a run has checked a few stories (``engine.INDEX_AFTER``):
compiling it costs more than it saves on one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from linter.support import patterns

if TYPE_CHECKING:
    from linter.article.document import Block, Document


class LiteralIndex:
    """The required words of a run's rules, and which of them each block holds."""

    def __init__(self, literal_sets: Iterable[Iterable[str]]) -> None:
        self.words = frozenset(word for words in literal_sets for word in words)
        # A lookahead finds a word at every position, overlapping ones too;
        # at one position only the longest is reported, so each word also
        # stands for the shorter words inside it.
        self._scan = re.compile(f"(?=({patterns.words(self.words, any_space=False)}))") if self.words else None
        self._within = {word: frozenset(other for other in self.words if other in word) for word in self.words}

    def covers(self, words: Iterable[str]) -> bool:
        return self.words.issuperset(words)

    def held(self, doc: "Document", block: "Block") -> frozenset[str]:
        """The indexed words ``block`` of ``doc`` holds (case-folded)."""
        return self._found(doc)[0][block.index]

    def held_anywhere(self, doc: "Document") -> frozenset[str]:
        """The indexed words any block of ``doc`` holds."""
        return self._found(doc)[1]

    def _found(self, doc: "Document") -> tuple[dict[int, frozenset[str]], frozenset[str]]:
        return doc.analysis(("literal index", id(self)), self._scan_document)

    def _scan_document(self, doc: "Document") -> tuple[dict[int, frozenset[str]], frozenset[str]]:
        """What each block holds (by its index), scanned once, and all of it."""
        by_block = {block.index: self._scan_text(block.folded) for block in doc.blocks}
        return by_block, frozenset().union(*by_block.values())

    def _scan_text(self, folded: str) -> frozenset[str]:
        held: set[str] = set()
        if self._scan is not None:
            for match in self._scan.finditer(folded):
                held |= self._within[match.group(1)]
        return frozenset(held)
