"""Archives: JSON Lines and JSON arrays of stories. Every record is a story
(also for the rules across files), a finding names the file, the record's
line and the column in the field, and a bad record is a finding of its own
while the rest are linted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.cli import main
from linter.article.document import LineIndex
from conftest import FIXTURES

DESK = FIXTURES / "archive" / "desk.jsonl"


@pytest.fixture(autouse=True)
def no_stray_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def findings(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    main(["check", *args, "--format", "json"])
    return json.loads(capsys.readouterr().out)


def covered(path: Path, finding: dict) -> str:
    text = path.read_text(encoding="utf-8")
    starts = LineIndex(text).starts
    return text[starts[finding["line"] - 1] + finding["column"] - 1 : starts[finding["end_line"] - 1] + finding["end_column"] - 1]


def test_the_desk_archive_gives_the_planted_defects_and_nothing_else(capsys) -> None:
    assert len(DESK.read_text().splitlines()) >= 50
    found = findings(capsys, str(DESK))
    assert sorted((f["rule"], f["line"]) for f in found) == [
        ("duplicate-headline-across-files", 12),
        ("duplicate-headline-across-files", 49),
        ("duplicate-paragraph-across-files", 20),
        ("duplicate-paragraph-across-files", 34),
        ("invalid-article", 31),
        ("invalid-article", 41),
        ("repeated-paragraph", 5),
        ("vague-sourcing", 9),
    ]
    by_rule = {(f["rule"], f["line"]): f for f in found}
    # one story's headline, another's: each record is a story of its own
    assert by_rule["duplicate-headline-across-files", 12]["message"].endswith(f"{DESK}:49.")
    record_12 = json.loads(DESK.read_text().splitlines()[11])
    assert covered(DESK, by_rule["duplicate-headline-across-files", 12]) == record_12["headline"]
    assert covered(DESK, by_rule["vague-sourcing", 9]) == "according to officials"
    shared = covered(DESK, by_rule["duplicate-paragraph-across-files", 20])
    assert shared.startswith("A joint statement") and shared == covered(DESK, by_rule["duplicate-paragraph-across-files", 34])
    assert "not valid JSON" in by_rule["invalid-article", 31]["message"]
    assert "has no body" in by_rule["invalid-article", 41]["message"]


def test_spans_count_escapes_as_written(tmp_path, capsys) -> None:
    paragraph = "The mayor\u2019s office said the \"new\" bridge would open to traffic on Monday morning."
    record = {"headline": "Bridge Opens", "byline": "By Ana Lind", "body": f"{paragraph}\n\n{paragraph}"}
    archive = tmp_path / "a.jsonl"
    archive.write_text("\n" + json.dumps(record) + "\n")  # ASCII escapes: \u2019, \", \n
    repeat = next(f for f in findings(capsys, str(archive)) if f["rule"] == "repeated-paragraph")
    line = archive.read_text().splitlines()[1]
    raw = json.dumps(paragraph)[1:-1]
    assert (repeat["line"], repeat["column"]) == (2, line.rindex(raw) + 1)
    assert covered(archive, repeat) == raw
    assert repeat["message"] == "Paragraph repeats the paragraph on line 2."  # the record's line


def test_a_json_array_reads_each_object_as_a_story(tmp_path, capsys) -> None:
    stories = [
        {"title": "Ferry Service Suspended", "author": "By Ines Barrow", "content": "The ferry will not run this week because of the storm."},
        {"title": "Ferry Service Suspended", "author": "By Mara Quist", "content": "Crossings stop on Friday while the pier is repaired."},
        "not a story",
    ]
    archive = tmp_path / "stories.json"
    archive.write_text(json.dumps(stories, indent=2))
    found = findings(capsys, str(archive))
    headlines = [f for f in found if f["rule"] == "duplicate-headline-across-files"]
    assert [(f["line"], covered(archive, f)) for f in headlines] == [(3, "Ferry Service Suspended"), (8, "Ferry Service Suspended")]
    assert [(f["rule"], f["line"]) for f in found if f["rule"] == "invalid-article"] == [("invalid-article", 12)]


def test_a_json_file_that_is_not_an_array_is_no_archive(tmp_path, capsys) -> None:
    (tmp_path / "package.json").write_text('{"name": "site", "version": "1.0.0"}\n')
    (tmp_path / "points.json").write_text('[{"x": 1, "y": 2}, {"x": 3, "y": 4}]\n')
    assert findings(capsys, str(tmp_path)) == []


def test_a_broken_array_is_read_up_to_the_break(tmp_path, capsys) -> None:
    archive = tmp_path / "broken.json"
    archive.write_text('[\n{"headline": "Storm Closes Road", "body": "Officials say the road is shut."},\n{"headline": "Oops", "body": }\n]\n')
    found = findings(capsys, str(archive))
    assert [(f["rule"], f["line"]) for f in found if f["rule"] != "missing-credit"] == [("vague-sourcing", 2), ("invalid-article", 3)]


def test_fields_are_set_in_config(tmp_path, capsys) -> None:
    (tmp_path / ".copydesk.yaml").write_text("archive_fields:\n  headline: hed\n  body: [story_text]\n")
    archive = tmp_path / "a.ndjson"
    archive.write_text(json.dumps({"hed": "Dock Workers Vote", "story_text": "Officials say the vote was close."}) + "\n")
    found = findings(capsys, str(archive))
    assert [(f["rule"], covered(archive, f)) for f in found if f["rule"] == "vague-sourcing"] == [("vague-sourcing", "Officials say")]


def test_a_bad_archive_fields_setting_is_an_error(tmp_path, capsys) -> None:
    (tmp_path / ".copydesk.yaml").write_text("archive_fields:\n  headlines: hed\n")
    (tmp_path / "a.jsonl").write_text("")
    assert main(["check", str(tmp_path / "a.jsonl")]) == 2
    assert "archive_fields: unknown story part 'headlines'" in capsys.readouterr().err


def test_fix_says_it_cannot_rewrite_an_archive(tmp_path, capsys) -> None:
    archive = tmp_path / "a.jsonl"
    archive.write_text(json.dumps({"headline": "H", "body": "Same paragraph here, word for word.\n\nSame paragraph here, word for word."}) + "\n")
    before = archive.read_bytes()
    main(["check", str(archive), "--fix"])
    assert archive.read_bytes() == before
    assert "--fix does not rewrite archive files" in capsys.readouterr().err
