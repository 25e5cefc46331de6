"""Building one pattern from a rule's tokens, the way style rules give
them: words or phrases matched as whole words (or raw patterns with
``nonword``), case-insensitively unless told otherwise, and with
exceptions that never match."""

from __future__ import annotations

import re

import regex

from linter import patterns
from linter.checks.base import REGEX_TIMEOUT, Param

TOKEN_PARAMS = {
    "ignorecase": Param("bool", True, "match without regard to case"),
    "nonword": Param("bool", False, "tokens are raw patterns, not whole words"),
    "exceptions": Param("strings", (), "matches that are never reported"),
}


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
        tree = parser.parse(_REGEX_ONLY_CLASS.sub(r"\1\\w", pattern))
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


def token_pattern(tokens: tuple[str, ...], ignorecase: bool, nonword: bool) -> regex.Pattern[str]:
    """A pattern matching any of the tokens (regular expressions, longest
    first); whole words only unless ``nonword``."""
    body = "|".join(f"(?:{t})" for t in sorted(tokens, key=len, reverse=True))
    if not nonword:
        body = rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])"
    try:
        return patterns.compile(body, (regex.I if ignorecase else 0) | regex.V1)
    except regex.error as error:
        raise ValueError(f"invalid token pattern: {error}") from None


def excepted(exceptions: tuple[str, ...], ignorecase: bool) -> frozenset[str]:
    """Exceptions as ``matches`` compares them."""
    return frozenset(e.casefold() if ignorecase else e for e in exceptions)


def count_matches(pattern: regex.Pattern[str], text: str, exceptions: frozenset[str], ignorecase: bool) -> int:
    """How many ``matches`` there are: with no exceptions, counted in one
    call into the engine instead of match by match."""
    if not exceptions:
        return len(pattern.findall(text, timeout=REGEX_TIMEOUT))
    return sum(1 for _ in matches(pattern, text, exceptions, ignorecase))


def matches(pattern: regex.Pattern[str], text: str, exceptions: frozenset[str], ignorecase: bool):  # type: ignore[no-untyped-def]
    """Matches of ``pattern`` in ``text`` that are not exceptions (as given
    by ``excepted``); runs with the timeout every user pattern gets."""
    for match in pattern.finditer(text, timeout=REGEX_TIMEOUT):
        found = match.group()
        if (found.casefold() if ignorecase else found) not in exceptions:
            yield match
