"""How the rules across files group what they collect of each story, so
that a run can match stories anywhere (in this process, or group by group
on a cluster's workers: linter.distributed) and get the same findings.

A CorpusCheck names its way in ``grouping``:

- ``""``: its items come to one place, and ``finish`` reports;
- ``BY_KEY``: each story's item is a place (or None) with a ``key``; the
  places sharing a key are a group, and ``report(groups, stories)`` finds;
- ``BY_KEY_AND_BANDS``: each story's item is a list of places with a
  ``key`` and a MinHash ``sig``; places sharing a key are exact copies
  (``exact_links``), the first of each goes on to be matched by MinHash band
  (``band_links``, at the rule's ``threshold``), and the linked places
  (``clusters``) are reported with ``report(groups, stories)``.

The stages work over (order, place) pairs, where ``order`` is a place's
position in the run (files in order, then places): every group can be
handled on its own, and the result is the same.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping, Sequence, TypeVar

from linter.support.hashing import blake2b
from linter.support.similarity import EMPTY_BIN, band_positions, estimate

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


def shared_bands(firsts: list[tuple[int, bytes]]) -> Iterator[tuple[bytes, list[tuple[int, bytes]]]]:
    """Each MinHash band key (of ``similarity.bands``) held by two or more of
    the (order, signature) pairs ``firsts``, with those pairs in their order,
    one band position at a time: only one position's dictionary is held at
    once (one of every band of a 50,000-story run's 900,000 paragraphs held
    most of its gigabyte)."""
    for prefix, cut in band_positions():
        width = cut.stop - cut.start
        by_band: dict[bytes, list[tuple[int, bytes]]] = {}
        for order, sig in firsts:
            band = sig[cut]
            if len(band) == width and EMPTY_BIN not in band:
                by_band.setdefault(band, []).append((order, sig))
        for band, group in by_band.items():
            if len(group) > 1:
                yield prefix + band, group
        del by_band


def carried_band_links(
    band: bytes, group: list[tuple[int, bytes]], threshold: float, before: dict[bytes, Any], after: dict[bytes, Any]
) -> list[tuple[int, int]]:
    """``band_links``, taken from an earlier run's (``before``) when the band
    held the same signatures in the same order; every group's result goes
    to ``after``, for the next run. A warm run with a few stories changed
    compares only the groups they are in."""
    group = sorted(group)
    key = band + blake2b(b"".join([sig for _, sig in group]), digest_size=12).digest()
    linked = before.get(key)
    if linked is None:
        linked = _linked(group, threshold)
    after[key] = linked
    head = group[0][0]
    return [(group[index][0], head) for index in linked]


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
