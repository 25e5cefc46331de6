"""near-duplicate-paragraph, repeated-sentence and summary-repeats-body on
fixtures written for each kind of edit."""

from __future__ import annotations

import pytest

from conftest import covered, lint

BASE = ("Dockworkers at the port of Santos extended their strike on Monday, leaving dozens of "
        "container ships waiting offshore and exporters counting their losses.")
OTHER = ("The union said talks with the terminal operators had broken down over pay and night "
         "shifts, and that no new meeting had been scheduled for this week.")
THIRD = ("A spokesman for the port authority, Carlos Mendes, said the authority would ask a labor "
         "court to order the workers back to the docks by Friday.")


def story(*paragraphs: str) -> str:
    return "Harbor Workers Extend Strike in Santos\n\nBy Ana Ruiz\n\n" + "\n\n".join(paragraphs) + "\n"


def near(text: str) -> list[tuple[int, str]]:
    return [(f.span.line, f.message) for f in lint(text, select=("near-duplicate-paragraph",))]


@pytest.mark.parametrize(
    ("edited", "similarity"),
    [
        (BASE.replace("extended", "prolonged"), 85),  # a word changed
        ("Leaving dozens of container ships waiting offshore, dockworkers at the port of Santos extended "
         "their strike on Monday, and exporters are counting their losses.", 60),  # clauses reordered
        (BASE.replace(".", ", the worst disruption at the port in a decade."), 99),  # a clause added
        (BASE.replace(",", ";").replace("Monday", "Monday,"), 99),  # punctuation changed
    ],
)
def test_each_kind_of_near_duplicate_edit_is_found(edited: str, similarity: int) -> None:
    text = story(BASE, OTHER, edited)
    ((line, message),) = near(text)
    assert line == 9
    found = int(message.split("%")[0].split()[-1])
    assert similarity <= found <= 99
    assert message.endswith("like the paragraph on line 5.")


def test_sentences_of_a_paragraph_reordered() -> None:
    two = "No new meeting has been scheduled for this week. The union said talks with the operators had broken down over pay."
    swapped = "The union said talks with the operators had broken down over pay. No new meeting has been scheduled for this week."
    assert [line for line, _ in near(story(two, THIRD, swapped))] == [9]


def test_quote_style_changed_is_an_exact_repeat_after_folding() -> None:
    quoted = "“We will stay out until the contract is signed,” said Joana Silva, a union leader at the port since 2019."
    straight = quoted.replace("“", '"').replace("”", '"')
    findings = lint(story(quoted, OTHER, straight), select=("near-duplicate-paragraph", "repeated-paragraph"))
    assert [(f.rule, f.span.line) for f in findings] == [("repeated-paragraph", 9)]


def test_paragraphs_that_share_a_phrase_are_not_near_duplicates() -> None:
    a = "The port authority said on Monday that it would ask a labor court to order the workers back, a move the union called provocative."
    b = "The port authority said on Monday that exports of soybeans and sugar had fallen by a third since the strike began two weeks ago."
    assert near(story(a, OTHER, b)) == []


def test_short_paragraphs_never_fire() -> None:
    assert near(story("Advertisement", BASE, "Advertisement.", OTHER)) == []
    assert near(story("The strike goes on.", BASE, "The strike goes on!", OTHER)) == []


def test_repeated_sentence_outside_a_repeated_paragraph() -> None:
    repeated = "The port reopened briefly on Sunday night before pickets returned."
    text = story(f"{BASE} {repeated}", OTHER, f"{THIRD} {repeated}")
    findings = lint(text, select=("repeated-sentence",))
    assert [(f.span.line, covered(text, f), f.message) for f in findings] == [
        (9, repeated, "Sentence repeats one on line 5.")
    ]


def test_repeated_sentence_is_silent_for_a_repeated_paragraph_and_short_sentences() -> None:
    assert lint(story(BASE, OTHER, BASE), select=("repeated-sentence",)) == []
    assert lint(story(f"{BASE} He declined.", f"{OTHER} He declined."), select=("repeated-sentence",)) == []


def test_summary_copied_from_the_body() -> None:
    text = "Ports Brace for Longer Strike\nDockworkers at the port of Santos extended their strike on Monday.\nBy Ana Ruiz\n\n" + BASE + "\n"
    findings = lint(text, select=("summary-repeats-body",))
    assert [(f.span.line, f.severity, f.message) for f in findings] == [
        (2, "info", "Summary copies the paragraph on line 5; write one for the story instead.")
    ]
    written = text.replace("Dockworkers at the port of Santos extended their strike on Monday.", "A walkout strands dozens of ships.")
    assert lint(written, select=("summary-repeats-body",)) == []


def test_parallel_items_and_template_lines_with_different_figures_are_not_near_duplicates() -> None:
    listing = "{day}: the Harbor Quartet plays the old customs hall at {time} p.m., tickets ${price} at the door, doors open an hour before."
    friday = listing.format(day="Friday", time=8, price=20)
    saturday = listing.format(day="Saturday", time=7, price=15)
    tally = "The union says {count} of its members have walked out so far, and that {ships} ships are waiting to unload in the bay."
    assert near(story(friday, OTHER, saturday)) == []
    assert near(story(tally.format(count=900, ships=41), OTHER, tally.format(count=1200, ships=56))) == []
    # The same figures in both: a stale copy of the paragraph, reported.
    assert [line for line, _ in near(story(friday, OTHER, friday.replace("old customs hall", "customs hall")))] == [9]


def test_a_pull_quote_beside_the_paragraph_it_quotes_is_not_a_near_duplicate() -> None:
    said = ("“We will stay out until the operators put a real offer on the table and stop hiring crews from "
            "outside the port,” said Rita Alves, the union's president.")
    pull = '"We will stay out until the operators put a real offer on the table and stop hiring crews from outside the port.'
    assert near(story(said, OTHER, pull)) == []
    assert near(story(pull, OTHER, said)) == []
    text = story(said, OTHER, pull)
    assert lint(text, select=("repeated-sentence",)) == []


def test_links_in_title_case_and_bracketed_citations_are_not_prose() -> None:
    link = "Port Workers Vote To Extend Strike As Talks With Shipping Lines Break Down Over Night Pay"
    assert near(story(link, OTHER, link.replace("Vote To", "Vote to"))) == []
    cite = "[Remarks to the port authority's annual meeting in Santos, recorded by the union, 10/29/13.]"
    text = story(f"{BASE} {cite}", OTHER, f"{THIRD} {cite}")
    assert lint(text, select=("repeated-sentence",)) == []


def test_a_sentence_of_two_near_duplicate_paragraphs_is_reported_once() -> None:
    edited = BASE.replace("extended", "prolonged") + " Pickets returned to the gates on Sunday night after a brief pause."
    first = BASE + " Pickets returned to the gates on Sunday night after a brief pause."
    text = story(first, OTHER, edited)
    rules = [f.rule for f in lint(text, select=("near-duplicate-paragraph", "repeated-sentence"))]
    assert rules == ["near-duplicate-paragraph"]


SOURCING = ("That is according to a survey of port users carried out for the chamber of commerce and "
            "the shipping lines by Vega Research.")


def test_paragraphs_that_share_only_a_sourcing_frame_are_not_near_duplicates() -> None:
    # A short sentence that only says where figures come from, and longer
    # paragraphs that open with the same frame and then report new findings.
    delays = ("According to a survey of port users carried out for the chamber of commerce and the shipping "
              "lines by Vega Research, most exporters expect delays to last into next month.")
    costs = ("According to a survey of port users carried out by Vega Research for the chamber of commerce and "
             "the shipping lines, about a third of firms have paid for road freight to Rio instead.")
    assert near(story(SOURCING, OTHER, delays)) == []
    assert near(story(delays, OTHER, SOURCING)) == []
    assert near(story(SOURCING, OTHER, THIRD, costs)) == []


def test_a_claim_repeated_under_the_same_sourcing_frame_is_still_a_near_duplicate() -> None:
    first = ("According to a survey of port users carried out for the chamber of commerce by Vega Research, "
             "most exporters expect delays at the container terminals to last into next month.")
    again = ("According to a survey of port users carried out by Vega Research, most exporters expect the "
             "delays at the container terminals to last into next month, and some well beyond it.")
    assert [line for line, _ in near(story(first, OTHER, again))] == [9]
    # The same claim under a different frame, or none, is still the same claim.
    bare = "Most exporters expect delays at the container terminals to last into next month, the chamber said on Monday."
    assert [line for line, _ in near(story(first, OTHER, bare))] == [9]
