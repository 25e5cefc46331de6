"""unattributed-quote: quoted speech that no one in reach says (issue 17's
definition: any speaker a copy desk accepts attributes, a named person, a
pronoun or role, an institution or document, an unnamed person)."""

from __future__ import annotations

import pytest

from functools import partial

from conftest import PORT_LEDE as LEDE, assert_finding, covered, lint, port_story as story

RULE = ("unattributed-quote",)
findings = partial(lint, select=RULE)


def assert_one(text: str, quote: str, line: int):
    found = findings(text)
    assert len(found) == 1, [covered(text, f) for f in found]
    assert_finding(text, found[0], "unattributed-quote", quote, line, severity="warning")
    return found[0]


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
            "“We are not against machines, we are against layoffs.” Luis Alvarez, the union president, "
            "told the crowd that the strike would go on."
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


def clean(*paragraphs: str) -> None:
    text = story(*paragraphs)
    assert findings(text) == [], [covered(text, f) for f in findings(text)]


class TestConventionsOfAttribution:
    """Every convention of issue 17's "What counts as attributed"."""

    @pytest.mark.parametrize(
        "sentence",
        [
            "“We will not sign this contract as written,” Rep. Jim Hale (D-Ore.) said on Monday.",
            "“We will not sign this contract as written,” Rene Ortiz, 37, said on Monday.",
            "“We will not sign this contract as written,” said J. J. Marlow, an expert on labor law.",
            "Ms. Ortiz: “We will not sign this contract as written.”",
        ],
    )
    def test_a_named_person_with_whatever_stands_between(self, sentence):
        clean(sentence)

    @pytest.mark.parametrize(
        "sentence",
        [
            "“We will not sign this contract as written,” the Republican said.",
            "“We will not sign this contract as written,” the ad’s narrator says.",
            "“We will not sign this contract as written,” the two write in their letter.",
        ],
    )
    def test_a_pronoun_or_role_whose_referent_the_story_gives(self, sentence):
        clean("Gail Pruitt, a state senator, and Dan Ochoa, a union lawyer, spoke at the rally.", sentence)

    @pytest.mark.parametrize(
        "sentence",
        [
            "“The port must reopen this week,” the labor ministry said in a statement.",
            "“The port must reopen this week,” the Harbor Gazette reported.",
            "“The port must reopen this week,” the suit says.",
            "The port “must reopen this week,” according to the Port Authority.",
            "“The port must reopen this week,” the Kremlin said.",
            "Mayor Diaz’s office said on Monday, “We will stay out of the dispute for now.”",
        ],
    )
    def test_an_institution_publication_or_document(self, sentence):
        clean(sentence)

    @pytest.mark.parametrize(
        "sentence",
        [
            "“We will stay out until the port listens,” a union spokesman said.",
            "“We will stay out until the port listens,” one user wrote on the union’s forum.",
        ],
    )
    def test_an_unnamed_person_or_group(self, sentence):
        clean(sentence)

    def test_the_same_speaker_going_on(self):
        clean(
            "“I never look at the other boats,” said Claxton. “But I take each race as it comes.”",
            "“The wind decides most of it,” she continued.",
            "“And the wind does not read the standings,” he added.",
        )

    def test_the_same_speaker_going_on_in_the_next_paragraph(self):
        clean(
            "“I never look at the other boats,” said Mara Claxton, who won the race for a third time.",
            "“The wind decides most of it. You learn that or you stay ashore.”",
        )

    def test_the_same_speaker_after_a_sentence_about_her(self):
        clean(
            "“The docks are our life,” says Melia Tran, 32, of Ashby. Tran has worked the cranes for a decade. "
            "“I have never seen a strike this long.”"
        )

    @pytest.mark.parametrize(
        "sentence",
        [
            "The governor pledged to make the operators “build their cranes here, in this state.”",
            "The ministry put out a note calling on the city “to redouble our efforts to end the strike.”",
            "Ms. Tran wrote to members on Sunday, saying that “the talks have gone nowhere at all.”",
            "The company dismissed the reports as “rumors spread by people who want the strike to last.”",
        ],
    )
    def test_a_partial_quotation_inside_reported_speech(self, sentence):
        clean(sentence)

    @pytest.mark.parametrize(
        "sentence",
        [
            "Hector Vale likened the talks to “a game of chess played with no pieces on the board.”",
            "The mediator concluded: “Both sides will have to give up something they want.”",
            "“That is not what we agreed to at all,” Ms. Tran interjected.",
            "“At least the gulls are happy with the strike,” Mr. Vale joked.",
            "Ms. Tran describes the offer as “a pension plan with a hole in the bottom of it.”",
            "The company played down the walkout as “a short pause while the lawyers talk.”",
            "Mr. Vale wondered aloud, “Who will unload the ships if we do not come back?”",
            "Ms. Tran was asked whether the strike would end soon and answered, “Not while they refuse to talk.”",
        ],
    )
    def test_any_verb_or_frame_of_saying(self, sentence):
        clean(sentence)

    @pytest.mark.parametrize("surname", ["Cook", "Hall", "Street"])
    def test_a_surname_that_is_also_a_common_word(self, surname):
        clean(f"“We are not going back until the cranes stop,” said {surname}.", f"{surname} said the vote was close.")

    def test_a_transcript_speaker_label(self):
        clean("Partial transcript as follows:", '"HOST: Will the port reopen this week?', '"TRAN: Not while they refuse to talk.')

    def test_a_signature_after_the_quotation(self):
        clean("“We have waited long enough, and the ships can wait too.” ― Lina Ferraro, crane operator")

    def test_a_question_the_quotation_answers(self):
        clean(
            "Andre Okafor, 12, sold lemonade to the pickets all afternoon.",
            "Why was he out in the heat? “My mom says I have to save for a bike.”",
        )

    def test_a_speakers_beat(self):
        clean(
            "“We are calling from the union,” Ms. Tran said into the phone. “Can we count on you?”",
            "She pauses.",
            "“Well, thank you so much, that means a great deal to us.”",
        )


class TestNotSpeech:
    @pytest.mark.parametrize(
        "sentence",
        [
            "The strike inspired the documentary “Harbor Lights at Dawn,” which opens on Friday.",
            "Pickets carried signs reading “No cranes without contracts for every one of us.”",
            "The crowd was chanting “Hold the line, hold the line, hold the line” at dawn.",
            "The ballot question, “Should the port authority buy the cranes with public money?”, passed.",
            "Pickets nicknamed the new crane “the iron foreman with no name at all.”",
            "The so-called “automation with a human face” plan was dropped.",
            "The union’s reply quoted the line “a fair day’s wage for a fair day’s work.”",
        ],
    )
    def test_titles_slogans_names_and_poll_wording(self, sentence):
        clean(sentence)

    def test_a_short_fragment_is_a_term(self):
        clean("The union sent its “national strike coordinator” to the port on Monday.")


class TestUnattributed:
    def test_speech_hung_on_a_tone(self):
        quote = "“We want to see this strike end by Friday.”"
        text = story(f"The tone from the mayor’s office suggests a push for a deal, underscoring, {quote}")
        assert_one(text, quote, 4)

    def test_speech_hung_on_a_mood_with_a_colon(self):
        quote = "“Whatever happens, somebody on this dock loses a job.”"
        assert_one(story(f"The mood on the docks was grim: {quote}"), quote, 4)

    def test_a_name_in_the_next_sentence_with_no_verb_of_saying(self):
        # Issue 15's hole: a sentence that begins with a name does not
        # attribute the quotation before it.
        quote = "“We will not move.”"
        text = story(
            "Rene Ortiz, who leads the pickets, has been away at a family funeral since Friday.",
            "The pickets stayed at the gates through the night, huddled around oil drums.",
            f"{quote} Ortiz was not in town.",
        )
        assert_one(text, quote, 6)

    def test_a_quote_among_description(self):
        quote = "“The numbers do not work without the state money.”"
        text = story(
            "The wall would be built in three stages and take four years. Crews would close the road for months.",
            f"{quote} The port’s budget is due in June.",
        )
        assert_one(text, quote, 5)

    def test_a_passive_verb_of_saying_names_no_speaker(self):
        quote = "“Last year we had forty pickers. This year maybe eight.”"
        text = story("Picking crews have already been told there will be little work.", quote)
        assert_one(text, quote, 5)

    def test_he_said_with_nobody_in_the_story(self):
        quote = "“We will stay out until the port authority listens,”"
        text = "Port strike halts cargo as automation talks stall\n"
        text += f"{quote} he said to the crowd outside the gates on Monday afternoon.\n"
        assert_one(text, quote, 2)

    def test_the_bylines_writer_is_not_who_he_refers_to(self):
        quote = "“We will stay out until the port authority listens,”"
        text = "Port strike halts cargo as automation talks stall\nBy Tom Reyes\n"
        text += f"{quote} he said to the crowd outside the gates on Monday afternoon.\n"
        assert_one(text, quote, 3)

    def test_verb_of_saying_inside_the_quote_does_not_count(self):
        quote = "“He said we would all be fine, and he lied.”"
        text = story(f"The mood at the gate turned in the rain: {quote}")
        assert_one(text, quote, 4)

    def test_straight_quote_unattributed(self):
        quote = '"We are not against machines, we are against layoffs."'
        text = story(f"The pickets stood in the rain for hours. {quote}")
        finding = assert_one(text, quote, 4)
        assert "We are not against machines, we are against layoffs." in finding.message

    def test_unclosed_quote_runs_to_the_end_of_the_paragraph(self):
        quote = "“We will stay out until the port authority listens to us"
        text = story(f"The mood of the night, warning, {quote}")
        finding = assert_one(text, quote, 4)
        assert finding.span.end == text.index(quote) + len(quote)

    def test_quote_in_the_summary_line(self):
        quote = "“We will stay out until the port authority listens to us,”"
        text = (
            f"The tone of the strike, {quote} was set on the first day, as ships idled in the harbor for a third day.\n"
            "Port Strike Halts Cargo\nBy Tom Reyes\n" + LEDE + "\n"
        )
        assert_one(text, quote, 1)

    def test_each_unattributed_quote_fires(self):
        q1 = "“The port must reopen this week,”"
        q2 = "“Both sides share the blame for this.”"
        text = story(f"{q1} the mood of the meeting suggested.", f"The pickets went home at dusk. {q2}")
        assert [covered(text, f) for f in findings(text)] == [q1, q2]


def test_a_speakers_paraphrase_then_a_sentence_about_him():
    clean(
        "Dev Mehta admitted he was wary of naming the cast before every contract was signed. "
        "But he has met both leads, and they liked the script.",
        "“I did not want to name anyone until it was all sorted, because people talk.”",
    )


class TestShapesOfRealCopy:
    """Shapes published copy uses that an editor would not flag (issue 17,
    read on real copy after the reading work landed)."""

    def test_a_short_quotation_standing_alone_is_a_subhead_or_pull_quote(self):
        text = story(
            "The port has forty cranes on order for the north pier.",
            "“A fight over every last job.”",
            "The cranes arrive in May and cost more than the port earns in a year.",
        )
        assert findings(text) == []

    def test_a_quotation_credited_on_the_line_below(self):
        text = story(
            "“The port should keep every job it has until the cranes prove themselves.”",
            "Former harbor commissioner Dana Whitfield.",
        )
        assert findings(text) == []

    def test_a_credit_below_that_holds_the_quotation_s_closing_mark(self):
        """Issue 19: copy that put the closing mark after the credit."""
        text = story(
            "“The port should keep every job it has until the cranes prove themselves.",
            "Former harbor commissioner Dana Whitfield.”",
        )
        assert findings(text) == []

    def test_a_quotation_credited_as_a_posted_image(self):
        """Issue 19: a gallery of posted pictures, each quotation followed by
        its picture's credit."""
        text = story(
            "“The cranes took my father's job and they will take mine too.” Getty/Instagram. "
            "“Nobody at the port asked us what we wanted for the north pier.” Reuters."
        )
        assert findings(text) == []
        below = story("“The cranes took my father's job and they will take mine too.”", "Getty/Instagram.")
        assert findings(below) == []

    def test_the_speaker_goes_on_across_narration_in_a_merged_paragraph(self):
        text = story(
            "“We will keep the gates open,” said Luis Alvarez, the union president. The union has 900 members. "
            "Its strike fund lasts six weeks. The port has 40 cranes on order. Ships wait in the outer harbor. "
            "“If the talks fail, we will be back on Monday with more people.”"
        )
        assert findings(text) == []

    def test_still_flagged_a_long_standalone_quote_and_speech_hung_on_a_mood(self):
        alone = "“The cranes will take every job on the north pier and nobody at city hall will say so out loud.”"
        assert_one(story(alone, "The council met on Tuesday."), alone, 4)
        mood = "“We want the cranes gone before the summer.”"
        text = story(f"The mood at the gates was grim, underscoring {mood}")
        assert [covered(text, f) for f in findings(text)] == [mood]

    def test_a_line_below_that_is_not_a_credit_does_not_attribute(self):
        quote = "“The port should keep every job it has until the cranes prove themselves.”"
        text = story(quote, "The cranes arrive in May and cost more than the port earns in a year.")
        assert [covered(text, f) for f in findings(text)] == [quote]

    def test_a_short_quotation_the_sentence_goes_on_from_is_a_term(self):
        text = story("“Jobs before cranes” could make the port rethink its plan, and the council knows it.")
        assert findings(text) == []
        spoken = "“Jobs first, always.”"
        assert [covered(t, f) for t in [story(f"{spoken} The council met on Tuesday.")] for f in findings(t)] == [spoken]
