"""Duplicates between the stories of one run: one headline on two stories,
and one paragraph published in several.

Both index their keys in dictionaries, so the cost grows with the number of
stories, never with the number of pairs: headlines and paragraphs by the
hash of their normalised text, and paragraphs also by MinHash band keys,
so that near-identical copies meet in a bucket and only those are compared.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from linter.checks.base import CorpusCheck, Param
from linter.document import Document, Role, Span
from linter.findings import Finding, fingerprint
from linter.similarity import bands, estimate, signature
from linter.textnorm import normalize

if TYPE_CHECKING:
    from linter.context import RunContext
    from linter.rules import Rule


@dataclass(frozen=True, slots=True)
class Place:
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
        places = [place for per_doc in collected for place in per_doc]
        parent = list(range(len(places)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def join(i: int, j: int) -> None:
            parent[root(i)] = root(j)

        # Exact copies share a key; near copies share a MinHash band. Each
        # bucket joins its members to its first one (a star, not every
        # pair), so a paragraph found in thousands of stories stays linear.
        by_key: dict[int, int] = {}
        by_band: dict[bytes, int] = {}
        for index, place in enumerate(places):
            first = by_key.setdefault(place.key, index)
            if first != index:
                join(index, first)
                continue
            for band in bands(place.sig):
                head = by_band.setdefault(band, index)
                if head != index and estimate(place.sig, places[head].sig) >= self.options["threshold"]:
                    join(index, head)
        groups: dict[int, list[Place]] = {}
        for index, place in enumerate(places):
            groups.setdefault(root(index), []).append(place)
        return self.report(groups.values())
