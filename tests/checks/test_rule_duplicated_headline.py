"""duplicated-headline: the headline line appears again in the story."""

from __future__ import annotations

from functools import partial

from conftest import PORT_HEADLINE as HEADLINE, PORT_LEDE as P1, PORT_P2 as P2, PORT_SUMMARY as SUMMARY, apply_fix as apply, assert_finding, covered, lint

RULE = ("duplicated-headline",)

DEK = "Dockworkers say new cranes threaten hundreds of jobs."

findings = partial(lint, select=RULE)


class TestFires:
    def test_headline_repeated_right_below_after_a_blank_line(self):
        text = "\n".join([SUMMARY, HEADLINE, "", HEADLINE, DEK, P1, P2]) + "\n"
        [finding] = findings(text)
        assert_finding(text, finding, "duplicated-headline", HEADLINE, 4, 1, severity="error")
        assert "line 2" in finding.message

    def test_headline_repeated_on_the_next_line(self):
        text = "\n".join([HEADLINE, HEADLINE, P1, P2]) + "\n"
        [finding] = findings(text)
        assert finding.span.line == 2
        assert "line 1" in finding.message

    def test_headline_repeated_far_down(self):
        text = "\n".join([SUMMARY, HEADLINE, DEK, P1, HEADLINE, P2]) + "\n"
        [finding] = findings(text)
        assert (finding.span.line, finding.span.column, finding.span.end_column) == (5, 1, len(HEADLINE) + 1)
        assert "line 2" in finding.message

    def test_repeat_in_other_case(self):
        text = "\n".join([SUMMARY, HEADLINE, "", HEADLINE.upper(), DEK, P1]) + "\n"
        [finding] = findings(text)
        assert covered(text, finding) == HEADLINE.upper()

    def test_every_repeat_fires(self):
        text = "\n".join([HEADLINE, HEADLINE, P1, HEADLINE, P2]) + "\n"
        found = findings(text)
        assert [f.span.line for f in found] == [2, 4]
        assert all("line 1" in f.message for f in found)

    def test_blank_line_separated_copy(self):
        text = "\n\n".join([HEADLINE, HEADLINE, "By Tom Reyes", P1, P2]) + "\n"
        [finding] = findings(text)
        assert finding.span.line == 3
        assert "line 1" in finding.message

    # A sentence-case headline and hard-wrapped body lines: the repeat is
    # not a wrapped line of the paragraph below it.
    SENTENCE_CASE = "Port strike halts cargo as talks stall"
    WRAPPED = "The dockworkers walked off the job on\nMonday as talks over automation stalled."

    def test_headline_repeated_on_the_next_line_of_blank_line_separated_copy(self):
        text = "\n\n".join([self.SENTENCE_CASE + "\n" + self.SENTENCE_CASE, self.WRAPPED, P2]) + "\n"
        [finding] = findings(text)
        assert finding.span.line == 2
        assert covered(text, finding) == self.SENTENCE_CASE

    def test_a_suppression_comment_under_the_headline_is_not_the_line_after_it(self):
        directive = "[copydesk-disable-next-line vague-sourcing]"
        for between in ("\n", "\n\n"):
            text = self.SENTENCE_CASE + between + directive + "\n" + self.SENTENCE_CASE + "\n" + self.WRAPPED + "\n"
            [finding] = findings(text)
            assert covered(text, finding) == self.SENTENCE_CASE
            assert "line 1" in finding.message

    def test_markdown_h1_repeated_further_down(self):
        text = f"# {HEADLINE}\n\n{P1}\n\n# {HEADLINE}\n\n{P2}\n"
        [finding] = findings(text, name="story.md")
        assert (finding.span.line, finding.span.column) == (5, 3)
        assert "line 1" in finding.message

    def test_markdown_repeat_as_a_plain_paragraph(self):
        text = f"---\ntitle: {HEADLINE}\n---\n\n{HEADLINE}\n\n{P1}\n"
        [finding] = findings(text, name="story.md")
        assert finding.span.line == 5
        assert covered(text, finding) == HEADLINE


class TestSilent:
    def test_headline_not_repeated(self):
        assert findings("\n".join([SUMMARY, HEADLINE, DEK, P1, P2]) + "\n") == []

    def test_body_paragraph_containing_the_headline_words(self):
        longer = HEADLINE + ", the union said on Monday in a statement."
        assert findings("\n".join([HEADLINE, P1, longer]) + "\n") == []

    def test_markdown_title_without_repeat(self):
        text = f"---\ntitle: {HEADLINE}\nauthor: Tom Reyes\n---\n\n{P1}\n\n## What comes next\n\n{P2}\n"
        assert findings(text, name="story.md") == []

    def test_a_heading_repeating_the_front_matter_title_is_the_other_rules(self):
        text = f'---\ntitle: "{HEADLINE}"\n---\n\n## {HEADLINE}\n\n{P1}\n'
        assert findings(text, name="story.md") == []

    def test_a_different_heading(self):
        text = f"# {HEADLINE}\n\n{P1}\n\n## Port Strike Halts Cargo\n\n{P2}\n"
        assert findings(text, name="story.md") == []


class TestFix:
    def test_safe_fix_removes_the_repeated_line(self):
        text = "\n".join([SUMMARY, HEADLINE, "", HEADLINE, DEK, P1, P2]) + "\n"
        [finding] = findings(text)
        assert finding.fix is not None and finding.fix.safe is True
        [edit] = finding.fix.edits
        assert text[edit.span.start : edit.span.end] == HEADLINE + "\n"
        assert apply(text, finding.fix) == "\n".join([SUMMARY, HEADLINE, "", DEK, P1, P2]) + "\n"

    def test_fix_of_a_last_line_without_final_newline(self):
        text = "\n".join([HEADLINE, P1, P2, HEADLINE])
        [finding] = findings(text)
        assert apply(text, finding.fix) == "\n".join([HEADLINE, P1, P2])

    def test_a_second_heading_repeating_the_title_is_removed(self):
        text = f"---\ntitle: {HEADLINE}\n---\n\n# {HEADLINE}\n\n{P1}\n\n# {HEADLINE}\n\n{P2}\n"
        [finding] = findings(text, name="story.md")
        assert finding.span.line == 9 and finding.fix.safe is True
        assert apply(text, finding.fix) == f"---\ntitle: {HEADLINE}\n---\n\n# {HEADLINE}\n\n{P1}\n\n{P2}\n"


class TestHeadingRepeatsTitle:
    def test_a_heading_repeating_the_front_matter_title(self):
        text = (
            "---\ntitle: Port Strike Halts Cargo as Automation Talks Stall\nauthor: Tom Reyes\n---\n\n"
            f"# {HEADLINE}\n\n{P1}\n\n{P2}\n"
        )
        [finding] = lint(text, name="story.md", select=("heading-repeats-title",))
        # The span is the heading's text, without its hashes; no fix: an editor decides.
        assert (finding.rule, finding.severity, finding.fix) == ("heading-repeats-title", "warning", None)
        assert (finding.span.line, finding.span.column, finding.span.end_column) == (6, 3, len(HEADLINE) + 3)
        assert covered(text, finding) == HEADLINE
        assert "line 2" in finding.message

    def test_setext_and_quoted_titles(self):
        text = f'---\ntitle: "{HEADLINE}"\n---\n\n{HEADLINE}\n===\n\n{P1}\n'
        [finding] = lint(text, name="story.md", select=("heading-repeats-title",))
        assert finding.span.line == 5

    def test_a_plain_paragraph_or_no_front_matter_is_not_this_rule(self):
        for text in (f"---\ntitle: {HEADLINE}\n---\n\n{HEADLINE}\n\n{P1}\n", f"# {HEADLINE}\n\n{P1}\n\n# {HEADLINE}\n"):
            assert lint(text, name="story.md", select=("heading-repeats-title",)) == []

    def test_fix_never_deletes_it(self, tmp_path):
        from linter.cli import main

        story = tmp_path / "story.md"
        story.write_text(f"---\ntitle: {HEADLINE}\n---\n\n# {HEADLINE}\n\n{P1}\n", encoding="utf-8")
        before = story.read_bytes()
        main(["check", "--fix", str(story)])
        assert story.read_bytes() == before
