"""An editor's text as the file it would be (linter.article.source.source_of_text):
the digest is the one reading a file with those bytes gives, so a result
stored for either is found by the other, and only when the text is exactly
what the file reads as."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.article.source import read_source, source_of_text


@pytest.mark.parametrize(
    "data",
    [
        "Ferry fares rise by a quarter.\n".encode("utf-8"),
        "Café owners on the pier say the rise is fair. 🚢\r\n".encode("utf-8"),
        b"\xef\xbb\xbf\xef\xbb\xbfTwo marks: reading strips one, the text keeps the other.\n",
        b"",
    ],
)
def test_a_text_has_the_digest_of_the_file_that_reads_as_it(tmp_path: Path, data: bytes) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes(data)
    read = read_source(story)
    given = source_of_text(story, read.text)
    assert given is not None and given.text == read.text and given.digest == read.digest


def test_a_file_with_a_mark_reads_as_the_text_of_one_without_and_is_another_key(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes(b"\xef\xbb\xbfA story saved with a byte-order mark.\n")
    read = read_source(story)
    given = source_of_text(story, read.text)
    assert given is not None and given.text == read.text == "A story saved with a byte-order mark.\n"
    assert given.digest != read.digest  # the file without the mark: a result is not shared, never wrong


@pytest.mark.parametrize("text", ["A lone surrogate \udc80 in the text.\n", "A NUL\x00 near the start reads as binary.\n"])
def test_a_text_no_file_reads_as_has_none(text: str) -> None:
    assert source_of_text(Path("story.txt"), text) is None
