"""The words every match of a pattern needs, read from the pattern itself.

A text holding none of them cannot match, so a rule (or any other pattern)
can pass over it without running the pattern: a necessary condition, so
skipping never loses a match. Read with Python's own parser of regular
expressions, which also reads most of what regex accepts.
"""

from __future__ import annotations

import re

from linter.support import patterns

MIN_LITERAL = 3


def literals_of(tokens: tuple[str, ...] | list[str]) -> tuple[str, ...] | None:
    """Case-folded words of which a text must hold one for any of the
    tokens (patterns) to match in it, so that a text holding none can be
    skipped; None when some token needs no such word (or its pattern is
    beyond this simple reading)."""
    found: list[str] = []
    for token in tokens:
        words = patterns.remembered("literals", token, lambda: _required(token))
        if not words:
            return None
        found += words
    return tuple(dict.fromkeys(found))


def _required(pattern: str) -> list[str] | None:
    """Words one of which every match of ``pattern`` contains, read from
    its parse: the longest run of literal characters a match always holds,
    or for an alternation one such run per branch."""
    try:
        import re._parser as parser  # Python 3.11+
    except ImportError:  # pragma: no cover
        import sre_parse as parser  # type: ignore[no-redef]
    try:
        # The simple-case prefix of patterns.compile is regex-only syntax too.
        tree = parser.parse(_REGEX_ONLY_CLASS.sub(r"\1\\w", pattern.removeprefix(patterns.SIMPLE_CASE)))
    except Exception:  # other regex-only syntax: no reading
        return None
    return _sequence(list(tree), parser)


# regex's Unicode property classes (\p{L}, \P{Lu}, \pL), which Python's re
# cannot parse; read as \w, which like them is never a literal word.
_REGEX_ONLY_CLASS = re.compile(r"(?<!\\)((?:\\\\)*)\\[pP](?:\{[^}]*\}|[A-Za-z])")


def _sequence(items: list, parser) -> list[str] | None:  # type: ignore[no-untyped-def]
    """The best required words of a sequence of parsed items."""
    constants = parser._constants if hasattr(parser, "_constants") else parser
    repeats = {constants.MAX_REPEAT, constants.MIN_REPEAT, getattr(constants, "POSSESSIVE_REPEAT", None)}
    best: list[str] | None = None
    run = ""

    def close() -> None:
        nonlocal best, run
        if len(run) >= MIN_LITERAL and (best is None or min(map(len, best)) < len(run)):
            best = [run.casefold()]
        run = ""

    for op, value in items:
        if op is constants.LITERAL:
            run += chr(value)
            continue
        close()
        candidate: list[str] | None = None
        if op is constants.SUBPATTERN or op is getattr(constants, "ATOMIC_GROUP", None):
            candidate = _sequence(list(value[-1] if op is constants.SUBPATTERN else value), parser)
        elif op in repeats and value[0] >= 1:
            candidate = _sequence(list(value[2]), parser)
        elif op is constants.BRANCH:
            branches = [_sequence(list(branch), parser) for branch in value[1]]
            if all(branches):
                candidate = [word for branch in branches for word in branch]  # type: ignore[union-attr]
        if candidate and (best is None or min(map(len, candidate)) > min(map(len, best))):
            best = candidate
    close()
    return best
