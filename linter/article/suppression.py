"""Inline suppression comments.

In Markdown and HTML the directives are HTML comments; in plain text, where
a comment would be read as copy, they stand alone on a line in brackets:

    <!-- copydesk-disable vague-sourcing -->      [copydesk-disable vague-sourcing]
    ...                                            ...
    <!-- copydesk-enable -->                       [copydesk-enable]
    <!-- copydesk-disable-next-line name-subsequent-reference -->
    Some text <!-- copydesk-disable-line -->
    <!-- copydesk-disable-file missing-credit -->

Rule ids are separated by commas or spaces; none means every rule. A
``disable`` with no ``enable`` lasts to the end of the file.

Each directive remembers which of its rules it silenced, so that the
``unused-suppression`` rule can report one that silenced nothing.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from linter.support import patterns
from linter.article.lines import LineIndex

_RULE_LIST_SEPARATOR = patterns.compile(r"[\s,]+")
DIRECTIVE = patterns.compile(
    r"<!--\s*copydesk-(?P<kind>disable-next-line|disable-line|disable-file|disable|enable)\b(?P<rules>[^>]*?)\s*-->"
    r"|^[ \t]*\[copydesk-(?P<kind>disable-next-line|disable-line|disable-file|disable|enable)\b(?P<rules>[^\]\n]*)\][ \t]*$",
    regex.M | regex.V1,
)
ALL = "*"
END = 1 << 62  # the last line of a range that runs to the end of the file


class Directive(NamedTuple):
    """One ``disable`` comment: the rules it names (``ALL`` for none named),
    where it is written, and the lines it covers."""

    kind: str
    rules: frozenset[str]
    start: int  # offsets of the comment in the text
    end: int
    first: int  # first and last lines silenced
    last: int


class Suppressions:
    """Which rules are silenced on which lines of one file, and which
    directive silenced what."""

    def __init__(self, directives: list[Directive] | None = None) -> None:
        self.directives = directives or []
        self.used: set[tuple[int, str]] = set()  # (directive index, rule named) that silenced a finding

    def silences(self, rule: str, line: int) -> bool:
        silenced = False
        for index, directive in enumerate(self.directives):
            if directive.first <= line <= directive.last:
                named = rule if rule in directive.rules else ALL if ALL in directive.rules else None
                if named is not None:
                    self.used.add((index, named))
                    silenced = True
        return silenced

    def unused(self) -> list[tuple[Directive, str]]:
        """Each (directive, rule named) that silenced nothing."""
        return [
            (directive, rule)
            for index, directive in enumerate(self.directives)
            for rule in sorted(directive.rules)
            if (index, rule) not in self.used
        ]


def parse(text: str, lines: LineIndex) -> Suppressions:
    if "copydesk-" not in text:
        return Suppressions()
    directives: list[Directive] = []
    open_ranges: dict[str, tuple[int, int, int]] = {}  # rule: (line, start, end) of its disable
    for match in DIRECTIVE.finditer(text):
        line = lines.position(match.start())[0]
        rules = frozenset(_RULE_LIST_SEPARATOR.split(match.group("rules").strip())) - {""} or frozenset({ALL})
        kind, start, end = match.group("kind"), match.start(), match.end()
        if kind == "disable-file":
            directives.append(Directive(kind, rules, start, end, 1, END))
        elif kind == "disable-line":
            directives.append(Directive(kind, rules, start, end, line, line))
        elif kind == "disable-next-line":
            directives.append(Directive(kind, rules, start, end, line + 1, line + 1))
        elif kind == "disable":
            for rule in rules:
                open_ranges.setdefault(rule, (line, start, end))
        else:  # enable
            closing = list(open_ranges) if ALL in rules else [r for r in rules if r in open_ranges]
            for rule in closing:
                first, opened, opened_end = open_ranges.pop(rule)
                directives.append(Directive("disable", frozenset({rule}), opened, opened_end, first, line))
    directives += [
        Directive("disable", frozenset({rule}), start, end, first, END) for rule, (first, start, end) in open_ranges.items()
    ]
    return Suppressions(directives)


def is_directive_line(text: str) -> bool:
    """Whether a line of plain text is a directive (and so not copy)."""
    return bool(DIRECTIVE.fullmatch(text.strip())) if "copydesk-" in text else False
