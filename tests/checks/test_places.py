"""A story's paragraphs in columns (linter.checks.places): what goes in
comes out, whole, in part, pickled and moved."""

from __future__ import annotations

from pathlib import Path
import pickle

from linter.article.document import Span
from linter.checks.places import Place, StoryParagraphs
from linter.support.similarity import shingles, signature

TEXTS = ["the harbor board voted on a night ferry", "council members asked about the budget", "the pier reopens in spring"]


def places() -> list[Place]:
    made = []
    for index, text in enumerate(TEXTS):
        span = Span(index * 100, index * 100 + len(text), index + 3, 1, index + 3, len(text) + 1)
        made.append(Place(Path("desk/story.md"), span, 1000 + index, signature(shingles(text, 3)), index == len(TEXTS) - 1, 7))
    return made


def test_the_paragraphs_come_back_as_they_went_in() -> None:
    story = StoryParagraphs.of(Path("desk/story.md"), 7, places())
    assert len(story) == 3
    assert list(story) == places()
    assert list(story.columns()) == [(place.key, place.sig) for place in places()]


def test_a_part_keeps_its_paragraphs_and_the_closing_one_only_when_it_holds_it() -> None:
    story = StoryParagraphs.of(Path("desk/story.md"), 7, places())
    assert list(story.subset([0, 2])) == [places()[0], places()[2]]
    assert list(story.subset([0, 1])) == places()[:2]
    assert not any(place.closing for place in story.subset([1]))
    assert len(story.subset([])) == 0


def test_a_pickled_story_is_the_same_story() -> None:
    story = StoryParagraphs.of(Path("desk/story.md"), 7, places())
    assert list(pickle.loads(pickle.dumps(story))) == places()


def test_spans_move_as_a_rendered_story_s_do() -> None:
    story = StoryParagraphs.of(Path("desk/story.md"), 7, places())
    moved = story.map_spans(lambda span: span._replace(line=span.line + 10))
    assert [place.span.line for place in moved] == [13, 14, 15]
    assert [place.key for place in moved] == [place.key for place in places()]
