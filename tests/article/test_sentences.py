"""Sentence splitting (linter.article.segment.sentences): abbreviations, initials
and acronyms do not end a sentence."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.article import segment
from linter.article.segment import sentences


def _texts(text: str) -> list[str]:
    return [text[start:end] for start, end in sentences(text)]


def test_abbreviations_initials_and_acronyms_do_not_end_a_sentence():
    text = "Mr. Putin met Gov. Hochul in the U.S. on Jan. 5. Vladimir V. Putin left. Prices rose 5 p.m. Then fell."
    assert _texts(text) == [
        "Mr. Putin met Gov. Hochul in the U.S. on Jan. 5.",
        "Vladimir V. Putin left.",
        "Prices rose 5 p.m. Then fell.",
    ]


def test_questions_exclamations_and_quotes_end_sentences():
    assert _texts('"Is it over?" she asked. "No!" He left.') == ['"Is it over?" she asked.', '"No!"', "He left."]


def _reference(text: str) -> list[tuple[int, int]]:
    """The splitting as first written: the word before a period read by
    searching the whole sentence so far."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in segment._BOUNDARY.finditer(text):
        before = segment._WORD_BEFORE.search(text[start : match.end()])
        if text[match.start()] == "." and before and segment._is_abbreviation(before.group(1)):
            continue
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [segment._trim(text, s, e) for s, e in spans if text[s:e].strip()]


PIECES = st.sampled_from(
    ["Mr", "U.S", "Jan", "V", "etc", "word", "Putin", "p.m", "é", "..", ".", "!", "?", "?!", " ", "  ", "\n", '"', "”", ")", "5"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=40))
def test_reading_the_word_before_a_period_locally_splits_as_before(pieces):
    text = "".join(pieces)
    assert sentences(text) == _reference(text)
