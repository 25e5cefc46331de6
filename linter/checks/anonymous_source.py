"""anonymous-source: an unnamed source ("a senior official said") with no
reason for the anonymity given later in the story, as NYT policy asks
("who spoke on the condition of anonymity because ...")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import regex

from linter.support import budget, patterns
from linter.core.check import REQUIRED, Check, Param
from linter.article.document import Document, Role
from linter.results.findings import Finding
from linter.language.lexicon import NAME_WORD
from linter.support.required_words import literals_of

if TYPE_CHECKING:
    from linter.core.context import RunContext
    from linter.core.rule import Rule


# The source describes a named person: "Carlos Mendes, a port official,
# said", "Lance Beebe, 49, who is a civilian employee of the Air Force,
# said".
_APPOSITIVE = patterns.compile(rf"{NAME_WORD},\s*(?:\d+,\s*)?(?:(?:who|a|an|the)\s[^,]*?)?$")


# The next sentence names the source at once: "Jason Furman, who leads the
# council, said …" after "a top adviser to the president explained why".
_NAMED_NEXT = patterns.compile(rf"{NAME_WORD}(?:\s+\p{{Lu}}\.)*(?:\s+{NAME_WORD})+,")


class AnonymousSource(Check):
    name = "anonymous-source"
    summary = "An anonymous source without a reason for the anonymity."
    params = {
        "sources": Param("regex", REQUIRED, "an unnamed source and its verb, within one sentence"),
        "reasons": Param("strings", REQUIRED, "phrases that give the reason for anonymity"),
    }
    # A summary or dek condenses the body, where the source and the reason
    # for anonymity are given.
    default_scope = (Role.BODY,)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        self.reason = patterns.compile(rf"(?<![\p{{L}}])(?:{patterns.words(self.options['reasons'])})", regex.I)
        self.literals = literals_of([self.options["sources"].pattern])

    def check(self, doc: Document) -> Iterator[Finding]:
        for block in self.blocks(doc):
            if not block.prose:
                continue
            for index, sentence in enumerate(block.sentences):
                following = block.sentences[index + 1].text if index + 1 < len(block.sentences) else ""
                if _NAMED_NEXT.match(following):
                    continue  # "a top adviser explained why: … Jason Furman, who leads …, said"
                for match in self.options["sources"].finditer(sentence.text, timeout=budget.time_left()):
                    start = sentence.span.start + match.start()
                    if block.quote_at(start) or self.reason.search(doc.text, start):
                        continue
                    if _APPOSITIVE.search(sentence.text, 0, match.start()):
                        continue  # "Carlos Mendes, a port official, said": named
                    yield self.finding(doc, start, sentence.span.start + match.end())
