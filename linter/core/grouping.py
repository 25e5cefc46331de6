"""How the rules across files group what they collect of each story, so
that a run can match stories anywhere (in this process, or group by group
on a cluster's workers: linter.distributed) and get the same findings.

A CorpusCheck names its way in ``grouping``:

- ``""``: its items come to one place, and ``finish`` reports;
- ``BY_KEY``: each story's item is a place (or None) with a ``key``; the
  places sharing a key are a group, and ``report(groups, stories)`` finds;
- ``BY_KEY_AND_BANDS``: each story's item is a sequence of places with a
  ``key`` and a MinHash ``sig``; places sharing a key are exact copies
  (``exact_links``), the first of each goes on to be matched by MinHash band
  (``band_links``, at the rule's ``threshold``), and the linked places
  (``clusters``) are reported with ``report(groups, stories)``.

The stages work over (order, place) pairs, where ``order`` is a place's
position in the run (files in order, then places): every group can be
handled on its own, and the result is the same. In one process, the
paragraph rule finds the same links over columns of the run's keys and
signatures (linter.core.paragraph_links), and on a warm run only where a
change can have moved them.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence, TypeVar

from linter.support.similarity import estimate

BY_KEY = "key"
BY_KEY_AND_BANDS = "key+bands"

P = TypeVar("P")


def exact_links(group: list[tuple[int, P]]) -> tuple[list[tuple[int, int]], tuple[int, P]]:
    """Exact copies (one key): each is linked to the first, which alone goes
    on to the near-copy stage."""
    group = sorted(group, key=lambda item: item[0])
    first_order = group[0][0]
    return [(order, first_order) for order, _ in group[1:]], group[0]


def band_links(group: list[tuple[int, bytes]], threshold: float) -> list[tuple[int, int]]:
    """Paragraphs sharing a MinHash band: each is linked to the band's first
    one when their signatures agree enough (a star, not every pair, so a
    paragraph in thousands of stories stays linear)."""
    group = sorted(group)
    head = group[0][0]
    return [(group[index][0], head) for index in _linked(group, threshold)]


def _linked(group: list[tuple[int, bytes]], threshold: float) -> list[int]:
    """The places in a band's group (in run order) linked to its first."""
    head_sig = group[0][1]
    return [index for index, (_, sig) in enumerate(group) if index and estimate(sig, head_sig) >= threshold]


def clusters(places: Mapping[int, P] | Sequence[P], links: Iterable[tuple[int, int]]) -> list[list[P]]:
    """Groups of linked places (two or more), each in run order."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in links:
        parent[root(a)] = root(b)
    groups: dict[int, list[int]] = {}
    for order in sorted(parent):
        groups.setdefault(root(order), []).append(order)
    return [[places[o] for o in members] for members in groups.values() if len(members) > 1]
