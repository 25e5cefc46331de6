"""Vale's comments in a document: ``<!-- vale off -->`` … ``<!-- vale on -->``
silence every Vale rule between them, ``<!-- vale Style.Rule = NO -->`` …
``<!-- vale Style.Rule = YES -->`` one rule (a style's name alone, every rule
of the style). Without its closing comment a range runs to the end of the
file. They silence Vale rules only: copydesk's own rules have their own
comments (see linter.article.suppression)."""

from __future__ import annotations

from typing import Iterable

import regex

from linter.support import patterns
from linter.article.document import LineIndex
from linter.results.findings import Finding

COMMENT = patterns.compile(r"<!--\s*vale\s+(?:(?P<switch>off|on)|(?P<name>[\w.-]+)\s*=\s*(?P<value>YES|NO))\s*-->", regex.V1)
ALL = ""
END = 1 << 62


def silenced_ranges(text: str, lines: LineIndex) -> list[tuple[str, int, int]]:
    """(Style.Rule, Style or ``ALL``, first line, last line) of each silenced range."""
    ranges: list[tuple[str, int, int]] = []
    open_at: dict[str, int] = {}
    for match in COMMENT.finditer(text):
        line = lines.position(match.start())[0]
        name = ALL if match.group("switch") else match.group("name")
        turning_off = match.group("switch") == "off" or match.group("value") == "NO"
        if turning_off:
            open_at.setdefault(name, line)
        elif name in open_at:
            ranges.append((name, open_at.pop(name), line))
    ranges += [(name, first, END) for name, first in open_at.items()]
    return ranges


def unsilenced(findings: Iterable[Finding], text: str, lines: LineIndex, names: dict[str, str]) -> list[Finding]:
    """The findings no Vale comment silences; ``names`` gives each Vale
    rule's ``Style.Rule`` by id (other rules are never silenced)."""
    findings = list(findings)
    if "vale" not in text:
        return findings
    ranges = silenced_ranges(text, lines)
    if not ranges:
        return findings

    def silenced(finding: Finding) -> bool:
        name = names.get(finding.rule)
        if name is None:
            return False
        style = name.split(".")[0]
        line = finding.span.line
        return any(first <= line <= last and which in (ALL, name, style) for which, first, last in ranges)

    return [f for f in findings if not silenced(f)]
