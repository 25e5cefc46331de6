"""The links between a run's paragraphs, in one process: exact copies (one
key), and near copies (the first of each key, matched by MinHash band at a
threshold). The links are those of ``grouping.exact_links`` and
``grouping.band_links`` (a distributed run uses those, group by group);
here they are found over columns of the run's keys and signatures, and on
a warm run found again only where a changed story can have moved them.

Columns: a 50,000-story run has some 900,000 paragraphs, eight bands each.
A band position's values are one strided read of the signatures, counted
in C (``collections.Counter``); only the values two paragraphs share are
grouped in Python.

Carried from run to run (``Carried``): the links of each band group that
had any, by the stable place (story, paragraph) of their ends. A group's
links depend only on its members and their signatures, and its members
change only when a paragraph enters or leaves it: one of a changed story
that is not what it was at its place (old or new), or one holding a key
that such a paragraph held or holds (its being the first of that key,
which alone is matched by band, can change). A warm run forms and compares only the groups of those
paragraphs' band values; every other group's links are taken as they were.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections import Counter
import sys
from typing import Iterable, Mapping, NamedTuple

from linter.support.similarity import BAND_ROWS, EMPTY_BIN, SIGNATURE_BINS, estimate

SIG_BYTES = 4 * SIGNATURE_BINS
_PER_SIG = SIGNATURE_BINS // BAND_ROWS  # band positions
_TYPECODE = {4: "I", 8: "Q"}[4 * BAND_ROWS]  # a band's bytes read as one number
_PARAGRAPH_BITS = 32  # a stable place: story << 32 | paragraph

# Each band group (position, value) that had links: its (member, head) links, by stable place.
Carried = dict[tuple[int, int], list[tuple[int, int]]]


class Columns(NamedTuple):
    """A run's paragraphs to compare, in run order."""

    keys: array  # 'I': each paragraph's key
    sigs: bytes  # their signatures, end to end
    starts: array  # 'q': where each story's paragraphs start in ``keys``, and one more: the end

    @classmethod
    def of(cls, stories: Iterable[tuple[bytes, bytes]]) -> "Columns":
        """The columns of stories given as (keys, signatures) bytes."""
        keys, sigs, starts = array("I"), [], array("q", [0])
        for story_keys, story_sigs in stories:
            keys.frombytes(story_keys)
            sigs.append(story_sigs)
            starts.append(len(keys))
        return cls(keys, b"".join(sigs), starts)

    def sig(self, index: int) -> bytes:
        return self.sigs[index * SIG_BYTES : (index + 1) * SIG_BYTES]

    def story(self, index: int) -> int:
        """The story of the paragraph at ``index``."""
        return bisect_right(self.starts, index) - 1

    def stable(self, index: int) -> int:
        story = self.story(index)
        return story << _PARAGRAPH_BITS | (index - self.starts[story])

    def index(self, stable: int) -> int:
        return self.starts[stable >> _PARAGRAPH_BITS] + (stable & ((1 << _PARAGRAPH_BITS) - 1))


def band_values(sigs: bytes, position: int) -> list[int]:
    """Each signature's band at ``position``, as a number."""
    return memoryview(sigs).cast(_TYPECODE)[position::_PER_SIG].tolist()


def link(
    columns: Columns,
    threshold: float,
    carried: Carried | None = None,
    changed: Mapping[int, tuple[bytes, bytes]] | None = None,
) -> tuple[list[tuple[int, int]], Carried]:
    """The (paragraph, paragraph) links of the run, by index in ``columns``,
    and what to carry to the next run. With ``carried`` (the last run's)
    and ``changed`` (each story changed since, by index, with its keys and
    signatures then), only the groups a change can have moved are formed
    again; every other story must be as it was."""
    links, later = _exact_links(columns.keys)
    moved = None if carried is None or changed is None else _Moved(columns, changed)
    kept: Carried = {}
    for position in range(_PER_SIG):
        values = band_values(columns.sigs, position)
        before: dict[int, list[tuple[int, int]]] = {}
        if moved is None:
            wanted = _shared(values, later)
        else:
            wanted = moved.at(values, position)
            for group, group_links in carried.items():  # type: ignore[union-attr]
                if group[0] != position:
                    continue
                if group[1] in wanted:
                    before[group[1]] = group_links
                else:
                    kept[group] = group_links
                    links += [(columns.index(a), columns.index(b)) for a, b in group_links]
        for index in later:
            values[index] = ~index  # matched by key: never shares a band
        for value, members in _groups(values, wanted).items():
            if moved is None:
                group_links = _band_links(columns, members, threshold)
            else:
                group_links = moved.relink(columns, value, members, before.get(value, []), threshold)
            if group_links:
                links += group_links
                kept[(position, value)] = [(columns.stable(a), columns.stable(b)) for a, b in group_links]
    return links, kept


def _exact_links(keys: array) -> tuple[list[tuple[int, int]], list[int]]:
    """Each later copy of a key linked to its first, and the later copies."""
    repeated = {key for key, count in Counter(keys).items() if count > 1}
    first_of: dict[int, int] = {}
    links = []
    for index in [index for index, key in enumerate(keys) if key in repeated]:
        first = first_of.setdefault(keys[index], index)
        if first != index:
            links.append((index, first))
    return links, [index for index, _ in links]


class _Moved:
    """What a change moved: the paragraphs (by index now) that may have
    entered or left a band group, and the changed stories' paragraphs that
    left (by stable place, with their signatures end to end). A paragraph
    of a changed story that holds the key and signature it held then, at
    the same place, moved nothing; the others entered or left their
    groups, and so may have every paragraph holding a key they hold (its
    being the first of that key can change)."""

    def __init__(self, columns: Columns, changed: Mapping[int, tuple[bytes, bytes]]) -> None:
        starts, keys = columns.starts, columns.keys
        left_sigs: list[bytes] = []
        self.left: list[int] = []
        held: set[int] = set()
        for story in sorted(changed):
            old_keys, old_sigs = changed[story]
            old = array("I", old_keys)
            start, count = starts[story], starts[story + 1] - starts[story]
            for place in range(max(count, len(old))):
                old_sig = old_sigs[place * SIG_BYTES : (place + 1) * SIG_BYTES]
                if place < count and place < len(old) and keys[start + place] == old[place] and columns.sig(start + place) == old_sig:
                    continue
                if place < count:
                    held.add(keys[start + place])
                if place < len(old):
                    left_sigs.append(old_sig)
                    self.left.append(story << _PARAGRAPH_BITS | place)
                    held.add(old[place])
        self.touched = [index for index, key in enumerate(keys) if key in held] if held else []
        self.touched_set = set(self.touched)
        self.left_set = set(self.left)
        self.left_sigs = b"".join(left_sigs)
        self.earliest: dict[int, int] = {}  # at the position being matched: the first moved paragraph of each value
        self.earliest_left: dict[int, int] = {}  # ... and the first that left, by stable place

    def at(self, values: list[int], position: int) -> set[int]:
        """The band values at ``position`` (``values``: the paragraphs'
        now) whose groups may have moved."""
        self.earliest = {}
        for index in self.touched:
            self.earliest.setdefault(values[index], index)
        self.earliest_left = {}
        for stable, value in zip(self.left, band_values(self.left_sigs, position)):
            self.earliest_left.setdefault(value, stable)
        return {*self.earliest, *self.earliest_left}

    def relink(
        self, columns: Columns, value: int, members: list[int], before: list[tuple[int, int]], threshold: float
    ) -> list[tuple[int, int]]:
        """A moved group's links. When its first paragraph did not move and
        none that moved came before it, its first is the one it had, so
        the links ``before`` of the members that did not move stand and only
        those that moved are compared; otherwise every member is."""
        head = members[0]
        stable_head = columns.stable(head)
        if head in self.touched_set or self.earliest.get(value, head) < head or self.earliest_left.get(value, stable_head) < stable_head:
            return _band_links(columns, members, threshold)
        stood = [
            (index, head)
            for index in (columns.index(member) for member, _ in before if member not in self.left_set)
            if index not in self.touched_set
        ]
        head_sig = columns.sig(head)
        compared = [member for member in members[1:] if member in self.touched_set]
        return stood + [(member, head) for member in compared if estimate(columns.sig(member), head_sig) >= threshold]


def _shared(values: list[int], later: list[int]) -> set[int]:
    """The band values that two or more first copies hold."""
    counts = Counter(values)
    for index in later:
        counts[values[index]] -= 1
    return {value for value, count in counts.items() if count > 1}


def _groups(values: list[int], wanted: set[int]) -> dict[int, list[int]]:
    """The paragraphs holding each of the ``wanted`` values, in run order;
    bands with an empty bin are too short to say, and left out."""
    groups: dict[int, list[int]] = {}
    for index in [index for index, value in enumerate(values) if value in wanted]:
        groups.setdefault(values[index], []).append(index)
    return {
        value: members
        for value, members in groups.items()
        if len(members) > 1 and EMPTY_BIN not in value.to_bytes(4 * BAND_ROWS, sys.byteorder)
    }


def _band_links(columns: Columns, members: list[int], threshold: float) -> list[tuple[int, int]]:
    """Each member linked to the group's first when their signatures agree
    enough (a star, as ``grouping.band_links``)."""
    head = members[0]
    head_sig = columns.sig(head)
    return [(member, head) for member in members[1:] if estimate(columns.sig(member), head_sig) >= threshold]
