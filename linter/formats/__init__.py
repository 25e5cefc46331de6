"""Built-in input formats: plain text, Markdown with YAML front matter, HTML."""

from __future__ import annotations

from pathlib import Path

from linter.document import Document
from linter.formats import markdown, text
from linter.hookspecs import InputFormat, hookimpl


@hookimpl
def copydesk_input_formats() -> list[InputFormat]:
    return [
        InputFormat("text", (".txt", ".text"), text.parse),
        InputFormat("markdown", (".md", ".markdown", ".mdown", ".mkd"), markdown.parse),
        InputFormat("html", (".html", ".htm", ".xhtml"), _parse_html, fixable=False),
    ]


def _parse_html(path: Path, source: str) -> Document:
    from linter.formats import html  # imported (and its patterns compiled) only when an HTML story is read

    return html.parse(path, source)
