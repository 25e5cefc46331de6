"""Headlines and furniture as real copy prints them: headlines that end in a
full stop or run onto a subhead, summary lines, database markers."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import lint
from linter.article.document import Document, Role
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


def test_a_sentence_before_a_dateline_is_the_dek() -> None:
    dek = "After the strike, the port aims to rely less on night shifts."
    lede = "HARBORTON - " + LEDE
    doc = parse(f"Port weighs plans for new cranes.\n\n{dek}\n\n{lede}\n")
    assert roles(doc) == [(Role.HEADLINE, "Port weighs plans for new cranes."), (Role.DEK, dek), (Role.BODY, lede)]


def test_a_lede_before_a_paragraph_without_a_dateline_stays_body() -> None:
    lede = "The port stopped work on Monday."
    doc = parse(f"Port weighs plans for new cranes.\n\n{lede}\n\n{SECOND}\n")
    assert roles(doc)[1] == (Role.BODY, lede)


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


@pytest.mark.parametrize(
    "byline", ["By Jane Roe", "By Jane Roe, Staff Writer", "By Jane Roe and Tom Reyes", "Jane Roe | Reuters"]
)
def test_bylines_in_their_common_shapes(byline: str) -> None:
    doc = parse(f"Port Strike Halts Cargo\n\n{byline}\n\n{LEDE}\n")
    assert roles(doc)[1] == (Role.BYLINE, byline)


@pytest.mark.parametrize(
    "credit",
    [
        "(Reporting by Jane Roe; Editing by Tom Reyes)",
        "(Additional reporting by Ana Ruiz in Lisbon; Writing by Jane Roe)",
        "— Associated Press",
        "- Reuters.",
    ],
)
def test_credit_lines_at_the_end(credit: str) -> None:
    doc = parse(f"Port Strike Halts Cargo\n\n{LEDE}\n\n{credit}\n")
    assert roles(doc)[-1] == (Role.CREDIT, credit)


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("SEOUL — ", "SEOUL —"),
        ("WASHINGTON (AP) — ", "WASHINGTON (AP) —"),
        ("MILLTOWN, Ore. - ", "MILLTOWN, Ore. -"),
        ("LONDON (Reuters) -- ", "LONDON (Reuters) --"),
        ("Washington — ", None),  # a place not in capitals is the sentence's own word
        ("NATO, the alliance, met. ", None),
    ],
)
def test_datelines(opening: str, dateline: str | None) -> None:
    doc = parse(f"Port Strike Halts Cargo\n\n{opening}{LEDE}\n\n{SECOND}\n")
    lede = doc.blocks[1]
    found = doc.text[lede.dateline.start : lede.dateline.end] if lede.dateline else None
    assert found == dateline
    assert doc.blocks[2].dateline is None


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "Jane Roe/Getty Images.",
        "SAUL ROE via Getty Images.",
        "Editor’s note: Officials say this story was updated to correct a date.",
        "Follow Jane Roe on Twitter @janeroe.",
        '<tweet id="1" author="@harborunion">Officials say Ortiz will fold. Ortiz never folds. #portstrike</tweet>',
    ],
)
def test_furniture_is_not_body_copy(line: str) -> None:
    doc = parse(f"Port Strike Halts Cargo\n\n{LEDE}\n\n{line}\n\n{SECOND}\n\n{line}\n")
    assert [role for role, _ in roles(doc)] == [Role.HEADLINE, Role.BODY, Role.FURNITURE, Role.BODY, Role.FURNITURE]
    # Neither repeated nor vague nor a name to style: not the story's copy.
    found = lint(doc.text, select=("repeated-paragraph", "vague-sourcing", "name-*", "unattributed-quote"))
    assert found == []
