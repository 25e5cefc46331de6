"""Property tests: on generated stories, --fix removes exactly the
repeated headline lines and repeated paragraphs, keeps the first of each,
never removes a paragraph that occurs once, and a second pass does nothing."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import engine_for
from linter.core.autofix import fix_text

WORDS = ("council budget mayor vote port strike union talks grain ship city park library river bridge "
         "school tax plan night week month year road water power court judge ruling market price").split()

sentence = st.lists(st.sampled_from(WORDS), min_size=6, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
# Paragraphs long enough to be read one per line, as scraped copy is.
paragraph = st.lists(sentence, min_size=2, max_size=4).map(" ".join).filter(lambda p: len(p) > 110)
HEADLINE = "Council Weighs Plan for River Bridge"


@st.composite
def story(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A story with repeats, and the lines that --fix must leave."""
    originals = draw(st.lists(paragraph, min_size=1, max_size=6, unique=True))
    body = draw(st.lists(st.sampled_from(originals), min_size=len(originals), max_size=12))
    body = originals + body  # every paragraph once, then repeats in any order
    body = draw(st.permutations(body))
    repeat_headline = draw(st.booleans())
    lines = [HEADLINE, "", *([HEADLINE] if repeat_headline else []), "By Ana Ruiz", *body]
    seen: set[str] = set()
    expected = [HEADLINE, "", "By Ana Ruiz"]
    for line in body:
        if line not in seen:
            expected.append(line)
            seen.add(line)
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    final = draw(st.booleans())
    text = newline.join(lines) + (newline if final else "")
    return text, expected


@settings(max_examples=60, deadline=None)
@given(story())
def test_fix_keeps_first_occurrences_only_and_is_idempotent(case: tuple[str, list[str]]) -> None:
    text, expected = case
    engine = engine_for(select=("repeated-paragraph", "duplicated-headline"))
    fixed, _ = fix_text(engine, Path("story.txt"), text, [])
    assert fixed.splitlines() == expected
    newline = "\r\n" if "\r\n" in text else "\n"
    assert fixed.endswith(newline) == text.endswith(newline), "the final newline is kept as it was"
    again, applied = fix_text(engine, Path("story.txt"), fixed, [])
    assert (again, applied) == (fixed, 0)


@settings(max_examples=40, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=8, unique=True))
def test_fix_never_removes_a_paragraph_that_occurs_once(paragraphs: list[str]) -> None:
    text = "\n".join([HEADLINE, "", *paragraphs]) + "\n"
    engine = engine_for(select=("repeated-paragraph", "duplicated-headline"))
    assert fix_text(engine, Path("story.txt"), text, []) == (text, 0)
