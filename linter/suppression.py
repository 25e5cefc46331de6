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
"""

from __future__ import annotations

import regex

from linter import patterns
from linter.document import LineIndex

_RULE_LIST_SEPARATOR = patterns.compile(r"[\s,]+")
DIRECTIVE = patterns.compile(
    r"<!--\s*copydesk-(?P<kind>disable-next-line|disable-line|disable-file|disable|enable)\b(?P<rules>[^>]*?)\s*-->"
    r"|^[ \t]*\[copydesk-(?P<kind>disable-next-line|disable-line|disable-file|disable|enable)\b(?P<rules>[^\]\n]*)\][ \t]*$",
    regex.M | regex.V1,
)
ALL = "*"


class Suppressions:
    """Which rules are silenced on which lines of one file."""

    def __init__(self) -> None:
        self.file_rules: set[str] = set()
        self.line_rules: dict[int, set[str]] = {}
        # (rule, first line, last line or None for the end of the file)
        self.ranges: list[tuple[str, int, int | None]] = []

    def silences(self, rule: str, line: int) -> bool:
        if {rule, ALL} & self.file_rules:
            return True
        if {rule, ALL} & self.line_rules.get(line, set()):
            return True
        return any(r in (rule, ALL) and first <= line and (last is None or line <= last) for r, first, last in self.ranges)


def parse(text: str, lines: LineIndex) -> Suppressions:
    found = Suppressions()
    if "copydesk-" not in text:
        return found
    open_ranges: dict[str, int] = {}
    for match in DIRECTIVE.finditer(text):
        line = lines.position(match.start())[0]
        rules = set(_RULE_LIST_SEPARATOR.split(match.group("rules").strip())) - {""} or {ALL}
        kind = match.group("kind")
        if kind == "disable-file":
            found.file_rules |= rules
        elif kind == "disable-line":
            found.line_rules.setdefault(line, set()).update(rules)
        elif kind == "disable-next-line":
            found.line_rules.setdefault(line + 1, set()).update(rules)
        elif kind == "disable":
            for rule in rules:
                open_ranges.setdefault(rule, line)
        else:  # enable
            closing = list(open_ranges) if ALL in rules else [r for r in rules if r in open_ranges]
            for rule in closing:
                found.ranges.append((rule, open_ranges.pop(rule), line))
    found.ranges += [(rule, first, None) for rule, first in open_ranges.items()]
    return found


def is_directive_line(text: str) -> bool:
    """Whether a line of plain text is a directive (and so not copy)."""
    return bool(DIRECTIVE.fullmatch(text.strip())) if "copydesk-" in text else False
