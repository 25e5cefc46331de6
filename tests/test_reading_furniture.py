"""Headlines and furniture as real copy prints them: headlines that end in a
full stop or run onto a subhead, summary lines, database markers."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import lint
from linter.document import Document, Role
from linter.formats import text

LEDE = (
    "Dockworkers at the city's main port walked off the job on Monday, halting cargo traffic "
    "as talks over automated cranes stalled for a third week."
)
SECOND = "The port authority said the cranes would be phased in over five years."


def parse(source: str) -> Document:
    return text.parse(Path("story.txt"), source)


def roles(doc: Document) -> list[tuple[str, str]]:
    return [(block.role, block.text) for block in doc.blocks]


@pytest.mark.parametrize(
    "headline",
    [
        "Port Strike Halts Cargo as Talks Stall.",  # a full stop, as archives store headlines
        "Port strike halts cargo as talks stall.",  # sentence case with a full stop
        "Harbor Board: Cranes Can Wait.",
        "3 Things to Know About the Port Strike",  # begins with a digit
        "‘We Are Not Machines’: Dockworkers Walk Out",  # begins with a quote mark
        "''Not Machines'': Dockworkers Walk Out.",
        "PORT STRIKE HALTS CARGO AS TALKS STALL.",  # capitals
        "Who pays for the port's new cranes?",
    ],
)
def test_a_headline_in_the_shapes_real_copy_prints(headline: str) -> None:
    doc = parse(f"{headline}\n\n{LEDE}\n\n{SECOND}\n")
    assert roles(doc) == [(Role.HEADLINE, headline), (Role.BODY, LEDE), (Role.BODY, SECOND)]


def test_a_headline_that_runs_onto_a_subhead() -> None:
    subhead = "Union says the new cranes threaten hundreds of jobs."
    doc = parse(f"Port strike halts cargo; \n{subhead}\n\n{LEDE}\n")
    assert roles(doc) == [(Role.HEADLINE, "Port strike halts cargo;"), (Role.DEK, subhead), (Role.BODY, LEDE)]


def test_a_summary_line_before_the_headline() -> None:
    summary = "Dockworkers walked out on Monday."
    doc = parse(f"{summary}\nPort Strike Halts Cargo\n{LEDE}\n")
    assert roles(doc)[:2] == [(Role.SUMMARY, summary), (Role.HEADLINE, "Port Strike Halts Cargo")]


def test_a_story_that_opens_with_its_lede_has_no_headline() -> None:
    # A sentence-case first line too long for a headline that ends in a stop.
    first = "Dockworkers walked off the job at dawn on Monday, leaving container ships idling in the outer harbor."
    doc = parse(f"{first}\n\n{SECOND}\n")
    assert doc.headline is None
    assert roles(doc) == [(Role.BODY, first), (Role.BODY, SECOND)]


def test_a_lone_sentence_is_not_a_headline() -> None:
    assert parse("Fares rose on Monday.\n").headline is None


ABSTRACT = "The port's new cranes have set off the longest strike in its history."
DATABASE = f"Cranes and the Port.\n\nABSTRACT.\n\n{ABSTRACT}\n\nFULL TEXT.\n\n{LEDE}\n\n{ABSTRACT}\n"


def test_database_markers_are_labels_and_the_abstract_a_summary() -> None:
    doc = parse(DATABASE)
    assert roles(doc) == [
        (Role.HEADLINE, "Cranes and the Port."),
        (Role.HEADING, "ABSTRACT."),
        (Role.SUMMARY, ABSTRACT),
        (Role.HEADING, "FULL TEXT."),
        (Role.BODY, LEDE),
        (Role.BODY, ABSTRACT),
    ]


def test_an_abstract_repeated_in_the_body_is_a_summary_copy_not_a_near_duplicate() -> None:
    found = {f.rule for f in lint(DATABASE, select=("summary-repeats-body", "near-duplicate-paragraph", "repeated-*"))}
    assert found == {"summary-repeats-body"}
