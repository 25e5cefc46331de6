"""Built-in input formats: plain text, Markdown with YAML front matter, HTML,
and archives of many stories (JSON Lines, JSON)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from linter.article.document import ArticleError, Document
from linter.formats import markdown, text
from linter.core.hookspecs import InputFormat, hookimpl

if TYPE_CHECKING:
    from linter.core.config import Config


@hookimpl
def copydesk_input_formats() -> list[InputFormat]:
    return [
        InputFormat("text", (".txt", ".text"), text.parse),
        InputFormat("markdown", (".md", ".markdown", ".mdown", ".mkd"), markdown.parse),
        InputFormat("html", (".html", ".htm", ".xhtml"), _parse_html, fixable=False),
        InputFormat("archive", (".jsonl", ".ndjson", ".json"), _parse_archive, fixable=False, archive=True),
    ]


def _parse_html(path: Path, source: str) -> Document:
    from linter.formats import html  # imported (and its patterns compiled) only when an HTML story is read

    return html.parse(path, source)


def _parse_archive(path: Path, source: str, config: Config) -> Iterator[Document | ArticleError]:
    from linter.formats import archive  # imported only when an archive is read

    return archive.parse(path, source, config.archive_fields)
