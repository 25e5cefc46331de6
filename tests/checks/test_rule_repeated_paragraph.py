"""repeated-paragraph: a paragraph that repeats an earlier one."""

from __future__ import annotations

from functools import partial

import pytest

from conftest import apply_fix as apply, assert_finding, covered, lint

RULE = ("repeated-paragraph",)

HEAD = "City Council Passes Transit Levy\nBy Ann Lee\n"
# Paragraphs longer than a wrapped line, so that a run of them is read one
# paragraph per line.
P1 = (
    "The council voted 7 to 2 on Tuesday to raise the transit levy by half a cent, "
    "the first increase since the system opened in 1998."
)
P2 = (
    "Riders’ groups had pressed for the increase for more than two years, arguing that buses "
    "on the east side were too crowded to board at rush hour."
)
P3 = (
    "The levy is expected to raise about $40 million a year, most of which will go to new buses "
    "and to longer hours on the two light-rail lines."
)


findings = partial(lint, select=RULE)


class TestFires:
    def test_exact_repeat(self):
        text = HEAD + "\n".join([P1, P2, P1, P3]) + "\n"
        [finding] = findings(text)
        assert_finding(text, finding, "repeated-paragraph", P1, 5, 1, severity="error")
        assert "line 3" in finding.message

    def test_repeat_differing_in_case_white_space_and_quote_style(self):
        first = "He said “the vote was close” after the meeting ended, adding that the council would revisit the levy in a year."
        again = 'he said  "THE vote was close" after the   meeting ended, adding that the council would revisit the levy in a year.'
        text = HEAD + "\n".join([first, P2, again]) + "\n"
        [finding] = findings(text)
        assert finding.span.line == 5
        assert covered(text, finding) == again
        assert "line 3" in finding.message

    def test_curly_and_straight_apostrophes_fold(self):
        again = P2.replace("’", "'")
        text = HEAD + "\n".join([P2, P1, again]) + "\n"
        [finding] = findings(text)
        assert covered(text, finding) == again

    def test_each_later_copy_fires_and_names_the_first(self):
        text = HEAD + "\n".join([P1, P2, P1, P1]) + "\n"
        found = findings(text)
        assert [f.span.line for f in found] == [5, 6]
        assert all("line 3" in f.message for f in found)

    def test_far_down_in_blank_line_separated_copy(self):
        text = HEAD + "\n" + "\n\n".join([P1, P2, P3, P1]) + "\n"
        [finding] = findings(text)
        assert (finding.span.line, finding.span.column, finding.span.end_column) == (10, 1, len(P1) + 1)
        assert "line 4" in finding.message

    def test_wrapped_paragraph_repeated_with_different_line_breaks(self):
        first = "The council voted 7 to 2 on Tuesday to raise the\ntransit levy by half a cent."
        again = "The council voted 7 to 2 on Tuesday\nto raise the transit levy by half a cent."
        text = "City Council Passes Transit Levy\n\n" + first + "\n\nThe vote ended a long debate.\n\n" + again + "\n"
        [finding] = findings(text)
        assert (finding.span.line, finding.span.end_line) == (8, 9)
        assert covered(text, finding) == again
        assert "line 3" in finding.message

    def test_four_words_is_enough(self):
        text = HEAD + "\n".join([P1, "The vote was close.", P2, "The vote was close."]) + "\n"
        [finding] = findings(text)
        assert covered(text, finding) == "The vote was close."

    def test_repeated_credit_line(self):
        credit = "Tom Reyes contributed reporting from the north bank of the river."
        text = HEAD + "\n".join([P1, credit, P2, credit]) + "\n"
        [finding] = findings(text)
        assert finding.span.line == 6
        assert "line 4" in finding.message

    def test_markdown_repeat(self):
        text = "---\ntitle: Transit Levy Passes\nauthor: Ann Lee\n---\n\n" + "\n\n".join([P1, P2, P1]) + "\n"
        [finding] = findings(text, name="story.md")
        assert finding.span.line == 10
        assert covered(text, finding) == P1
        assert "line 6" in finding.message


class TestSilent:
    def test_no_repeat(self):
        assert findings(HEAD + "\n".join([P1, P2, P3]) + "\n") == []

    def test_short_paragraphs_under_min_words(self):
        text = HEAD + "\n".join([P1, "Advertisement here now", P2, "Advertisement here now", P3]) + "\n"
        assert findings(text) == []

    def test_single_word_kicker(self):
        text = HEAD + "\n".join([P1, "Advertisement", P2, "Advertisement"]) + "\n"
        assert findings(text) == []

    def test_paragraphs_differing_in_a_word(self):
        other = P1.replace("7 to 2", "8 to 1")
        assert findings(HEAD + "\n".join([P1, P2, other]) + "\n") == []

    def test_headline_repeat_is_not_a_repeated_paragraph(self):
        # That is duplicated-headline's business.
        text = "City Council Passes Transit Levy After a Long Night of Debate\n" + "\n".join(
            [P1, "City Council Passes Transit Levy After a Long Night of Debate", P2]
        ) + "\n"
        assert findings(text) == []

    def test_markdown_fenced_code_is_not_a_paragraph(self):
        text = "# Transit Levy Passes\n\n" + P1 + "\n\n```\n" + P1 + "\n```\n"
        assert findings(text, name="story.md") == []


class TestSafeFix:
    def test_fix_removes_the_repeated_line_and_its_newline(self):
        text = HEAD + "\n".join([P1, P2, P1, P3]) + "\n"
        [finding] = findings(text)
        fix = finding.fix
        assert fix is not None and fix.safe is True
        [edit] = fix.edits
        assert edit.replacement == ""
        assert text[edit.span.start : edit.span.end] == P1 + "\n"
        assert (edit.span.line, edit.span.column, edit.span.end_line, edit.span.end_column) == (5, 1, 6, 1)
        assert apply(text, fix) == HEAD + "\n".join([P1, P2, P3]) + "\n"
        assert "line 3" in fix.description

    def test_last_line_without_final_newline_takes_the_newline_before_it(self):
        text = HEAD + "\n".join([P1, P2, P1])
        [finding] = findings(text)
        [edit] = finding.fix.edits
        assert text[edit.span.start : edit.span.end] == "\n" + P1
        assert (edit.span.line, edit.span.column) == (4, len(P2) + 1)
        assert apply(text, finding.fix) == HEAD + "\n".join([P1, P2])

    def test_crlf_line_break_goes_with_the_line(self):
        text = (HEAD + "\n".join([P1, P2, P1, P3]) + "\n").replace("\n", "\r\n")
        [finding] = findings(text)
        [edit] = finding.fix.edits
        assert text[edit.span.start : edit.span.end] == P1 + "\r\n"
        assert apply(text, finding.fix) == (HEAD + "\n".join([P1, P2, P3]) + "\n").replace("\n", "\r\n")

    def test_crlf_last_line_without_final_newline(self):
        text = (HEAD + "\n".join([P1, P2, P1])).replace("\n", "\r\n")
        [finding] = findings(text)
        [edit] = finding.fix.edits
        assert text[edit.span.start : edit.span.end] == "\r\n" + P1
        assert apply(text, finding.fix) == (HEAD + "\n".join([P1, P2])).replace("\n", "\r\n")

    def test_blank_line_separated_repeat_takes_one_blank_line_with_it(self):
        text = HEAD + "\n" + "\n\n".join([P1, P2, P1, P3]) + "\n"
        [finding] = findings(text)
        assert apply(text, finding.fix) == HEAD + "\n" + "\n\n".join([P1, P2, P3]) + "\n"

    def test_wrapped_repeat_removes_all_its_lines(self):
        wrapped = "The council voted 7 to 2 on Tuesday to raise the\ntransit levy by half a cent."
        text = "City Council Passes Transit Levy\n\n" + "\n\n".join([wrapped, "The vote ended a long debate.", wrapped, "The end came late."]) + "\n"
        [finding] = findings(text)
        expected = "City Council Passes Transit Levy\n\n" + "\n\n".join([wrapped, "The vote ended a long debate.", "The end came late."]) + "\n"
        assert apply(text, finding.fix) == expected

    @pytest.mark.parametrize("final", ["\n", ""])
    def test_fixed_text_has_no_repeat_left(self, final):
        text = HEAD + "\n".join([P1, P2, P1]) + final
        [finding] = findings(text)
        assert findings(apply(text, finding.fix)) == []
