"""Duplicates between the stories of one run: one headline on two stories,
and one paragraph published in several.

Both index their keys in dictionaries, so the cost grows with the number of
stories, never with the number of pairs: headlines and paragraphs by the
hash of their normalised text, and paragraphs also by MinHash band keys,
so that near-identical copies meet in a bucket and only those are compared.

Standing copy is not a duplicate: a headline or paragraph holding a phrase
of the rule's ``allow`` list or of the config's ``boilerplate``, one shared
by a large share of the run's stories (``boilerplate_share`` of them, and
at least ``boilerplate_stories``: an outlet's tagline or editor's note),
and, for paragraphs, display lines (title case: links to other stories;
bracketed asides), a paragraph that closes every story holding it (a
sign-off: "Follow the author on ...", a programme's times) and a paragraph
mostly of quoted speech (every story quoting a statement repeats it). Two stories that share many paragraphs (one story filed
twice) are one defect: each story gets one finding, at the first paragraph
it shares with the same stories, counting the others.
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator
import zlib

from linter.language import copy_shapes
from linter.core.check import CorpusCheck, Param
from linter.core.grouping import BY_KEY, BY_KEY_AND_BANDS, clusters
from linter.core.paragraph_links import Columns, link
from linter.checks.places import Place, StoryParagraphs
from linter.article.document import Block, Document, Role, Span
from linter.results.findings import Finding, fingerprint
from linter.support.similarity import bands, signature
from linter.support.textnorm import normalize

if TYPE_CHECKING:
    from linter.core.context import RunContext
    from linter.core.rule import Rule


def _record(doc: Document) -> int:
    """The line of the story's record in an archive (0: a story of its own
    file); see linter.formats.mapped."""
    return getattr(doc, "record", 0)


def _key(folded: str) -> int:
    return zlib.crc32(folded.encode())


ARCHIVE_BAND_ROWS = 8


def _archive_keys(key: int, sig: bytes) -> list[bytes]:
    return [b"=" + key.to_bytes(4, "big"), *bands(sig, ARCHIVE_BAND_ROWS)]


def _mostly_quoted(block: Block, words: int) -> bool:
    """Whether most of a paragraph's ``words`` are quoted speech, which every
    story quoting the speaker repeats."""
    return bool(block.quotes) and sum(quote.words for quote in block.quotes) * 2 > words


BOILERPLATE_PARAMS = {
    "boilerplate_share": Param("number", 0.2, "copy in at least this share of the run's stories is standing copy"),
    "boilerplate_stories": Param("int", 5, "... and in at least this many stories"),
}


class _AcrossFiles(CorpusCheck):
    fields = ("count", "places", "shared")

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        phrases = [*self.options["allow"], *context.config.boilerplate]
        self.allowed = tuple(normalize(phrase) for phrase in phrases)

    def boilerplate(self, folded: str) -> bool:
        """Whether normalised text holds one of the allowed phrases."""
        return any(phrase in folded for phrase in self.allowed)

    def standing(self, stories: int, run: int) -> bool:
        """Whether copy in ``stories`` of a run of ``run`` stories is shared
        by so many that it is standing copy, not a duplicate."""
        return stories >= max(self.options["boilerplate_stories"], self.options["boilerplate_share"] * run)

    def report(self, groups: Iterable[list[Place]], run: int) -> Iterator[Finding]:
        """A finding at each place of each group that spans two files or more
        (and is not standing copy), listing the other places (at most
        ``max_places``); a file that shares several paragraphs with the same
        files gets one, at the first, counting the rest."""
        # A place's other stories are its group's less its own, which is
        # among them, so the group's stories (made once a group) key the same
        # pairs; a finding lists at most max_places others and counts the
        # rest, so a paragraph in hundreds of stories stays linear.
        by_pair: dict[tuple[tuple[Path, int], frozenset[tuple[Path, int]]], list[tuple[Place, list[Place]]]] = {}
        for group in groups:
            stories = frozenset(p.story for p in group)
            if len(stories) < 2 or self.standing(len(stories), run) or all(p.closing for p in group):
                continue
            for place in group:
                by_pair.setdefault((place.story, stories), []).append((place, group))
        cap = self.options["max_places"]
        for shared in by_pair.values():
            place, group = min(shared, key=lambda item: item[0].span.start)
            others = len(group) - 1
            listed = ", ".join(p.where for p in islice((p for p in group if p is not place), cap))
            listed += f" and {others - cap} more" if others > cap else ""
            more = f" The story shares {len(shared) - 1} more with the same stories." if len(shared) > 1 else ""
            yield Finding(
                place.path,
                place.span,
                self.rule.id,
                self.rule.severity,
                self.rule.message.format_map({"count": others, "places": listed, "shared": more, "text": ""}),
                fingerprint=fingerprint(self.rule.id, f"{place.key:08x}"),
            )


class HeadlineAcrossFiles(_AcrossFiles):
    name = "headline-across-files"
    summary = "Two stories carry one headline."
    grouping = BY_KEY  # collects a Place (or None) a story
    params = {
        "allow": Param("strings", (), "headlines that may repeat (standing heads)"),
        "max_places": Param("int", 5, "how many other places a finding lists"),
        **BOILERPLATE_PARAMS,
    }
    default_scope = (Role.HEADLINE,)

    def index_keys(self, item: Any) -> Iterable[bytes]:
        return [item.key.to_bytes(4, "big")] if item is not None else []

    def collect(self, doc: Document) -> Any:
        headline = doc.headline
        if headline is None or self.boilerplate(headline.normalized):
            return None
        return Place(doc.path, headline.span, _key(headline.normalized), record=_record(doc))

    def finish(self, collected: list[Any]) -> Iterable[Finding]:
        groups: dict[int, list[Place]] = {}
        for place in collected:
            if place is not None:
                groups.setdefault(place.key, []).append(place)
        return self.report(groups.values(), len(collected))


class ParagraphAcrossFiles(_AcrossFiles):
    name = "paragraph-across-files"
    summary = "A paragraph is published in several stories."
    grouping = BY_KEY_AND_BANDS  # collects a StoryParagraphs a story (Places, with signatures)
    params = {
        "allow": Param("strings", (), "boilerplate that may repeat ('contributed reporting')"),
        "max_places": Param("int", 5, "how many other places a finding lists"),
        "min_words": Param("int", 12, "shorter paragraphs never fire"),
        "threshold": Param("number", 0.8, "estimated similarity at or above which copies count as one paragraph"),
        "shingle_size": Param("int", 3, "words per shingle"),
        **BOILERPLATE_PARAMS,
    }
    default_scope = (Role.BODY,)
    blank: Any = StoryParagraphs("", 0, b"", b"", b"", False)

    def index_keys(self, item: Any) -> Iterable[bytes]:
        """A paragraph's hash and its wide MinHash bands (eight bins each):
        an exact copy shares the first, a near copy most likely one of the
        others, and paragraphs that only share a sentence seldom do (the
        narrow bands of ``finish`` would hand back most of an archive)."""
        keys = set()
        for key, sig in item.columns():
            keys.update(_archive_keys(key, sig))
        return keys

    def narrow(self, item: Any, keys: set[bytes]) -> Any:
        return item.subset([index for index, (key, sig) in enumerate(item.columns()) if not keys.isdisjoint(_archive_keys(key, sig))])

    def collect(self, doc: Document) -> Any:
        places = []
        blocks = list(self.blocks(doc))
        for block in blocks:
            words = len(block.text.split())
            if words < self.options["min_words"] or copy_shapes.display_line(block.text):
                continue  # short, a heading or a link: not copy to compare
            if self.boilerplate(block.normalized) or _mostly_quoted(block, words):
                continue
            sig = signature(block.shingles(self.options["shingle_size"]))
            places.append(Place(doc.path, block.span, _key(block.normalized), sig, block is blocks[-1], _record(doc)))
        return StoryParagraphs.of(doc.path, _record(doc), places)

    def finish(self, collected: list[Any]) -> Iterable[Finding]:
        columns = Columns.of((story.keys, story.sigs) for story in collected)
        changed = None if self.changed is None else {index: (old.keys, old.sigs) for index, old in self.changed.items()}
        links, self.carried = link(columns, self.options["threshold"], self.carried, changed)
        places = {}
        for index in {index for pair in links for index in pair}:
            story = columns.story(index)
            places[index] = collected[story].place(index - columns.starts[story])
        return self.report(clusters(places, links), len(collected))
