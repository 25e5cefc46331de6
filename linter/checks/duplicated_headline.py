"""duplicated-headline: the headline line appears again in the story.

A Markdown heading that repeats the front-matter title is a case of its
own: many sites keep both (some templates print the title, some do not),
so it is a rule of its own (``title_heading: true``, shipped as
heading-repeats-title) with no safe fix, and duplicated-headline leaves it
alone.
"""

from __future__ import annotations

from typing import Iterator

from linter.support import patterns
from linter.core.check import Check, Param
from linter.article.document import Block, Document, Role
from linter.results.findings import Finding
from linter.results.fixes import remove_block_fix

_SETEXT_UNDERLINE = patterns.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")


class DuplicatedHeadline(Check):
    name = "duplicated-headline"
    summary = "The headline is repeated in the story."
    params = {
        "title_heading": Param(
            "bool", False, "report only the Markdown heading that repeats the front-matter title (and no other repeat)"
        )
    }
    fields = ("first_line",)
    default_scope = (Role.HEADLINE,)

    def check(self, doc: Document) -> Iterator[Finding]:
        # The parser gives every unit that repeats the headline the headline
        # role, wherever it stands; all but the first are repeats.
        headlines = list(doc.blocks_in([Role.HEADLINE]))
        if not headlines:
            return
        headline, repeats = headlines[0], headlines[1:]
        title_heading = None
        if headline.origin == "front-matter":
            title_heading = next((block for block in repeats if _is_heading(doc, block)), None)
        if self.options["title_heading"]:
            if title_heading is not None:
                yield self.finding(doc, title_heading.span.start, title_heading.span.end, first_line=headline.span.line)
            return
        for block in repeats:
            if block is title_heading:
                continue
            fix = None
            if block.origin != "front-matter":
                fix = remove_block_fix(doc, block, f"remove the repeat of the headline on line {headline.span.line}")
            yield self.finding(doc, block.span.start, block.span.end, fix, first_line=headline.span.line)


def _is_heading(doc: Document, block: Block) -> bool:
    """Whether a block is a Markdown heading: ``#`` before it on its line,
    or a setext underline on the line below."""
    lines = doc.lines
    if doc.text[lines.starts[block.span.line - 1] : block.span.start].lstrip().startswith("#"):
        return True
    below = block.span.end_line + 1
    return below <= len(lines.starts) and bool(_SETEXT_UNDERLINE.match(doc.text[slice(*lines.line_span(below))]))
