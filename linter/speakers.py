"""Who is speaking: the person a verb of saying links to a quotation.

The reporter's words around a quotation (the frame) are searched for a verb
of saying; its speaker is the phrase next to it: after it ("said Joana
Silva, the union leader") or before it, back to the last quotation mark,
semicolon or the start of the sentence ("Ms. Ortiz, asked about the plan,
said"). That phrase names a person when it holds

- a person's name: a registered one, a courtesy title and a surname, a run
  of capitalised words that is not an institution ("Steve Witkoff"), or the
  surname of a name used earlier in the story;
- a pronoun ("he said") whose nearest antecedent is a named person, not an
  unnamed one ("a senior official ... he said");
- a definite role ("the spokesman") that the story has tied to a named
  person ("Dmitri S. Peskov, the Kremlin spokesman"), or whose nearest
  antecedent is a named person.

An unnamed person ("a spokesman for the company", "one engineer"), an
institution ("the Kremlin") or a possessive ("Trump's administration") is
not a speaker.
"""

from __future__ import annotations

import re

import regex

from linter import patterns
from linter.document import Document, Role, Sentence
from linter.inference import Lexicon, PeopleFinder
from linter.lexicon import FUNCTION_WORDS, NAME_WORD
from linter.names import HONORIFICS, Person

_POSSESSIVE = patterns.compile(r"^['’]s?(?!\p{L})")
_CAPITALISED_RUN = patterns.compile(
    rf"(?<![\p{{L}}\p{{N}}'’]){NAME_WORD}(?:\s+\p{{Lu}}\.)*(?:\s+{NAME_WORD})+(?![\p{{L}}\p{{N}}])"
)
_TITLED = patterns.compile(
    rf"(?<![\p{{L}}])(?:{patterns.words(HONORIFICS)})\s+{NAME_WORD}(?![\p{{L}}])"
)
# Where the phrase before a verb of saying begins.
_CLAUSE_START = patterns.compile(r"[“”\"‘;:(]")
_INDEFINITE = patterns.compile(
    r"^(?:a|an|one|another|some|several|two|three|four|five|many|few|other)\s", regex.I
)
_PERSON_NOUNS = ("man", "woman", "person", "people", "someone", "one of them")
_APPOSITION = patterns.compile(rf"{NAME_WORD}(?:,\s*\d+)?,\s*$")
_NAME_WORD = patterns.compile(NAME_WORD)
_SINGLE_NAME = patterns.compile(rf"^{NAME_WORD}$")
# A person who gives only a first name is named: "who gave her name only as Ana".
_GIVEN_NAME = patterns.compile(rf"(?:first name|name only as|name as|only as),?\s+({NAME_WORD})(?![\p{{L}}])")


def reporter_words(sentence: Sentence) -> str:
    """The sentence with its quotations blanked out, so that only the
    reporter's words remain (offsets unchanged)."""
    chars = list(sentence.text)
    base = sentence.span.start
    for quote in sentence.block.quotes:
        for offset in range(max(quote.span.start, base), min(quote.span.end, sentence.span.end)):
            chars[offset - base] = " "
    return "".join(chars)


def _single_name(phrase: str) -> bool:
    return bool(_SINGLE_NAME.match(phrase)) and phrase not in FUNCTION_WORDS



class SpeakerFinder:
    """Built once per rule from the vocabulary in its YAML."""

    def __init__(
        self,
        *,
        verbs: tuple[str, ...],
        pronouns: tuple[str, ...],
        role_nouns: tuple[str, ...],
        institutions: tuple[str, ...],
        people: list[Person],
        people_finder: PeopleFinder | None = None,  # people outside the registry; place words
    ) -> None:
        self.verbs, self.pronouns, self.role_nouns, self.institutions = verbs, pronouns, role_nouns, institutions
        self.people, self.people_finder = people, people_finder
        self._compile()

    @property
    def lexicon(self) -> Lexicon | None:
        return self.people_finder.lexicon if self.people_finder else None

    def _compile(self) -> None:
        # Alternations of the vocabulary's escaped words, which cannot
        # backtrack for ever. The two run on every sentence near a quotation
        # are matched with Python's re, twice as fast at them as regex; the
        # others come compiled from the pattern cache. [^\W_] is a letter or
        # digit, [^\W\d_] a letter.
        bound = r"(?<![^\W_])(?:%s)(?![^\W_])"
        self._verb = patterns.compile_re(bound % patterns.words(self.verbs), re.I)
        self._pronoun = patterns.compile(r"^(?:%s)$" % patterns.words(self.pronouns), regex.I)
        self._role = patterns.compile_re(bound % patterns.words(self.role_nouns), re.I)
        self._definite_role = patterns.compile(
            r"^(?:the|his|her|their|its)\s+(?:(?:[^\W\d_]|[.\-’'])+\s+){0,3}?(?:%s)$" % patterns.words(self.role_nouns),
            regex.I,
        )
        people_nouns = (*self.role_nouns, *_PERSON_NOUNS, *(self.lexicon.role_nouns if self.lexicon else ()))
        # "a senior administration official", "one engineer": the words
        # between are modifiers, never a preposition ("a year for someone").
        modifier = r"(?!(?:for|of|in|on|to|at|by|with|from|that|who|which|and|or)\b)(?:[^\W_]|[\-’'])+\s+"
        self._unnamed = patterns.compile(
            r"(?<![^\W\d_])(?i:a|an|one|another)\s+(?:%s){0,3}?(?:%s)(?![^\W\d_])"
            % (modifier, patterns.words(tuple(set(people_nouns)))),
        )
        self._institution = patterns.compile(bound % patterns.words(self.institutions)) if self.institutions else None
        registered = {form for p in self.people for form in (p.name, p.plain, p.surname, *p.variants)}
        self._registered = patterns.compile(bound % patterns.words(registered)) if registered else None

    # --- names ------------------------------------------------------------

    def _names(self, text: str) -> list[tuple[int, str]]:
        """(offset, name) of the people named in ``text``; possessives are
        left out."""
        found: list[tuple[int, str]] = [(m.start(1), m.group(1)) for m in _GIVEN_NAME.finditer(text)]
        for pattern in (self._registered, _TITLED, _CAPITALISED_RUN):
            if pattern is None:
                continue
            for match in pattern.finditer(text):
                if _POSSESSIVE.match(text[match.end() :]):
                    continue
                name = match.group()
                if pattern is _CAPITALISED_RUN:
                    name = self._strip_leading(name)
                    if not name or self._is_institution(name) or self._is_place(name):
                        continue
                found.append((match.start(), name))
        return found

    @staticmethod
    def _strip_leading(name: str) -> str:
        words = name.split()
        while words and words[0] in FUNCTION_WORDS:
            words.pop(0)
        return " ".join(words) if len(words) >= 2 else ""

    def _story_blocks(self, doc: Document):  # type: ignore[no-untyped-def]
        """The blocks that can name a speaker: not the byline or credit,
        whose writer is not a speaker."""
        return [b for b in doc.blocks if b.role not in (Role.BYLINE, Role.CREDIT)]

    def known_surnames(self, doc: Document) -> set[str]:
        """Last words of the people named anywhere in the story, so a bare
        "Witkoff" counts once "Steve Witkoff" has been named."""
        def compute(d: Document) -> set[str]:
            surnames = {name.split()[-1] for b in self._story_blocks(d) for _, name in self._names(b.text)}
            if self.people_finder:
                surnames |= {p.surname.split()[-1] for p in self.people_finder.infer(d)}
            return surnames

        return doc.analysis(("speakers.surnames", id(self)), compute)

    def names_someone(self, doc: Document, phrase: str) -> bool:
        """Whether a phrase holds a person's name (not a possessive)."""
        if self._names(phrase):
            return True
        surnames = self.known_surnames(doc)
        return any(
            word.group() in surnames and not _POSSESSIVE.match(phrase[word.end() :])
            for word in _NAME_WORD.finditer(phrase)
        )

    # --- who said it ------------------------------------------------------

    def attributed(self, doc: Document, frame: str, start: int) -> bool:
        """Whether the reporter's words ``frame`` (which begin at offset
        ``start`` of the document) name a person as the speaker of a verb
        of saying: in the subject before it, in an appositive ("the
        union's president, Hector Villanueva, said") or after it."""
        for verb in self._verb.finditer(frame):
            before = self._phrases_before(frame, verb.start())
            for index, phrase in enumerate(before):
                if index == 0 and self._pronoun.match(phrase.split()[0]):
                    if self._antecedent_named(doc, start):
                        return True
                elif index > 0 and "name" in before[index - 1] and _single_name(phrase):
                    return True  # an appositive first name: "who gave only his first name, Gary, said"
                elif self._judge(doc, phrase, start):
                    return True
            if any(self._judge(doc, phrase, start) for phrase in self._phrases_after(frame, verb.end())):
                return True
        return False

    def names_person(self, doc: Document, text: str, start: int) -> bool:
        """For a quotation that is a sentence of its own: whether the next or
        previous sentence names a person, or has a speaker of its own."""
        if self.names_someone(doc, text) or self.attributed(doc, text, start):
            return True
        words = text.split()
        return bool(words) and bool(self._pronoun.match(words[0])) and self._antecedent_named(doc, start)

    def _is_institution(self, phrase: str) -> bool:
        return bool(self._institution and self._institution.search(phrase))

    def _is_place(self, name: str) -> bool:
        """A run like "Bayou Street" or "New Bedford": a place or a thing."""
        words = name.split()
        return bool(self.lexicon) and (words[0] in self.lexicon.not_first or words[-1] in self.lexicon.not_last)

    @staticmethod
    def _phrases_after(frame: str, end: int) -> list[str]:
        """The comma-separated parts after a verb, up to the end of the
        clause: "said the cafe's owner, Benny Nguyen, 38"."""
        rest = frame[end:]
        stop = _CLAUSE_START.search(rest)
        rest = rest[: stop.start()] if stop else rest
        return [part.strip() for part in rest.split(",")[:3] if part.strip()]

    @staticmethod
    def _phrases_before(frame: str, start: int) -> list[str]:
        """The comma-separated parts of the clause before a verb, first
        part (the subject) first: "Ms. Ortiz, asked about it, said"."""
        head = frame[:start]
        boundaries = list(_CLAUSE_START.finditer(head))
        clause = head[boundaries[-1].end() :] if boundaries else head
        return [part.strip() for part in clause.split(",") if part.strip()]

    def _judge(self, doc: Document, phrase: str, start: int) -> bool | None:
        """True when a phrase names a person, False when it names someone
        who is not a named person (unnamed, an institution), None when it
        says nothing about the speaker."""
        if not phrase:
            return None
        if self._names(phrase):
            return True
        if _INDEFINITE.match(phrase) or self._unnamed.search(phrase):
            return False  # "A Lakeport assistant": unnamed, whatever "Lakeport" is
        if self.names_someone(doc, phrase):
            return True
        if self._pronoun.match(phrase.split()[0]) and len(phrase.split()) <= 2:
            return self._antecedent_named(doc, start)
        if self._definite_role.match(phrase):
            role = self._role.search(phrase).group()
            return self._role_tied_to_name(doc, role, start) or self._antecedent_named(doc, start)
        if self._is_institution(phrase):
            return False
        return None

    def _antecedent_named(self, doc: Document, before: int) -> bool:
        """Whether the person a pronoun points to is named: the nearest
        earlier mention of a person (within three sentences) must be a name,
        not an unnamed person."""
        sentences = [s for b in self._story_blocks(doc) if b.prose for s in b.sentences if s.span.start < before]
        for sentence in reversed(sentences[-3:]):
            text = reporter_words(sentence)[: before - sentence.span.start]
            surnames = self.known_surnames(doc)
            named = [offset for offset, _ in self._names(text)] + [
                w.start() for w in _NAME_WORD.finditer(text) if w.group() in surnames
            ]
            # "Renata Fisk, a critic of the mayor," describes a named person.
            unnamed = [m.start() for m in self._unnamed.finditer(text) if not _APPOSITION.search(text, 0, m.start())]
            if named or unnamed:
                return max(named, default=-1) > max(unnamed, default=-1)
        return False

    def _role_tied_to_name(self, doc: Document, role: str, before: int) -> bool:
        """Whether an earlier sentence ties ``role`` to a name, as in
        "Dmitri S. Peskov, the Kremlin spokesman" or "spokesman Carlos
        Mendes"."""
        pattern = patterns.compile(rf"(?<![\p{{L}}]){regex.escape(role)}(?![\p{{L}}])", regex.I)
        for block in self._story_blocks(doc):
            for sentence in block.sentences:
                if sentence.span.start >= before:
                    return False
                for match in pattern.finditer(sentence.text):
                    near = sentence.text[max(0, match.start() - 60) : match.end() + 60]
                    if self._names(near) and not self._unnamed.search(sentence.text[max(0, match.start() - 40) : match.end()]):
                        return True
        return False
