"""Name style on the shapes of real, edited copy (issue 18): surnames used
as modifiers or inside other names, people who share a surname, a person's
own courtesy title, titles that are not names, words that are not people,
AP's known forms, and the British style. Every story here is invented."""

from __future__ import annotations

from pathlib import Path

from conftest import covered, found, lint
from linter.formats import text as text_format
from linter.language.inference import PeopleFinder
from linter.language.lexicon import Lexicon
from linter.support.shipped import shipped_rules_dir

RULES = ("name-first-reference", "name-subsequent-reference")
HEAD = "Harbor Vote Splits Council\n\nBy Ana Ruiz\n\n"


def names(body: str, style: str = "nyt") -> list[tuple[str, str]]:
    return found(HEAD + body + "\n", style=style, select=RULES)


def inferred(body: str) -> list[tuple[str, str]]:
    finder = PeopleFinder(Lexicon.load(shipped_rules_dir() / "lexicon" / "people.yaml"))
    return [(p.name, p.honorific) for p in finder.infer(text_format.parse(Path("s.txt"), HEAD + body + "\n"))]


class TestSurnameAsModifier:
    def test_a_surname_before_a_noun_is_not_a_reference(self):
        body = (
            "Donald J. Trump spoke in Ohio. The Trump campaign said Trump supporters filled a pro-Trump rally, "
            "and Trump-era rules drew Bush-era figures. Aides to the Trump and Biden campaigns met. "
            "Three Trump loyalists left, and the two Trump hotels closed. Trump and Biden supporters cheered."
            "\n\nMr. Trump said he would return."
        )
        assert names(body) == []

    def test_a_surname_before_a_verb_or_punctuation_is_judged(self):
        body = (
            "Donald J. Trump spoke in Ohio.\n\nLater, Trump said he would return, and aides praised Trump. "
            "Trump and his aides left."
        )
        assert names(body) == [(RULES[1], "Trump"), (RULES[1], "Trump"), (RULES[1], "Trump")]

    def test_a_surname_before_a_present_tense_verb_is_judged(self):
        assert names("Donald J. Trump spoke in Ohio.\n\nTrump sends a delegation on Monday.") == [(RULES[1], "Trump")]


class TestNamesInsideNames:
    def test_buildings_groups_and_foundations_are_not_the_person(self):
        body = (
            "Donald J. Trump spoke at Trump Tower. Citizens for Trump met at Trump National Doral, the "
            "candidate's resort, and the Donald J. Trump Foundation gave money.\n\nMr. Trump left."
        )
        assert names(body) == []

    def test_a_resort_is_not_inferred_as_a_person(self):
        body = "He spoke at the resort, now called Trump National Doral, the candidate's favorite."
        assert inferred(body) == []


class TestPeopleSharingASurname:
    def test_a_surname_two_people_bear_is_not_judged(self):
        body = (
            "Jeb Bush, the former governor, campaigned with George W. Bush, the former president, on Monday. "
            "Bush said the crowd was large, and Mr. Bush thanked the volunteers."
        )
        assert names(body) == []

    def test_a_father_and_a_son_with_one_given_name(self):
        body = (
            "George H. W. Bush, the former president, joined George W. Bush, his son, on Monday. "
            "Bush said the crowd was large, and Mr. Bush thanked the volunteers."
        )
        assert names(body) == []
        assert names(body, style="ap") == []

    def test_a_middle_initial_makes_another_person(self):
        body = (
            "Allan Mayer, a studio executive, spoke on Monday. He cited Louis B. Mayer, and Mr. Mayer said the "
            "studio would stay."
        )
        assert names(body) == []

    def test_two_courtesy_titles_for_one_surname_are_two_people(self):
        body = (
            "Hillary Clinton, the candidate, spoke on Monday. Mrs. Clinton said her husband, Mr. Clinton, "
            "would campaign. Clinton said more later."
        )
        assert names(body) == []

    def test_the_elder_of_a_family_is_not_judged(self):
        body = "Rupert Murdoch, the media executive, spoke. The elder Murdoch said the outlets would stay."
        assert names(body) == []


class TestTheirOwnCourtesyTitle:
    def test_the_story_gives_the_courtesy_title(self):
        body = "Hillary Clinton, the candidate, spoke on Monday. Mrs. Clinton said she would return. Clinton said more."
        text = HEAD + body + "\n"
        [finding] = lint(text, select=RULES)
        assert covered(text, finding) == "Clinton" and "nyt style is “Mrs. Clinton”" in finding.message

    def test_titles_before_surnames_and_lists_under_plural_titles(self):
        body = (
            "David Souter, John Paul Stevens and Antonin Scalia, the justices, heard the case. Justices Souter, "
            "Stevens and Scalia wrote, and Justice Scalia said the court would rule. Senator Cruz agreed."
        )
        assert names(body) == []


class TestTitlesAreNotNames:
    def test_a_title_or_role_before_the_name_is_left_out(self):
        body = "City Councilor Tina Okafor and Director Alan Brooks spoke. Ms. Okafor left; Mr. Brooks stayed."
        assert inferred(body) == [("Tina Okafor", "Ms."), ("Alan Brooks", "Mr.")]
        assert names(body) == []
        assert names(body, style="ap") == [(RULES[1], "Ms. Okafor"), (RULES[1], "Mr. Brooks")]


class TestNotPeople:
    def test_a_courtesy_title_or_a_party_inside_a_run_is_not_a_name(self):
        body = (
            "Following Mr Straw, the speaker rose. Democrat Tom Udall, a senator, and Lib Dem Norman Baker, "
            "an MP, spoke."
        )
        assert inferred(body) == [("Tom Udall", ""), ("Norman Baker", "")]

    def test_possessives_acronyms_and_letters_after_a_name_are_not_people(self):
        body = (
            "Senator Marco Rubio's Cuban roots came up, and the aide said strategist Karl Rove's PAC paid. "
            "The court heard Philippe Sands QC, a lawyer, and Against Clinton, a volunteer group, met."
        )
        assert inferred(body) == [("Marco Rubio", ""), ("Karl Rove", ""), ("Philippe Sands", "")]


class TestAp:
    def test_a_person_outside_the_registry_is_known_by_the_story_s_form(self):
        body = "George W. Bush, the former president, spoke on Monday. Bush said he would return."
        assert names(body, style="ap") == []

    def test_the_registry_gives_the_form_a_person_is_known_by(self):
        assert names("Vice President Joe Biden spoke on Monday. Biden said he would return.", style="ap") == []
        assert names("Vice President Joe Biden spoke on Monday.") == [(RULES[0], "Joe Biden")]

    def test_a_courtesy_title_after_a_bare_surname_is_flagged(self):
        body = "Vladimir Putin spoke on Monday. Putin said the talks would go on, and Mr. Putin left."
        assert names(body, style="ap") == [(RULES[1], "Mr. Putin")]


class TestBritish:
    def test_courtesy_titles_without_a_full_stop(self):
        body = "Tony Blair, the prime minister, spoke on Monday. Mr Blair said the vote would come soon."
        assert names(body, style="british") == []

    def test_a_full_stop_or_a_bare_surname_is_flagged(self):
        body = "Tony Blair, the prime minister, spoke on Monday. Mr. Blair said the vote would come. Blair left."
        text = HEAD + body + "\n"
        got = [(covered(text, f), f.fix.edits[0].replacement) for f in lint(text, style="british", select=RULES)]
        assert got == [("Mr. Blair", "Mr Blair"), ("Blair", "Mr Blair")]

    def test_registered_people_take_the_style_s_form(self):
        body = "Vladimir Putin spoke on Monday. Mr Putin said the talks would go on, and Mr. Putin left."
        assert names(body, style="british") == [(RULES[1], "Mr. Putin")]


class TestHeadlinesSummariesAndQuotations:
    def test_a_summary_under_a_headline_that_names_the_person_may_use_the_later_form(self):
        text = (
            "Putin Sends an Envoy to the Grain Talks\nMr. Putin said the talks would resume on Monday.\nBy Ann Lee\n"
            "President Vladimir V. Putin spoke in Moscow. Mr. Putin left.\n"
        )
        assert lint(text, select=RULES) == []
        # The body still introduces him in full.
        body_first = text.replace("President Vladimir V. Putin spoke in Moscow. Mr. Putin left.", "Mr. Putin left.")
        assert [covered(body_first, f) for f in lint(body_first, select=RULES)] == ["Mr. Putin"]

    def test_names_in_quotations_are_not_judged_but_introduce(self):
        body = (
            "“Without Scalia, it's still the Kennedy Court,” said Ruth Ortiz, a law professor. "
            "“I trust Vladimir Putin,” the envoy said. Mr. Putin did not reply."
        )
        assert names(body) == []


class TestDisplayCopyAndAddress:
    """Issue 19: a surname in a dek is display copy; a name spoken to is
    not a reference."""

    def test_a_surname_in_a_dek_is_not_judged(self):
        text = "Senate passes harbor bill; \nCritics, including Trump, call it a giveaway.\n\nThe Senate passed the bill.\n"
        assert found(text, style="ap", select=RULES) == []

    def test_a_surname_in_the_body_is_still_judged(self):
        text = "Senate passes harbor bill\n\nThe Senate passed the bill over objections from Trump.\n"
        assert found(text, style="ap", select=RULES) == [(RULES[0], "Trump")]

    def test_a_name_spoken_to_is_not_a_reference(self):
        assert names("Mr. Trump, I have a deal for you. Show us the returns.\n\nDonald J. Trump has not replied.") == []

    def test_a_name_opening_a_sentence_with_a_comma_is_still_judged(self):
        assert names("Mr. Trump, the developer, spoke in Ohio.") == [(RULES[0], "Mr. Trump")]

    def test_names_in_a_markdown_block_quotation_are_quoted(self):
        """Another paper's paragraphs quoted as a block keep that paper's
        style: read as a quotation, never judged (as HTML's <blockquote>)."""
        text = (
            "Paper compares senator to governor\n\nBy Ann Lee\n\n"
            "A Harbor Times reporter compared Ted Cruz with a former governor on Sunday.\n\n"
            "> Mr. Cruz has sharpened his language on the stump.\n>\n> Mr. Cruz would not relent.\n\n"
            "Cruz did not respond.\n"
        )
        assert lint(text, name="story.md", style="ap", select=RULES) == []
        slip = text.replace("Cruz did not respond.", "Mr. Cruz did not respond.")
        assert [covered(slip, f) for f in lint(slip, name="story.md", style="ap", select=RULES)] == ["Mr. Cruz"]


class TestIssue19HouseVoice:
    """Issue 19: a British arts or sports story that calls a person by the
    bare surname throughout; AP copy that quotes another paper's titled
    paragraphs without marks."""

    def test_british_bare_surname_used_throughout_is_the_desk_s_choice(self):
        body = (
            "Lena Marsh, the band's singer, spoke at the festival.\n\n"
            "Marsh said the tour would go on. Later Marsh thanked the crowd."
        )
        assert names(body, style="british") == []

    def test_british_bare_surname_in_a_story_that_mostly_titles_is_flagged(self):
        body = (
            "Lena Marsh, the harbour board's chair, spoke on Monday.\n\n"
            "Ms Marsh said the tour would go on. Ms Marsh thanked the crowd. Marsh left."
        )
        assert names(body, style="british") == [(RULES[1], "Marsh")]

    QUOTED = (
        "A Harbor Times reporter compared Ted Cruz with Marco Rubio on Sunday.\n\n"
        "Mr. Cruz has sharpened his language on the stump.\n\n"
        "He said Mr. Rubio was softer on the harbor bill.\n\n"
    )

    def test_titled_paragraphs_quoted_in_ap_copy_are_not_judged(self):
        body = self.QUOTED + "Cruz did not respond, and Rubio was traveling."
        assert names(body, style="ap") == []

    def test_one_titled_person_in_ap_copy_is_still_flagged(self):
        body = "Ted Cruz spoke on Sunday.\n\nMr. Cruz has sharpened his language.\n\nCruz did not respond."
        assert names(body, style="ap") == [(RULES[1], "Mr. Cruz")]

    def test_ap_copy_titled_throughout_is_still_flagged(self):
        assert names(self.QUOTED, style="ap") == [(RULES[1], "Mr. Cruz"), (RULES[1], "Mr. Rubio")]
