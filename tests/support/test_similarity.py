"""Shingles and MinHash signatures (linter.support.similarity)."""

from __future__ import annotations

from array import array

from hypothesis import given
from hypothesis import strategies as st

from linter.support.similarity import SIGNATURE_BINS, estimate, shingles, signature, words

EMPTY = 0xFFFFFFFF
BINS = st.lists(st.sampled_from([EMPTY, 0, 1, 2, 7, 123456]), min_size=SIGNATURE_BINS, max_size=SIGNATURE_BINS)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _reference(a: list[int], b: list[int]) -> float:
    used = [(x, y) for x, y in zip(a, b) if x != EMPTY or y != EMPTY]
    return sum(x == y for x, y in used) / len(used) if used else 0.0


@given(BINS, BINS)
def test_the_estimate_is_the_share_of_filled_bins_that_agree(a, b):
    left, right = array("I", a).tobytes(), array("I", b).tobytes()
    assert estimate(left, right) == _reference(a, b)
    assert estimate(left, left) == _reference(a, a)


def test_words_fold_case_quotes_and_apostrophes():
    assert words("The Mayor’s “BUDGET” isn't done.") == ["the", "mayor's", "budget", "isn't", "done"]


def test_near_copies_have_close_signatures_and_different_texts_do_not():
    text = "The council approved the budget on Tuesday after a long debate about the port and its future."
    near = text.replace("Tuesday", "Wednesday")
    other = "A storm closed the bridge for a day, and traffic backed up for miles along the coast road."
    a, b, c = (shingles(t, 3) for t in (text, near, other))
    assert jaccard(a, b) > 0.6 and jaccard(a, c) == 0.0
    assert estimate(signature(a), signature(b)) > estimate(signature(a), signature(c))


@given(st.text(alphabet="abcÉß ’'“”\t\n-.,1", max_size=60))
def test_words_of_a_normalized_text_need_no_second_normalizing(text):
    from linter.support.textnorm import normalize

    assert words(normalize(text), normalized=True) == words(text)
