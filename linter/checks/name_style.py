"""name-style: people's names in the house style, driven by the names
registry and the house style's templates.

One analysis per document and style judges every mention; a rule picks the
verdicts about the ``first`` reference or the ``subsequent`` ones.

- The first reference in body style (summary, dek or paragraph written in
  sentences; a title before the name is fine) must be a first-reference
  form. A full name in another form (no middle initial, a variant spelling)
  is a wrong first reference; so is a surname used before any full name,
  reported once. For a person inferred from the story (not in the
  registry), a surname before the full name is not judged: it may name a
  company or a place ("Ford, the car company", before "Bill Ford"), or
  follow a title that introduced the person ("President Obama").
- Once a person is introduced, later references must be a subsequent form
  ("Mr. Putin" in NYT style, "Putin" in AP style); repeating the accepted
  full name is allowed.
- Headline-style lines (headlines and headings) are not judged: a surname
  alone is right there. A dek (display copy), and a summary under a
  headline that names the person, may use the later form; the body still
  introduces them in full.
- A name opening a sentence that speaks to the person ("Mr. Trump, I have
  a deal for you") is an address, not a reference: not judged.
- Names inside quotations are never judged; a full name in a quotation
  introduces the person to the reader. In a style without courtesy titles
  (AP), consecutive paragraphs that give two or more people courtesy titles
  are read as another paper's copy quoted without marks, and not judged.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING, Iterator, NamedTuple

from linter.support import patterns
from linter.core.check import Check, Param
from linter.article.document import Document, Role
from linter.results.findings import Finding
from linter.results.fixes import replace_fix
from linter.language.inference import name_forms
from linter.language.names import SURNAME, HouseStyle, Mention, Person, canonical_honorific, find_mentions
from linter.language.surnames import SurnameUse

if TYPE_CHECKING:
    from linter.core.context import RunContext
    from linter.core.rule import Rule

FIRST, SUBSEQUENT = "first", "subsequent"


class Verdict(NamedTuple):
    reference: str  # FIRST or SUBSEQUENT
    mention: Mention
    start: int  # the text the finding is about
    end: int
    expected: str


class NameStyle(Check):
    name = "name-style"
    summary = "A person's name is not in the house style for that reference."
    params = {
        "reference": Param("str", FIRST, "which references this rule judges", choices=(FIRST, SUBSEQUENT)),
        "infer": Param("bool", True, "also judge people the story names in full who are not in the registry"),
    }
    fields = ("person", "expected", "style")
    default_scope = (Role.SUMMARY, Role.DEK, Role.BODY)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        # Load the style and registry now, so that their errors stop the run
        # before any file is read.
        self.context, self.people = context, context.people
        self.finder = context.people_finder
        self.infer = self.options["infer"]
        self.surname_use = SurnameUse(self.finder.lexicon)
        self.forms = name_forms(self.people)
        context.style_for(None)  # the default style's errors, too, stop the run now

    def people_of(self, doc: Document) -> list[Person]:
        """The registry, and the people the story names who are not in it
        (unless their surname is a registered person's)."""
        if not self.infer:
            return self.people
        surnames = {p.surname for p in self.people}
        inferred = [p for p in self.finder.infer(doc) if p.surname not in surnames and p.name not in self.forms]
        return [*self.people, *inferred]

    def check(self, doc: Document) -> Iterator[Finding]:
        style = self.context.style_for(doc.path)
        key = ("name-style", style.name, self.infer)

        def analyse(d: Document) -> list[Verdict]:
            shared = self.finder.shared_surnames(d, self.forms)
            return judge(d, self.people_of(d), style, self.surname_use, shared)

        for verdict in doc.analysis(key, analyse):
            if verdict.reference != self.options["reference"]:
                continue
            if verdict.mention.role not in self.rule.scope:
                continue
            fix = replace_fix(doc, verdict.start, verdict.end, verdict.expected, f"write '{verdict.expected}'")
            yield self.finding(
                doc,
                verdict.start,
                verdict.end,
                fix,
                person=verdict.mention.person.name,
                expected=verdict.expected,
                style=style.name,
            )


def judge(
    doc: Document, people: list[Person], style: HouseStyle, surname_use: SurnameUse, shared: frozenset[str]
) -> list[Verdict]:
    """Every wrong reference to a person in ``doc``."""
    verdicts: list[Verdict] = []
    by_person: dict[Person, list[Mention]] = {}
    headlined: dict[Person, int] = {}  # where a headline first names each person
    for mention in find_mentions(doc, people, surname_use, shared):
        if mention.headline_style:
            if mention.role == Role.HEADLINE:
                headlined.setdefault(mention.person, mention.start)
        elif _addressed(doc.text, mention):
            continue  # "Mr. Trump, I have a deal for you": the person is spoken to, not referred to
        elif mention.role in NameStyle.default_scope:  # not a caption or other furniture
            by_person.setdefault(mention.person, []).append(mention)
    house_later: list[int] = []  # where later references are in the house's form
    for person, mentions in by_person.items():
        verdicts += _judge_person(doc, person, mentions, style, headlined.get(person), house_later)
    verdicts.sort(key=lambda v: v.start)
    if not any("{honorific}" in template for template in style.subsequent_reference):
        verdicts = _outside_quoted_copy(doc, verdicts, house_later)
    return verdicts


def _outside_quoted_copy(doc: Document, verdicts: list[Verdict], house_later: list[int]) -> list[Verdict]:
    """The verdicts less those of another paper's copy quoted without marks,
    for a style that gives no courtesy titles (AP). Aggregating outlets quote
    paragraphs of the New York Times or the Wall Street Journal as block
    quotations, whose markup plain copy loses; those paragraphs keep their
    paper's courtesy titles ("Mr. Cruz ... Mr. Rubio"). A run of consecutive
    paragraphs whose later references give courtesy titles to two or more
    people, in a story whose own voice elsewhere uses the house's later
    form, is read as such a quotation: ambiguous, so no finding. One titled
    name, one person, or a story titled throughout (written in another
    style) is still reported."""
    starts = [block.span.start for block in doc.blocks]

    def paragraph_of(offset: int) -> int:
        return bisect_right(starts, offset) - 1

    titled = [
        (paragraph_of(v.start), v) for v in verdicts if v.reference == SUBSEQUENT and canonical_honorific(v.mention.prefix)
    ]
    people: dict[int, set[str]] = {}  # paragraph index: the people it gives courtesy titles
    for index, verdict in titled:
        people.setdefault(index, set()).add(verdict.mention.person.name)
    house_paragraphs = {paragraph_of(at) for at in house_later}
    quoted: set[int] = set()
    run: list[int] = []
    for index in [*sorted(people), -2]:  # -2 closes the last run
        if run and index != run[-1] + 1:
            own_voice = bool(house_paragraphs.difference(run))
            if own_voice and len(set().union(*(people[i] for i in run))) >= 2:
                quoted.update(run)
            run = []
        run.append(index)
    dropped = {id(verdict) for index, verdict in titled if index in quoted}
    return [v for v in verdicts if id(v) not in dropped]


def _judge_person(
    doc: Document,
    person: Person,
    mentions: list[Mention],
    style: HouseStyle,
    headlined: int | None,
    house_later: list[int],
) -> list[Verdict]:
    """The wrong references to one person; where later references take the
    house's later form goes into ``house_later``."""
    first_forms, later_forms = style.first_forms(person), style.subsequent_forms(person)
    if style.bare_surname_when_usual and _mostly_bare(doc, person, mentions):
        later_forms = [*later_forms, person.surname]
    first_choice, later_choice = style.preferred(person, first=True), style.preferred(person, first=False)
    verdicts: list[Verdict] = []
    introduced = surname_first_reported = False
    for mention in mentions:
        if mention.quoted:  # a full name in a quotation: read, never judged
            introduced = True
            continue
        name, whole = mention.name_text(doc), mention.written(doc)
        # A title may stand before a full name ("President Vladimir V.
        # Putin"); a courtesy title may not, so it is part of what is wrong.
        start = mention.start if canonical_honorific(mention.prefix) else mention.name_start
        if not introduced:
            if name in first_forms:
                introduced = True
            elif mention.kind == SURNAME and _display_later(mention, headlined):
                if whole not in later_forms:
                    verdicts.append(Verdict(SUBSEQUENT, mention, mention.start, mention.end, later_choice))
            elif mention.kind != SURNAME:
                introduced = True
                verdicts.append(Verdict(FIRST, mention, start, mention.end, first_choice))
            elif not surname_first_reported and not person.inferred:
                surname_first_reported = True
                verdicts.append(Verdict(FIRST, mention, start, mention.end, first_choice))
        elif whole not in later_forms and name not in first_forms:
            verdicts.append(Verdict(SUBSEQUENT, mention, mention.start, mention.end, later_choice))
        elif whole in later_forms:
            house_later.append(mention.start)
    return verdicts


def _mostly_bare(doc: Document, person: Person, mentions: list[Mention]) -> bool:
    """Whether most of the story's own later references to a person (in
    its voice, not quoted) are the bare surname: the desk calls them so."""
    later = [m for m in mentions if m.kind == SURNAME and not m.quoted]
    bare = sum(m.written(doc) == person.surname for m in later)
    return bare * 2 > len(later)


# After a name opening a sentence: a comma, then "you" or "your" before the
# sentence ends.
_SPOKEN_TO = patterns.compile_re(r",[^.!?\n]{0,200}?\byou(?:r|rs|rself)?\b", re.I)


def _addressed(text: str, mention: Mention) -> bool:
    """Whether a name opening a sentence is the person spoken to, as in an
    open letter or a column ("Mr. Trump, I have a deal for you.")."""
    before = text[: mention.start].rstrip(" \t\"“‘(")
    opens = not before or before[-1] in ".!?:\n"
    return opens and bool(_SPOKEN_TO.match(text, mention.end))


def _display_later(mention: Mention, headlined: int | None) -> bool:
    """Whether a mention may take the later form before the body introduces
    the person: in a dek, display copy under the headline ("critics,
    including Trump"; NYT: "Mr. Putin said …"), and in a summary below a
    headline that names the person ("Mr. Putin forecast …" under "Putin
    chides Turkey"). The body still introduces them in full."""
    if mention.role == Role.DEK:
        return True
    return headlined is not None and headlined < mention.start and mention.role == Role.SUMMARY
