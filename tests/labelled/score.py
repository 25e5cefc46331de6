"""Precision and recall of the attribution rules on the labelled set.

    python tests/labelled/score.py            # the figures
    python tests/labelled/score.py --misses   # and every disagreement

labels.yaml marks every quotation of the articles in attribution/ as
attributed, unattributed, scare or title, and every sourcing phrase as
vague or named (plus distractors that only look like sourcing). A finding
of unattributed-quote counts for a quotation when its span overlaps the
labelled words; a finding of vague-sourcing for a phrase likewise (and of
unsourced-hedge, off by default, which since issue 19 reports the hedges
that source a claim to no one: "reportedly", "it is believed"; the labels
call them vague, as before). A finding that overlaps no labelled item is a
false positive.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SET = HERE / "attribution"


# The rules scored against the labels "vague": sourced to unnamed people,
# and hedged with no source at all.
SOURCING_RULES = ("vague-sourcing", "unsourced-hedge")


@dataclass
class Score:
    rule: str
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    items: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        positives = self.true_positives + self.false_negatives
        return self.true_positives / positives if positives else 1.0


def score(labels_path: Path = SET / "labels.yaml") -> dict[str, Score]:
    from linter.core.config import Config
    from linter.core.engine import Engine
    from linter.core.plugins import load_plugins

    engine = Engine(Config(select=["unattributed-quote", *SOURCING_RULES]), load_plugins())
    labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    scores = {"unattributed-quote": Score("unattributed-quote"), "vague-sourcing": Score("vague-sourcing")}
    for article in labels["articles"]:
        path = labels_path.parent / article["file"]
        text = path.read_text(encoding="utf-8")
        findings = engine.lint_text(path, text)
        items = {
            "unattributed-quote": [(q["quote"], q["label"] == "unattributed") for q in article.get("quotes", [])],
            "vague-sourcing": [(s["phrase"], s["label"] == "vague") for s in article.get("sourcing", [])]
            + [(d["phrase"], False) for d in article.get("distractors", [])],
        }
        for rule, labelled in items.items():
            tally = scores[rule]
            rules = SOURCING_RULES if rule == "vague-sourcing" else (rule,)
            spans = [(f.span.start, f.span.end) for f in findings if f.rule in rules]
            used: set[int] = set()
            for words, positive in labelled:
                start = text.index(words)
                end = start + len(words)
                hits = {i for i, (s, e) in enumerate(spans) if s < end and start < e}
                used |= hits
                tally.items += 1
                if hits and positive:
                    tally.true_positives += 1
                elif hits:
                    tally.false_positives += 1
                    tally.misses.append(f"{path.name}: flagged, labelled fine: {words!r}")
                elif positive:
                    tally.false_negatives += 1
                    tally.misses.append(f"{path.name}: missed: {words!r}")
            for i, (s, e) in enumerate(spans):
                if i not in used:
                    tally.false_positives += 1
                    tally.misses.append(f"{path.name}: flagged, not labelled: {text[s:e]!r}")
    return scores


def main(argv: list[str]) -> None:
    for tally in score().values():
        print(
            f"{tally.rule}: {tally.items} labelled items, precision {tally.precision:.3f}, recall {tally.recall:.3f} "
            f"(TP {tally.true_positives}, FP {tally.false_positives}, FN {tally.false_negatives})"
        )
        if "--misses" in argv:
            for miss in tally.misses:
                print("   ", miss)


if __name__ == "__main__":
    main(sys.argv[1:])
