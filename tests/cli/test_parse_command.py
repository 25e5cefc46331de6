"""``copydesk parse FILE``: the document model as a person or a script reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli

STORY = (
    "Harbor vote delayed; \n"
    "Council wants a second reading of the crane plan.\n"
    "\n"
    "By Tom Reyes\n"
    "\n"
    "The council put off its vote on Tuesday. ''We need time,'' said Mayor Lena Ortiz.\n"
    "\n"
    "“She told us ‘not yet’ again,” said Joana Silva, the union leader.\n"
)



@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_json_gives_every_block_sentence_and_quotation_with_its_span(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["parse", str(story), "--format", "json"], capsys)
    assert code == 0
    model = json.loads(out)
    assert [(b["role"], b["text"]) for b in model["blocks"]] == [
        ("headline", "Harbor vote delayed;"),
        ("dek", "Council wants a second reading of the crane plan."),
        ("byline", "By Tom Reyes"),
        ("body", "The council put off its vote on Tuesday. ''We need time,'' said Mayor Lena Ortiz."),
        ("body", "“She told us ‘not yet’ again,” said Joana Silva, the union leader."),
    ]
    body = model["blocks"][3]
    assert [s["text"] for s in body["sentences"]] == [
        "The council put off its vote on Tuesday.",
        "''We need time,'' said Mayor Lena Ortiz.",
    ]
    [quote] = body["quotes"]
    assert (quote["text"], quote["marked"], quote["closed"], quote["nested"]) == ("We need time,", "''We need time,''", True, False)
    assert (quote["span"]["line"], quote["span"]["column"], quote["span"]["end_column"]) == (6, 42, 59)
    assert STORY[quote["span"]["start"] : quote["span"]["end"]] == "''We need time,''"
    outer, inner = model["blocks"][4]["quotes"]
    assert (outer["nested"], inner["nested"], inner["marked"]) == (False, True, "‘not yet’")


def test_text_lists_blocks_with_their_spans(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["parse", str(story)], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == "1:1-1:21  headline: Harbor vote delayed;"
    assert "    quote 6:42-6:59: ''We need time,''" in lines
    assert "    nested quote 8:14-8:23: ‘not yet’" in lines


def test_a_file_that_cannot_be_read_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["parse", str(tmp_path / "missing.txt")], capsys)
    assert code == 2
    assert "missing.txt" in err
