"""Name style on real, professionally edited copy (issue 18).

    python -m benchmarks.accuracy_names ../shared/corpora            # every finding, then the figures
    python -m benchmarks.accuracy_names ../shared/corpora --quiet    # the figures only

Runs `name-first-reference` and `name-subsequent-reference` over the real
development copy, each story in its own house style: `polnear-dev`'s New
York Times stories in NYT style, its six other outlets in AP style, and
`bbc-dev` in the British style (its sport section in AP style: the BBC
calls athletes by the bare surname, as a newsroom's `styles_by_path` would
give those pages). The copy was edited by the outlets' own desks: a
finding on it is a slip of that desk or a false one.

(Issue 18 also linted each story as issue 16 would read it, to count apart
the findings caused by misreading; with that reading merged there were
none, and issue 19 dropped the simulation.)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

from benchmarks import corpora
from linter.core.config import Config
from linter.core.engine import Engine
from linter.results.findings import Finding
from linter.core.plugins import load_plugins

RULES = ["name-first-reference", "name-subsequent-reference"]
# The BBC's sports pages call athletes by the bare surname, as AP style does.
BARE_SURNAME_SECTIONS = ("sport",)
STYLES = ("nyt", "ap", "british")


class Selection(NamedTuple):
    label: str
    corpus: str
    wanted: Callable[[str], bool]  # by the story's outlet or section
    style: Callable[[str], str]  # the house style for the story's outlet or section


SELECTIONS = (
    Selection("polnear-dev nyt, NYT style", "polnear-dev", lambda group: group == "nyt", lambda group: "nyt"),
    Selection("polnear-dev other outlets, AP style", "polnear-dev", lambda group: group != "nyt", lambda group: "ap"),
    Selection(
        "bbc-dev, British style (sport: AP)",
        "bbc-dev",
        lambda group: True,
        lambda group: "ap" if group in BARE_SURNAME_SECTIONS else "british",
    ),
)

class Scored(NamedTuple):
    story: corpora.Story
    style: str
    finding: Finding
    text: str  # the words found


class Figures(NamedTuple):
    stories: int
    findings: int

    def per_story(self) -> float:
        return self.findings / self.stories if self.stories else 0.0

    def line(self) -> str:
        return f"  stories {self.stories}; name findings {self.findings} ({self.per_story():.3f} a story)"


def score(root: Path, selection: Selection, engines: dict[str, Engine]) -> tuple[Figures, list[Scored]]:
    """The figures of one selection, and every name finding on it."""
    scored: list[Scored] = []
    count = 0
    for story in corpora.stories(root, selection.corpus):
        if not selection.wanted(story.group):
            continue
        count += 1
        style = selection.style(story.group)
        problems: list[str] = []
        found = engines[style].lint_text(story.path, story.text, problems)
        if problems:
            raise RuntimeError(f"{story.path}: {problems}")
        for finding in found:
            scored.append(Scored(story, style, finding, story.text[finding.span.start : finding.span.end]))
    return Figures(count, len(scored)), scored


def measure(root: Path) -> Iterator[tuple[Selection, Figures, list[Scored]]]:
    """Each selection of the development copy, scored."""
    plugins = load_plugins()
    engines = {style: Engine(Config(style=style, select=RULES), plugins) for style in STYLES}
    for selection in SELECTIONS:
        yield (selection, *score(root, selection, engines))


def main(argv: list[str] | None = None) -> int:
    parser = corpora.command_line("python -m benchmarks.accuracy_names", __doc__.split("\n")[0])
    parser.add_argument("--quiet", action="store_true", help="print the figures only, not each finding")
    args = parser.parse_args(argv)
    root = corpora.root_or_complain(args.root)
    if root is None:
        return 2
    for selection, figures, scored in measure(root):
        if not args.quiet:
            for s in scored:
                where = f"{s.story.corpus}/{s.story.id}:{s.finding.span.line}:{s.finding.span.column}"
                print(f"{where} [{s.style}] {s.finding.rule} “{s.text}”: {s.finding.message}")
        print(selection.label)
        print(figures.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
