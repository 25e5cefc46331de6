"""vague-sourcing: a claim sourced to an unnamed group of people."""

from __future__ import annotations



from conftest import PORT_LEDE as LEDE, covered, lint, port_story as story

RULE = ("vague-sourcing",)

def findings(text: str, name: str = "story.txt"):
    return lint(text, name=name, select=RULE)


def assert_one(text: str, phrase: str, line: int):
    found = findings(text)
    assert [covered(text, f) for f in found] == [phrase]
    [finding] = found
    assert finding.rule == "vague-sourcing"
    assert finding.severity == "warning"
    start = text.index(phrase)
    column = start - text.rfind("\n", 0, start)
    assert (finding.span.line, finding.span.column) == (line, column)
    assert (finding.span.end_line, finding.span.end_column) == (line, column + len(phrase))
    assert f"“{phrase}”" in finding.message
    return finding


class TestFires:
    def test_officials_say(self):
        text = story("Officials say the strike could last into next month, with no new talks scheduled.")
        finding = assert_one(text, "Officials say", 4)
        assert finding.span.column == 1

    def test_us_officials_expressed(self):
        text = story("U.S. officials expressed optimism on Monday that a deal could be reached before the holiday season.")
        assert_one(text, "officials expressed", 4)

    def test_sources_said(self):
        text = story("The port authority is weighing a new offer, sources said, though details were still being worked out.")
        assert_one(text, "sources said", 4)

    def test_according_to_people_familiar_with_the_matter(self):
        text = story(
            "The offer would slow the rollout to ten years, according to people familiar with the matter, "
            "who spoke on condition of anonymity."
        )
        assert_one(text, "according to people familiar with the matter", 4)

    def test_according_to_two_sources(self):
        text = story("The offer would slow the rollout to ten years, according to two sources.")
        assert_one(text, "according to two sources", 4)

    def test_experts_believe(self):
        text = story("Experts believe the automated cranes could double the port's capacity within a decade.")
        assert_one(text, "Experts believe", 4)

    def test_a_few_words_between_group_and_verb(self):
        text = story("Port officials privately say the strike could cost the region millions of dollars a day.")
        assert_one(text, "officials privately say", 4)

    def test_group_and_verb_across_a_wrapped_line(self):
        text = "Port strike halts cargo\n\nThe talks could resume on Wednesday, port\nofficials said.\n"
        [finding] = findings(text)
        assert covered(text, finding) == "officials said"
        assert (finding.span.line, finding.span.column, finding.span.end_column) == (4, 1, 15)

    def test_in_the_summary_line(self):
        text = (
            "Dockworkers walked off the job on Monday, and officials say the strike could last into next month "
            "as talks over automation stall.\nPort Strike Halts Cargo\nBy Tom Reyes\n" + LEDE + "\n"
        )
        assert_one(text, "officials say", 1)

    def test_in_a_dek_written_in_sentences(self):
        text = "Port Strike Halts Cargo\nOfficials say the strike could last weeks.\nBy Tom Reyes\n" + LEDE + "\n"
        assert_one(text, "Officials say", 2)

    def test_in_markdown_front_matter_dek(self):
        text = "---\ntitle: Port Strike Halts Cargo\ndek: Officials say the strike could last weeks.\n---\n\n" + LEDE + "\n"
        found = findings(text, name="story.md")
        assert [covered(text, f) for f in found] == ["Officials say"]
        assert (found[0].span.line, found[0].span.column) == (3, 6)

    def test_each_occurrence_fires(self):
        text = story("Officials say the strike could last weeks.", "Analysts expect shipping lines to divert more vessels.")
        assert [covered(text, f) for f in findings(text)] == ["Officials say", "Analysts expect"]


class TestSilent:
    def test_named_official(self):
        text = story(
            "Ms. Rivera, the ministry spokeswoman, said the government would not intervene unless the strike spread."
        )
        assert findings(text) == []

    def test_described_source(self):
        text = story("Karen Liu, the port authority’s executive director, said the cranes would be phased in over five years.")
        assert findings(text) == []

    def test_officials_without_a_sourcing_verb(self):
        text = story("Port officials have endorsed a plan to retrain crane operators, though the union called it too little.")
        assert findings(text) == []

    def test_group_and_verb_too_far_apart(self):
        text = story("Officials met on Monday with union leaders in the mayor's office. The mayor said the port would reopen.")
        assert findings(text) == []

    def test_inside_quotation_marks(self):
        text = story(
            "Luis Alvarez, the union president, mocked the port authority: “Officials say a lot of things, and then "
            "they buy more cranes,” he said."
        )
        assert findings(text) == []

    def test_inside_straight_quotation_marks(self):
        text = story('Mr. Alvarez said, "Experts believe whatever the port pays them to believe," and left the stage.')
        assert findings(text) == []

    def test_headline_is_not_checked(self):
        text = "Officials Say Strike Could Last Weeks\nBy Tom Reyes\n" + LEDE + "\n"
        assert findings(text) == []

    def test_group_word_inside_another_word(self):
        text = story("Nonexperts said little at the meeting, where the union laid out its demands in detail.")
        assert findings(text) == []

    def test_markdown_code_fence_is_not_checked(self):
        text = "# Port Strike Halts Cargo\n\n" + LEDE + "\n\n```\nOfficials say the strike could last weeks.\n```\n"
        assert findings(text, name="story.md") == []


class TestRegressions:
    def test_inverted_said_officials(self):
        text = story("The talks could resume as soon as Wednesday, said two officials briefed on the plans.")
        [finding] = findings(text)
        assert "officials" in covered(text, finding)
    def test_think_tanks_are_not_sourcing(self):
        text = story("Some think tanks have argued that automation will create more jobs at the port than it ends.")
        assert findings(text) == []
    def test_markdown_folded_dek_is_checked(self):
        text = (
            "---\ntitle: Port Strike Halts Cargo\ndescription: >\n  Officials say the strike could last weeks.\n---\n\n"
            + LEDE
            + "\n"
        )
        found = findings(text, name="story.md")
        assert [covered(text, f) for f in found] == ["Officials say"]
        assert found[0].span.line == 4
