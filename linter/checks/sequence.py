"""sequence: a run of words, one pattern a word, within a sentence
("be" then a word not "to" …), as Vale's ``extends: sequence`` gives it.

Each step is a mapping: ``pattern`` (a word it must match, whole),
``negate`` (the word must not match it), ``skip`` (up to that many words
may stand between the step's word and the next step's, as Vale's
documentation gives it). Vale's steps may also give a
part-of-speech ``tag``; copydesk tags no words, so a rule with one is not
loaded (linter.core.vale says so) rather than read without its tags.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, NamedTuple

import regex

from linter.article.document import Document, Role
from linter.core.check import REQUIRED, Check, Param
from linter.results.findings import Finding
from linter.support import budget, patterns

if TYPE_CHECKING:
    from linter.core.context import RunContext
    from linter.core.rule import Rule

STEP_KEYS = ("pattern", "negate", "skip")
MAX_WORDS = 12  # the words a message may quote, one placeholder each
# a word (with its inner apostrophes), or one mark of punctuation; compiled
# when a sequence rule loads, not on every run's start
WORD = r"[\p{L}\p{N}_]+(?:['’][\p{L}\p{N}_]+)*|[^\s\p{L}\p{N}_]"


class Step(NamedTuple):
    pattern: regex.Pattern[str]
    negate: bool
    gap: int  # words that may stand between the step before and this one

    def matches(self, word: str) -> bool:
        return (self.pattern.fullmatch(word, timeout=budget.time_left()) is not None) != self.negate


def steps_of(tokens: tuple[dict[str, Any], ...], ignorecase: bool) -> list[Step]:
    """The steps of a rule's ``tokens``; what is wrong with one is a
    ValueError. A step with only ``skip`` widens the gap after the step
    before it."""
    steps: list[Step] = []
    gap = 0
    for token in tokens:
        unknown = [key for key in token if key not in STEP_KEYS]
        if unknown:
            raise ValueError(f"a step takes {', '.join(STEP_KEYS)}, not {unknown[0]!r}")
        skip = token.get("skip", 0)
        if isinstance(skip, bool) or not isinstance(skip, int) or skip < 0:
            raise ValueError(f"skip must be a whole number of words, not {skip!r}")
        if not token.get("pattern"):
            gap += skip
            continue
        try:
            pattern = patterns.compile(str(token["pattern"]), (regex.I if ignorecase else 0) | regex.V1)
        except regex.error as error:
            raise ValueError(f"invalid pattern {token['pattern']!r}: {error}") from None
        steps.append(Step(pattern, bool(token.get("negate", False)), gap if steps else 0))
        gap = skip
    if not any(not step.negate for step in steps):
        raise ValueError("a sequence needs a step with a pattern that is not negated")
    return steps


def match_at(words: list[str], first: int, steps: list[Step]) -> int | None:
    """The index after the last word of the sequence starting at word
    ``first``, or None. A step's word is the first it matches of the words
    its gap allows."""
    at = first
    for step in steps:
        for place in range(at, min(at + step.gap + 1, len(words))):
            if step.matches(words[place]):
                at = place + 1
                break
        else:
            return None
    return at


class Sequence(Check):
    name = "sequence"
    summary = "A run of words, one pattern a word, within a sentence."
    params = {
        "tokens": Param("mappings", REQUIRED, "the steps, in order: each a pattern (a whole word), negate, and skip (words that may follow it before the next)"),
        "ignorecase": Param("bool", False, "match without regard to case"),
    }
    fields = ("match", *(f"word{n}" for n in range(1, MAX_WORDS + 1)))
    default_scope = (Role.BODY, "sentence")

    @classmethod
    def validate(cls, params: dict[str, Any]) -> None:
        steps_of(params["tokens"], params["ignorecase"])

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        self.steps = steps_of(self.options["tokens"], self.options["ignorecase"])
        self.words = patterns.compile(WORD)

    def check(self, doc: Document) -> Iterator[Finding]:
        for text, start in self.segments(doc):
            found = list(self.words.finditer(text))
            words = [match.group() for match in found]
            first = 0
            while first < len(words):
                end = match_at(words, first, self.steps)
                if end is None:
                    first += 1
                    continue
                begin, stop = start + found[first].start(), start + found[end - 1].end()
                quoted = {f"word{n}": "" for n in range(1, MAX_WORDS + 1)}
                quoted.update({f"word{n}": word for n, word in enumerate(words[first:end][:MAX_WORDS], 1)})
                yield self.finding(doc, begin, stop, match=doc.text[begin:stop], **quoted)
                first = end
