"""conditional: a term used before it is defined, such as an acronym
("the IAEA" before "the International Atomic Energy Agency (IAEA)").

With ``initials``, a name spelled out earlier without the parentheses
("the Scottish Exhibition and Conference Centre ... the SECC") defines
the acronym its capitalised words' initials make. With ``emphasis``, a
word in capitals that the story also writes in lower case ("a BIG win",
"big") is a word shouted, not an acronym."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import regex

from linter.support import budget, patterns
from linter.core.check import Check, Param
from linter.article.document import Document, Role
from linter.results.findings import Finding

if TYPE_CHECKING:
    from linter.core.context import RunContext
    from linter.core.rule import Rule


class Conditional(Check):
    name = "conditional"
    summary = "A term is used before it is defined."
    params = {
        "first": Param("regex", r"\b(\p{Lu}{3,6})\b", "the use; its first group is the term"),
        "second": Param("regex", r"\(\s*(\p{Lu}{3,6})\s*\)", "the definition; its first group that matched is the term"),
        "exceptions": Param("strings", (), "terms that need no definition (NATO, FBI...)"),
        "initials": Param("bool", False, "a run of capitalised words spelling the term's initials defines it"),
        "emphasis": Param("bool", False, "a term the story also writes in lower case is a word in capitals"),
        "joining_words": Param("strings", ("of", "and", "for", "the", "on", "in", "&"), "lower-case words a spelled-out name may hold"),
    }
    fields = ("term",)
    default_scope = (Role.SUMMARY, Role.DEK, Role.BODY)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        self.exceptions = set(self.options["exceptions"])
        self.joining = frozenset(self.options["joining_words"])

    def check(self, doc: Document) -> Iterator[Finding]:
        segments = list(self.segments(doc))
        defined: dict[str, int] = {}
        for text, start in segments:
            for match in self.options["second"].finditer(text, timeout=budget.time_left()):
                group = _term_group(match)
                defined.setdefault(match.group(group), start + match.start(group))
        reported: set[str] = set()
        spelled: dict[str, int] | None = None  # read only for a term not yet defined
        for text, start in segments:
            for match in self.options["first"].finditer(text, timeout=budget.time_left()):
                term, offset = match.group(1), start + match.start(1)
                if term in self.exceptions or term in reported or defined.get(term, offset + 1) <= offset:
                    continue
                if spelled is None:
                    spelled = self._defined_in_words(segments)
                if spelled.get(term, offset + 1) <= offset:
                    continue
                reported.add(term)
                yield self.finding(doc, offset, start + match.end(1), term=term)

    def _defined_in_words(self, segments: list[tuple[str, int]]) -> dict[str, int]:
        """Terms the story defines without parentheses: with ``initials``, the
        acronyms its runs of capitalised words spell; with ``emphasis``, every
        word it writes in lower case, in capitals (a word shouted), from the
        start."""
        found: dict[str, int] = {}
        for text, start in segments:
            if self.options["emphasis"]:
                for word in _LOWER_WORD.findall(text):
                    found[word.upper()] = -1
            if self.options["initials"]:
                for term, offset in self._spelled_out(text):
                    found.setdefault(term, start + offset)
        return found

    def _spelled_out(self, text: str) -> Iterator[tuple[str, int]]:
        """The acronyms that runs of capitalised words spell with their
        initials (joining words skipped), each with where its run ends:
        every run of two words or more within a longer run counts."""
        run: list[tuple[str, int]] = []  # (initial, end) of the capitalised words so far
        for match in _WORD.finditer(text):
            word = match.group()
            if word[0].isupper() and not word.isupper():
                run.append((word[0], match.end()))
                for first in range(len(run) - 1):
                    yield "".join(initial for initial, _ in run[first:]), match.end()
            elif word not in self.joining:
                run = []


_WORD = patterns.compile(r"[\p{L}&][\p{L}'’\-]*")
_LOWER_WORD = patterns.compile(r"\b\p{Ll}{3,6}\b")


def _term_group(match: "regex.Match[str]") -> int:
    """The first group of a definition's match that matched (a pattern of
    alternatives, "NAME (TERM)" or "TERM: NAME", has one group in each)."""
    return next((index for index in range(1, len(match.groups()) + 1) if match.group(index) is not None), 1)
