"""The one-pass index of the words rules need (linter.core.word_index)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.article.document import Block, Document, LineIndex
from linter.core.word_index import LiteralIndex

WORDS = ["a lot", "lot", "alot", "former", "form", "orm", "kiev", "fyrom", "u.s.", "’s", "said"]


def _document(text: str) -> tuple[Document, Block]:
    lines = LineIndex(text)
    block = Block(role="body", text=text, span=lines.span(0, len(text)), index=0)
    return Document(path=Path("story.txt"), text=text, format="text", lines=lines, blocks=[block]), block


def test_a_block_holds_every_word_found_in_it_overlapping_or_nested():
    index = LiteralIndex([("a lot", "alot"), ("former", "form", "orm"), ("kiev",)])
    doc, block = _document("The Former governor said ALOT, a lot.")
    assert index.held(doc, block) == {"a lot", "alot", "former", "form", "orm"}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ["x", " ", "-", "A", "O", "F"]), max_size=30))
def test_the_index_finds_exactly_the_words_a_substring_test_finds(pieces):
    text = "".join(pieces)
    index = LiteralIndex([WORDS[:4], WORDS[4:]])
    doc, block = _document(text)
    assert index.held(doc, block) == {word for word in WORDS if word in block.folded}


def test_no_words_means_nothing_held():
    doc, block = _document("Anything at all.")
    assert LiteralIndex([]).held(doc, block) == frozenset()
