"""Time budgets, so that no story can hang a run.

Two bounds hold while a story's checks run: each rule's whole work on the
story (every pattern it runs, together) has ``RULE_SECONDS``, which a
pattern search reads as its timeout through ``time_left``; and all the
rules together have the story's budget (config ``time_budget``), which
also stops a check written in Python: where the platform allows, an alarm
interrupts it (``StoryOverBudget``); elsewhere (a thread that is not the
main one) the budget is checked between rules.
"""

from __future__ import annotations

import signal
from time import monotonic
from types import FrameType
from typing import Iterator
from contextlib import contextmanager

RULE_SECONDS = 1.0  # a rule's patterns on one story, together
_rule_deadline = float("inf")


class StoryOverBudget(BaseException):
    """The story's time budget ran out while a rule was running. A
    BaseException, so that a check's own ``except Exception`` cannot
    swallow it."""


def start_rule(story_deadline: float) -> None:
    """A rule starts its work on a story: its patterns have RULE_SECONDS in
    all, and no more than the story has left."""
    global _rule_deadline
    _rule_deadline = min(monotonic() + RULE_SECONDS, story_deadline)


def time_left() -> float:
    """Seconds the running rule has left, as a pattern search's timeout
    (never zero, which the regex module reads as no timeout)."""
    return max(_rule_deadline - monotonic(), 0.001)


@contextmanager
def alarm(seconds: float) -> Iterator[bool]:
    """Raise StoryOverBudget in the main thread after ``seconds``; yield
    whether an alarm was set (not in another thread, nor where the platform
    has no interval timer)."""
    if not hasattr(signal, "setitimer"):
        yield False
        return

    def ring(signum: int, frame: FrameType | None) -> None:
        raise StoryOverBudget

    try:
        previous = signal.signal(signal.SIGALRM, ring)
    except ValueError:  # not the main thread
        yield False
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
