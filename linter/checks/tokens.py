"""Building one pattern from a rule's tokens, the way style rules give
them: words or phrases matched as whole words (or raw patterns with
``nonword``), case-insensitively unless told otherwise, and with
exceptions that never match."""

from __future__ import annotations

import regex

from linter.support import budget, patterns
from linter.core.check import Param

TOKEN_PARAMS = {
    "ignorecase": Param("bool", True, "match without regard to case"),
    "nonword": Param("bool", False, "tokens are raw patterns, not whole words"),
    "exceptions": Param("strings", (), "matches that are never reported"),
}


def token_pattern(tokens: tuple[str, ...], ignorecase: bool, nonword: bool) -> regex.Pattern[str]:
    """A pattern matching any of the tokens (regular expressions, longest
    first); whole words only unless ``nonword``."""
    body = "|".join(f"(?:{t})" for t in sorted(tokens, key=len, reverse=True))
    if not nonword:
        body = patterns.whole_word(body)
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
        return len(pattern.findall(text, timeout=budget.time_left()))
    return sum(1 for _ in matches(pattern, text, exceptions, ignorecase))


def matches(pattern: regex.Pattern[str], text: str, exceptions: frozenset[str], ignorecase: bool):  # type: ignore[no-untyped-def]
    """Matches of ``pattern`` in ``text`` that are not exceptions (as given
    by ``excepted``); runs with the timeout every user pattern gets."""
    for match in pattern.finditer(text, timeout=budget.time_left()):
        found = match.group()
        if (found.casefold() if ignorecase else found) not in exceptions:
            yield match
