"""The links between a run's paragraphs over columns (linter.core.paragraph_links):
the links the group-by-group stages of linter.core.grouping give, and on a
warm run the links of a cold one, for every kind of change."""

from __future__ import annotations

from array import array
import random

import pytest

from linter.core import paragraph_links
from linter.core.grouping import band_links, exact_links
from linter.core.paragraph_links import Carried, Columns, link
from linter.support.similarity import bands, shingles, signature

WORDS = "the harbor board voted on a plan to run ferry boats at night from old pier while council members asked about budget".split()
THRESHOLD = 0.8


def paragraph(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randrange(8, 30)))


def near_copy(rng: random.Random, text: str) -> str:
    words = text.split()
    words[rng.randrange(len(words))] = rng.choice(WORDS)
    return " ".join(words)


def stories(rng: random.Random, count: int) -> list[list[str]]:
    """Stories of invented paragraphs from a small vocabulary (so that many
    share bands), some copied exactly or nearly from earlier stories, a few
    short enough to leave signature bins empty."""
    made: list[list[str]] = []
    for _ in range(count):
        story = []
        for _ in range(rng.randrange(0, 6)):
            pool = [text for earlier in made for text in earlier]
            roll = rng.random()
            if pool and roll < 0.2:
                story.append(rng.choice(pool))
            elif pool and roll < 0.4:
                story.append(near_copy(rng, rng.choice(pool)))
            elif roll < 0.45:
                story.append(" ".join(rng.choice(WORDS) for _ in range(2)))
            else:
                story.append(paragraph(rng))
        made.append(story)
    return made


def column(story: list[str]) -> tuple[bytes, bytes]:
    keys = array("I", [hash_key(text) for text in story]).tobytes()
    return keys, b"".join(signature(shingles(text, 3)) for text in story)


def hash_key(text: str) -> int:
    import zlib

    return zlib.crc32(text.encode())


def columns_of(made: list[list[str]]) -> Columns:
    return Columns.of(column(story) for story in made)


def reference_links(columns: Columns) -> set[tuple[int, int]]:
    """The links of grouping's stages, group by group (as a distributed run finds them)."""
    by_key: dict[int, list[tuple[int, bytes]]] = {}
    for index, key in enumerate(columns.keys):
        by_key.setdefault(key, []).append((index, columns.sig(index)))
    links: set[tuple[int, int]] = set()
    by_band: dict[bytes, list[tuple[int, bytes]]] = {}
    for group in by_key.values():
        exact, first = exact_links(group)
        links.update(exact)
        for band in bands(first[1]):
            by_band.setdefault(band, []).append(first)
    for group in by_band.values():
        if len(group) > 1:
            links.update(band_links(group, THRESHOLD))
    return links


@pytest.mark.parametrize("seed", range(6))
def test_the_links_are_those_of_the_group_by_group_stages(seed: int) -> None:
    columns = columns_of(stories(random.Random(seed), 120))
    links, _ = link(columns, THRESHOLD)
    assert set(links) == reference_links(columns)
    assert any(a != b for a, b in links)  # the stories do hold copies


def edit(rng: random.Random, made: list[list[str]], story: int) -> None:
    """One change to a story: a paragraph edited, added, removed or copied
    from another story, or the whole story emptied or replaced by another."""
    paragraphs = made[story]
    kind = rng.randrange(6)
    if kind == 0 and paragraphs:
        where = rng.randrange(len(paragraphs))
        paragraphs[where] = near_copy(rng, paragraphs[where])
    elif kind == 1:
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), paragraph(rng))
    elif kind == 2 and paragraphs:
        del paragraphs[rng.randrange(len(paragraphs))]
    elif kind == 3:
        other = rng.choice([p for s in made for p in s] or [paragraph(rng)])
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), other)
    elif kind == 4:
        paragraphs.clear()
    else:
        made[story] = list(rng.choice(made))


@pytest.mark.parametrize("seed", range(12))
def test_a_warm_matching_finds_what_a_cold_one_does(seed: int) -> None:
    rng = random.Random(100 + seed)
    made = stories(rng, 120)
    before = columns_of(made)
    _, carried = link(before, THRESHOLD)
    for _ in range(3):  # runs one after another, each carrying the last one's
        changed = {}
        for story in rng.sample(range(len(made)), rng.choice([1, 2, 10])):
            changed[story] = column(made[story])
            edit(rng, made, story)
        after = columns_of(made)
        warm_links, warm_carried = link(after, THRESHOLD, carried, changed)
        cold_links, cold_carried = link(after, THRESHOLD)
        assert set(warm_links) == set(cold_links)
        assert normalised(warm_carried) == normalised(cold_carried)
        carried = warm_carried


def normalised(carried: Carried) -> dict[tuple[int, int], set[tuple[int, int]]]:
    return {group: set(links) for group, links in carried.items()}


def test_a_warm_matching_compares_only_what_a_change_can_move(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(5)
    made = stories(rng, 200)
    compared: list[int] = []
    estimate = paragraph_links.estimate
    monkeypatch.setattr(paragraph_links, "estimate", lambda a, b: compared.append(1) or estimate(a, b))
    _, carried = link(columns_of(made), THRESHOLD)
    cold = len(compared)
    changed = {150: column(made[150])}
    made[150] = [paragraph(rng)]
    compared.clear()
    link(columns_of(made), THRESHOLD, carried, changed)
    assert cold and len(compared) < cold / 4


def test_a_band_with_an_empty_bin_links_nothing() -> None:
    short = column(["harbor board"] * 1)
    columns = Columns.of([short, column(["harbor board ferry"])])
    assert link(columns, THRESHOLD)[0] == []


def test_a_paragraph_that_becomes_the_first_of_its_key_is_matched_by_band() -> None:
    # Two texts under one key (a CRC-32 collision): only the first is
    # matched by band, so when the first goes, the other joins its bands.
    rng = random.Random(1)
    gone, kept = paragraph(rng), " ".join(rng.choice(WORDS) for _ in range(60))  # long enough to fill every bin
    near = near_copy(rng, kept)
    collide = hash_key(gone)

    def story(*texts: str, key: int | None = None) -> tuple[bytes, bytes]:
        keys = array("I", [key if key is not None else hash_key(text) for text in texts]).tobytes()
        return keys, b"".join(signature(shingles(text, 3)) for text in texts)

    before = Columns.of([story(gone), story(near), story(kept, key=collide)])
    links, carried = link(before, THRESHOLD)
    assert links == [(2, 0)]  # the later text under the key, linked as a copy of the first
    after = Columns.of([story(), story(near), story(kept, key=collide)])
    warm, _ = link(after, THRESHOLD, carried, {0: story(gone)})
    assert set(warm) == set(link(after, THRESHOLD)[0]) == {(1, 0)}


def sig(*bins: int) -> bytes:
    return array("I", bins).tobytes()


SAME = list(range(10, 26))  # a signature with every bin filled
NEAR = SAME[:15] + [99]  # 15 bins of 16 like SAME: linked to it
BAND_ONLY = SAME[:2] + list(range(200, 214))  # only the first band like SAME: not linked


def story_of(*paragraphs: tuple[int, list[int]]) -> tuple[bytes, bytes]:
    return array("I", [key for key, _ in paragraphs]).tobytes(), b"".join(sig(*bins) for _, bins in paragraphs)


def warm_and_cold(before: list[tuple[bytes, bytes]], after: list[tuple[bytes, bytes]]) -> tuple[Carried, Carried]:
    _, carried = link(Columns.of(before), THRESHOLD)
    changed = {index: old for index, (old, new) in enumerate(zip(before, after)) if old != new}
    return link(Columns.of(after), THRESHOLD, carried, changed)[1], link(Columns.of(after), THRESHOLD)[1]


def test_when_a_group_s_first_paragraph_leaves_the_next_is_compared_with_the_rest() -> None:
    before = [story_of((1, BAND_ONLY)), story_of((2, NEAR)), story_of((3, SAME))]
    after = [story_of(), *before[1:]]
    warm, cold = warm_and_cold(before, after)
    assert normalised(warm) == normalised(cold)
    assert (0, array("Q", sig(*SAME[:2]))[0]) in cold  # the first band's group: linked once its first left


def test_when_a_group_s_first_paragraph_becomes_a_later_copy_the_next_is_compared_with_the_rest() -> None:
    # A key held by two texts (a CRC-32 collision): a new first copy of it
    # takes the old one out of its band groups.
    before = [story_of(), story_of((1, BAND_ONLY)), story_of((2, NEAR)), story_of((3, SAME))]
    after = [story_of((1, list(range(300, 316)))), *before[1:]]
    warm, cold = warm_and_cold(before, after)
    assert normalised(warm) == normalised(cold)
    assert (0, array("Q", sig(*SAME[:2]))[0]) in cold
