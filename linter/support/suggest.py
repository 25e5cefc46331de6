"""The did-you-mean hint of an error about a name that does not exist (a
setting, a rule id, a glob): one wording, one matcher."""

from __future__ import annotations

from typing import Iterable


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """`` (did you mean 'X'?)`` with the known name closest to ``name``, or
    "" when none is close."""
    import difflib  # only for a mistake

    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
