"""Precision and recall of inferring people outside the names registry,
on the labelled articles in people/.

    python tests/labelled/score_people.py            # the figures
    python tests/labelled/score_people.py --misses   # and every disagreement

labels.yaml lists, per article, every person named in full (``people``).
An inferred person counts as right when its name is one of them (a name
written with a title or suffix counts by its words); any other inferred
name is a false positive, whether or not it is listed under ``not_people``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

SET = Path(__file__).resolve().parent / "people"


@dataclass
class PeopleScore:
    inferred: int = 0
    right: int = 0
    labelled: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.inferred if self.inferred else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.labelled if self.labelled else 1.0


def score(labels_path: Path = SET / "labels.yaml") -> PeopleScore:
    from linter.formats import text as text_format
    from linter.language.inference import PeopleFinder
    from linter.language.lexicon import Lexicon
    from linter.support.shipped import shipped_rules_dir

    finder = PeopleFinder(Lexicon.load(shipped_rules_dir() / "lexicon" / "people.yaml"))
    labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    tally = PeopleScore()
    for article in labels["articles"]:
        path = labels_path.parent / article["file"]
        doc = text_format.parse(path, path.read_text(encoding="utf-8"))
        people = set(article.get("people", []))
        inferred = {p.name for p in finder.infer(doc)}
        tally.labelled += len(people)
        tally.inferred += len(inferred)
        tally.right += len(inferred & people)
        tally.misses += [f"{path.name}: inferred, not a labelled person: {n!r}" for n in sorted(inferred - people)]
        tally.misses += [f"{path.name}: not inferred: {n!r}" for n in sorted(people - inferred)]
    return tally


def main(argv: list[str]) -> None:
    tally = score()
    print(
        f"people inference: {tally.labelled} labelled people, {tally.inferred} inferred, "
        f"precision {tally.precision:.3f}, recall {tally.recall:.3f}"
    )
    if "--misses" in argv:
        for miss in tally.misses:
            print("   ", miss)


if __name__ == "__main__":
    main(sys.argv[1:])
