"""Reading the real development copy in ``../shared/corpora``.

The corpora are third-party published articles kept outside the project
(see their README): the accuracy and reading scripts read them in place and
never copy their text. This module finds them and reads their stories and
the gold attribution annotations of ``polnear-dev`` (brat standoff files).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Iterator, NamedTuple

DEFAULT_ROOT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"


class Story(NamedTuple):
    corpus: str  # "polnear-dev" or "bbc-dev"
    id: str  # "0001"
    group: str  # the outlet (polnear-dev) or the section (bbc-dev)
    path: Path

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


class Span(NamedTuple):
    """A gold text-bound annotation: its kind and its character ranges."""

    id: str
    kind: str  # Source, Cue, Content or Attribution
    ranges: tuple[tuple[int, int], ...]
    text: str

    @property
    def start(self) -> int:
        return self.ranges[0][0]

    @property
    def end(self) -> int:
        return self.ranges[-1][1]


class Relation(NamedTuple):
    """A gold attribution: the ids of its parts by role (Content, Source, Cue)."""

    id: str
    parts: dict[str, str]


class Annotations(NamedTuple):
    spans: dict[str, Span]
    relations: list[Relation]

    def attributed_contents(self) -> list[tuple[Span, Span | None]]:
        """Every gold Content with the Source it is linked to (None when the
        relation names no source)."""
        pairs = []
        for relation in self.relations:
            content = self.spans.get(relation.parts.get("Content", ""))
            if content is not None:
                pairs.append((content, self.spans.get(relation.parts.get("Source", ""))))
        return pairs


def find_root(argument: str | None = None) -> Path | None:
    """The corpora folder: the one given, or ``../shared/corpora`` beside the
    project; None when it is absent."""
    root = Path(argument) if argument else DEFAULT_ROOT
    return root if (root / "polnear-dev").is_dir() or (root / "bbc-dev").is_dir() else None


def command_line(prog: str, description: str) -> argparse.ArgumentParser:
    """The argument parser of a script that reads the corpora: the corpora
    folder is its first, optional, argument (``root``)."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("root", nargs="?", metavar="corpora", help="the corpora folder (default ../shared/corpora)")
    return parser


def root_or_complain(argument: str | None) -> Path | None:
    """``find_root``, saying on standard error when there is no such folder."""
    root = find_root(argument)
    if root is None:
        print("no development corpora found (give the folder that holds bbc-dev and polnear-dev)", file=sys.stderr)
    return root


def stories(root: Path, corpus: str) -> Iterator[Story]:
    """The stories of one corpus, in index order."""
    folder = root / corpus
    with (folder / "index.tsv").open(encoding="utf-8", newline="") as index:
        for row in csv.DictReader(index, delimiter="\t"):
            group = row.get("publisher") or row.get("category") or ""
            yield Story(corpus, row["id"], group, folder / f"{row['id']}.txt")


def annotations(story: Story) -> Annotations:
    """The gold annotations beside a ``polnear-dev`` story (empty when none)."""
    ann = story.path.with_suffix(".ann")
    spans: dict[str, Span] = {}
    relations: list[Relation] = []
    if not ann.is_file():
        return Annotations(spans, relations)
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            kind, _, places = fields[1].partition(" ")
            ranges = tuple(
                (int(start), int(end)) for start, end in (part.split() for part in places.split(";"))
            )
            spans[fields[0]] = Span(fields[0], kind, ranges, fields[2] if len(fields) > 2 else "")
        elif line.startswith("E") and len(fields) >= 2:
            parts = dict(part.split(":", 1) for part in fields[1].split())
            relations.append(Relation(fields[0], parts))
    return Annotations(spans, relations)
