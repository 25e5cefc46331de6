"""unattributed-quote: a direct quotation with no named person and verb of
saying next to it."""

from __future__ import annotations

import pytest

from conftest import PORT_LEDE as LEDE, covered, lint, port_story as story

RULE = ("unattributed-quote",)

def findings(text: str, name: str = "story.txt"):
    return lint(text, name=name, select=RULE)


def assert_one(text: str, quote: str, line: int):
    found = findings(text)
    assert len(found) == 1, [covered(text, f) for f in found]
    [finding] = found
    assert finding.rule == "unattributed-quote"
    assert finding.severity == "warning"
    assert covered(text, finding) == quote
    start = text.index(quote)
    column = start - text.rfind("\n", 0, start)
    assert (finding.span.line, finding.span.column) == (line, column)
    assert (finding.span.end_line, finding.span.end_column) == (line, column + len(quote))
    return finding


class TestAttributed:
    def test_named_speaker_and_said(self):
        text = story(
            "“We are not against machines, we are against layoffs,” said Luis Alvarez, the union president, "
            "as the crowd cheered outside the gates."
        )
        assert findings(text) == []

    def test_named_speaker_before_the_quote(self):
        text = story(
            "Luis Alvarez, the union president, told the crowd at the gate, “We are not against machines, "
            "we are against layoffs,” as the shift changed."
        )
        assert findings(text) == []

    def test_courtesy_title_and_surname(self):
        text = story("“We will stay out of the dispute for now,” Ms. Rivera said on Monday, as the union declined to comment.")
        assert findings(text) == []

    def test_registered_surname(self):
        text = story("“We will stay out of the dispute for now,” Peskov said on Monday, as the union declined to comment.")
        assert findings(text) == []

    def test_he_said_after_a_person_was_named(self):
        text = story(
            "Luis Alvarez, the union president, addressed the crowd outside the gates for nearly an hour on Monday.",
            "“We are not against machines,” he said.",
        )
        assert findings(text) == []

    def test_she_said_in_the_same_paragraph(self):
        text = story(
            "Karen Liu has operated a crane on the night shift for 22 years. She has seen three strikes. "
            "“This one feels different, because nobody is talking,” she said."
        )
        assert findings(text) == []

    def test_the_spokeswoman_added_after_a_named_person(self):
        text = story(
            "Karen Liu, who speaks for the port authority, met reporters outside the terminal late on Monday.",
            "“The cranes will come in slowly,” the spokeswoman added.",
        )
        assert findings(text) == []

    def test_standalone_quote_attributed_in_the_previous_sentence(self):
        text = story(
            "Luis Alvarez, the union president, told the crowd that the strike would go on for as long as it took. "
            "“We are not against machines, we are against layoffs.”"
        )
        assert findings(text) == []

    def test_standalone_quote_attributed_in_the_next_sentence(self):
        text = story(
            "“We are not against machines, we are against layoffs.” That was the message from Luis Alvarez, "
            "the union president, to the crowd."
        )
        assert findings(text) == []

    def test_straight_quotes(self):
        text = story(
            'Luis Alvarez, the union president, said on Monday, "We are not against machines, we are against layoffs," '
            "as the crowd cheered."
        )
        assert findings(text) == []

    def test_quote_continued_into_the_next_paragraph(self):
        text = story(
            "Luis Alvarez, the union president, said on Monday, “We are not against machines, we are against layoffs.",
            "“The port can have its cranes when our members have their pensions,” he said.",
        )
        assert findings(text) == []

    def test_according_to_a_named_person(self):
        text = story("The cranes “will come in over five years, not five months,” according to Karen Liu, the port’s director.")
        assert findings(text) == []

    @pytest.mark.parametrize("scare", ["“a betrayal”", "“betrayal”", '"fair"'])
    def test_scare_quote_of_one_or_two_words(self, scare):
        text = story(f"The strike was described as {scare} and went on for weeks while the talks went nowhere.")
        assert findings(text) == []

    def test_quotation_in_the_headline_is_not_checked(self):
        text = (
            "---\ntitle: '“We Are Not Against Machines,” the Union Says'\nauthor: Tom Reyes\n---\n\n"
            + LEDE
            + "\n"
        )
        assert findings(text, name="story.md") == []

    def test_markdown_code_fence_is_not_checked(self):
        text = "# Port Strike Halts Cargo\n\n" + LEDE + '\n\n```\n"We will stay out until the port listens."\n```\n'
        assert findings(text, name="story.md") == []


class TestUnattributed:
    def test_quote_attributed_only_to_a_ministry(self):
        quote = "“The port must reopen this week,”"
        text = story(
            "The labor ministry urged both sides to return to the table on Monday. "
            f"{quote} the ministry said in a statement released in the capital."
        )
        finding = assert_one(text, quote, 4)
        assert "The port must reopen this week," in finding.message

    def test_quote_attributed_to_a_named_institution(self):
        quote = "“We will stay out of the dispute for now,”"
        assert_one(story(f"{quote} the Labor Ministry said on Monday, as the union declined to comment."), quote, 4)

    def test_quote_attributed_to_the_kremlin(self):
        quote = "“We will stay out of the dispute for now,”"
        assert_one(story(f"{quote} the Kremlin said on Monday, as the union declined to comment."), quote, 4)

    def test_tone_from_an_administration_warning(self):
        quote = "“We will not let the harbor close for a month.”"
        text = story(f"The tone from Mayor Diaz’s administration was sharper, warning, {quote}")
        assert_one(text, quote, 4)

    def test_possessive_trumps_administration_is_not_a_speaker(self):
        quote = "“We want to see this strike end now.”"
        text = story(f"The tone from Trump's administration was sharper, the statement suggested, {quote}")
        assert_one(text, quote, 4)

    def test_named_person_without_a_verb_of_saying(self):
        quote = "“We are not against machines, we are against layoffs.”"
        text = story(f"Luis Alvarez, the union president, stood at the gate in the rain: {quote} The crowd cheered.")
        assert_one(text, quote, 4)

    def test_verb_of_saying_inside_the_quote_does_not_count(self):
        quote = "“He said we would all be fine, and he lied.”"
        text = story(f"Luis Alvarez, the union president, stood at the gate in the rain: {quote}")
        assert_one(text, quote, 4)

    def test_he_said_with_nobody_named(self):
        quote = "“We will stay out until the port authority listens,”"
        text = "Port strike halts cargo as automation talks stall\n" + LEDE + "\n"
        text += f"{quote} he said to the crowd outside the gates on Monday afternoon.\n"
        assert_one(text, quote, 3)

    def test_straight_quote_unattributed(self):
        quote = '"We are not against machines, we are against layoffs."'
        text = story(f"The statement posted on the union website on Monday was blunt: {quote}")
        finding = assert_one(text, quote, 4)
        assert "We are not against machines, we are against layoffs." in finding.message

    def test_unclosed_quote_runs_to_the_end_of_the_paragraph(self):
        quote = "“We will stay out until the port authority listens to us"
        text = story(f"The statement the union posted on Monday ended, {quote}")
        finding = assert_one(text, quote, 4)
        assert finding.span.end == text.index(quote) + len(quote)

    def test_quote_in_the_summary_line(self):
        quote = "“We will stay out until the port authority listens to us,”"
        text = (
            f"The union warned on Monday, {quote} as ships idled in the harbor for a third day of the strike at the port.\n"
            "Port Strike Halts Cargo\nBy Tom Reyes\n" + LEDE + "\n"
        )
        assert_one(text, quote, 1)

    def test_each_unattributed_quote_fires(self):
        q1 = "“The port must reopen this week,”"
        q2 = "“Both sides share the blame for this.”"
        text = story(f"{q1} the ministry said.", f"The statement went on: {q2}")
        assert [covered(text, f) for f in findings(text)] == [q1, q2]


class TestRegressions:
    @pytest.mark.parametrize(
        "owner",
        ["Steve Witkoff’s team", "Mr. Alvarez’s office", "President Trump’s administration", "Mayor Diaz’s office"],
    )
    def test_possessive_name_is_not_a_speaker(self, owner):
        quote = "“We will stay out of the dispute for now,”"
        text = story(f"{owner} said on Monday, {quote} and declined to comment further.")
        assert_one(text, quote, 4)
    def test_quote_attributed_to_the_port_authority(self):
        quote = "“We will stay out of the dispute for now,”"
        assert_one(story(f"{quote} the Port Authority said on Monday in a statement."), quote, 4)
    def test_the_bylines_writer_is_not_who_he_refers_to(self):
        quote = "“We will stay out until the port authority listens,”"
        assert_one(story(f"{quote} he said to the crowd outside the gates on Monday afternoon."), quote, 4)
