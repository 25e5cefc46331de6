"""quote-attribution: a direct quotation whose speaker is not a named person.

The speaker must be named in the words around the quotation, in the
sentence or sentences it stands in: a person's name, or a pronoun or role
noun pointing back to a person named earlier, together with a verb of
saying. A quotation that is a sentence on its own may take its speaker from
the sentence before or after it. An institution ("the Kremlin said") or a
possessive ("Trump's administration") does not name a speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import regex

from linter import patterns
from linter.checks.base import REQUIRED, Check, Param
from linter.document import Document, Quote, Role, Sentence
from linter.findings import Finding
from linter.formats.layout import is_title_case
from linter.speakers import SpeakerFinder, reporter_words

if TYPE_CHECKING:
    from linter.context import RunContext
    from linter.rules import Rule

_WORD = patterns.compile(r"\p{L}{2,}")


def _cue(words: tuple[str, ...], tail: str) -> regex.Pattern[str] | None:
    """A pattern for cue words right before a quotation, or None."""
    if not words:
        return None
    return patterns.compile(rf"(?<![\p{{L}}])(?:{patterns.words(words)}){tail}", regex.I | regex.V1)


class QuoteAttribution(Check):
    name = "quote-attribution"
    summary = "A direct quotation does not say who said it."
    params = {
        "min_words": Param("int", 3, "shorter quotations are scare quotes and need no speaker"),
        "speech_verbs": Param("strings", REQUIRED, "verbs that attribute speech: said, told, added..."),
        "pronouns": Param("strings", ("he", "she"), "pronouns that refer back to a named person"),
        "role_nouns": Param("strings", REQUIRED, "nouns for a named person's role: spokesman, president..."),
        "institutions": Param("strings", (), "words that make a capitalised name an institution"),
        "title_cues": Param("strings", (), "words before a quotation that make it a title: film, book, report..."),
        "title_case_max_words": Param("int", 7, "a quotation this short in title case is a title or a name"),
        "naming_cues": Param("strings", (), "words that make the quotation a name, not speech: nicknamed, dubbed..."),
    }
    fields = ("quote",)
    default_scope = (Role.SUMMARY, Role.DEK, Role.BODY)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        self.finder = SpeakerFinder(
            verbs=self.options["speech_verbs"],
            pronouns=self.options["pronouns"],
            role_nouns=self.options["role_nouns"],
            institutions=self.options["institutions"],
            people=context.people,
            people_finder=context.people_finder,
        )
        self.title_cue = _cue(self.options["title_cues"], r"[,:]?\s+$")
        self.naming_cue = _cue(self.options["naming_cues"], r"[\s,:]+(?:[\p{L}’'\-]+[\s,:]+){0,3}$")

    def check(self, doc: Document) -> Iterator[Finding]:
        sentences = [s for block in self.blocks(doc) if block.prose for s in block.sentences]
        # A quotation left open at the end of a paragraph goes on in the next
        # one when that opens with a quote mark, and one left open inside a
        # paragraph (paragraphs merged onto one line) in the next quotation
        # of that paragraph; the parts share a speaker.
        chain: list[Quote] = []
        for block in self.blocks(doc):
            for quote in block.quotes:
                continues = bool(chain) and (quote.span.start == block.span.start or chain[-1].block is block)
                if chain and not continues:
                    yield from self._judge(doc, chain, sentences)
                    chain = []
                # Short quotations are scare quotes, unless part of a quote
                # running over paragraphs.
                long_enough = quote.words >= self.options["min_words"] or continues or not quote.closed
                if long_enough and not self._is_title(block.text, quote, block.span.start):
                    chain.append(quote)
                    if quote.closed:
                        yield from self._judge(doc, chain, sentences)
                        chain = []
        if chain:
            yield from self._judge(doc, chain, sentences)

    def _is_title(self, text: str, quote: Quote, base: int) -> bool:
        """A title of a work or a name, not speech: after a cue ("the film
        “Harbor Lights”"), or short and in title case ("The Salt Year")."""
        before = text[: quote.span.start - base]
        if any(cue and cue.search(before) for cue in (self.title_cue, self.naming_cue)):
            return True
        words = quote.text.rstrip(".,!?").split()
        return 2 <= len(words) <= self.options["title_case_max_words"] and is_title_case(quote.text, minimum=1)

    def _judge(self, doc: Document, chain: list[Quote], sentences: list[Sentence]) -> Iterator[Finding]:
        if any(self._attributed(doc, part, sentences) for part in chain):
            return
        for part in chain:
            yield self.finding(doc, part.span.start, part.span.end, quote=part.text)

    def _attributed(self, doc: Document, quote: Quote, sentences: list[Sentence]) -> bool:
        finder = self.finder
        around = [i for i, s in enumerate(sentences) if s.span.start < quote.span.end and quote.span.start < s.span.end]
        if not around:
            return False
        frame = " ".join(reporter_words(sentences[i]) for i in around)
        start = sentences[around[0]].span.start
        if _WORD.search(frame):
            return finder.attributed(doc, frame, start)
        # The quotation is a sentence on its own: its speaker may be named
        # in the sentence before or after it.
        neighbours = [i for i in (around[0] - 1, around[-1] + 1) if 0 <= i < len(sentences)]
        return any(finder.names_person(doc, reporter_words(sentences[i]), sentences[i].span.start) for i in neighbours)
