"""Every shipped rule's findings per story on the real development copy.

    python -m benchmarks.rule_counts [CORPORA] [--corpus NAME]
    python -m benchmarks.rule_counts [CORPORA] --sample RULE [--seed N] [--count N]

The first form lints each corpus of ``../shared/corpora`` (``bbc-dev`` and
``polnear-dev``) with the core and newsroom packs, every rule on (a rule
off in its pack's defaults is selected too, so it is measured), each story
in its own house style (as benchmarks.accuracy_names reads them: the NYT's
stories in NYT style, the other outlets' in AP style, the BBC's in British
style but its sport pages in AP style, as a newsroom's ``styles_by_path``
would set them), and prints
a table: each rule, its pack, whether it is on by default, its findings and
findings per story in each corpus; then the core pack's findings per story
(its rules on by default, as shipped), ``missing-credit`` aside. The second form draws ``--count`` findings of one
rule at random (seed ``--seed``; every finding when fewer) from both corpora
and prints each with its line, for a reader to judge: the sample that
docs/accuracy.md reports. The stories are read in place, never copied.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
import random
import sys

from benchmarks.accuracy_names import BARE_SURNAME_SECTIONS
from benchmarks.corpora import Story, command_line, root_or_complain, stories
from linter.core.config import Config
from linter.core.engine import Engine
from linter.results.findings import Finding
from linter.core.plugins import load_plugins

CORPORA = ("bbc-dev", "polnear-dev")
CORE_ASIDE = "missing-credit"  # the BBC set carries no bylines or credits
CONTEXT = 120  # characters shown each side of a sampled finding


def house_style(story: Story) -> str:
    """The house style a story is written in."""
    if story.corpus == "bbc-dev":
        return "ap" if story.group in BARE_SURNAME_SECTIONS else "british"
    return "nyt" if story.group == "nyt" else "ap"


def engine(corpus_stories: list[Story]) -> Engine:
    """An engine with both packs and every rule on, off-by-default ones too,
    and each story's house style."""
    plugins = load_plugins()
    every = Engine(Config(packs=["newsroom"]), plugins).all_rules()
    styles = {story.path.as_posix(): (house_style(story), None) for story in corpus_stories}
    return Engine(Config(packs=["newsroom"], select=sorted(every), styles_by_path=styles), plugins)


def corpus_findings(root: Path, corpus: str) -> tuple[int, list[Finding]]:
    """The number of stories of a corpus and every finding on them (one run,
    so the rules across files see the whole corpus)."""
    corpus_stories = list(stories(root, corpus))
    paths = [story.path for story in corpus_stories]
    result = engine(corpus_stories).lint_paths(paths)
    if result.problems:
        print("\n".join(result.problems), file=sys.stderr)
    return len(paths), result.findings


def table(linter: Engine, counts: dict[str, tuple[int, Counter[str]]]) -> list[str]:
    """The per-rule table in Markdown, then the core pack's rate on each corpus."""
    head = "| rule | pack | default | " + " | ".join(f"{c} findings | {c} per story" for c in counts) + " |"
    lines = [head, "|" + " --- |" * 3 + " ---: | ---: |" * len(counts)]
    for rule in sorted(linter.rules, key=lambda r: (r.pack, r.id)):
        cells = []
        for total, found in counts.values():
            cells += [str(found[rule.id]), f"{found[rule.id] / total:.3f}"]
        on = "yes" if rule.default else "no"
        lines.append(f"| {rule.id} | {rule.pack} | {on} | " + " | ".join(cells) + " |")
    # What the core pack reports as shipped: its rules on by default.
    core = {rule.id for rule in linter.rules if rule.pack == "core" and rule.default and rule.id != CORE_ASIDE}
    for corpus, (total, found) in counts.items():
        sum_core = sum(found[rule_id] for rule_id in core)
        lines.append(
            f"\ncore pack (rules on by default) on {corpus}, {CORE_ASIDE} aside: "
            f"{sum_core} findings, {sum_core / total:.3f} per story"
        )
    return lines


def sample(findings: list[tuple[str, Finding]], rule: str, seed: int, count: int) -> list[str]:
    """Up to ``count`` findings of one rule drawn at random, each with the
    text around it (the finding between ⟦ and ⟧)."""
    mine = [(corpus, f) for corpus, f in findings if f.rule == rule]
    drawn = sorted(random.Random(seed).sample(mine, min(count, len(mine))), key=lambda p: (p[0], str(p[1].path), p[1].span.line))
    lines = [f"{rule}: {len(drawn)} of {len(mine)} findings (seed {seed})"]
    for corpus, finding in drawn:
        text = finding.path.read_text(encoding="utf-8")
        start, end = finding.span.start, finding.span.end
        around = f"{text[max(0, start - CONTEXT):start]}⟦{text[start:end][:2 * CONTEXT]}⟧{text[end:end + CONTEXT]}"
        lines.append(f"\n{corpus}/{finding.path.name}:{finding.span.line}:{finding.span.column} {finding.message}")
        lines.append("  > " + " ".join(around.split()))
    return lines


def main(argv: list[str]) -> int:
    parser = command_line("python -m benchmarks.rule_counts", __doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", choices=CORPORA, help="one corpus only (repeatable)")
    parser.add_argument("--sample", metavar="RULE", action="append", help="print a random sample of a rule's findings (repeatable; 'all': every rule that found something)")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--count", type=int, default=25)
    args = parser.parse_args(argv)
    root = root_or_complain(args.root)
    if root is None:
        return 2
    counts: dict[str, tuple[int, Counter[str]]] = {}
    everything: list[tuple[str, Finding]] = []
    for corpus in args.corpus or CORPORA:
        if not (root / corpus).is_dir():
            continue
        total, found = corpus_findings(root, corpus)
        counts[corpus] = (total, Counter(f.rule for f in found))
        everything += [(corpus, f) for f in found]
    if not args.sample:
        print("\n".join(table(engine([]), counts)))
        return 0
    chosen = sorted({f.rule for _, f in everything}) if args.sample == ["all"] else args.sample
    for rule in chosen:
        print("\n".join(sample(everything, rule, args.seed, args.count)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
