"""missing-credit: no byline, credit line or front-matter author."""

from __future__ import annotations

from functools import partial

import pytest

from conftest import PORT_HEADLINE as HEADLINE, PORT_LEDE as P1, PORT_P2 as P2, PORT_SUMMARY as SUMMARY, assert_finding, covered, lint

RULE = ("missing-credit",)


findings = partial(lint, select=RULE)


class TestFires:
    def test_no_byline_points_at_the_headline(self):
        text = "\n".join([SUMMARY, HEADLINE, P1, P2]) + "\n"
        [finding] = findings(text)
        assert_finding(text, finding, "missing-credit", HEADLINE, 2, 1, severity="info")
        assert "byline" in finding.message

    def test_headline_on_the_first_line(self):
        text = "\n".join([HEADLINE, P1, P2]) + "\n"
        [finding] = findings(text)
        assert (finding.span.line, finding.span.column) == (1, 1)
        assert covered(text, finding) == HEADLINE

    def test_markdown_without_author_points_at_the_title_value(self):
        text = f"---\ntitle: {HEADLINE}\n---\n\n{P1}\n"
        [finding] = findings(text, name="story.md")
        assert (finding.span.line, finding.span.column, finding.span.end_column) == (2, 8, 8 + len(HEADLINE))
        assert covered(text, finding) == HEADLINE

    def test_markdown_h1_without_byline(self):
        text = f"# {HEADLINE}\n\n{P1}\n"
        [finding] = findings(text, name="story.md")
        assert (finding.span.line, finding.span.column) == (1, 3)
        assert covered(text, finding) == HEADLINE

    def test_empty_author_field(self):
        text = f"---\ntitle: {HEADLINE}\nauthor: ''\n---\n\n{P1}\n"
        assert len(findings(text, name="story.md")) == 1

    def test_a_lede_starting_with_by_is_not_a_byline(self):
        lede = "By the numbers, the port handled two million containers last year, more than any other harbor on the coast."
        text = "\n".join([HEADLINE, lede, P1]) + "\n"
        assert len(findings(text)) == 1

    def test_a_reporter_quoted_in_the_story_is_not_a_credit(self):
        text = "\n".join([HEADLINE, P1, "Reporters were kept outside the gates, and the union said it would speak on Tuesday."]) + "\n"
        assert len(findings(text)) == 1

    def test_story_without_a_headline_points_at_its_first_block(self):
        text = P1 + "\n" + P2 + "\n"
        [finding] = findings(text)
        assert finding.span.line == 1
        assert covered(text, finding) == P1


class TestSilent:
    @pytest.mark.parametrize(
        "byline",
        ["By Jane Doe", "By Jane Doe and Tom Reyes", "By Jane Doe, Tom Reyes and Ann Lee", "By Jane O’Neill"],
    )
    def test_byline_line(self, byline):
        text = "\n".join([HEADLINE, byline, P1, P2]) + "\n"
        assert findings(text) == []

    def test_byline_with_an_agency(self):
        assert findings("\n".join([HEADLINE, "By Jane Doe, Reuters", P1]) + "\n") == []

    @pytest.mark.parametrize(
        "credit",
        [
            "Tom Reyes contributed reporting.",
            "Tom Reyes contributed reporting from Oakland, and Ann Lee contributed research.",
            "Ann Lee contributed to this report.",
            "Reporting by Tom Reyes; Editing by Ann Lee",
            "Additional reporting by Tom Reyes in Oakland.",
        ],
    )
    def test_credit_line_at_the_end(self, credit):
        text = "\n".join([HEADLINE, P1, P2, credit]) + "\n"
        assert findings(text) == []

    def test_blank_line_separated_byline(self):
        text = "\n\n".join([HEADLINE, "By Jane Doe", P1, P2]) + "\n"
        assert findings(text) == []

    def test_markdown_front_matter_author(self):
        text = f"---\ntitle: {HEADLINE}\nauthor: Jane Doe\n---\n\n{P1}\n"
        assert findings(text, name="story.md") == []

    def test_markdown_front_matter_authors_list(self):
        text = f"---\ntitle: {HEADLINE}\nauthors:\n  - Jane Doe\n  - Tom Reyes\n---\n\n{P1}\n"
        assert findings(text, name="story.md") == []

    def test_markdown_front_matter_byline(self):
        text = f"---\ntitle: {HEADLINE}\nbyline: By Jane Doe\n---\n\n{P1}\n"
        assert findings(text, name="story.md") == []

    def test_markdown_byline_in_the_body(self):
        text = f"# {HEADLINE}\n\nBy Jane Doe\n\n{P1}\n"
        assert findings(text, name="story.md") == []

    @pytest.mark.parametrize("byline", ["*By Jane Doe*", "_By Jane Doe_", "**By Jane Doe**"])
    def test_markdown_byline_in_emphasis(self, byline):
        text = f"# {HEADLINE}\n\n{byline}\n\n{P1}\n"
        assert findings(text, name="story.md") == []

    def test_markdown_credit_line_at_the_end(self):
        text = f"# {HEADLINE}\n\n{P1}\n\nTom Reyes contributed reporting.\n"
        assert findings(text, name="story.md") == []

    def test_empty_file(self):
        assert findings("") == []


class TestRegressions:
    def test_body_paragraph_with_covers_for_the_is_not_a_credit(self):
        body = "The port’s insurance covers losses for the shipping lines only after a strike has lasted a week."
        text = "\n".join([HEADLINE, P1, body]) + "\n"
        assert len(findings(text)) == 1
