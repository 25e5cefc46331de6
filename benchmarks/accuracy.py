"""``python -m benchmarks.accuracy [corpora] [--show RULE]``: how right the
rules are on real published copy.

Every story of the development corpora (see ``benchmarks.corpora``) is
linted once with the rules the sections ask for; each section (a module
per rule family) then scores its rules on those findings and returns its
figures, each with the floor the project holds it to. ``--show RULE``
prints every finding of a rule with the words around it, for reading.

A section is a ``Section``: its name, the rule ids it scores and a
function from the linted corpora to its figures. Add a family's section to
``SECTIONS``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, NamedTuple

from benchmarks import corpora
from linter.article.document import Document
from linter.results.findings import Finding

CORPORA = ("polnear-dev", "bbc-dev")


class Linted(NamedTuple):
    """One story, its text, the document model read from it and the
    findings of the sections' rules on it."""

    story: corpora.Story
    text: str
    document: Document
    findings: list[Finding]

    def of(self, rule: str) -> list[Finding]:
        return [f for f in self.findings if f.rule == rule]


class Figure(NamedTuple):
    """A measured figure and its floor: ``value`` must be at least
    ``floor``, or at most it when ``at_most``."""

    name: str
    value: float
    floor: float
    at_most: bool = False
    detail: str = ""

    @property
    def met(self) -> bool:
        return self.value <= self.floor if self.at_most else self.value >= self.floor

    def line(self) -> str:
        bound = "at most" if self.at_most else "at least"
        mark = "ok" if self.met else "BELOW FLOOR"
        detail = f" ({self.detail})" if self.detail else ""
        return f"  {self.name}: {self.value:.3f}{detail}; {bound} {self.floor:g}: {mark}"


Corpora = dict[str, list[Linted]]


class Section(NamedTuple):
    name: str
    rules: tuple[str, ...]
    measure: Callable[[Corpora], list[Figure]]


def _sections() -> list[Section]:
    from benchmarks import accuracy_attribution

    return [accuracy_attribution.SECTION]


def lint(root: Path, rules: tuple[str, ...]) -> Corpora:
    """Every story of each corpus present under ``root``, linted with ``rules``."""
    from linter.core.config import Config
    from linter.core.engine import Engine
    from linter.core.plugins import load_plugins

    plugins = load_plugins()
    engine = Engine(Config(select=list(rules)), plugins)
    linted: Corpora = {}
    for corpus in CORPORA:
        if not (root / corpus).is_dir():
            continue
        linted[corpus] = []
        for story in corpora.stories(root, corpus):
            text = story.text
            document = plugins.format_for(story.path).parse(story.path, text)
            linted[corpus].append(Linted(story, text, document, engine.check_document(document, [])))
    return linted


def measure(root: Path) -> dict[str, list[Figure]]:
    """The figures of every section, by section name."""
    sections = _sections()
    linted = lint(root, tuple(rule for section in sections for rule in section.rules))
    return {section.name: section.measure(linted) for section in sections}


def show(root: Path, rule: str) -> None:
    """Print every finding of ``rule`` with the words around it."""
    for corpus, stories in lint(root, (rule,)).items():
        for item in stories:
            gold = corpora.annotations(item.story).spans.values()
            for finding in item.of(rule):
                start, end = finding.span.start, finding.span.end
                context = item.text[max(0, start - 200) : end + 200].replace("\n", " ¶ ")
                kinds = sorted({g.kind for g in gold if any(s < end and start < e for s, e in g.ranges)})
                place = f"{finding.span.line}:{finding.span.column}"
                print(f"{corpus}/{item.story.id} ({item.story.group}) {place} gold: {', '.join(kinds) or '-'}")
                print(f"    [{item.text[start:end]}]")
                print(f"    {context}\n")


def main(argv: list[str]) -> int:
    parser = corpora.command_line("python -m benchmarks.accuracy", __doc__.split("\n\n")[0])
    parser.add_argument("--show", metavar="RULE", help="print every finding of RULE in context")
    options = parser.parse_args(argv)
    root = corpora.root_or_complain(options.root)
    if root is None:
        return 2
    if options.show:
        show(root, options.show)
        return 0
    failed = False
    for name, figures in measure(root).items():
        print(name)
        for figure in figures:
            print(figure.line())
            failed |= not figure.met
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
