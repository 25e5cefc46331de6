"""Code in Markdown is not copy: a fence closes only on a run of its own
mark at least as long, and an indented code block is skipped, but not an
indented line that continues a list item or a paragraph."""

from __future__ import annotations

from pathlib import Path

from linter.formats.markdown import parse


def _texts(source: str) -> list[str]:
    doc = parse(Path("story.md"), source)
    return [block.text for block in doc.blocks]


def test_a_longer_fence_holds_a_shorter_one() -> None:
    source = "# Notes\n\nBefore.\n\n````md\n```\nnot copy\n```\n````\n\nAfter.\n"
    assert _texts(source) == ["Notes", "Before.", "After."]


def test_an_indented_code_block_is_skipped() -> None:
    source = "# Notes\n\nBefore.\n\n    code = True\n    # a comment\n\nAfter.\n"
    assert _texts(source) == ["Notes", "Before.", "After."]


def test_indented_lines_under_an_item_or_in_a_paragraph_are_copy() -> None:
    source = "# Notes\n\n- First item\n\n    more of the item\n\nA paragraph\n    wrapped on.\n"
    texts = _texts(source)
    assert "more of the item" in texts and any("wrapped on." in t for t in texts)


def test_a_dash_underline_under_a_line_makes_a_heading_and_alone_a_rule() -> None:
    doc = parse(Path("story.md"), "# Notes\n\nCosts\n-----\n\nThe board met.\n\n-----\n\nIt voted.\n")
    assert [(block.role, block.text) for block in doc.blocks][1:] == [("heading", "Costs"), ("body", "The board met."), ("body", "It voted.")]
