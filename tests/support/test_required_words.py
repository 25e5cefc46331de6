"""The words a pattern rule needs before it reads a block: a necessary
condition, so skipping blocks without them never loses a finding."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
import regex

from linter.support import patterns
from linter.support.required_words import literals_of

PATTERNS = [
    "very unique",
    r"past (?:history|experience)",
    r"perfect\s+storm",
    r"(?<!chicken\s)Kiev",
    r"spark(?:s|ed|ing)?\s+(?:outrage|fury)",
    r"game[\s-]?changers?",
    r"sen(?:d|ds|t|ding)\s+a\s+(?:clear|strong)\s+message",
    r"(?:grinding|screeching)\s+halt",
    r"e-?mail",
    r"(?<![\p{L}])Kiev(?!\s+\p{Lu}\p{Ll})",
    r"(?:sparked|halt)++\s+\P{Lu}",
]


def test_required_words_of_patterns() -> None:
    assert literals_of(["very unique", "Kiev"]) == ("very unique", "kiev")
    assert literals_of([r"past (?:history|experience)"]) == ("history", "experience")
    assert literals_of([r"(?<!chicken\s)Kiev"]) == ("kiev",)
    assert literals_of([r"\d{3}0's"]) == ("0's",)  # the literal tail every match holds
    assert literals_of([r"\d+\s?(?:am|pm)"]) is None  # nothing of three letters a match must hold
    assert literals_of([r"(?<=\p{Ll}\s)Internet"]) == ("internet",)  # regex's Unicode classes are read
    assert literals_of([r"(?:newly|widely)-\p{L}+"]) == ("newly", "widely")
    assert literals_of([r"\\p{L}ast"]) == ("\\p{l}ast",)  # an escaped backslash: the text "\p{L}ast"
    assert literals_of([r"(?V1)[[a-z]--[aeiou]]ast"]) is None  # other regex-only syntax: not read
    assert literals_of([patterns.compile(r"(?i)past (?:history|experience)", regex.V1).pattern]) == ("history", "experience")
    assert literals_of(["Kiev", "!"]) is None  # one token without a word: the rule reads every block


WORDS = st.sampled_from(
    "very unique Unique past history experience perfect storm chicken Kiev KIEV spark sparked sparks outrage "
    "fury game changer game-changers sent send a clear strong message grinding halt e-mail email mail the port".split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=12).map(" ".join), st.sampled_from(PATTERNS))
def test_a_text_a_pattern_matches_holds_one_of_its_words(text: str, pattern: str) -> None:
    words = literals_of([pattern])
    if regex.search(pattern, text, regex.I | regex.V1):
        assert words is None or any(word in text.casefold() for word in words)
