"""Quotation shapes: what is a quotation, and how attribution carries over
multi-paragraph quotes, titles of works and anonymous sources."""

from __future__ import annotations

import pytest

from conftest import PORT_LEDE, covered, lint, port_story as story
from linter.segment import quotations


def quoted(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in quotations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win" on Monday.', ['"we will win"']),
        ("“He told me ‘no’ twice,” she said.", ["“He told me ‘no’ twice,”"]),  # single inside double
        ("‘We will fight on,’ he said.", ["‘We will fight on,’"]),  # British single quotes
        ("Putin’s plan and the dockworkers’ union", []),  # possessives
        ("rock ’n’ roll from the ’90s and rock 'n' roll", []),  # apostrophes
        ('a 6" pipe and a 12" record', []),  # inch marks
        ('a 6" pipe, then "a real quote here"', ['"a real quote here"']),
        ("“A quote that goes on into the next paragraph", ["“A quote that goes on into the next paragraph"]),
    ],
)
def test_what_counts_as_a_quotation(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def unattributed(text: str) -> list[str]:
    return [covered(text, f) for f in lint(text, select=("unattributed-quote",))]


def test_a_quote_over_three_paragraphs_takes_its_speaker_from_the_first() -> None:
    text = story(
        "“We have waited long enough for the operators to listen,” said Joana Silva, the union leader. “Every week",
        "“we lose members to the automated terminals down the coast, and every week",
        "“the companies tell us to wait a little longer.”",
    )
    assert unattributed(text) == []


def test_an_unattributed_multi_paragraph_quote_is_reported_in_every_part() -> None:
    text = story("“We have waited long enough for the operators to listen to us", "“and we will not wait any longer.”")
    assert unattributed(text) == [
        "“We have waited long enough for the operators to listen to us",
        "“and we will not wait any longer.”",
    ]


def test_titles_of_works_need_no_speaker() -> None:
    text = story("The strike inspired the documentary “Harbor Lights at Dawn,” which opens on Friday.")
    assert unattributed(text) == []
    said = story("The tone on the docks was bitter: “a disaster for the harbor and the city.”")
    assert unattributed(said) == ["“a disaster for the harbor and the city.”"]


def test_hedges_and_inverted_sourcing_are_vague() -> None:
    text = story(
        "The operators reportedly offered a raise of four percent.",
        "The talks will resume next week, said two officials briefed on the plans.",
    )
    found = [covered(text, f) for f in lint(text, select=("vague-sourcing",))]
    assert found == ["reportedly", "said two officials"]


def anonymous(text: str) -> list[str]:
    return [covered(text, f) for f in lint(text, select=("anonymous-source-without-reason",))]


def test_anonymous_source_without_a_reason() -> None:
    text = story("A senior port official said the operators would make a new offer on Friday.")
    assert anonymous(text) == ["A senior port official said"]


def test_anonymous_source_with_a_reason_later_in_the_story() -> None:
    text = story(
        "A senior port official said the operators would make a new offer on Friday.",
        "The official spoke on the condition of anonymity because the talks were private.",
    )
    assert anonymous(text) == []


def test_a_named_official_is_not_anonymous() -> None:
    assert anonymous(story("Carlos Mendes, a port official, said the operators would make a new offer.")) == []


def test_the_words_of_signs_chants_and_nicknames_need_no_speaker() -> None:
    text = story(
        "Outside, a few hundred strikers carried signs that read “Fair Contract Now” and “No Robots on Our Docks.”",
        "Some were chanting “one port, one union, one contract” as the talks began.",
        "Dockworkers call the automated cranes “the silent shift,” and few of them expect to keep their jobs.",
    )
    assert unattributed(text) == []


def test_anonymous_source_named_in_a_relative_clause_or_the_next_sentence() -> None:
    assert anonymous(story("Lance Beebe, 49, who is a civilian employee of the port, said the offer was fair.")) == []
    text = story(
        "In a speech, a top adviser to the mayor explained why. Jason Furman, who leads the mayor’s council, said the "
        "cranes would pay for themselves."
    )
    assert anonymous(text) == []


def test_anonymous_source_is_not_read_across_a_dash_or_into_a_spokesman() -> None:
    assert anonymous(story("Clark called the members - two each from nine districts, plus four officials - but said it was close.")) == []
    assert anonymous(story("The port issued a statement. An authority spokesman said the cranes would arrive in May.")) == []


def test_more_anonymous_sources_of_real_copy() -> None:
    text = story("One strategist described the race as a two-lane highway.", "A top party operative said the money would come.")
    assert anonymous(text) == ["One strategist described", "A top party operative said"]


def test_anonymous_source_in_the_summary_is_left_to_the_body() -> None:
    text = "A senior official said the port would reopen on Friday.\nPort Strike Halts Cargo\nBy Tom Reyes\n" + PORT_LEDE + "\n"
    assert anonymous(text) == []
