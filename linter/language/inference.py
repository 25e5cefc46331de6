"""Inferring the people of a story who are not in the names registry.

A run of capitalised words (with initials and surname particles: "Ruth A.
Feldman", "Pieter van der Berg") is taken for a person only on strong
evidence, precision first:

- a title or courtesy title stands before it ("Mayor Lena Ortiz");
- a role noun stands before it ("port official Carlos Mendes", "the
  mayor, Lena Ortiz");
- an appositive follows it: a role ("Carlos Mendes, a port official"), an
  age ("Joana Silva, 54,") or "who";
- its surname is used elsewhere after a courtesy title ("Ms. Ortiz").

A run is cut to the name: words that open it without being names ("But",
"Against") and any title or role before the name ("City Councilor Tina
Okafor" is Tina Okafor, "Director Alan Brooks" is Alan Brooks) are left
out, and so are letters after it ("Philippe Sands QC"); a possessive ends
it ("Karl Rove's PAC" names Karl Rove). Runs that begin or end with a place
or organisation word (the lexicon's ``not_first`` and ``not_last``: "New
Bedford", "Harbor Authority"), or hold one ("Trump National Doral"), are
never people.

An inferred person's courtesy title is the one the story gives the surname
("Ms. Ortiz"); a person the story never gives one has none, so a bare
surname is their subsequent form (sports and arts pages).
"""

from __future__ import annotations

from collections import Counter

import regex

from linter.support import patterns
from linter.article.document import Document, Role
from linter.language.lexicon import FUNCTION_WORDS, Lexicon
from linter.language.names import HONORIFIC_FORMS, Person, canonical_honorific

_FOLLOWING_WORD = patterns.compile(r"\s+(\p{Lu}[\p{L}.]*)")
_TOKEN = patterns.compile(r"\S+")
_LETTERS_AFTER = patterns.compile(r"(?:\s+\p{Lu}{2,}(?![\p{L}]))+")  # "Philippe Sands QC, a lawyer"
SUFFIXES = ("Jr.", "Sr.", "II", "III", "IV")

class PeopleFinder:
    """Finds the people a story names in full, outside the registry."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        # An apostrophe joins a name ("O'Brien"), a possessive ends one.
        word = r"\p{Lu}\p{L}+(?:(?:['’](?![sS](?![\p{L}]))|-)\p{Lu}?\p{L}+)*"
        initial = r"\p{Lu}\.?"  # British copy writes "George W Bush"
        particle = rf"(?:{patterns.words(lexicon.particles)})"
        self.run = patterns.compile(
            rf"(?<![\p{{L}}\p{{N}}.])(?P<name>{word}(?:\s+(?:{initial}\s+)*(?:{particle}\s+)*{word})+"
            rf"(?:,?\s+(?:Jr|Sr)\.|\s+(?:II|III|IV))?)(?![\p{{L}}\p{{N}}])",
            regex.V1,
        )
        self.title_before = patterns.compile(rf"(?<![\p{{L}}])(?:{patterns.words(lexicon.titles)})\s+$")
        roles = patterns.words(lexicon.role_nouns)
        self.role_before = patterns.compile(rf"(?<![\p{{L}}])(?:{roles}),?\s+$", regex.I)
        self.appositive_after = patterns.compile(
            rf"^,\s+(?:\d{{1,3}}\s*,|who\b|(?:a|an|the|his|her|their|its)\s+(?:[\p{{L}}.\-’']+\s+){{0,5}}?(?:{roles})(?![\p{{L}}]))",
            regex.I,
        )
        self.honorific = patterns.compile(
            rf"(?<![\p{{L}}])({patterns.words(HONORIFIC_FORMS)})\s+(\p{{Lu}}\p{{L}}+(?:['’\-]\p{{Lu}}\p{{L}}+)*)"
        )
        # Words before a name that say what the person is, not who:
        # titles ("Councilor") and role nouns ("Director").
        self.role_words = frozenset(
            w.casefold()
            for w in (*lexicon.role_nouns, *HONORIFIC_FORMS, *(w for t in lexicon.titles for w in t.split()))
        )
        self.place_words = lexicon.not_first | lexicon.not_last

    def candidates(self, doc: Document) -> list[tuple[int, int, str]]:
        """(start, end, name) of the capitalised runs that could be people
        (computed once a document)."""
        return doc.analysis(("name-candidates", id(self)), self._candidates)

    def _candidates(self, doc: Document) -> list[tuple[int, int, str]]:
        found = []
        for block in doc.blocks:
            if not block.prose or block.role in (Role.BYLINE, Role.CREDIT):
                continue
            for match in self.run.finditer(block.text):
                base = block.span.start + match.start()
                if block.quote_at(base):
                    continue
                tokens = self._name_tokens(match.group("name"))
                if tokens is None:
                    continue
                after = block.text[match.end() :]
                if tokens[-1][1] in ("Jr", "Sr") and after.startswith("."):
                    tokens[-1], after = (tokens[-1][0], tokens[-1][1] + "."), after[1:]
                following = _FOLLOWING_WORD.match(after)
                if following and following.group(1) in self.lexicon.not_last:
                    continue  # part of a longer name: "Martin Luther King Jr. Boulevard"
                start, end = base + tokens[0][0], base + tokens[-1][0] + len(tokens[-1][1])
                found.append((start, end, " ".join(word for _, word in tokens)))
        # "Mr. Villaseñor Paz" is the surname of "Rodrigo Villaseñor Paz".
        names = {name for _, _, name in found}
        return [c for c in found if not any(other != c[2] and other.endswith(" " + c[2]) for other in names)]

    def _name_tokens(self, run: str) -> list[tuple[int, str]] | None:
        """The words of a run that are the name, with their offsets: without
        words that open it ("But"), titles and roles before the name
        ("City Councilor"), letters after it ("QC"); None when what is left
        is no person's name."""
        tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(run)]
        while tokens and (tokens[0][1] in FUNCTION_WORDS or tokens[0][1] in self.lexicon.leading_words):
            tokens.pop(0)
        # The name begins after the titles and roles that open the run
        # ("President Trump" names no one in full), or after the last one
        # that leaves two words: "Chicago Alderman Jason C. Ervin".
        while tokens and tokens[0][1].casefold() in self.role_words:
            tokens.pop(0)
        for index in range(len(tokens) - 3, -1, -1):
            if tokens[index][1].casefold() in self.role_words:
                tokens = tokens[index + 1 :]
                break
        while tokens and _capitals(tokens[-1][1]):
            tokens.pop()  # "Philippe Sands QC"
        words = [word for _, word in tokens]
        if len(words) < 2 or words[0] in self.lexicon.not_first or words[-1] in self.lexicon.not_last:
            return None
        if any(w in self.place_words for w in words[1:-1]):
            return None  # "Trump National Doral"
        if any(_capitals(w) for w in words):
            return None  # "RT America", "NLD Chairman"
        if any(w in HONORIFIC_FORMS for w in words):
            return None  # "Following Mr Straw": a name holds no courtesy title
        return tokens

    def infer(self, doc: Document) -> list[Person]:
        """The people named in full in ``doc``, in order of first mention
        (computed once a document)."""
        return doc.analysis(("inferred-people", id(self)), self._infer)

    def honorifics(self, doc: Document) -> dict[str, set[str]]:
        """The courtesy titles the story gives each surname ("Ortiz": {"Ms."})."""
        return doc.analysis(("honorifics", id(self)), self._honorifics)

    def _honorifics(self, doc: Document) -> dict[str, set[str]]:
        """Outside quotations: a speaker's "Mr Davis" is not the desk's."""
        honoured: dict[str, set[str]] = {}
        for block in doc.blocks:
            for match in self.honorific.finditer(block.text):
                if not block.quote_at(block.span.start + match.start()):
                    honoured.setdefault(match.group(2), set()).add(canonical_honorific(match.group(1)))
        return honoured

    def _infer(self, doc: Document) -> list[Person]:
        text = doc.text
        honoured = self.honorifics(doc)
        people: dict[str, Person] = {}
        for start, end, name in self.candidates(doc):
            if name in people:
                continue
            before, after = text[max(0, start - 80) : start], text[end : end + 120]
            letters = _LETTERS_AFTER.match(after)
            after = after[letters.end() :] if letters else after
            surname = _surname(name, self.lexicon.particles)
            strong = (
                self.title_before.search(before)
                or self.role_before.search(before)
                or self.appositive_after.match(after)
                or surname.split()[-1] in honoured
            )
            if strong:
                given = honoured.get(surname.split()[-1], set())
                honorific = next(iter(given)) if len(given) == 1 else ""
                people[name] = Person(name=name, surname=surname, honorific=honorific, inferred=True)
        return list(people.values())

    def shared_surnames(self, doc: Document, registry: dict[str, Person]) -> frozenset[str]:
        """Surnames that more than one person of the story bears: two
        people named in full with it ("Bill Clinton", "Hillary Clinton"),
        or two courtesy titles given to it ("Mr. Clinton", "Mrs. Clinton").
        A surname alone cannot say which of them it means. ``registry``
        maps each form of a registered person's name to the person."""
        bearers: dict[str, set[object]] = {}
        for _, _, name in self.candidates(doc):
            surname = _surname(name, self.lexicon.particles)
            bearers.setdefault(surname, set()).add(_identity(name, surname, registry))
        shared = {surname for surname, who in bearers.items() if len(who) > 1}
        shared |= {surname for surname, given in self.honorifics(doc).items() if len(given) > 1}
        return frozenset(shared)


def _capitals(word: str) -> bool:
    """A word in capitals that is not a name: letters ("QC", "MP") or an
    acronym ("RT"), not an initial or a generational suffix ("III")."""
    return len(word) > 1 and word.isalpha() and word.isupper() and word not in SUFFIXES


def _identity(name: str, surname: str, registry: dict[str, Person]) -> object:
    """Who a full name names: a registered person by any of their forms,
    otherwise the given name, initials and surname ("Hillary Clinton" and
    "Hillary Rodham Clinton" are one person, "Bill Clinton" another, and
    "George H. W. Bush" is not "George W. Bush")."""
    person = registry.get(name)
    if person:
        return person.name
    words = name.split()
    return (words[0], tuple(w for w in words[1:] if len(w.rstrip(".")) == 1), surname)


def _surname(name: str, particles: tuple[str, ...]) -> str:
    """The surname of a full name: its last word, with the particles before
    it ("van der Berg") and without a generational suffix."""
    words = [w for w in name.replace(",", "").split() if w not in ("Jr.", "Sr.", "II", "III", "IV")]
    surname = [words.pop()]
    while len(words) > 1 and words[-1] in particles:
        surname.insert(0, words.pop())
    return " ".join(surname)


def name_forms(people: list[Person]) -> dict[str, Person]:
    """Each form of the people's names (canonical, plain, variants), to its person."""
    return {form: p for p in people for form in (p.name, p.plain, *p.variants)}


def suggest(finder: PeopleFinder, docs: list[Document], registered: list[Person]) -> list[tuple[Person, int]]:
    """Each inferred person not in the registry (as the first story that
    names them reads them) with how many stories name them, most first."""
    known = set(name_forms(registered))
    counts: Counter[str] = Counter()
    people: dict[str, Person] = {}
    for doc in docs:
        found = {p.name: p for p in finder.infer(doc) if p.name not in known}
        counts.update(found.keys())
        for name, person in found.items():
            people.setdefault(name, person)
    return [(people[name], count) for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
