"""Quotation shapes: what is a quotation, and how attribution carries over
multi-paragraph quotes, titles of works and anonymous sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PORT_LEDE, covered, found, lint, port_story as story
from linter.formats.text import parse
from linter.article.quotations import find


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find(text) if q.depth == 0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win" on Monday.', ['"we will win"']),
        ("“We will win,” he said.", ["“We will win,”"]),
        ("''We will win,'' he said. ''We always do.''", ["''We will win,''", "''We always do.''"]),  # NYT archive
        ("It was ``a fair offer,'' she said.", ["``a fair offer,''"]),
        ("« Nous tiendrons », a-t-il dit, puis «demain».", ["« Nous tiendrons »", "«demain»"]),  # guillemets
        ("He called it „ein fairer Handel“ then.", ["„ein fairer Handel“"]),
        ("“He told me ‘no’ twice,” she said.", ["“He told me ‘no’ twice,”"]),  # single inside double
        ("‘We will fight on,’ he said.", ["‘We will fight on,’"]),  # British single quotes
        ("'We will fight on,' he said. 'Then we vote.'", ["'We will fight on,'", "'Then we vote.'"]),
        ("'The union said \"no\" to it,' she said.", ["'The union said \"no\" to it,'"]),  # double inside single
        ('"I read the line: “Are you sure?” and smiled," he said.', ['"I read the line: “Are you sure?” and smiled,"']),
        ("''They wrote 'never again.''' she said.", ["''They wrote 'never again.'''"]),  # single, then double, closes
        ("Putin’s plan and the dockworkers’ union", []),  # possessives
        ("rock ’n’ roll from the ’90s and rock 'n' roll", []),  # apostrophes
        ("In the '90s, 'til dawn, he said, \"we sailed.\"", ['"we sailed."']),  # elisions are not marks
        ('a 6" pipe and a 12" record', []),  # inch marks
        ('a 6" pipe, then "a real quote here"', ['"a real quote here"']),
        ("“A quote that goes on into the next paragraph", ["“A quote that goes on into the next paragraph"]),
        # Pairing never runs across the narration between two quotes.
        ('"We tried," she said. "We will try again."', ['"We tried,"', '"We will try again."']),
        ("''It is over, '' he said. ''Go home.''", ["''It is over, ''", "''Go home.''"]),  # a spaced closing mark
        ("”Wrong way round,” she wrote.", ["”Wrong way round,”"]),  # a misdirected opening mark
        ("the crowd cried “enough“ and left", ["“enough“"]),  # a misdirected closing mark
        ("“She called it “a disgrace” on air,” he said.", ["“She called it “a disgrace” on air,”"]),  # same marks nested
        ("““Doubled marks,” he said.", ["“Doubled marks,”"]),  # the first quotes nothing
    ],
)
def test_what_counts_as_a_quotation(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_a_closing_mark_left_out_never_makes_a_quotation_run_across_narration() -> None:
    straight = 'It was "open to all, but the uptake was "too slow for us". She added: "We will go on."'
    assert [(straight[q.start : q.end], q.closed) for q in find(straight)] == [
        ('"open to all, but the uptake was', False),
        ('"too slow for us"', True),
        ('"We will go on."', True),
    ]
    curly = "“When do the leaders say, “Enough?” he asked."
    assert [(curly[q.start : q.end], q.closed) for q in find(curly)] == [
        ("“When do the leaders say,", False),
        ("“Enough?”", True),
    ]


def test_nested_quotations_are_found_inside_the_outer_one() -> None:
    text = "“He told me ‘not yet,’ and left,” she said."
    [outer, inner] = find(text)
    assert (outer.depth, inner.depth) == (0, 1)
    assert text[inner.start : inner.end] == "‘not yet,’"


def test_the_inner_span_leaves_out_marks_of_two_characters() -> None:
    text = "She said ''the port is closed'' today."
    [quote] = find(text)
    assert text[quote.inner_start : quote.inner_end] == "the port is closed"


def test_paragraphs_merged_onto_one_line_each_open_and_only_the_last_closes() -> None:
    text = '"The cranes arrive in May. "We were never asked. "Nobody listened to us," she said.'
    assert [(text[q.start : q.end], q.closed) for q in find(text)] == [
        ('"The cranes arrive in May.', False),
        ('"We were never asked.', False),
        ('"Nobody listened to us,"', True),
    ]


def test_a_quote_over_paragraphs_opens_in_each_and_closes_in_the_last() -> None:
    text = story("“The first paragraph of it runs on", "“and the second one too", "“until the last closes it,” said Joana Silva.")
    quotes = [quote for block in parse(Path("story.txt"), text).blocks for quote in block.quotes]
    assert [(quote.text, quote.closed) for quote in quotes] == [
        ("The first paragraph of it runs on", False),
        ("and the second one too", False),
        ("until the last closes it,", True),
    ]


def test_a_merged_quote_takes_its_speaker_from_its_first_part() -> None:
    text = story('Joana Silva, the union leader, said: "We were never asked about the cranes. "Nobody listened to us at all."')
    assert unattributed(text) == []
    unsaid = story('The cranes came in May. "We were never asked about the cranes. "Nobody listened to us at all."')
    assert unattributed(unsaid) == ['"We were never asked about the cranes.', '"Nobody listened to us at all."']


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
    assert found(text, select=("vague-sourcing", "unsourced-hedge")) == [
        ("unsourced-hedge", "reportedly"),
        ("vague-sourcing", "said two officials"),
    ]


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
MARKS_AND_WORDS = st.sampled_from(
    ['"', "''", "'", "``", "“", "”", "„", "‘", "’", "«", "»", "‹", "›", "word", "n", "90s", " ", ". ", ", ", "(", "—", "\n"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(MARKS_AND_WORDS, max_size=30))
def test_any_run_of_marks_gives_well_formed_quotations(pieces: list[str]) -> None:
    text = "".join(pieces)
    found = find(text)
    for quote in found:
        assert 0 <= quote.start < quote.inner_start <= quote.inner_end <= quote.end <= len(text)
        assert quote.depth >= 0
    outer = [quote for quote in found if quote.depth == 0]
    assert all(a.end <= b.start for a, b in zip(outer, outer[1:]))  # outermost quotations never overlap
