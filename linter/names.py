"""People and house styles: the names registry, the style templates, and
finding each mention of a registered person in a document.

Registry entries (YAML, under ``people:``):

    - name: Vladimir V. Putin     # canonical full name, as on first reference
      surname: Putin              # the part used alone ("Xi" for Xi Jinping)
      honorific: Mr.              # courtesy title; leave out for none
      titles: [President]         # titles that may stand before the surname
      variants: [Vladimir Vladimirovich Putin, Wladimir Putin]  # forms to correct
      note: free text for editors

A house style (YAML) lists the accepted forms as templates over ``{name}``
(canonical), ``{plain}`` (canonical without middle initials),
``{surname}``, ``{honorific}`` and ``{title}``. A template whose list
field (``{title}``) is empty for a person is skipped; an empty scalar
field (no honorific) is dropped, so "{honorific} {surname}" becomes the
bare surname for a person without one.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import regex

from linter import patterns
from linter.document import Document, Role
from linter.errors import ConfigError
from linter.lexicon import FUNCTION_WORDS, NAME_WORD
from linter.yamlsource import LineMap, load_yaml, unknown_key_message

PERSON_FIELDS = ("id", "name", "surname", "honorific", "titles", "variants", "note")
STYLE_FIELDS = ("style", "description", "first_reference", "subsequent_reference")
HONORIFICS = ("Mr.", "Mrs.", "Ms.", "Mx.", "Dr.")
_INITIAL = patterns.compile(r"^\p{Lu}\.$")


class Person(NamedTuple):
    name: str
    surname: str
    honorific: str = ""
    titles: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    note: str = ""
    inferred: bool = False  # found in the story, not in the registry: courtesy title unknown

    @property
    def plain(self) -> str:
        """The canonical name without middle initials: "Vladimir Putin"."""
        words = self.name.split()
        kept = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and _INITIAL.match(w))]
        return " ".join(kept)

    def render(self, template: str) -> list[str]:
        """The forms a style template gives for this person. For a person
        inferred from the story, whose courtesy title is unknown, a template
        with ``{honorific}`` gives a form for each courtesy title."""
        titles = self.titles if "{title}" in template else ("",)
        if "{title}" in template and not self.titles:
            return []
        honorifics = HONORIFICS if self.inferred and "{honorific}" in template else (self.honorific,)
        values = {"name": self.name, "plain": self.plain, "surname": self.surname}
        return [
            " ".join(template.format(title=title, honorific=honorific, **values).split())
            for title in titles
            for honorific in honorifics
        ]


class HouseStyle(NamedTuple):
    name: str
    description: str
    first_reference: tuple[str, ...]
    subsequent_reference: tuple[str, ...]

    def first_forms(self, person: Person) -> list[str]:
        return [form for template in self.first_reference for form in person.render(template)]

    def subsequent_forms(self, person: Person) -> list[str]:
        return [form for template in self.subsequent_reference for form in person.render(template)]

    def preferred(self, person: Person, first: bool) -> tuple[str, bool]:
        """The form to suggest, and whether it is the only one: for a person
        whose courtesy title is unknown it is "Mr. X or Ms. X"."""
        templates = self.first_reference if first else self.subsequent_reference
        for template in templates:
            forms = person.render(template)
            if len(forms) == 1:
                return forms[0], True
            if forms:
                return " or ".join(f for f in forms if f.split()[0] in ("Mr.", "Ms.")), False
        return person.name, True


def load_registries(paths: list[Path]) -> list[Person]:
    """Load registries in order; a later entry with the same ``id`` (by
    default its ``name``) replaces an earlier one."""
    from linter.cache import cached_file

    people: dict[str, tuple[Person, Path, int]] = {}
    for path in paths:
        for person_id, person, line in cached_file(path, "registry", _registry):
            people[person_id] = (person, path, line)
    _check_conflicts(list(people.values()))
    return [person for person, _, _ in people.values()]


def _check_conflicts(people: list[tuple[Person, Path, int]]) -> None:
    """Two people with one name, or a variant that is another person's name,
    would let a reference (and an unsafe fix) go to the wrong person: an
    error naming both places."""
    owners: dict[str, tuple[Person, Path, int]] = {}
    for entry in people:
        key = entry[0].name.casefold()
        if key in owners:
            _, first_path, first_line = owners[key]
            message = f"two people named '{entry[0].name}' (the other is at {first_path}:{first_line})"
            raise ConfigError(message, entry[1], entry[2])
        owners[key] = entry
    for person, path, line in people:
        for variant in person.variants:
            owner = owners.get(variant.casefold())
            if owner is not None and owner[0] is not person:
                message = f"variant '{variant}' of {person.name} is the name of another person ({owner[1]}:{owner[2]})"
                raise ConfigError(message, path, line)


def _registry(path: Path) -> list[tuple[str, Person, int]]:
    """The (id, person, line) entries of one registry file, validated; an id
    given twice in one file is an error."""
    data = load_yaml(path)
    if not isinstance(data, LineMap) or not isinstance(data.get("people"), list):
        raise ConfigError("a names registry needs a 'people' list", path, 1)
    entries: list[tuple[str, Person, int]] = []
    lines: dict[str, int] = {}
    for entry in data["people"]:
        person_id, person = _person(entry, path)
        line = entry.line
        if person_id in lines:
            raise ConfigError(f"id '{person_id}' is given twice in this registry (first on line {lines[person_id]})", path, line)
        lines[person_id] = line
        entries.append((person_id, person, line))
    return entries


def _person(entry: Any, path: Path) -> tuple[str, Person]:
    if not isinstance(entry, LineMap):
        raise ConfigError("each person must be a mapping of fields", path)
    for key in entry:
        if key not in PERSON_FIELDS:
            raise ConfigError(unknown_key_message(key, PERSON_FIELDS, "field"), path, entry.line_of(key))
    for key in ("name", "surname"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ConfigError(f"person is missing '{key}'", path, entry.line_of(key))
    name, surname = " ".join(entry["name"].split()), entry["surname"].strip()
    if surname not in name.split():
        raise ConfigError(f"surname '{surname}' is not a word of '{name}'", path, entry.line_of("surname"))
    lists = {}
    for key in ("titles", "variants"):
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ConfigError(f"{key}: must be a list of strings", path, entry.line_of(key))
        lists[key] = tuple(" ".join(v.split()) for v in value)
    honorific = entry.get("honorific") or ""
    if not isinstance(honorific, str):
        raise ConfigError("honorific: must be a string such as 'Mr.'", path, entry.line_of("honorific"))
    person = Person(name, surname, honorific.strip(), lists["titles"], lists["variants"], str(entry.get("note", "")))
    return str(entry.get("id", name)), person


def load_style(name: str, path: Path) -> HouseStyle:
    from linter.cache import cached_file

    return cached_file(path, f"style-{name}", lambda p: _style(name, p))


def _style(name: str, path: Path) -> HouseStyle:
    data = load_yaml(path)
    if not isinstance(data, LineMap):
        raise ConfigError("a house style must be a mapping", path, 1)
    for key in data:
        if key not in STYLE_FIELDS:
            raise ConfigError(unknown_key_message(key, STYLE_FIELDS, "field"), path, data.line_of(key))
    forms = {}
    for key in ("first_reference", "subsequent_reference"):
        value = data.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{key}: must be a list of name templates", path, data.line_of(key))
        for template in value:
            try:
                Person("A B", "B").render(template)
            except (KeyError, ValueError, IndexError) as error:
                raise ConfigError(f"{key}: bad template '{template}' ({error})", path, data.line_of(key)) from None
        forms[key] = tuple(value)
    return HouseStyle(name, str(data.get("description", "")), forms["first_reference"], forms["subsequent_reference"])


# --- mentions -------------------------------------------------------------

FULL, PLAIN, VARIANT, SURNAME = "full", "plain", "variant", "surname"
_CAPITALISED_BEFORE = patterns.compile(rf"(?<![\p{{L}}.'’])({NAME_WORD})\s+$")
_COMPOUND_AFTER = patterns.compile(r"^-\p{Lu}")
_COMPOUND_BEFORE = patterns.compile(r"\p{Lu}\p{L}*-$")


class Mention(NamedTuple):
    person: Person
    kind: str  # FULL, PLAIN, VARIANT or SURNAME
    prefix: str  # honorific or title before the name, or ""
    start: int  # of the whole mention, prefix included
    name_start: int  # of the name itself
    end: int  # before any possessive 's
    role: str  # of the block it stands in
    headline_style: bool  # in a headline-style line (headline, heading)

    def written(self, doc: Document) -> str:
        return doc.text[self.start : self.end]

    def name_text(self, doc: Document) -> str:
        return doc.text[self.name_start : self.end]


class _Matcher(NamedTuple):
    person: Person
    kinds: dict[str, str]  # each form of the name, to its kind
    # Every match holds one of these forms (those holding no shorter form):
    # a text without any of them is not searched.
    anchors: tuple[str, ...]

    def may_match(self, text: str) -> bool:
        return any(anchor in text for anchor in self.anchors)


@lru_cache(maxsize=4096)
def _matcher(person: Person) -> _Matcher:
    forms = {person.name: FULL, person.plain: PLAIN}
    for variant in person.variants:
        forms.setdefault(variant, VARIANT)
    forms.setdefault(person.surname, SURNAME)
    # A variant's own surname used alone ("Zelenskyy") is a surname spelled
    # the wrong way: judged as a surname, never in any house form.
    for variant in person.variants:
        forms.setdefault(variant.split()[-1], SURNAME)
    anchors = tuple(form for form in forms if not any(other != form and other in form for other in forms))
    return _Matcher(person, forms, anchors)


@lru_cache(maxsize=4096)
def _pattern(person: Person) -> regex.Pattern[str]:
    """The pattern of a person's forms, made the first time a story may
    hold one (most of a registry's people are in no given story)."""
    forms = _matcher(person).kinds
    names = "|".join(regex.escape(f) for f in sorted(forms, key=lambda form: (-len(form), form)))
    prefixes = patterns.words({*HONORIFICS, *person.titles})
    return patterns.compile(
        rf"(?<![\p{{L}}\p{{N}}])(?:(?P<prefix>{prefixes})\s+)?(?P<name>{names})(?![\p{{L}}\p{{N}}])",
        regex.V1,
    )


def _other_name(text: str, start: int, end: int) -> bool:
    """Whether a bare surname at ``start``..``end`` belongs to another name:
    a capitalised name word before it, or a hyphenated compound."""
    before = text[:start]
    word = _CAPITALISED_BEFORE.search(before)
    if word and word.group(1) not in FUNCTION_WORDS:
        return True
    return bool(_COMPOUND_BEFORE.search(before) or _COMPOUND_AFTER.match(text[end:]))


def find_mentions(doc: Document, people: list[Person]) -> list[Mention]:
    """Mentions of registered people in document order, outside quotations,
    in every block but bylines and credits. A bare surname right after
    another capitalised name word ("Melania Trump"), joined to another name
    ("Putin-Trump"), or after a courtesy title that is not the person's
    ("Mrs. Trump") is someone or something else and is left out."""
    matchers = [(m, _pattern(m.person)) for m in map(_matcher, people) if m.may_match(doc.text)]
    mentions: list[Mention] = []
    for block in doc.blocks:
        if block.role in (Role.BYLINE, Role.CREDIT):
            continue
        base = block.span.start
        for matcher, pattern in matchers:
            if not matcher.may_match(block.text):
                continue
            for match in pattern.finditer(block.text):
                kind = matcher.kinds[match.group("name")]
                prefix = match.group("prefix") or ""
                if block.quote_at(base + match.start()):
                    continue
                person = matcher.person
                if prefix in HONORIFICS and not person.inferred and prefix != person.honorific:
                    continue
                if kind == SURNAME and not prefix and _other_name(block.text, match.start(), match.end()):
                    continue
                mentions.append(
                    Mention(
                        person=matcher.person,
                        kind=kind,
                        prefix=prefix,
                        start=base + match.start(),
                        name_start=base + match.start("name"),
                        end=base + match.end(),
                        role=block.role,
                        headline_style=not block.prose,
                    )
                )
    mentions.sort(key=lambda m: m.start)
    return mentions
