"""name-first-reference and name-subsequent-reference: people in the names
registry written in the house style (NYT or AP)."""

from __future__ import annotations

from functools import partial

import pytest

from conftest import apply_fix as apply, assert_finding, covered, lint

RULES = ("name-first-reference", "name-subsequent-reference")
FIRST, LATER = RULES

# A sentence-case headline (headline style: never judged) and a byline.
HEAD = "Grain talks resume in Istanbul\nBy Ann Lee\n"
LEDE = (
    "Delegations from both countries arrived in Istanbul on Monday for a round of talks brokered by "
    "Turkey, the first since the corridor deal lapsed."
)
PUTIN_FIRST = "President Vladimir V. Putin said on Monday that Russia would send a delegation to the talks."
PUTIN_FIRST_AP = "President Vladimir Putin said on Monday that Russia would send a delegation to the talks."
TAIL = " did not say who would lead it, and the Kremlin declined to give more details on Monday evening."


def story(*paragraphs: str, head: str = HEAD) -> str:
    return head + LEDE + "\n" + "\n".join(paragraphs) + "\n"


findings = partial(lint, select=RULES)


def assert_reference(text, finding, rule, written, line, column, expected):
    assert_finding(text, finding, rule, written, line, column, severity="warning")
    assert f"“{expected}”" in finding.message
    assert f"“{written}”" in finding.message


class TestNytFirstReference:
    def test_first_reference_without_middle_initial(self):
        text = story("President Vladimir Putin said on Monday that Russia would send a delegation to the talks.")
        [finding] = findings(text)
        assert_reference(text, finding, FIRST, "Vladimir Putin", 4, 11, "Vladimir V. Putin")
        assert "Vladimir V. Putin" in finding.message and "nyt" in finding.message

    def test_fix_suggestion_replaces_the_name(self):
        text = story("President Vladimir Putin said on Monday that Russia would send a delegation to the talks.")
        [finding] = findings(text)
        fix = finding.fix
        assert fix is not None and fix.safe is False
        [edit] = fix.edits
        assert edit.replacement == "Vladimir V. Putin"
        assert (edit.span.start, edit.span.end) == (finding.span.start, finding.span.end)
        assert apply(text, fix) == story(PUTIN_FIRST)

    def test_house_form_with_title_then_courtesy_title_is_clean(self):
        assert findings(story(PUTIN_FIRST, "Mr. Putin" + TAIL)) == []

    def test_variant_spelling_on_first_reference(self):
        text = story("The Kremlin spokesman, Dmitry Peskov, said no date had been set for a meeting between the leaders.")
        [finding] = findings(text)
        assert_reference(text, finding, FIRST, "Dmitry Peskov", 4, 24, "Dmitri S. Peskov")
        assert finding.fix.edits[0].replacement == "Dmitri S. Peskov"

    def test_registered_variant_of_a_president(self):
        text = story("President Volodymyr Zelenskyy said on Monday that Ukraine would send a delegation to the talks.")
        [finding] = findings(text)
        assert_reference(text, finding, FIRST, "Volodymyr Zelenskyy", 4, 11, "Volodymyr Zelensky")

    def test_surname_before_any_full_name_is_reported_once(self):
        text = story(
            "Putin said on Monday that Russia would send a delegation to the talks.",
            "Putin" + TAIL,
            "Vladimir V. Putin is expected to speak again on Friday, and Mr. Putin may attend.",
        )
        [finding] = findings(text)
        assert_reference(text, finding, FIRST, "Putin", 4, 1, "Vladimir V. Putin")

    def test_first_reference_in_the_summary_line(self):
        text = (
            "Putin sends a delegation as grain talks resume in Istanbul, and the talks could run for a week or more "
            "according to the Turkish hosts.\nGrain Talks Resume in Istanbul\nBy Ann Lee\n" + LEDE + "\n"
        )
        [finding] = findings(text)
        assert_reference(text, finding, FIRST, "Putin", 1, 1, "Vladimir V. Putin")

    def test_a_markdown_dek_takes_the_later_form(self):
        """Issue 19: a dek is display copy; it may use the later form before
        the body introduces the person (it was judged as a first reference)."""
        text = "---\ntitle: Delegation Named\ndek: Putin said on Monday that Russia would attend.\nauthor: Ann Lee\n---\n\n"
        [finding] = findings(text + LEDE + "\n", name="story.md")
        assert_reference(text, finding, LATER, "Putin", 3, 6, "Mr. Putin")

    def test_a_dek_under_a_headline_that_names_him_takes_the_later_form(self):
        text = "---\ntitle: Putin Sends Delegation\ndek: Putin said on Monday that Russia would attend.\nauthor: Ann Lee\n---\n\n"
        [finding] = findings(text + LEDE + "\n", name="story.md")
        assert_reference(text, finding, LATER, "Putin", 3, 6, "Mr. Putin")

    def test_canonical_name_with_suffix(self):
        text = story(
            "President Joseph R. Biden Jr. spoke on Monday with the leaders of both countries.",
            "Mr. Biden urged them to reach a deal quickly.",
        )
        assert findings(text) == []

    def test_nickname_variant_of_a_suffixed_name(self):
        text = story("Joe Biden spoke on Monday with the leaders of both countries about the grain talks.")
        [finding] = findings(text)
        assert_reference(text, finding, FIRST, "Joe Biden", 4, 1, "Joseph R. Biden Jr.")


class TestNytSubsequentReference:
    def test_bare_surname_later(self):
        text = story(PUTIN_FIRST, "Putin" + TAIL)
        [finding] = findings(text)
        assert_reference(text, finding, LATER, "Putin", 5, 1, "Mr. Putin")
        fix = finding.fix
        assert fix.safe is False
        assert fix.edits[0].replacement == "Mr. Putin"
        assert apply(text, fix) == story(PUTIN_FIRST, "Mr. Putin" + TAIL)

    def test_title_and_surname_later_is_fine(self):
        assert findings(story(PUTIN_FIRST, "President Putin" + TAIL)) == []

    def test_repeating_the_full_name_is_fine(self):
        assert findings(story(PUTIN_FIRST, "Vladimir V. Putin" + TAIL)) == []

    def test_name_without_initial_later(self):
        text = story(PUTIN_FIRST, "Vladimir Putin" + TAIL)
        [finding] = findings(text)
        assert_reference(text, finding, LATER, "Vladimir Putin", 5, 1, "Mr. Putin")

    def test_possessive_with_courtesy_title_is_fine(self):
        assert findings(story(PUTIN_FIRST, "Mr. Putin's aides" + TAIL)) == []
        assert findings(story(PUTIN_FIRST, "Mr. Putin’s aides" + TAIL)) == []

    @pytest.mark.parametrize("apostrophe", ["'", "’"])
    def test_bare_possessive_later_fires_on_the_surname(self, apostrophe):
        text = story(PUTIN_FIRST, f"Putin{apostrophe}s aides" + TAIL)
        [finding] = findings(text)
        assert_reference(text, finding, LATER, "Putin", 5, 1, "Mr. Putin")

    def test_every_bare_surname_fires(self):
        text = story(PUTIN_FIRST, "Putin" + TAIL, "Analysts said Putin wanted sanctions eased first.")
        found = findings(text)
        assert [(f.rule, f.span.line, covered(text, f)) for f in found] == [(LATER, 5, "Putin"), (LATER, 6, "Putin")]

    def test_xi_courtesy_title_uses_the_family_name(self):
        first = "President Xi Jinping of China said on Monday that his country would buy more grain."
        assert findings(story(first, "Mr. Xi did not say how much.")) == []
        assert findings(story(first, "President Xi did not say how much.")) == []
        text = story(first, "Xi did not say how much.")
        [finding] = findings(text)
        assert_reference(text, finding, LATER, "Xi", 5, 1, "Mr. Xi")

    def test_multi_word_title(self):
        text = story(
            "Secretary of State Marco Rubio spoke on Monday with the leaders of both countries.",
            "Secretary of State Rubio urged them to reach a deal, and Mr. Rubio said the United States would help.",
        )
        assert findings(text) == []

    def test_people_are_judged_independently(self):
        text = story(
            PUTIN_FIRST,
            "Sergey V. Lavrov, the foreign minister, is expected to lead the delegation.",
            "Mr. Putin said Lavrov would report to him daily.",
        )
        [finding] = findings(text)
        assert_reference(text, finding, LATER, "Lavrov", 6, 16, "Mr. Lavrov")


class TestNotJudged:
    def test_surname_alone_in_a_headline(self):
        head = "Putin Agrees to Send Delegation to Grain Talks\nBy Ann Lee\n"
        assert findings(story(PUTIN_FIRST, head=head)) == []

    def test_surname_in_a_repeated_headline(self):
        head = "Putin Agrees to Send Delegation\n\nPutin Agrees to Send Delegation\nBy Ann Lee\n"
        assert findings(story(PUTIN_FIRST, head=head)) == []

    def test_surname_in_a_title_case_dek(self):
        head = "Grain Talks Resume in Istanbul\nPutin Sends a Delegation to the Talks\nBy Ann Lee\n"
        assert findings(story(PUTIN_FIRST, head=head)) == []

    def test_surname_in_a_markdown_heading(self):
        text = f"---\ntitle: Grain Talks\nauthor: Ann Lee\n---\n\n{PUTIN_FIRST}\n\n## Putin’s Offer\n\nMr. Putin spoke for an hour.\n"
        assert findings(text, name="story.md") == []

    def test_names_inside_quotations(self):
        text = story(
            "Ann Cole, a grain trader in Odesa, said on Monday, “Putin will decide everything, and the rest of us will wait.”"
        )
        assert findings(text) == []

    def test_names_inside_straight_quotations_after_introduction(self):
        text = story(PUTIN_FIRST, 'Ann Cole, a grain trader, said, "Vladimir Putin and Putin alone will decide."')
        assert findings(text) == []

    def test_hyphenated_compound_is_not_a_mention_of_the_first_name(self):
        text = story(PUTIN_FIRST, "Mr. Putin said the Putin-Trump call had gone well.")
        assert not [f for f in findings(text) if covered(text, f) == "Putin"]

    def test_melania_trump_is_not_donald_j_trump(self):
        text = story("Melania Trump attended a charity dinner in New York on Monday, where the talks were a topic.")
        assert findings(text) == []

    def test_names_in_the_byline_and_credit(self):
        text = story(PUTIN_FIRST, "Marco Rubio contributed reporting.", head="Grain talks resume\nBy Xi Jinping\n")
        assert findings(text) == []

    def test_unregistered_person(self):
        assert findings(story("Ann Cole, a grain trader in Odesa, said prices had doubled. Cole declined to say more.")) == []


class TestApStyle:
    def test_given_name_and_surname_then_surname_is_clean(self):
        assert findings(story(PUTIN_FIRST_AP, "Putin" + TAIL), style="ap") == []

    def test_courtesy_title_later_fires(self):
        text = story(PUTIN_FIRST_AP, "Mr. Putin" + TAIL)
        [finding] = findings(text, style="ap")
        assert_reference(text, finding, LATER, "Mr. Putin", 5, 1, "Putin")
        assert "ap" in finding.message
        fix = finding.fix
        assert fix.safe is False
        assert fix.edits[0].replacement == "Putin"
        assert apply(text, fix) == story(PUTIN_FIRST_AP, "Putin" + TAIL)

    def test_title_and_surname_later_is_fine(self):
        assert findings(story(PUTIN_FIRST_AP, "President Putin" + TAIL), style="ap") == []

    def test_middle_initial_on_first_reference_fires(self):
        text = story(PUTIN_FIRST)
        [finding] = findings(text, style="ap")
        assert_reference(text, finding, FIRST, "Vladimir V. Putin", 4, 11, "Vladimir Putin")
        assert finding.fix.edits[0].replacement == "Vladimir Putin"

    def test_variant_spelling_fires_in_ap_too(self):
        text = story("The Kremlin spokesman, Dmitry Peskov, said no date had been set.")
        [finding] = findings(text, style="ap")
        assert_reference(text, finding, FIRST, "Dmitry Peskov", 4, 24, "Dmitri Peskov")

    def test_xi_in_ap(self):
        first = "President Xi Jinping of China said on Monday that his country would buy more grain."
        assert findings(story(first, "Xi did not say how much."), style="ap") == []

    def test_nyt_clean_story_is_not_ap_clean(self):
        text = story(PUTIN_FIRST, "Mr. Putin" + TAIL)
        assert findings(text) == []
        assert [f.rule for f in findings(text, style="ap")] == [FIRST, LATER]


class TestOnlyTheSelectedRule:
    def test_first_reference_rule_alone(self):
        text = story("President Vladimir Putin said on Monday that Russia would attend.", "Putin" + TAIL)
        found = lint(text, select=(FIRST,))
        assert [f.rule for f in found] == [FIRST]

    def test_subsequent_reference_rule_alone(self):
        text = story("President Vladimir Putin said on Monday that Russia would attend.", "Putin" + TAIL)
        found = lint(text, select=(LATER,))
        assert [(f.rule, covered(text, f)) for f in found] == [(LATER, "Putin")]


class TestRegressions:
    @pytest.mark.parametrize("opening", ["But", "When", "As"])
    def test_bare_surname_after_a_sentence_initial_word(self, opening):
        text = story(PUTIN_FIRST, f"{opening} Putin" + TAIL)
        [finding] = findings(text)
        assert_reference(text, finding, LATER, "Putin", 5, len(opening) + 2, "Mr. Putin")
    def test_second_half_of_a_hyphenated_compound_is_not_a_mention(self):
        text = story(PUTIN_FIRST, "The Putin-Trump call lasted two hours, according to a Kremlin readout.")
        assert findings(text) == []
    def test_mrs_trump_is_not_a_reference_to_donald_j_trump(self):
        text = story(
            "President Donald J. Trump and Melania Trump hosted a dinner on Monday.",
            "Mrs. Trump spoke briefly, and Mr. Trump did not take questions about the grain talks.",
        )
        assert findings(text) == []
    def test_fix_for_a_courtesy_title_first_reference(self):
        text = story("Mr. Putin said on Monday that Russia would send a delegation to the talks.")
        [finding] = findings(text)
        assert apply(text, finding.fix) == story(PUTIN_FIRST.replace("President ", ""))
