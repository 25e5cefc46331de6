"""People and house styles: the names registry, the style templates, and
finding each mention of a registered person in a document.

Registry entries (YAML, under ``people:``):

    - name: Vladimir V. Putin     # canonical full name, as on first reference
      surname: Putin              # the part used alone ("Xi" for Xi Jinping)
      honorific: Mr.              # courtesy title; leave out for none
      titles: [President]         # titles that may stand before the surname
      variants: [Vladimir Vladimirovich Putin, Wladimir Putin]  # forms to correct
      plain: Joe Biden            # the name as known without middle initials,
                                  # where it is not the canonical without them
      note: free text for editors

A house style (YAML) lists the accepted forms as templates over ``{name}``
(canonical), ``{plain}`` (canonical without middle initials),
``{surname}``, ``{honorific}`` and ``{title}``. A template whose list
field (``{title}``) is empty for a person is skipped; an empty scalar
field (no honorific) is dropped, so "{honorific} {surname}" becomes the
bare surname for a person without one. A style may write courtesy titles
without their full stop (``honorific_full_stop: false``: "Mr Blair"), and
accept the bare surname for a person the story mostly calls so
(``bare_surname_when_usual: true``, the British sport and arts pages'
convention).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import regex

from linter.support import patterns
from linter.article.document import Document, Role
from linter.support.errors import ConfigError, raise_all
from linter.support.yamlsource import LineMap, load_yaml, unknown_key_message

if TYPE_CHECKING:
    from linter.language.surnames import SurnameUse

PERSON_FIELDS = ("id", "name", "surname", "honorific", "titles", "variants", "plain", "note")
STYLE_FIELDS = (
    "style",
    "description",
    "first_reference",
    "subsequent_reference",
    "honorific_full_stop",
    "bare_surname_when_usual",
)
HONORIFICS = ("Mr.", "Mrs.", "Ms.", "Mx.", "Dr.")
# Courtesy titles as written, with or without the full stop ("Mr Blair").
HONORIFIC_FORMS = (*HONORIFICS, *(h.rstrip(".") for h in HONORIFICS))
_INITIAL = patterns.compile(r"^\p{Lu}\.$")


def canonical_honorific(written: str) -> str:
    """The courtesy title a written one stands for ("Mr" is "Mr."), or ""
    when it is none."""
    dotted = written if written.endswith(".") else written + "."
    return dotted if dotted in HONORIFICS else ""


class Person(NamedTuple):
    name: str
    surname: str
    honorific: str = ""
    titles: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    note: str = ""
    # Found in the story, not in the registry: its courtesy title is the one
    # the story gives the surname, if any.
    inferred: bool = False
    known_plain: str = ""  # the registry's ``plain``

    @property
    def plain(self) -> str:
        """The name without middle initials, as the person is known:
        "Vladimir Putin", or the registry's own form ("Joe Biden", "George W.
        Bush" for a person known by the initial). A person inferred from the
        story is known by the story's own form."""
        if self.known_plain:
            return self.known_plain
        if self.inferred:
            return self.name
        words = self.name.split()
        kept = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and _INITIAL.match(w))]
        return " ".join(kept)

    def render(self, template: str, full_stop: bool = True) -> list[str]:
        """The forms a style template gives for this person (the courtesy
        title without its full stop when ``full_stop`` is false)."""
        titles = self.titles if "{title}" in template else ("",)
        if "{title}" in template and not self.titles:
            return []
        honorific = self.honorific if full_stop else self.honorific.rstrip(".")
        values = {"name": self.name, "plain": self.plain, "surname": self.surname}
        return [" ".join(template.format(title=title, honorific=honorific, **values).split()) for title in titles]


class HouseStyle(NamedTuple):
    name: str
    description: str
    first_reference: tuple[str, ...]
    subsequent_reference: tuple[str, ...]
    honorific_full_stop: bool = True  # "Mr. Blair"; false: "Mr Blair"
    # A person the story calls by the bare surname in most later references
    # is one the desk calls so (British sport and arts pages: "Kapranos"):
    # the bare surname is then right for them.
    bare_surname_when_usual: bool = False

    def first_forms(self, person: Person) -> list[str]:
        return [form for template in self.first_reference for form in person.render(template, self.honorific_full_stop)]

    def subsequent_forms(self, person: Person) -> list[str]:
        return [
            form for template in self.subsequent_reference for form in person.render(template, self.honorific_full_stop)
        ]

    @property
    def allows_titles(self) -> bool:
        """Whether a title may stand before a surname ("Justice Scalia")."""
        return any("{title}" in template for template in self.subsequent_reference)

    def preferred(self, person: Person, first: bool) -> str:
        """The form to suggest."""
        forms = self.first_forms(person) if first else self.subsequent_forms(person)
        return forms[0] if forms else person.name


def load_registries(paths: list[Path]) -> list[Person]:
    """Load registries in order; a later entry with the same ``id`` (by
    default its ``name``) replaces an earlier one."""
    from linter.support.cache import cached_file

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
    errors: list[ConfigError] = []
    owners: dict[str, tuple[Person, Path, int]] = {}
    for entry in people:
        key = entry[0].name.casefold()
        if key in owners:
            _, first_path, first_line = owners[key]
            message = f"two people named '{entry[0].name}' (the other is at {first_path}:{first_line})"
            errors.append(ConfigError(message, entry[1], entry[2]))
            continue
        owners[key] = entry
    for person, path, line in people:
        for variant in person.variants:
            owner = owners.get(variant.casefold())
            if owner is not None and owner[0] is not person:
                message = f"variant '{variant}' of {person.name} is the name of another person ({owner[1]}:{owner[2]})"
                errors.append(ConfigError(message, path, line))
    raise_all(errors)


def _registry(path: Path) -> list[tuple[str, Person, int]]:
    """The (id, person, line) entries of one registry file, validated; an id
    given twice in one file is an error."""
    data = load_yaml(path)
    if not isinstance(data, LineMap) or not isinstance(data.get("people"), list):
        raise ConfigError("a names registry needs a 'people' list", path, 1)
    entries: list[tuple[str, Person, int]] = []
    lines: dict[str, int] = {}
    errors: list[ConfigError] = []  # every entry's, so that names check reports them all at once
    for entry in data["people"]:
        try:
            person_id, person = _person(entry, path)
        except ConfigError as error:
            errors.append(error)
            continue
        line = entry.line
        if person_id in lines:
            message = f"id '{person_id}' is given twice in this registry (first on line {lines[person_id]})"
            errors.append(ConfigError(message, path, line))
            continue
        lines[person_id] = line
        entries.append((person_id, person, line))
    raise_all(errors)
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
    plain = entry.get("plain") or ""
    if not isinstance(plain, str) or (plain and surname not in plain.split()):
        message = f"plain: must be the name as known, with the surname '{surname}'"
        raise ConfigError(message, path, entry.line_of("plain"))
    person = Person(
        name,
        surname,
        honorific.strip(),
        lists["titles"],
        lists["variants"],
        str(entry.get("note", "")),
        known_plain=" ".join(plain.split()),
    )
    return str(entry.get("id", name)), person


def load_style(name: str, path: Path) -> HouseStyle:
    from linter.support.cache import cached_file

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
    switches = {}
    for key, default in (("honorific_full_stop", True), ("bare_surname_when_usual", False)):
        switches[key] = data.get(key, default)
        if not isinstance(switches[key], bool):
            raise ConfigError(f"{key}: must be true or false", path, data.line_of(key))
    description = str(data.get("description", ""))
    return HouseStyle(name, description, forms["first_reference"], forms["subsequent_reference"], **switches)


# --- mentions -------------------------------------------------------------

FULL, PLAIN, VARIANT, SURNAME = "full", "plain", "variant", "surname"
# A full name followed by another name word is inside a longer name:
# "Donald J. Trump Foundation", "Donald Trump Jr."; letters after a name
# ("Tom McCabe MSP") are not a name word.
_NAME_WORD_AFTER = patterns.compile(r"[ \t]+(?!\p{Lu}{2,}(?![\p{L}]))\p{Lu}")


class Mention(NamedTuple):
    person: Person
    kind: str  # FULL, PLAIN, VARIANT or SURNAME
    prefix: str  # honorific or title before the name, or ""
    start: int  # of the whole mention, prefix included
    name_start: int  # of the name itself
    end: int  # before any possessive 's
    role: str  # of the block it stands in
    headline_style: bool  # in a headline-style line (headline, heading)
    quoted: bool = False  # a full name inside a quotation: introduces, never judged

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
    prefixes = patterns.words({*HONORIFIC_FORMS, *person.titles})
    return patterns.compile(
        rf"(?<![\p{{L}}\p{{N}}])(?:(?P<prefix>{prefixes})(?![\p{{L}}])\s+)?(?P<name>{names})(?![\p{{L}}\p{{N}}])",
        regex.V1,
    )


def find_mentions(
    doc: Document, people: list[Person], surname_use: "SurnameUse", shared: frozenset[str] = frozenset()
) -> list[Mention]:
    """Mentions of people in document order, in every block but bylines
    and credits; inside quotations only full names (``quoted``), which
    introduce a person but are never judged. A mention goes to one person
    or to none:
    a surname that two people of the story share (``shared``), a courtesy
    title that is not the person's ("Mrs. Trump"), a bare surname that is
    not a reference (``surname_use``: "the Trump campaign") and a name
    inside a longer name ("Trump Tower", "Donald J. Trump Foundation") are
    left out."""
    matchers = [(m, _pattern(m.person)) for m in map(_matcher, people) if m.may_match(doc.text)]
    found: dict[tuple[int, int], list[Mention]] = {}
    for block in doc.blocks:
        if block.role in (Role.BYLINE, Role.CREDIT):
            continue
        base = block.span.start
        for matcher, pattern in matchers:
            if not matcher.may_match(block.text):
                continue
            person = matcher.person
            for match in pattern.finditer(block.text):
                kind = matcher.kinds[match.group("name")]
                prefix = match.group("prefix") or ""
                quoted = block.quote_at(base + match.start()) is not None
                if quoted and kind == SURNAME:
                    continue
                honorific = canonical_honorific(prefix) if prefix else ""
                if honorific and honorific != person.honorific:
                    continue
                if kind == SURNAME and person.surname in shared:
                    continue
                if kind == SURNAME and not prefix:
                    refers = surname_use.refers if block.prose else surname_use.in_headline
                    if not refers(block.text, match.start(), match.end()):
                        continue
                elif kind != SURNAME and _NAME_WORD_AFTER.match(block.text, match.end()):
                    continue
                mention = Mention(
                    person=person,
                    kind=kind,
                    prefix=prefix,
                    start=base + match.start(),
                    name_start=base + match.start("name"),
                    end=base + match.end(),
                    role=block.role,
                    headline_style=not block.prose,
                    quoted=quoted,
                )
                found.setdefault((mention.name_start, mention.end), []).append(mention)
    mentions = [claims[0] for claims in found.values() if len(claims) == 1]
    mentions.sort(key=lambda m: m.start)
    return mentions


def registry_yaml(people: list[tuple[Person, int]]) -> str:
    """Registry entries for people, ready to paste under a registry's
    ``people:`` (values written as JSON strings, which YAML reads as they
    are), each with how many stories named it."""
    import json

    def quoted(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = ["people:"]
    for person, count in people:
        lines.append(f"  - name: {quoted(person.name)}  # named in {count} stor{'y' if count == 1 else 'ies'}")
        lines.append(f"    surname: {quoted(person.surname)}")
        if person.honorific:
            lines.append(f"    honorific: {quoted(person.honorific)}")
    return "\n".join(lines) + "\n"
