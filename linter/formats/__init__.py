"""Built-in input formats: plain text and Markdown with YAML front matter."""

from __future__ import annotations

from linter.formats import markdown, text
from linter.hookspecs import InputFormat, hookimpl


@hookimpl
def copydesk_input_formats() -> list[InputFormat]:
    return [
        InputFormat("text", (".txt", ".text"), text.parse),
        InputFormat("markdown", (".md", ".markdown", ".mdown", ".mkd"), markdown.parse),
    ]
