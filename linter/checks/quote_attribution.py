"""quote-attribution: quoted speech that no one in reach says (issue 17).

A quotation is attributed when the reporter's words say where it comes
from, by any convention a copy desk accepts (see ``linter.language.speakers``): a
verb or frame of saying in its own sentence whose subject can speak, a
colon that introduces it ("Ms. Ortiz: “…”"), a transcript's speaker label
("PENCE: …") or a signature ("“…” ― Ana Ruiz"). A quotation with no frame
in its sentence takes its speaker from the sentence of the reporter's own
before it (the same speaker going on, over quoted sentences and beats such
as "She pauses."; further back only within its own paragraph; a question
it answers) or the one after it, when that has a verb of saying; a
sentence that merely mentions someone ("Ortiz was not in town.") does not
attribute. Speech hung on a subject that cannot speak ("The tone …
suggests …, underscoring, “…”") is flagged.

Not speech, and never flagged: short quotations and lower-case fragments
(scare quotes, terms), titles of works and names (after a cue, or short and
in title case), and words after a naming cue (signs, chants, slogans,
ballot wording, "so-called").
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Iterator

import regex

from linter.support import patterns
from linter.core.check import REQUIRED, Check, Param
from linter.article.document import Block, Document, Quote, Role, Sentence
from linter.results.findings import Finding
from linter.article.furniture import is_photo_credit
from linter.support.titlecase import is_title_case
from linter.language.speakers import SpeakerFinder, reporter_words

if TYPE_CHECKING:
    from linter.core.context import RunContext
    from linter.core.rule import Rule

_WORD = patterns.compile(r"\p{L}{2,}")
# A transcript's speaker label opening the quotation: "PENCE: Well, ...".
_SPEAKER_LABEL = patterns.compile(r"^[\"“]?\s*(?:\p{Lu}{1,3}\.\s?)?\p{Lu}[\p{Lu}'’\-]+(?:\s+\p{Lu}[\p{Lu}'’\-.]+){0,2}:")
# A signature after the quotation: "“…” ― Ana Ruiz".
_SIGNED = patterns.compile(r"\s*[―—–]\s*\p{Lu}")
_FIRST_LETTER = patterns.compile(r"\p{L}")
# A paragraph signed at its end: "… ” ― Ana Ruiz." (a bar or a dash, then
# a name of up to five words).
_SIGNATURE = patterns.compile(r"[”\"]\s*[―—]\s*\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,4}\.?\s*$")
# A credit on the line below a quotation, as roundups and galleries print
# one: a short line of the reporter's own that ends in a name ("Former
# harbor commissioner Dana Whitfield."), with no quote mark of its own but
# for the closing mark of the quotation above, when the copy put it after
# the credit ("…possible. / Former commissioner Dana Whitfield.”").
_CREDIT_LINE = patterns.compile(
    r"^\p{Lu}[^\n.!?:;\"“”]{0,60}?\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{L}'’\-]+\.?[\"”]?$"
)
_CREDIT_MAX_WORDS = 10
# The short sentence right after a quotation, in its paragraph: a photo or
# post credit there ("Getty/Instagram.") credits the quotation.
_NEXT_SENTENCE = patterns.compile(r"[ \t]*([^.!?\n\"“”]{1,60}[.!?]?)(?=\s|$)")
# The reporter's sentence going on after a quotation: a space, then a word
# in lower case.
_GOES_ON = patterns.compile(r"[ \t]+\p{Ll}")
# How many sentences a search for a neighbouring speaker reads at most.
_REACH = 8
# How many sentences of the reporter's own before a quotation may stand
# between it and its speaker.
_BACK = 3


def _cue(words: tuple[str, ...], tail: str) -> regex.Pattern[str] | None:
    """A pattern for cue words right before a quotation, or None."""
    if not words:
        return None
    return patterns.compile(rf"(?<![\p{{L}}])(?:{patterns.words(words)}){tail}", regex.I | regex.V1)


class _Prose:
    """The sentences of the story's prose blocks in order, with their start
    offsets for bisection."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self.starts = [sentence.span.start for sentence in sentences]


class QuoteAttribution(Check):
    name = "quote-attribution"
    summary = "Quoted speech does not say who or what it comes from."
    params = {
        "min_words": Param("int", 3, "shorter quotations are scare quotes and need no speaker"),
        "speech_verbs": Param("strings", REQUIRED, "verbs and frames of saying: said, told, according to..."),
        "pronouns": Param("strings", ("he", "she"), "pronouns that need someone mentioned earlier"),
        "person_nouns": Param("strings", REQUIRED, "nouns for a person a pronoun may point to: spokesman, woman..."),
        "mute_subjects": Param("strings", (), "subjects that cannot speak: tone, mood..."),
        "fragment_min_words": Param(
            "int", 8, "a quotation that opens in lower case (a fragment) shorter than this is a term, not speech"
        ),
        "title_cues": Param("strings", (), "words before a quotation that make it a title: film, book, report..."),
        "title_case_max_words": Param("int", 7, "a quotation this short in title case is a title or a name"),
        "naming_cues": Param("strings", (), "words that make the quotation a name, not speech: nicknamed, dubbed..."),
        "term_max_words": Param(
            "int", 4, "a quotation this short, unpunctuated, that the sentence goes on from is a term or slogan"
        ),
        "display_max_words": Param(
            "int", 8, "a quotation this short standing alone as a paragraph is display copy (a subhead, a pull quote)"
        ),
    }
    fields = ("quote",)
    default_scope = (Role.SUMMARY, Role.DEK, Role.BODY)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        self.finder = SpeakerFinder(
            verbs=self.options["speech_verbs"],
            pronouns=self.options["pronouns"],
            person_nouns=self.options["person_nouns"],
            mute=self.options["mute_subjects"],
        )
        self.title_cue = _cue(self.options["title_cues"], r"[,:]?\s+$")
        self.naming_cue = _cue(self.options["naming_cues"], r"[\s,:]+(?:[\p{L}’'\-]+[\s,:]+){0,3}$")

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = _Prose([s for block in self.blocks(doc) if block.prose for s in block.sentences])
        # A quotation left open at the end of a paragraph goes on in the next
        # one when that opens with a quote mark, and one left open inside a
        # paragraph (paragraphs merged onto one line) in the next quotation
        # of that paragraph; the parts share a speaker.
        chains: list[list[Quote]] = []
        chain: list[Quote] = []
        for block in self.blocks(doc):
            if not chain and self._display_quote(block):
                continue  # a subhead or pull quote standing alone: display copy, not speech
            for quote in block.quotes:
                continues = bool(chain) and (quote.span.start == block.span.start or chain[-1].block is block)
                if chain and not continues:
                    chains.append(chain)
                    chain = []
                # Short quotations are scare quotes, unless part of a quote
                # running over paragraphs.
                long_enough = self._speech_sized(quote) or continues or not quote.closed
                if long_enough and not self._is_title(block.text, quote, block.span.start) and not self._is_term(doc, quote):
                    chain.append(quote)
                    if quote.closed:
                        chains.append(chain)
                        chain = []
        if chain:
            chains.append(chain)
        # The paragraph whose last quotation had a speaker: a later quotation
        # in it, after narration, is the same speaker going on (paragraphs
        # merged onto one line run a speaker's quotes and the narration
        # between them).
        speaking: Block | None = None
        for chain in chains:
            if any(self._attributed(doc, part, prose) for part in chain):
                speaking = chain[-1].block
            elif speaking is not chain[0].block and not self._credited_below(doc, chain[-1]):
                for part in chain:
                    yield self.finding(doc, part.span.start, part.span.end, quote=part.text)

    def _speech_sized(self, quote: Quote) -> bool:
        """Long enough to be speech: a fragment that opens in lower case
        ("“a living room in the suburbs”") must be longer than a sentence."""
        words = quote.words
        if words < self.options["min_words"]:
            return False
        opening = _FIRST_LETTER.search(quote.text)
        return not (opening and opening.group().islower()) or words >= self.options["fragment_min_words"]

    def _is_title(self, text: str, quote: Quote, base: int) -> bool:
        """A title of a work or a name, not speech: after a cue ("the film
        “Harbor Lights”"), or short and in title case ("The Salt Year")."""
        before = text[: quote.span.start - base]
        if any(cue and cue.search(before) for cue in (self.title_cue, self.naming_cue)):
            return True
        words = quote.text.rstrip(".,!?").split()
        return 2 <= len(words) <= self.options["title_case_max_words"] and is_title_case(quote.text, minimum=1)

    def _is_term(self, doc: Document, quote: Quote) -> bool:
        """A short quotation the reporter's sentence goes on from, with no
        punctuation of its own: a slogan or a term used as a noun ("“Stay
        or pay” could make companies think again"), not speech."""
        if not quote.closed or quote.words > self.options["term_max_words"]:
            return False
        if doc.text[quote.inner.start : quote.inner.end].rstrip().endswith((".", ",", "!", "?", ";", ":")):
            return False  # punctuated as speech: “Jobs first, always.”
        return bool(_GOES_ON.match(doc.text, quote.span.end))

    def _display_quote(self, block: Block) -> bool:
        """Whether a paragraph is one short quotation and nothing else: a
        subhead or a pull quote, display copy that needs no speaker."""
        if len(block.quotes) != 1 or not block.quotes[0].closed:
            return False
        quote = block.quotes[0]
        rest = block.text[: quote.span.start - block.span.start] + block.text[quote.span.end - block.span.start :]
        return not _WORD.search(rest) and quote.words <= self.options["display_max_words"]

    def _credited_below(self, doc: Document, quote: Quote) -> bool:
        """Whether a quotation that ends its paragraph is credited on the
        line below ("Former harbor commissioner Dana Whitfield."), or is the
        words of a picture credited there ("Getty/Instagram.")."""
        block = quote.block
        if quote.span.end < block.span.end - 1:
            return False
        following = block.index + 1  # a block's index is its place in doc.blocks
        below = doc.blocks[following] if following < len(doc.blocks) else None
        if below is None or len(below.text.split()) > _CREDIT_MAX_WORDS:
            return False
        return bool(_CREDIT_LINE.match(below.text.strip())) or is_photo_credit(below.text.strip())

    def _attributed(self, doc: Document, quote: Quote, prose: "_Prose") -> bool:
        if _SPEAKER_LABEL.match(quote.text) or _SIGNED.match(doc.text, quote.span.end):
            return True  # "PENCE: Well, ..." in a transcript; "“…” ― Ana Ruiz"
        if _SIGNATURE.search(quote.block.text):
            return True  # a paragraph of quotation signed at its end
        credit = _NEXT_SENTENCE.match(doc.text, quote.span.end)
        if credit and is_photo_credit(credit.group(1)):
            return True  # "“…” Getty/Instagram.": words of a posted image, credited as one
        sentences = prose.sentences
        first = max(bisect.bisect_right(prose.starts, quote.span.start) - 1, 0)
        last = max(bisect.bisect_left(prose.starts, quote.span.end) - 1, first)
        if not sentences or sentences[first].span.start >= quote.span.end:
            return False
        frame = " ".join(reporter_words(sentences[i]) for i in range(first, last + 1))
        if _WORD.search(frame):
            verdict = self.finder.says(doc, frame, sentences[first].span.start)
            if verdict is not None:
                return verdict  # a speaker, or speech hung on one that cannot speak
            introduced = self.finder.introduces(frame[: quote.span.start - sentences[first].span.start])
            if introduced is not None:
                return introduced  # "Ms. Ortiz:", but not "The mood was grim:"
        # No verb of saying in its sentence: the speaker of the sentences
        # before may go on (over other quoted sentences), or the sentence
        # after may give one.
        return self._neighbour_says(doc, sentences, first, -1) or self._neighbour_says(doc, sentences, last, 1)

    def _neighbour_says(self, doc: Document, sentences: list[Sentence], at: int, step: int) -> bool:
        """Whether a sentence of the reporter's own before (step -1) or
        after (+1) has a verb of saying, or (the one right before) leads in
        to what follows (a colon, a question). Sentences that are all
        quotation are passed over, and so, before, are a speaker's beats
        ("She pauses."). Before, the speaker may be given in the nearest
        sentence of the reporter's own, or, while they are in the
        quotation's own paragraph, in any of the ``_BACK`` nearest ("Ortiz,
        32, said … Ortiz backs the plan. “I'm…”"); after, only in the next
        one."""
        index, left = at + step, _BACK if step < 0 else 1
        for _ in range(_REACH):
            if not 0 <= index < len(sentences) or not left:
                return False
            words = reporter_words(sentences[index])
            if _WORD.search(words):
                if self.finder.says(doc, words, sentences[index].span.start):
                    return True
                if step < 0 and self.finder.beat(words):
                    index += step
                    continue
                if step < 0 and left == _BACK and self.finder.leads_in(words):
                    return True  # "Partial transcript as follows:", "Why was he there?"
                if sentences[index].block is not sentences[at].block:
                    return False  # a paragraph of other matters between
                left -= 1
            index += step
        return False
