"""Who is speaking: finding references to people in the words around a
quotation.

A person is a registered name, a courtesy title and a surname, a run of
capitalised words that is not an institution ("Steve Witkoff"), or the
surname of such a name used earlier in the story. A pronoun or a role noun
("the spokesman") counts only once a person has been named before it. A
possessive ("Trump's administration") is not the speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from linter.document import Document, Role
from linter.lexicon import FUNCTION_WORDS, NAME_WORD
from linter.names import HONORIFICS, Person

_POSSESSIVE = regex.compile(r"^['’]s?(?!\p{L})")
_CAPITALISED_RUN = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}'’]){NAME_WORD}(?:\s+\p{{Lu}}\.)*(?:\s+{NAME_WORD})+(?![\p{{L}}\p{{N}}])"
)
_TITLED = regex.compile(
    r"(?<![\p{L}])(?:" + "|".join(regex.escape(h) for h in HONORIFICS) + rf")\s+{NAME_WORD}(?![\p{{L}}])"
)


def _words(items: tuple[str, ...]) -> str:
    return "|".join(regex.escape(item) for item in sorted(items, key=len, reverse=True))


@dataclass
class SpeakerFinder:
    """Built once per rule from the vocabulary in its YAML."""

    verbs: tuple[str, ...]
    pronouns: tuple[str, ...]
    role_nouns: tuple[str, ...]
    institutions: tuple[str, ...]
    people: list[Person]

    def __post_init__(self) -> None:
        bound = r"(?<![\p{L}\p{N}])(?:%s)(?![\p{L}\p{N}])"
        self._verb = regex.compile(bound % _words(self.verbs), regex.I | regex.V1)
        self._pronoun = regex.compile(bound % _words(self.pronouns), regex.I | regex.V1)
        self._role = regex.compile(bound % _words(self.role_nouns), regex.I | regex.V1)
        self._institution = regex.compile(bound % _words(self.institutions), regex.V1) if self.institutions else None
        registered = {form for p in self.people for form in (p.name, p.plain, p.surname, *p.variants)}
        self._registered = regex.compile(bound % _words(tuple(registered)), regex.V1) if registered else None

    def has_verb(self, text: str) -> bool:
        return bool(self._verb.search(text))

    def _names(self, text: str) -> list[tuple[int, str]]:
        """(offset, name) of the people named in ``text``; possessives are
        left out."""
        found: list[tuple[int, str]] = []
        for pattern in (self._registered, _TITLED, _CAPITALISED_RUN):
            if pattern is None:
                continue
            for match in pattern.finditer(text):
                if _POSSESSIVE.match(text[match.end() :]):
                    continue
                name = match.group()
                if pattern is _CAPITALISED_RUN:
                    name = self._strip_leading(name)
                    if not name or (self._institution and self._institution.search(name)):
                        continue
                found.append((match.start(), name))
        return found

    @staticmethod
    def _strip_leading(name: str) -> str:
        words = name.split()
        while words and words[0] in FUNCTION_WORDS:
            words.pop(0)
        return " ".join(words) if len(words) >= 2 else ""

    def known_surnames(self, doc: Document) -> set[str]:
        """Last words of the people named anywhere in the story, so a bare
        "Witkoff" counts once "Steve Witkoff" has been named."""
        return doc.analysis(
            ("speakers.surnames", id(self)),
            lambda d: {
                name.split()[-1]
                for b in d.blocks
                if b.role not in (Role.BYLINE, Role.CREDIT)
                for _, name in self._names(b.text)
            },
        )

    def first_person_offset(self, doc: Document) -> int | None:
        """Offset of the first person named in the story (not the byline
        or credit: the reporter is not a speaker), if any."""

        def compute(d: Document) -> int | None:
            for block in d.blocks:
                if block.role in (Role.BYLINE, Role.CREDIT):
                    continue
                names = self._names(block.text)
                if names:
                    return block.span.start + min(start for start, _ in names)
            return None

        return doc.analysis(("speakers.first_person", id(self)), compute)

    def names_person(self, doc: Document, text: str, before: int) -> bool:
        """Whether ``text`` (which stands at offset ``before`` or later)
        refers to a person, by name or by a pronoun or role noun that can
        point back to one named earlier."""
        if self._names(text):
            return True
        surnames = self.known_surnames(doc)
        for word in regex.finditer(NAME_WORD, text):
            if word.group() in surnames and not _POSSESSIVE.match(text[word.end() :]):
                return True
        first = self.first_person_offset(doc)
        named_before = first is not None and first < before
        return named_before and bool(self._pronoun.search(text) or self._role.search(text))
