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

A finding the rules make only because the document model misreads the
story is counted apart, as caused by reading (issue 16): each story is also
linted as that issue will read it (the first paragraph, with an NYT
subhead, as the headline; an NYT abstract as the summary and its markers as
headings; quotations of every convention the copy uses: NYT's
''two-apostrophe'' marks, a quote running over paragraphs or opened with a
mark turned the wrong way, an embedded tweet), and a finding that reading
does not make is caused by reading. The figure that holds the name rules
to account is what they find on the copy read right, per story (some of
it only once the copy is read right: with the headline read as a
headline, a later mention becomes the first).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

from benchmarks import corpora
from linter.support import patterns
from linter.core.config import Config
from linter.article.document import Document, Quote, Role
from linter.core.engine import Engine
from linter.results.findings import Finding
from linter.core.plugins import load_plugins

RULES = ["name-first-reference", "name-subsequent-reference"]
# The BBC's sports pages call athletes by the bare surname, as AP style does.
BARE_SURNAME_SECTIONS = ("sport",)
READING = "reading"  # caused by the document model's reading, issue 16
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

# Quotations by the conventions of the development copy, read independently
# of the document model: straight, curly and two-apostrophe marks, a
# paragraph that opens a quote it does not close (continued below, or
# opened with a mark turned the wrong way), and embedded tweets.
_QUOTED = patterns.compile(
    r"''.+?''|\"[^\"\n]+\"|“[^”\n]+”|^(?:''|\"|“|”)[^\n]*$|<tweet[^>]*>.*?</tweet>", patterns.regex.M
)
_ABSTRACT = patterns.compile(r"^ABSTRACT\.\n\n(.*?)\n\nFULL TEXT\.", patterns.regex.S | patterns.regex.M)
_MARKERS = ("ABSTRACT.", "FULL TEXT.")


class Scored(NamedTuple):
    story: corpora.Story
    style: str
    finding: Finding
    cause: str  # READING, or "" (the name rules' own)
    text: str  # the words found


def reread(doc: Document) -> Document:
    """``doc`` as issue 16 will read it: the furniture in its roles and
    every quotation seen (the quotations the model sees are kept)."""
    text = doc.text
    head_end = text.find("\n\n")
    abstract = _ABSTRACT.search(text)
    for block in doc.blocks:
        if block.span.start < (head_end if head_end >= 0 else len(text)):
            block.role, block.prose = Role.HEADLINE, False
        elif block.text in _MARKERS:
            block.role, block.prose = Role.HEADING, False
        elif abstract and abstract.start(1) <= block.span.start < abstract.end(1):
            block.role = Role.SUMMARY
        for match in _QUOTED.finditer(block.text):
            start, end = block.span.start + match.start(), block.span.start + match.end()
            if not block.quote_at(start):
                span = doc.span(start, end)
                block.quotes.append(Quote(match.group(), span, span, block))
        block.quotes.sort(key=lambda quote: quote.span.start)
    return doc


class Figures(NamedTuple):
    stories: int
    findings: int  # as the document model reads the copy today
    reading: int  # of those, caused by reading (issue 16)
    own: int  # the findings on the copy read right

    def per_story(self, count: int) -> float:
        return count / self.stories if self.stories else 0.0

    def line(self) -> str:
        return (
            f"  stories {self.stories}; name findings {self.findings} ({self.per_story(self.findings):.2f} a story); "
            f"caused by reading (issue 16) {self.reading}; the name rules' own {self.own} "
            f"({self.per_story(self.own):.3f} a story)"
        )


def score(root: Path, selection: Selection, engines: dict[str, Engine]) -> tuple[Figures, list[Scored]]:
    """The figures of one selection, and every name finding on it."""
    scored: list[Scored] = []
    count = total = 0
    for story in corpora.stories(root, selection.corpus):
        if not selection.wanted(story.group):
            continue
        count += 1
        style = selection.style(story.group)
        engine, text = engines[style], story.text
        problems: list[str] = []
        reader = engine.plugins.format_for(story.path)
        today = engine.lint_text(story.path, text, problems)
        read_right = engine.check_document(reread(reader.parse(story.path, text)), problems)
        if problems:
            raise RuntimeError(f"{story.path}: {problems}")
        # What the rules find on the story read right is theirs (some of it
        # only once it is read right: a later mention becomes the first);
        # what they find today and not then is caused by reading.
        right = {f.span for f in read_right}
        found = [(f, READING) for f in today if f.span not in right] + [(f, "") for f in read_right]
        for finding, cause in sorted(found, key=lambda pair: pair[0].span.start):
            scored.append(Scored(story, style, finding, cause, text[finding.span.start : finding.span.end]))
        total += len(today)
    reading = sum(1 for s in scored if s.cause)
    return Figures(count, total, reading, len(scored) - reading), scored


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
                cause = f", {s.cause}" if s.cause else ""
                print(f"{where} [{s.style}{cause}] {s.finding.rule} “{s.text}”: {s.finding.message}")
        print(selection.label)
        print(figures.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
