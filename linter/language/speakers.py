"""Whether the reporter's words around a quotation say who it comes from.

A copy desk accepts any speaker: a named person, a pronoun or role whose
referent the story gives, an institution, a publication or document, an
unnamed person or group (whose anonymity is another rule's business). So
the question here is not *who* the speaker is but whether there is one: a
verb or frame of saying ("said", "according to", "likened … to", "in a
statement") whose subject can speak. A subject that cannot ("the tone of
the talks …, underscoring") does not attribute, nor does a pronoun that
points to no one the story has mentioned.
"""

from __future__ import annotations

import re

from linter.support import patterns
from linter.article.document import Document, Role, Sentence
from linter.language.lexicon import NAME_WORD

# Where the clause that holds a verb of saying begins.
_CLAUSE_START = patterns.compile(r"[“”\"‘;:(]|''|``")
# A sentence about a person: "She pauses.", "But he has met the cast."
_ABOUT_THE_SPEAKER = patterns.compile_re(r"(?:(?:but|and|so|still|yet|then)\s+)?(?:he|she)\b", re.I)
# A verb of saying in the passive voice names no speaker.
_PASSIVE = patterns.compile_re(r"\b(?:be|been|being|is|are|was|were)\s+(?:[a-z]+ly\s+)?$", re.I)
_COLON_END = patterns.compile_re(r":\s*$")
# A run of capitalised words: a name ("Luis Alvarez", "Ms. Rivera").
_NAME_RUN = patterns.compile(rf"{NAME_WORD}\.?\s+(?:\p{{Lu}}\.\s+)*{NAME_WORD}")


def reporter_words(sentence: Sentence) -> str:
    """The sentence with its quotations blanked out, so that only the
    reporter's words remain (offsets unchanged)."""
    text = sentence.text
    base, end = sentence.span.start, sentence.span.end
    for quote in sentence.block.quotes:
        start, stop = max(quote.span.start, base), min(quote.span.end, end)
        if start < stop:
            text = text[: start - base] + " " * (stop - start) + text[stop - base :]
    return text


class SpeakerFinder:
    """Built once per rule from the vocabulary in its YAML."""

    def __init__(
        self, *, verbs: tuple[str, ...], pronouns: tuple[str, ...], person_nouns: tuple[str, ...], mute: tuple[str, ...]
    ) -> None:
        # Escaped vocabulary in bounded alternations, which cannot run away;
        # matched with Python's re, faster than regex at long word lists.
        # [^\W_] is a letter or digit.
        bound = r"(?<![^\W_])(?:%s)(?![^\W_])"
        self._verb = patterns.compile_re(bound % patterns.words(verbs), re.I)
        self._pronoun = patterns.compile_re(r"^(?:%s)\b" % patterns.words(pronouns), re.I)
        self._person = patterns.compile_re(bound % patterns.words(person_nouns), re.I)
        # A subject headed by a word that cannot speak: "the tone from ...",
        # "a mood of ...". Up to two modifiers stand before the head, and
        # the subject ends there or goes on with a preposition.
        self._mute = (
            patterns.compile_re(
                r"^(?:(?:the|a|an|this|that|its|his|her|their)\s+)?(?:[^\W\d_][\w\-’']*\s+){0,2}?(?:%s)"
                r"(?:\s*$|\s+(?:of|from|in|at|for|on|around|among|within|inside|across)\s)"
                % patterns.words(mute),
                re.I,
            )
            if mute
            else None
        )

    def says(self, doc: Document, frame: str, start: int) -> bool | None:
        """Whether the reporter's words ``frame`` (which begin at offset
        ``start`` of the document) hold a verb of saying with a speaker:
        True when one has a subject that can speak, False when every one
        hangs on a subject that cannot (or a pronoun with no referent), None
        when there is no verb of saying at all."""
        verdict = None
        for verb in self._verb.finditer(frame):
            if _PASSIVE.search(frame, max(0, verb.start() - 30), verb.start()):
                continue  # "the crews have been told": the subject is the listener
            subject = self._subject(frame, verb.start())
            if self.mute(subject):
                verdict = False
            elif subject and self._pronoun.match(subject) and len(subject.split()) <= 2:
                if self.referent_before(doc, start):
                    return True
                verdict = False
            else:
                return True
        return verdict

    def mute(self, subject: str) -> bool:
        """Whether a subject is one that cannot speak ("the tone of ...")."""
        return bool(self._mute and subject and self._mute.match(subject))

    def introduces(self, words: str) -> bool | None:
        """Whether reporter's words that end in a colon introduce a
        quotation on a subject that can speak ("Ms. Ortiz:", "The
        statement read in full:"), not on one that cannot ("The mood was
        grim:"); None when they do not end in a colon."""
        colon = _COLON_END.search(words)
        if not colon:
            return None
        return not self.mute(self._subject(words, colon.start()))

    def leads_in(self, words: str) -> bool:
        """Whether the reporter's sentence right before a quotation hands
        over to it: a colon, or a question the quotation answers ("Why was
        he out in the heat? “My mom says…”")."""
        return bool(self.introduces(words)) or words.strip().endswith("?")

    @staticmethod
    def beat(words: str) -> bool:
        """Whether a sentence is a beat in a speaker's turn, not a change of
        subject: "Pause.", or a sentence about him or her ("She pauses.",
        "But he has met the cast.")."""
        return len(words.split()) <= 2 or bool(_ABOUT_THE_SPEAKER.match(words.strip()))

    @staticmethod
    def _subject(frame: str, at: int) -> str:
        """The first comma-separated part of the clause before a verb ("the
        tone from the talks" in "the tone from the talks, it seems,
        suggested"); empty when the verb opens its clause ("said Ms. Ortiz")."""
        head = frame[:at]
        boundaries = list(_CLAUSE_START.finditer(head))
        clause = head[boundaries[-1].end() :] if boundaries else head
        parts = [part.strip() for part in clause.split(",") if part.strip()]
        return parts[0] if parts else ""

    def referent_before(self, doc: Document, offset: int) -> bool:
        """Whether the story mentions someone a pronoun can point to before
        ``offset``: a capitalised name or a noun for a person, in a block
        that is the story's own (not its headline, byline or credit)."""
        return doc.analysis(("speakers.first_referent", id(self)), self._first_referent) <= offset

    def _first_referent(self, doc: Document) -> float:
        """Where the story's first mention of someone ends (infinity when
        it mentions no one)."""
        for block in doc.blocks:
            if block.role in (Role.BYLINE, Role.CREDIT, Role.HEADLINE):
                continue
            ends = [m.end() for m in (self._person.search(block.text), _NAME_RUN.search(block.text)) if m]
            if ends:
                return block.span.start + min(ends)
        return float("inf")
