"""What the rules across files collect of a story: a place (a headline's),
and a story's paragraphs to compare, kept in columns.

A 50,000-story run has some 900,000 paragraphs to compare. Kept as one
object each (a place with its span and signature), reading them back from
the result store took seconds of a warm run; in columns (each paragraph's
key, signature and span end to end in bytes), a story is one small object,
and matching (linter.core.paragraph_links) reads the run's keys and
signatures without making an object a paragraph. A paragraph is made a
``Place`` only when it is reported.
"""

from __future__ import annotations

from array import array
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

from linter.article.document import Span

_SPAN_FIELDS = len(Span._fields)


class Place(NamedTuple):
    path: Path
    span: Span
    key: int  # CRC-32 of the normalised text
    sig: bytes = b""
    closing: bool = False  # the story's last paragraph
    record: int = 0  # in an archive, the line of the story's record (each is a story of its own)

    @property
    def where(self) -> str:
        return f"{self.path}:{self.span.line}"

    @property
    def story(self) -> tuple[Path, int]:
        return self.path, self.record


class StoryParagraphs:
    """A story's paragraphs to compare, in run order: their keys (``array``
    'I' bytes), MinHash signatures end to end, and spans (six numbers
    each); ``closing``: the last of them closes the story. Iterating gives
    the paragraphs as ``Place``s."""

    __slots__ = ("path", "record", "keys", "sigs", "spans", "closing")

    def __init__(self, path: str, record: int, keys: bytes, sigs: bytes, spans: bytes, closing: bool) -> None:
        self.path = path  # a string: a Path is made only for a place reported
        self.record = record
        self.keys = keys
        self.sigs = sigs
        self.spans = spans
        self.closing = closing

    @classmethod
    def of(cls, path: Path, record: int, places: list[Place]) -> "StoryParagraphs":
        """The columns of ``places`` (the story's paragraphs, in order)."""
        spans = array("q")
        for place in places:
            spans.extend(place.span)
        return cls(
            str(path),
            record,
            array("I", [place.key for place in places]).tobytes(),
            b"".join(place.sig for place in places),
            spans.tobytes(),
            bool(places) and places[-1].closing,
        )

    def __reduce__(self) -> tuple[type, tuple[str, int, bytes, bytes, bytes, bool]]:
        return StoryParagraphs, (self.path, self.record, self.keys, self.sigs, self.spans, self.closing)

    def __len__(self) -> int:
        return len(self.keys) // 4

    @property
    def _sig_width(self) -> int:
        """The bytes of one paragraph's signature."""
        return len(self.sigs) // len(self) if self.keys else 0

    def __iter__(self) -> Iterator[Place]:
        return (self.place(index) for index in range(len(self)))

    def place(self, index: int) -> Place:
        """The story's ``index``-th paragraph to compare."""
        count, width = len(self), self._sig_width
        span = Span(*array("q", self.spans[index * _SPAN_FIELDS * 8 : (index + 1) * _SPAN_FIELDS * 8]))
        key = array("I", self.keys[index * 4 : index * 4 + 4])[0]
        sig = self.sigs[index * width : (index + 1) * width]
        return Place(Path(self.path), span, key, sig, self.closing and index == count - 1, self.record)

    def columns(self) -> Iterator[tuple[int, bytes]]:
        """Each paragraph's key and signature, in order."""
        width = self._sig_width
        return ((key, self.sigs[index * width : (index + 1) * width]) for index, key in enumerate(array("I", self.keys)))

    def subset(self, indexes: list[int]) -> "StoryParagraphs":
        """The story with only the paragraphs at ``indexes`` (in order)."""
        keys, width, span = array("I", self.keys), self._sig_width, _SPAN_FIELDS * 8
        return StoryParagraphs(
            self.path,
            self.record,
            array("I", [keys[index] for index in indexes]).tobytes(),
            b"".join(self.sigs[index * width : (index + 1) * width] for index in indexes),
            b"".join(self.spans[index * span : (index + 1) * span] for index in indexes),
            self.closing and bool(indexes) and indexes[-1] == len(self) - 1,
        )

    def map_spans(self, move: Callable[[Span], Span]) -> "StoryParagraphs":
        """The story with each span moved by ``move`` (a rendered story's
        spans to its file's: linter.formats.mapped)."""
        places = [place._replace(span=move(place.span)) for place in self]
        return StoryParagraphs.of(Path(self.path), self.record, places)
