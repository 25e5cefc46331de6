"""spelling: a word no Hunspell dictionary of the rule knows.

Words are read as Vale reads them: the text split at white space, each
piece stripped of the marks that open (``$ ( " [ '``) or close it (``, )
" ] ! ; . ? : '``), curly quotes read as straight ones; a piece without a
letter is no word. A word any of the rule's ``filters`` finds is not
judged, nor (unless ``custom``) a word Vale's default filters find: one in
capitals or ending in them ("NATO", "iOS"), one with a capital inside
("McNamara", "JavaScript"), one with anything but ASCII letters, ``_`` and
``'`` (numbers, hyphens, accents, other scripts). In Markdown, inline code,
URLs, link targets and markup marks are not read (nor, when Vale's
IgnoredScopes names ``link``, a link's text: linter.article.ignored). The default dictionary is SCOWL's en_US
(see ``linter.hunspell``).
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from linter.support import hunspell, patterns
from linter.core.check import Check, Param
from linter.checks.markup import prose_only
from linter.article.document import Document, Role
from linter.results.findings import Finding

if TYPE_CHECKING:
    from linter.core.context import RunContext
    from linter.core.rule import Rule

DEFAULT_FILTERS = (r"[A-Z]{1}[a-z]+[A-Z]+\w+", r"[A-Z]+$", r"[^a-zA-Z_']")
OPENING = ("$", "(", '"', "[", "'")
CLOSING = (",", ")", '"', "]", "!", ";", ".", "?", ":", "'")
# taken whole: initials ("U.S.") and short abbreviations ("Mr.", "Dec.")
_WHOLE = patterns.compile(r"^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$")
_PIECE = patterns.compile(r"\S+")
_LETTER = patterns.compile(r"\p{L}")
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def words(text: str) -> Iterator[tuple[str, int]]:
    """Each word of ``text`` as Vale's tokenizer reads it, with its offset."""
    for piece in _PIECE.finditer(text.translate(_QUOTES)):
        word, start = piece.group(), piece.start()
        while word and not _WHOLE.match(word):
            if word.startswith(OPENING):
                word, start = word[1:], start + 1
            elif word.endswith(CLOSING):
                word = word[:-1]
            else:
                break
        if _LETTER.search(word):
            yield word, start


class Spelling(Check):
    name = "spelling"
    summary = "A word the dictionary does not know."
    params = {
        "dictionaries": Param("strings", (), "Hunspell dictionaries, each a path without its .aff/.dic suffix (default: en_US)"),
        "append": Param("bool", False, "the default dictionary too, besides those named"),
        "words": Param("strings", (), "words to accept besides the dictionaries'"),
        "filters": Param("patterns", (), "a word any of these finds is not judged"),
        "custom": Param("bool", False, "without Vale's default filters (capitals, inner capitals, non-letters)"),
        "exceptions": Param("strings", (), "accepted terms: a word holding one (any case) is not reported"),
    }
    fields = ("word",)
    default_scope = (Role.SUMMARY, Role.HEADLINE, Role.DEK, Role.BODY)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        self.filters = [patterns.compile(p) for p in self.options["filters"]]
        if not self.options["custom"]:
            self.filters += [patterns.compile(p) for p in DEFAULT_FILTERS]
        terms = sorted(self.options["exceptions"], key=len, reverse=True)
        self.excepted = patterns.compile("(?i)" + "|".join(terms)) if terms else None

    @cached_property
    def speller(self) -> hunspell.Speller:
        """Loaded on first use: a run that never reaches the rule never
        reads a dictionary."""
        paths = tuple(Path(p) for p in self.options["dictionaries"])
        return hunspell.speller(paths, tuple(self.options["words"]), self.options["append"])

    def check(self, doc: Document) -> Iterator[Finding]:
        for text, start in self.segments(doc):
            text = prose_only(text, doc.format)
            for word, offset in words(text):
                if any(f.search(word) for f in self.filters) or self.speller.knows(word):
                    continue
                if self.excepted is not None and self.excepted.search(word):
                    continue
                begin = start + offset
                yield self.finding(doc, begin, begin + len(word), word=word)
