"""The general-purpose check types and scopes, through rules written in
YAML as a newsroom would write them."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from conftest import covered
from linter.core.config import Config
from linter.core.engine import Engine
from linter.support.errors import ConfigError
from linter.core.plugins import load_plugins

HEAD = "Port Strike Enters Second Week\n\nBy Ana Ruiz\n\n"


def lint_with(tmp_path: Path, rule_yaml: str, body: str, head: str = HEAD) -> list[tuple[str, str]]:
    """(covered text, message) of the findings of one rule on one story."""
    folder = tmp_path / "house"
    folder.mkdir(exist_ok=True)
    (folder / "rule.yaml").write_text(textwrap.dedent(rule_yaml))
    engine = Engine(Config(rules=[folder], select=["house-*"]), load_plugins())
    text = head + body + "\n"
    return [(covered(text, f), f.message) for f in engine.lint_text(Path("story.txt"), text)]


EXISTENCE = """\
id: house-redundancy
check: existence
severity: warning
message: "Cut “{match}”."
tokens: [very unique, completely destroyed, 'past (?:history|experience)']
"""


def test_existence_finds_tokens_and_patterns(tmp_path: Path) -> None:
    body = "The very unique crane was Completely Destroyed. Past history says nothing. A unique crane."
    assert lint_with(tmp_path, EXISTENCE, body) == [
        ("very unique", "Cut “very unique”."),
        ("Completely Destroyed", "Cut “Completely Destroyed”."),
        ("Past history", "Cut “Past history”."),
    ]


def test_existence_respects_case_word_edges_and_exceptions(tmp_path: Path) -> None:
    rule = EXISTENCE.replace("tokens:", "ignorecase: false\nexceptions: [very unique]\ntokens:")
    body = "The very unique crane was Completely Destroyed, then completely destroyed. Averyunique word."
    assert [t for t, _ in lint_with(tmp_path, rule, body)] == ["completely destroyed"]


def test_the_scope_can_skip_quoted_speech_or_read_only_it(tmp_path: Path) -> None:
    body = "“This is a very unique strike,” said Joana Silva, the union leader. The very unique strike goes on."
    outside = EXISTENCE + "scope: [body, ~quotation]\n"
    assert [t for t, _ in lint_with(tmp_path, outside, body)] == ["very unique"]
    assert lint_with(tmp_path, outside, body)[0][0] == "very unique"
    inside = EXISTENCE + "scope: [body, quotation]\n"
    found = lint_with(tmp_path, inside, body)
    assert len(found) == 1 and body.index("very unique") < body.index("said")


SUBSTITUTION = """\
id: house-places
check: substitution
severity: warning
message: "Write “{replacement}”, not “{match}”."
swap: {Kiev: Kyiv, ceasefire: cease-fire, 'e-?mail': email}
scope: [~quotation]
"""


def test_substitution_reports_and_fixes_keeping_the_capital(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "rule.yaml").write_text(SUBSTITUTION)
    engine = Engine(Config(rules=[folder], select=["house-*"]), load_plugins())
    text = HEAD + "Ceasefire talks in Kiev resumed, by e-mail. “We want a ceasefire,” Ms. Ruiz said.\n"
    findings = engine.lint_text(Path("story.txt"), text)
    assert [(covered(text, f), f.fix.edits[0].replacement, f.fix.safe) for f in findings] == [
        ("Ceasefire", "Cease-fire", False),
        ("Kiev", "Kyiv", False),
        ("e-mail", "email", False),
    ]
    assert findings[1].message == "Write “Kyiv”, not “Kiev”."


OCCURRENCE = """\
id: house-headline-length
check: occurrence
severity: warning
message: "Headline has {count} words; keep it to {limit}."
max: 8
scope: headline
"""


def test_occurrence_counts_words_in_a_headline(tmp_path: Path) -> None:
    long_head = "Port Strike Enters Its Second Week as Talks Stall Again in Santos\n\nBy Ana Ruiz\n\n"
    assert lint_with(tmp_path, OCCURRENCE, "The strike goes on.", head=long_head) == [
        ("Port Strike Enters Its Second Week as Talks Stall Again in Santos", "Headline has 12 words; keep it to 8.")
    ]
    assert lint_with(tmp_path, OCCURRENCE, "The strike goes on.") == []


def test_occurrence_in_sentences_and_in_the_whole_document(tmp_path: Path) -> None:
    rule = """\
    id: house-said
    check: occurrence
    severity: info
    message: "“said” {count} times (limit {limit})."
    token: ['said']
    max: 1
    scope: [body, sentence]
    """
    body = "He said it, she said it. They said nothing.\n\nWe said more."
    assert lint_with(tmp_path, rule, body) == [("He said it, she said it.", "“said” 2 times (limit 1).")]
    whole = rule.replace("[body, sentence]", "[body, document]").replace("max: 1", "max: 3")
    assert [m for _, m in lint_with(tmp_path, whole, body)] == ["“said” 4 times (limit 3)."]


REPETITION = """\
id: house-repeats
check: repetition
severity: error
message: "Repeated word: “{match}”."
"""


def test_repetition_finds_doubled_words_and_offers_the_fix(tmp_path: Path) -> None:
    body = "The the strike went on on Monday. She had had enough, he said: no no."
    assert lint_with(tmp_path, REPETITION, body) == [
        ("The the", "Repeated word: “The the”."),
        ("on on", "Repeated word: “on on”."),
    ]


CONSISTENCY = """\
id: house-consistent
check: consistency
severity: warning
message: "The story writes “{first}” first; keep to it, not “{second}”."
either: {Dmitri: Dmitry, cease-fire: ceasefire}
"""


def test_consistency_reports_the_second_form_only_when_both_are_used(tmp_path: Path) -> None:
    body = "Dmitri spoke first. The ceasefire held. Later Dmitry left, and the ceasefire broke."
    assert lint_with(tmp_path, CONSISTENCY, body) == [
        ("Dmitry", "The story writes “Dmitri” first; keep to it, not “Dmitry”.")
    ]


CONDITIONAL = """\
id: house-acronyms
check: conditional
severity: warning
message: "Spell out “{term}” before using it."
exceptions: [NATO, FBI]
"""


def test_conditional_acronym_defined_before_use(tmp_path: Path) -> None:
    body = (
        "The IAEA sent inspectors. The International Atomic Energy Agency (IAEA) said so. "
        "The World Food Programme (WFP) and the WFP staff left. NATO and the FBI watched. The IAEA left."
    )
    assert lint_with(tmp_path, CONDITIONAL, body) == [("IAEA", "Spell out “IAEA” before using it.")]


CAPITALIZATION = """\
id: house-headline-case
check: capitalization
severity: warning
message: "{words} break {style} case; first “{word}”."
style: {style}
"""


def test_capitalization_in_title_and_sentence_style(tmp_path: Path) -> None:
    head = "Port strike Enters Its Second Week in Santos\n\nBy Ana Ruiz\n\n"
    body = "Dockworkers in Santos walked out again on Monday."
    title = lint_with(tmp_path, CAPITALIZATION.replace("{style}", "title"), body, head=head)
    assert title == [("strike", "“strike” break title case; first “strike”.")]
    sentence = lint_with(tmp_path, CAPITALIZATION.replace("{style}", "sentence"), body, head=head)
    # One finding for the headline, naming every word; Santos is a name.
    assert sentence == [("Enters Its Second Week", "“Enters”, “Its”, “Second”, “Week” break sentence case; first “Enters”.")]


def test_capitalization_never_takes_a_quote_mark_into_a_word(tmp_path: Path) -> None:
    head = "Mayor Says ‘It’s Time to Buy an iPhone’ for Every Clerk\n\nBy Ana Ruiz\n\n"
    rule = CAPITALIZATION.replace("{style}", "title") + "exceptions: [iPhone]\n"
    found = lint_with(tmp_path, rule, "The council met on Monday.", head=head)
    assert found == []  # "It’s" keeps its apostrophe; "iPhone’" would miss the exception
    head = "Voters 'don't trust' the new council\n\nBy Ana Ruiz\n\n"
    found = lint_with(tmp_path, CAPITALIZATION.replace("{style}", "title"), "The council met on Monday.", head=head)
    assert found == [("don't trust' the new council", "“don't”, “trust”, “new”, “council” break title case; first “don't”.")]


READABILITY = """\
id: house-plain
check: readability
severity: info
message: "Grade {grade}; aim for {limit} or lower."
grade: 12
min_words: 10
"""


def test_readability_reports_hard_paragraphs(tmp_path: Path) -> None:
    hard = (
        "Notwithstanding considerable institutional reorganization, intergovernmental coordination "
        "mechanisms demonstrated insufficient operational effectiveness, necessitating comprehensive "
        "administrative restructuring initiatives throughout municipal departments."
    )
    easy = "The port was shut for a week. Ships waited in the bay. The men went home at night and came back at dawn."
    found = lint_with(tmp_path, READABILITY, f"{hard}\n\n{easy}")
    assert len(found) == 1 and found[0][0] == hard and found[0][1].startswith("Grade ")


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (EXISTENCE.replace("very unique", "very (unique"), "tokens: invalid regular expression"),
        (SUBSTITUTION.replace("{Kiev: Kyiv", "{Kiev: [Kyiv]"), "swap: 'Kiev': keys and values must be strings"),
        (OCCURRENCE.replace("max: 8", "max: eight"), "max: must be a whole number"),
        (CAPITALIZATION.replace("{style}", "shouty"), "style: must be one of title, sentence"),
        (EXISTENCE + "scope: [body, sentence, paragraph]\n", "scope: name at most one unit"),
    ],
)
def test_bad_parameters_are_reported_with_file_and_line(tmp_path: Path, rule: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        lint_with(tmp_path, rule, "Text.")
    assert message in str(caught.value) and "rule.yaml:" in str(caught.value)


def test_case_of_fixes_follows_position_not_the_word(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "a.yaml").write_text("id: house-lower\ncheck: substitution\nseverity: info\nmessage: m\nswap: {Internet: internet, 'Web site': website}\n")
    (folder / "b.yaml").write_text("id: house-same\ncheck: consistency\nseverity: info\nmessage: m\neither: {Ceasefire: cease-fire}\n")
    engine = Engine(Config(rules=[folder], select=["house-*"]), load_plugins())
    text = HEAD + "Ceasefire talks began on the Internet and the Web site. The cease-fire held.\n"
    fixes = {covered(text, f): f.fix.edits[0].replacement for f in engine.lint_text(Path("s.txt"), text)}
    assert fixes == {"Internet": "internet", "Web site": "website", "cease-fire": "ceasefire"}


def test_a_number_is_a_word_of_the_headline_but_never_judged(tmp_path: Path) -> None:
    head = "Ruth Feldman, Harbor Pilot, Dies at 89\n\nBy Ana Ruiz\n\n"
    assert lint_with(tmp_path, CAPITALIZATION.replace("{style}", "title"), "She died on Monday.", head=head) == []


def test_a_closed_pipe_ends_the_command_quietly(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "story.txt").write_text(HEAD + "Officials say the port will close. " * 200 + "\n")
    command = f"{sys.executable} -m linter check story.txt | head -n 1"
    proc = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, text=True)
    assert "Traceback" not in proc.stderr and proc.stdout.count("\n") == 1


GRADE_EVERYTHING = """\
id: house-grade
check: readability
severity: info
message: "{grade}"
grade: 0
min_words: 3
"""

GRADED_BODY = (
    "Mr. Putin met the U.S. envoy on Jan. 5 in Moscow. They talked for hours about the port. "
    "“We agreed on nothing. Nothing at all,” said Dmitri S. Peskov, the spokesman. Talks go on.\n\n"
    "The council voted. It was late. Members left at 2 a.m. after a long debate about the budget."
)


@pytest.mark.parametrize(
    "scope", ["[body]", "[body, ~quotation]", "[body, quotation]", "[body, sentence]", "[body, sentence, ~quotation]", "[body, document]"]
)
def test_readability_grades_what_it_reads_in_every_scope(tmp_path: Path, scope: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The sentence count comes from the document model where the rule
    reads the story as written, and from splitting the text where it reads
    something else (quoted speech blanked out or kept alone, paragraphs
    joined): either way, the grade of splitting what is read."""
    from linter.checks.readability import Readability
    from linter.article.segment import sentences

    rule = GRADE_EVERYTHING + f"scope: {scope}\n"
    found = lint_with(tmp_path, rule, GRADED_BODY)
    assert found
    monkeypatch.setattr(Readability, "_sentences_in", lambda self, doc, text, start, end: len(sentences(text)))
    assert lint_with(tmp_path, rule, GRADED_BODY) == found
