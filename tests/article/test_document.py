"""The document model: roles, spans, sentences and quotations, read through
the two built-in input formats (plain text and Markdown)."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.article.document import ArticleError, Document, Role, Span
from linter.formats import markdown, text


def parse_text(source: str) -> Document:
    return text.parse(Path("story.txt"), source)


def parse_md(source: str) -> Document:
    return markdown.parse(Path("story.md"), source)


def roles(doc: Document) -> list[tuple[str, str]]:
    return [(block.role, block.text) for block in doc.blocks]


def assert_span(source: str, span: Span, line: int, column: int, end_line: int, end_column: int, covered: str) -> None:
    assert (span.line, span.column, span.end_line, span.end_column) == (line, column, end_line, end_column)
    assert source[span.start : span.end] == covered


# --- (a) one paragraph per line: the shape of scraped copy -------------------

SUMMARY = (
    "Dockworkers at the city's main port walked off the job on Monday, halting cargo traffic "
    "as talks over automated cranes stalled for a third week."
)
HEADLINE = "Port Strike Halts Cargo as Automation Talks Stall"
DEK = "Dockworkers say new cranes threaten hundreds of jobs."
P1 = (
    "About 2,400 members of the Harbor Workers Union left their posts at dawn, leaving container "
    "ships idling in the outer harbor and trucks lined up along the access road."
)
P2 = (
    "“We are not against machines, we are against layoffs,” said Luis Alvarez, the union’s "
    "president, speaking through a bullhorn outside the main gate."
)
P3 = (
    "The port authority said the cranes would be phased in over five years, and that it had asked "
    "a federal mediator to join talks scheduled for Wednesday."
)
SCRAPED = "\n".join([SUMMARY, HEADLINE, "", HEADLINE, DEK, P1, P2, P3]) + "\n"


class TestOneParagraphPerLine:
    def test_roles(self):
        doc = parse_text(SCRAPED)
        assert roles(doc) == [
            (Role.SUMMARY, SUMMARY),
            (Role.HEADLINE, HEADLINE),
            (Role.HEADLINE, HEADLINE),
            (Role.DEK, DEK),
            (Role.BODY, P1),
            (Role.BODY, P2),
            (Role.BODY, P3),
        ]

    def test_block_spans_are_whole_lines(self):
        doc = parse_text(SCRAPED)
        expected_lines = [1, 2, 4, 5, 6, 7, 8]
        for block, line in zip(doc.blocks, expected_lines):
            assert_span(SCRAPED, block.span, line, 1, line, len(block.text) + 1, block.text)

    def test_headline_property_is_the_first_headline(self):
        doc = parse_text(SCRAPED)
        assert doc.headline is not None
        assert doc.headline.span.line == 2
        assert doc.format == "text"

    def test_headline_is_headline_style_and_dek_in_sentences_is_prose(self):
        doc = parse_text(SCRAPED)
        by_line = {b.span.line: b for b in doc.blocks}
        assert by_line[2].prose is False
        assert by_line[4].prose is False
        assert by_line[5].prose is True  # the dek ends with a period
        assert by_line[1].prose is True
        assert all(b.origin == "body" for b in doc.blocks)

    def test_block_indexes_follow_document_order(self):
        doc = parse_text(SCRAPED)
        assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))

    def test_byline_and_credit_lines(self):
        source = "\n".join([HEADLINE, "By Jane Okafor and Tom Reyes", P1, P3, "Ann Lee contributed reporting from Oakland."]) + "\n"
        doc = parse_text(source)
        assert [b.role for b in doc.blocks] == [Role.HEADLINE, Role.BYLINE, Role.BODY, Role.BODY, Role.CREDIT]
        assert doc.blocks[1].text == "By Jane Okafor and Tom Reyes"
        assert doc.blocks[4].text == "Ann Lee contributed reporting from Oakland."

    def test_a_long_line_starting_with_by_is_not_a_byline(self):
        lede = "By the numbers, the port handled two million containers last year, more than any harbor on the coast except one."
        doc = parse_text("\n".join([HEADLINE, lede, P1]) + "\n")
        assert [b.role for b in doc.blocks] == [Role.HEADLINE, Role.BODY, Role.BODY]

    def test_headline_repeated_far_down_takes_the_headline_role(self):
        source = "\n".join([HEADLINE, P1, P2, HEADLINE.upper(), P3]) + "\n"
        doc = parse_text(source)
        assert [b.role for b in doc.blocks] == [Role.HEADLINE, Role.BODY, Role.BODY, Role.HEADLINE, Role.BODY]


# --- (b) blank-line separated, hard-wrapped paragraphs ------------------------

WRAPPED = """Council Approves Budget After Long Night

By Maria Lopez

The city council approved a $2.1 billion budget early on
Wednesday after a session that ran past midnight, ending weeks
of wrangling over library hours.

“This is a budget that keeps every branch open,” said Dana
Whitfield, the council president.

Tom Reyes contributed reporting.
"""


class TestWrappedParagraphs:
    def test_roles(self):
        doc = parse_text(WRAPPED)
        assert [b.role for b in doc.blocks] == [Role.HEADLINE, Role.BYLINE, Role.BODY, Role.BODY, Role.CREDIT]

    def test_wrapped_paragraph_is_one_block_spanning_its_lines(self):
        doc = parse_text(WRAPPED)
        lede = doc.blocks[2]
        expected = (
            "The city council approved a $2.1 billion budget early on\n"
            "Wednesday after a session that ran past midnight, ending weeks\n"
            "of wrangling over library hours."
        )
        assert lede.text == expected
        assert_span(WRAPPED, lede.span, 5, 1, 7, 33, expected)

    def test_quote_paragraph_spans_two_lines(self):
        doc = parse_text(WRAPPED)
        block = doc.blocks[3]
        assert_span(WRAPPED, block.span, 9, 1, 10, 34, block.text)
        assert len(block.quotes) == 1
        assert_span(WRAPPED, block.quotes[0].span, 9, 1, 9, 49, "“This is a budget that keeps every branch open,”")

    def test_headline_and_byline_lead_a_run_without_blank_lines(self):
        source = (
            "Council Approves Budget After Long Night\n"
            "By Maria Lopez\n"
            "The city council approved a $2.1 billion budget early on\n"
            "Wednesday after a session that ran past midnight.\n"
        )
        doc = parse_text(source)
        assert roles(doc) == [
            (Role.HEADLINE, "Council Approves Budget After Long Night"),
            (Role.BYLINE, "By Maria Lopez"),
            (Role.BODY, "The city council approved a $2.1 billion budget early on\nWednesday after a session that ran past midnight."),
        ]

    def test_unpunctuated_line_after_headline_is_the_dek(self):
        source = (
            "Council Approves Budget After Long Night\n\n"
            "Library hours survive a vote that ran past midnight\n\n"
            "By Maria Lopez\n\n"
            "The city council approved a $2.1 billion budget early on Wednesday.\n"
        )
        doc = parse_text(source)
        assert [b.role for b in doc.blocks] == [Role.HEADLINE, Role.DEK, Role.BYLINE, Role.BODY]
        assert doc.blocks[1].prose is False

    def test_a_lede_sentence_after_the_headline_is_body_not_dek(self):
        source = (
            "Council Approves Budget After Long Night\n\n"
            "The city council approved a $2.1 billion budget early on Wednesday.\n\n"
            "Two members voted against it, citing the use of reserves.\n"
        )
        doc = parse_text(source)
        assert [b.role for b in doc.blocks] == [Role.HEADLINE, Role.BODY, Role.BODY]

    def test_white_space_around_a_line_is_not_part_of_the_block(self):
        source = "Council Approves Budget\n\n   The council voted on Tuesday to approve it.   \n"
        doc = parse_text(source)
        assert_span(source, doc.blocks[1].span, 3, 4, 3, 47, "The council voted on Tuesday to approve it.")


# --- (c) Markdown with YAML front matter --------------------------------------

MARKDOWN = """---
title: "Port Strike Halts Cargo"
description: Dockworkers say new cranes threaten jobs
author: Tom Reyes
tags: [labor, ports]
---

# Port Strike Halts Cargo

Dockworkers walked off the job on Monday.

<!-- editor: check the figures
"This quotation is only a note to the desk."
before publishing -->

```
"A quotation inside a code fence is not part of the story."
```

## What comes next

- The union will vote on Friday.
- Talks resume next week.

The strike is the first at the port since 1998.
"""


class TestMarkdown:
    def test_roles(self):
        doc = parse_md(MARKDOWN)
        assert roles(doc) == [
            (Role.HEADLINE, "Port Strike Halts Cargo"),
            (Role.DEK, "Dockworkers say new cranes threaten jobs"),
            (Role.BYLINE, "Tom Reyes"),
            (Role.HEADLINE, "Port Strike Halts Cargo"),  # the H1 repeats the title
            (Role.BODY, "Dockworkers walked off the job on Monday."),
            (Role.HEADING, "What comes next"),
            (Role.BODY, "The union will vote on Friday."),
            (Role.BODY, "Talks resume next week."),
            (Role.BODY, "The strike is the first at the port since 1998."),
        ]
        assert doc.format == "markdown"
        assert doc.metadata["tags"] == ["labor", "ports"]

    def test_front_matter_spans_point_at_the_values(self):
        doc = parse_md(MARKDOWN)
        title, dek, author = doc.blocks[:3]
        # A quoted value's span leaves out its quotes.
        assert_span(MARKDOWN, title.span, 2, 9, 2, 32, "Port Strike Halts Cargo")
        assert_span(MARKDOWN, dek.span, 3, 14, 3, 54, "Dockworkers say new cranes threaten jobs")
        assert_span(MARKDOWN, author.span, 4, 9, 4, 18, "Tom Reyes")
        assert [b.origin for b in doc.blocks[:3]] == ["front-matter"] * 3
        assert all(b.origin == "body" for b in doc.blocks[3:])

    def test_front_matter_title_is_the_headline(self):
        doc = parse_md(MARKDOWN)
        assert doc.headline is doc.blocks[0]
        assert doc.headline.prose is False

    def test_dek_without_final_period_is_headline_style(self):
        doc = parse_md(MARKDOWN)
        assert doc.blocks[1].prose is False
        doc = parse_md("---\ntitle: Fares Rise\ndek: Riders will pay more from May.\n---\n\nText here.\n")
        assert doc.blocks[1].role == Role.DEK and doc.blocks[1].prose is True

    def test_heading_spans_leave_out_the_hashes(self):
        doc = parse_md(MARKDOWN)
        h1 = doc.blocks[3]
        assert_span(MARKDOWN, h1.span, 8, 3, 8, 26, "Port Strike Halts Cargo")
        h2 = doc.blocks[5]
        assert_span(MARKDOWN, h2.span, 20, 4, 20, 19, "What comes next")

    def test_list_items_leave_out_the_marker(self):
        doc = parse_md(MARKDOWN)
        assert_span(MARKDOWN, doc.blocks[6].span, 22, 3, 22, 33, "The union will vote on Friday.")

    def test_code_fences_and_html_comments_are_skipped(self):
        doc = parse_md(MARKDOWN)
        joined = "\n".join(b.text for b in doc.blocks)
        assert "code fence" not in joined
        assert "note to the desk" not in joined
        assert "editor" not in joined
        assert not any(b.quotes for b in doc.blocks)

    def test_alternative_front_matter_keys(self):
        source = "---\nheadline: 'Ferry Fares Rise'\nsubtitle: Riders will pay more from May.\nbyline: By Ann Lee\n---\nFares rose on Monday.\n"
        doc = parse_md(source)
        assert roles(doc) == [
            (Role.HEADLINE, "Ferry Fares Rise"),
            (Role.DEK, "Riders will pay more from May."),
            (Role.BYLINE, "By Ann Lee"),
            (Role.BODY, "Fares rose on Monday."),
        ]
        assert_span(source, doc.blocks[0].span, 2, 12, 2, 28, "Ferry Fares Rise")
        assert_span(source, doc.blocks[3].span, 6, 1, 6, 22, "Fares rose on Monday.")

    def test_author_list_is_a_byline(self):
        source = "---\ntitle: Ferry Fares Rise\nauthors:\n  - Ann Lee\n  - Bo Chan\n---\nFares rose on Monday.\n"
        doc = parse_md(source)
        assert [b.role for b in doc.blocks] == [Role.HEADLINE, Role.BYLINE, Role.BODY]
        assert doc.blocks[1].span.line == 3
        assert doc.metadata["authors"] == ["Ann Lee", "Bo Chan"]

    def test_without_front_matter_the_first_h1_is_the_headline(self):
        source = "# Ferry Fares Rise\n\nBy Ann Lee\n\nFares rose on Monday.\n"
        doc = parse_md(source)
        assert roles(doc) == [
            (Role.HEADLINE, "Ferry Fares Rise"),
            (Role.BYLINE, "By Ann Lee"),
            (Role.BODY, "Fares rose on Monday."),
        ]

    def test_setext_heading_is_the_headline(self):
        source = "Ferry Fares Rise\n================\n\nFares rose on Monday.\n"
        doc = parse_md(source)
        assert roles(doc) == [(Role.HEADLINE, "Ferry Fares Rise"), (Role.BODY, "Fares rose on Monday.")]
        assert_span(source, doc.blocks[0].span, 1, 1, 1, 17, "Ferry Fares Rise")

    def test_empty_front_matter(self):
        doc = parse_md("---\n---\nFares rose on Monday.\n")
        assert roles(doc) == [(Role.BODY, "Fares rose on Monday.")]
        assert doc.metadata == {}

    def test_wrapped_markdown_paragraph_is_one_block(self):
        source = (
            "---\ntitle: Council Approves Budget\n---\n\n"
            "The city council approved a $2.1 billion budget early on Wednesday\n"
            "after a session that ran past midnight, ending weeks of wrangling\n"
            "over library hours and bus service.\n"
        )
        doc = parse_md(source)
        assert [b.role for b in doc.blocks] == [Role.HEADLINE, Role.BODY]
        assert_span(source, doc.blocks[1].span, 5, 1, 7, 36, doc.blocks[1].text)


class TestInvalidFrontMatter:
    def test_bad_yaml_reports_its_line(self):
        with pytest.raises(ArticleError) as error:
            parse_md("---\ntitle: Fine\nauthor: Ann: Lee\n---\nBody.\n")
        assert error.value.line == 3
        assert "YAML" in error.value.message

    def test_front_matter_never_closed(self):
        with pytest.raises(ArticleError) as error:
            parse_md("---\ntitle: Never closed\nBody of the story.\n")
        assert error.value.line == 1
        assert "never closed" in error.value.message

    def test_front_matter_that_is_not_a_mapping(self):
        with pytest.raises(ArticleError) as error:
            parse_md("---\n- one\n- two\n---\nBody.\n")
        assert error.value.line == 2
        assert "mapping" in error.value.message

    def test_a_rule_line_in_plain_text_is_not_front_matter(self):
        # Only Markdown reads front matter; plain text takes the lines as they are.
        doc = parse_text("---\ntitle: Ann: Lee\n---\n")
        assert doc.blocks  # no ArticleError


# --- line endings and the end of the file --------------------------------------


class TestLineEndings:
    CRLF = (
        "Ferry Fares Rise on Monday\r\n\r\nBy Ann Lee\r\n\r\n"
        "Riders will pay 50 cents more. “It is a hard choice,” said Mayor Ruth Cole.\r\n\r\n"
        "The change takes effect in May.\r\n"
    )

    def test_crlf_blocks_and_spans(self):
        doc = parse_text(self.CRLF)
        assert roles(doc) == [
            (Role.HEADLINE, "Ferry Fares Rise on Monday"),
            (Role.BYLINE, "By Ann Lee"),
            (Role.BODY, "Riders will pay 50 cents more. “It is a hard choice,” said Mayor Ruth Cole."),
            (Role.BODY, "The change takes effect in May."),
        ]
        assert not any("\r" in b.text for b in doc.blocks)
        assert_span(self.CRLF, doc.blocks[2].span, 5, 1, 5, 76, doc.blocks[2].text)
        assert_span(self.CRLF, doc.blocks[3].span, 7, 1, 7, 32, "The change takes effect in May.")

    def test_crlf_quote_and_sentence_spans(self):
        doc = parse_text(self.CRLF)
        block = doc.blocks[2]
        assert_span(self.CRLF, block.quotes[0].span, 5, 32, 5, 54, "“It is a hard choice,”")
        assert [s.text for s in block.sentences] == [
            "Riders will pay 50 cents more.",
            "“It is a hard choice,” said Mayor Ruth Cole.",
        ]
        assert_span(self.CRLF, block.sentences[1].span, 5, 32, 5, 76, block.sentences[1].text)

    def test_crlf_markdown_front_matter(self):
        source = "---\r\ntitle: Ferry Fares Rise\r\nauthor: Ann Lee\r\n---\r\nRiders will pay more.\r\n"
        doc = parse_md(source)
        assert roles(doc) == [
            (Role.HEADLINE, "Ferry Fares Rise"),
            (Role.BYLINE, "Ann Lee"),
            (Role.BODY, "Riders will pay more."),
        ]
        assert_span(source, doc.blocks[0].span, 2, 8, 2, 24, "Ferry Fares Rise")
        assert_span(source, doc.blocks[2].span, 5, 1, 5, 22, "Riders will pay more.")

    def test_no_final_newline(self):
        source = "Ferry Fares Rise\n\nBy Ann Lee\n\nThe change takes effect in May."
        doc = parse_text(source)
        last = doc.blocks[-1]
        assert last.text == "The change takes effect in May."
        assert last.span.end == len(source)
        assert_span(source, last.span, 5, 1, 5, 32, last.text)

    def test_no_final_newline_markdown(self):
        source = "---\ntitle: Ferry Fares Rise\n---\nThe change takes effect in May."
        doc = parse_md(source)
        assert_span(source, doc.blocks[-1].span, 4, 1, 4, 32, "The change takes effect in May.")

    def test_columns_count_characters_not_bytes(self):
        source = "Café Owners Protest Fees\n\nÉlise Noël, who runs a café, said “the fees are ruinous for us” on Monday.\n"
        doc = parse_text(source)
        quote = doc.blocks[1].quotes[0]
        assert_span(source, quote.span, 3, 35, 3, 64, "“the fees are ruinous for us”")


# --- sentences --------------------------------------------------------------------


def body_block(source: str, index: int = -1):
    return parse_text(source).blocks[index]


class TestSentences:
    def test_abbreviations_initials_and_acronyms_do_not_split(self):
        para = "Mr. Alvarez met President Vladimir V. Putin in the U.S. capital on Friday. Then he left for the airport."
        source = f"Port Strike Talks Move Abroad\n\n{para}\n"
        block = body_block(source)
        assert [s.text for s in block.sentences] == [
            "Mr. Alvarez met President Vladimir V. Putin in the U.S. capital on Friday.",
            "Then he left for the airport.",
        ]
        first, second = block.sentences
        assert_span(source, first.span, 3, 1, 3, 75, first.text)
        assert_span(source, second.span, 3, 76, 3, 105, second.text)

    def test_titles_and_company_suffixes_do_not_split(self):
        para = "Dr. Ann Cole of Acme Inc. said profits rose. Gov. Ellis and Sen. Brandt disagreed with St. Clair. Analysts were surprised."
        block = body_block(f"Profits Rise\n\n{para}\n")
        assert [s.text for s in block.sentences] == [
            "Dr. Ann Cole of Acme Inc. said profits rose.",
            "Gov. Ellis and Sen. Brandt disagreed with St. Clair.",
            "Analysts were surprised.",
        ]

    def test_question_and_exclamation_and_quotes_end_sentences(self):
        para = "He asked, “Is it over?” She said it was! The talks went on."
        block = body_block(f"Talks Go On\n\n{para}\n")
        assert [s.text for s in block.sentences] == ["He asked, “Is it over?”", "She said it was!", "The talks went on."]
    def test_a_word_like_an_abbreviation_before_an_exclamation_mark_ends_the_sentence(self):
        para = "The crowd shouted no! The talks went on. Did the union say no? It did."
        block = body_block(f"Talks Go On\n\n{para}\n")
        assert [s.text for s in block.sentences] == [
            "The crowd shouted no!",
            "The talks went on.",
            "Did the union say no?",
            "It did.",
        ]

    def test_sentences_across_wrapped_lines(self):
        source = "Talks Go On\n\nThe union met on Monday. Its president\nspoke for an hour. Nobody left.\n"
        block = body_block(source)
        assert [s.text for s in block.sentences] == [
            "The union met on Monday.",
            "Its president\nspoke for an hour.",
            "Nobody left.",
        ]
        assert_span(source, block.sentences[1].span, 3, 26, 4, 19, "Its president\nspoke for an hour.")
        assert_span(source, block.sentences[2].span, 4, 20, 4, 32, "Nobody left.")

    def test_sentence_belongs_to_its_block(self):
        block = body_block("Talks Go On\n\nThe union met on Monday. Nobody left.\n")
        assert all(s.block is block for s in block.sentences)


# --- quotations -----------------------------------------------------------------------


class TestQuotations:
    def test_curly_quote_span_and_inner(self):
        para = "“We are not against machines,” said Luis Alvarez, the union president."
        source = f"Port Strike Halts Cargo\n\n{para}\n"
        quote = body_block(source).quotes[0]
        assert_span(source, quote.span, 3, 1, 3, 31, "“We are not against machines,”")
        assert_span(source, quote.inner, 3, 2, 3, 30, "We are not against machines,")
        assert quote.text == "We are not against machines,"
        assert quote.closed is True
        assert quote.words == 5

    def test_straight_quotes_alternate(self):
        para = 'He called it "a fair deal" and said "the port will reopen soon" on Monday.'
        source = f"Port Strike Ends\n\n{para}\n"
        quotes = body_block(source).quotes
        assert [q.text for q in quotes] == ["a fair deal", "the port will reopen soon"]
        assert_span(source, quotes[0].span, 3, 14, 3, 27, '"a fair deal"')
        assert_span(source, quotes[1].span, 3, 37, 3, 64, '"the port will reopen soon"')
        assert all(q.closed for q in quotes)

    def test_unclosed_quote_runs_to_the_end_of_the_paragraph(self):
        para = "Mr. Alvarez read the statement: “We will stay out until the port authority listens."
        source = f"Port Strike Halts Cargo\n\n{para}\n\nThe next paragraph is not part of it.\n"
        block = parse_text(source).blocks[1]
        assert len(block.quotes) == 1
        quote = block.quotes[0]
        assert quote.closed is False
        assert quote.span.end == block.span.end
        assert_span(source, quote.span, 3, 33, 3, 84, "“We will stay out until the port authority listens.")
        assert quote.text == "We will stay out until the port authority listens."

    def test_unclosed_straight_quote(self):
        para = 'The statement ended: "We will stay out until the port listens.'
        source = f"Port Strike Halts Cargo\n\n{para}\n"
        quote = body_block(source).quotes[0]
        assert quote.closed is False
        assert_span(source, quote.span, 3, 22, 3, 63, '"We will stay out until the port listens.')

    def test_quote_across_wrapped_lines(self):
        source = "Port Strike Halts Cargo\n\nMr. Alvarez said, “We are not against\nmachines, we are against layoffs,” and left.\n"
        quote = body_block(source).quotes[0]
        assert_span(source, quote.span, 3, 19, 4, 35, "“We are not against\nmachines, we are against layoffs,”")
        assert quote.closed is True

    def test_quote_at_finds_the_enclosing_quotation(self):
        para = "He said “the port will reopen soon” on Monday."
        source = f"Port Strike Ends\n\n{para}\n"
        block = body_block(source)
        inside = source.index("reopen")
        outside = source.index("Monday")
        assert block.quote_at(inside) is block.quotes[0]
        assert block.quote_at(outside) is None

    def test_apostrophes_are_not_quotations(self):
        block = body_block("Port Strike Ends\n\nThe union’s president said the port's cranes were idle.\n")
        assert block.quotes == []


# --- regressions: cases that once failed -----------------------------------------------


class TestRegressions:
    @pytest.mark.parametrize(
        "headline", ["“We Are Not Against Machines,” Union Says", "‘Not Against Machines’: Dockworkers Dig In"]
    )
    def test_headline_opening_with_a_quotation_mark(self, headline):
        doc = parse_text("\n".join([headline, "By Tom Reyes", P1, P3]) + "\n")
        assert [b.role for b in doc.blocks] == [Role.HEADLINE, Role.BYLINE, Role.BODY, Role.BODY]
