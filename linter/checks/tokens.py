"""Building one pattern from a rule's tokens, the way style rules give
them: words or phrases matched as whole words (or raw patterns with
``nonword``), case-insensitively unless told otherwise, and with
exceptions that never match."""

from __future__ import annotations

import regex

from linter.checks.base import REGEX_TIMEOUT, Param

TOKEN_PARAMS = {
    "ignorecase": Param("bool", True, "match without regard to case"),
    "nonword": Param("bool", False, "tokens are raw patterns, not whole words"),
    "exceptions": Param("strings", (), "matches that are never reported"),
}


_PLAIN = regex.compile(r"^[\p{L}\p{N} '’\-]+$")


def literals_of(tokens: tuple[str, ...] | list[str]) -> tuple[str, ...] | None:
    """The case-folded tokens when every one is a plain word or phrase (no
    pattern syntax), so that a text without any of them can be skipped;
    None when a token is a pattern."""
    if all(_PLAIN.match(token) and "\\" not in token for token in tokens):
        return tuple(token.casefold() for token in tokens)
    return None


def token_pattern(tokens: tuple[str, ...], ignorecase: bool, nonword: bool) -> regex.Pattern[str]:
    """A pattern matching any of the tokens (regular expressions, longest
    first); whole words only unless ``nonword``."""
    body = "|".join(f"(?:{t})" for t in sorted(tokens, key=len, reverse=True))
    if not nonword:
        body = rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])"
    try:
        return regex.compile(body, (regex.I if ignorecase else 0) | regex.V1)
    except regex.error as error:
        raise ValueError(f"invalid token pattern: {error}") from None


def excepted(exceptions: tuple[str, ...], ignorecase: bool) -> frozenset[str]:
    """Exceptions as ``matches`` compares them."""
    return frozenset(e.casefold() if ignorecase else e for e in exceptions)


def matches(pattern: regex.Pattern[str], text: str, exceptions: frozenset[str], ignorecase: bool):  # type: ignore[no-untyped-def]
    """Matches of ``pattern`` in ``text`` that are not exceptions (as given
    by ``excepted``); runs with the timeout every user pattern gets."""
    for match in pattern.finditer(text, timeout=REGEX_TIMEOUT):
        found = match.group()
        if (found.casefold() if ignorecase else found) not in exceptions:
            yield match
