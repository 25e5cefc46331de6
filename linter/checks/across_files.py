"""Duplicates between the stories of one run: one headline on two stories,
and one paragraph published in several.

Both index their keys in dictionaries, so the cost grows with the number of
stories, never with the number of pairs: headlines and paragraphs by the
hash of their normalised text, and paragraphs also by MinHash band keys,
so that near-identical copies meet in a bucket and only those are compared.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, NamedTuple
import zlib

from linter.checks.base import CorpusCheck, Param
from linter.document import Document, Role, Span
from linter.findings import Finding, fingerprint
from linter.similarity import bands, estimate, signature
from linter.textnorm import normalize

if TYPE_CHECKING:
    from linter.context import RunContext
    from linter.rules import Rule


class Place(NamedTuple):
    path: Path
    span: Span
    key: int  # CRC-32 of the normalised text
    sig: bytes = b""

    @property
    def where(self) -> str:
        return f"{self.path}:{self.span.line}"


def _key(folded: str) -> int:
    return zlib.crc32(folded.encode())


class _AcrossFiles(CorpusCheck):
    fields = ("count", "places")

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        self.allowed = tuple(normalize(phrase) for phrase in self.options["allow"])

    def boilerplate(self, folded: str) -> bool:
        """Whether normalised text holds one of the allowed phrases."""
        return any(phrase in folded for phrase in self.allowed)

    def report(self, groups: Iterable[list[Place]]) -> Iterator[Finding]:
        """One finding at each place of each group that spans two files or
        more, listing the other places (at most ``max_places``)."""
        cap = self.options["max_places"]
        for group in groups:
            if len({p.path for p in group}) < 2:
                continue
            for place in group:
                others = [p.where for p in group if p is not place]
                listed = ", ".join(others[:cap]) + (f" and {len(others) - cap} more" if len(others) > cap else "")
                yield Finding(
                    place.path,
                    place.span,
                    self.rule.id,
                    self.rule.severity,
                    self.rule.message.format_map({"count": len(others), "places": listed, "text": ""}),
                    fingerprint=fingerprint(self.rule.id, f"{place.key:08x}"),
                )


class HeadlineAcrossFiles(_AcrossFiles):
    name = "headline-across-files"
    summary = "Two stories carry one headline."
    params = {
        "allow": Param("strings", (), "headlines that may repeat (standing heads)"),
        "max_places": Param("int", 5, "how many other places a finding lists"),
    }
    default_scope = (Role.HEADLINE,)

    def collect(self, doc: Document) -> Any:
        headline = doc.headline
        if headline is None or self.boilerplate(headline.normalized):
            return None
        return Place(doc.path, headline.span, _key(headline.normalized))

    def finish(self, collected: list[Any]) -> Iterable[Finding]:
        groups: dict[int, list[Place]] = {}
        for place in collected:
            if place is not None:
                groups.setdefault(place.key, []).append(place)
        return self.report(groups.values())


class ParagraphAcrossFiles(_AcrossFiles):
    name = "paragraph-across-files"
    summary = "A paragraph is published in several stories."
    params = {
        "allow": Param("strings", (), "boilerplate that may repeat ('contributed reporting')"),
        "max_places": Param("int", 5, "how many other places a finding lists"),
        "min_words": Param("int", 12, "shorter paragraphs never fire"),
        "threshold": Param("number", 0.8, "estimated similarity at or above which copies count as one paragraph"),
        "shingle_size": Param("int", 3, "words per shingle"),
    }
    default_scope = (Role.BODY,)

    def collect(self, doc: Document) -> Any:
        places = []
        for block in self.blocks(doc):
            if len(block.text.split()) < self.options["min_words"] or self.boilerplate(block.normalized):
                continue
            sig = signature(block.shingles(self.options["shingle_size"]))
            places.append(Place(doc.path, block.span, _key(block.normalized), sig))
        return places

    def finish(self, collected: list[Any]) -> Iterable[Finding]:
        places = list(enumerate(place for per_doc in collected for place in per_doc))
        by_key: dict[int, list[tuple[int, Place]]] = {}
        for order, place in places:
            by_key.setdefault(place.key, []).append((order, place))
        links: list[tuple[int, int]] = []
        firsts: list[tuple[int, Place]] = []
        for group in by_key.values():
            group_links, first = exact_links(group)
            links += group_links
            firsts.append(first)
        by_band: dict[bytes, list[tuple[int, bytes]]] = {}
        for order, place in firsts:
            for band in bands(place.sig):
                by_band.setdefault(band, []).append((order, place.sig))
        for group in by_band.values():
            links += band_links(group, self.options["threshold"])
        return self.report(clusters(dict(places), links))


# Matching paragraphs across files, in stages over (order, place) pairs,
# where ``order`` is a place's position in the run (files in order, then
# paragraphs): every group can be handled on its own, by this process or by
# a worker of a cluster, and the result is the same.


def exact_links(group: list[tuple[int, Place]]) -> tuple[list[tuple[int, int]], tuple[int, Place]]:
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
    head_order, head_sig = group[0]
    return [(order, head_order) for order, sig in group[1:] if estimate(sig, head_sig) >= threshold]


def clusters(places: dict[int, Place], links: Iterable[tuple[int, int]]) -> list[list[Place]]:
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
