"""duplicate-headline-across-files and duplicate-paragraph-across-files:
run over a folder of stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.core.config import Config
from linter.core.engine import Engine
from linter.support.errors import ConfigError
from linter.core.plugins import load_plugins

SHARED = ("The port authority said it would ask a labor court on Friday to order the striking "
          "workers back to the docks, a move the union called a provocation.")


def write_story(folder: Path, name: str, headline: str, *paragraphs: str) -> Path:
    path = folder / name
    path.write_text(f"{headline}\n\nBy Ana Ruiz\n\n" + "\n\n".join(paragraphs) + "\n")
    return path


def findings(folder: Path, rule: str, boilerplate: list[str] | None = None) -> list[tuple[str, int, str]]:
    engine = Engine(Config(select=[rule], boilerplate=boilerplate), load_plugins())
    result = engine.lint_paths([folder])
    return [(f.path.name, f.span.line, f.message) for f in result.findings]


UNIQUE = [
    "The school board voted late on Monday to delay the opening of two new elementary schools until next autumn.",
    "Farmers in the valley said the dry spring had cut the wheat harvest by a third and pushed up the price of feed.",
    "The river bridge will close for repairs in June, and commuters were urged to use the ferry or the northern bypass.",
    "A jury in the county court found the former treasurer guilty of taking money from the pension fund over six years.",
    "The museum reopened its east wing after a renovation that added a rooftop garden and a room for visiting exhibitions.",
    "Residents of the harbor district packed a town hall meeting to protest a plan to build a cruise terminal on the pier.",
    "The city's main hospital said it had hired forty nurses this year but still had more than a hundred posts unfilled.",
]


def unique(n: int) -> str:
    return UNIQUE[n]


KICKER = "Talks resume on Monday."  # a last paragraph too short to compare


def test_two_stories_with_one_headline(tmp_path: Path) -> None:
    write_story(tmp_path, "a.txt", "Port Strike Enters Second Week", unique(1))
    write_story(tmp_path, "b.md", "Port strike enters second week", unique(2))
    write_story(tmp_path, "c.txt", "Council Approves Budget", unique(3))
    assert findings(tmp_path, "duplicate-headline-across-files") == [
        ("a.txt", 1, f"Another story has this headline: {tmp_path / 'b.md'}:1."),
        ("b.md", 1, f"Another story has this headline: {tmp_path / 'a.txt'}:1."),
    ]


def test_standing_heads_may_repeat(tmp_path: Path) -> None:
    write_story(tmp_path, "a.txt", "Corrections", unique(1))
    write_story(tmp_path, "b.txt", "Corrections", unique(2))
    assert findings(tmp_path, "duplicate-headline-across-files") == []


def write_briefs(folder: Path, count: int) -> None:
    """Stories of one short paragraph, which the rule never compares."""
    for n in range(count):
        write_story(folder, f"brief{n:02}.txt", f"Brief Number {n} Here", f"The council met for the {n}th time.")


def test_one_paragraph_in_several_stories_lists_the_others_up_to_the_cap(tmp_path: Path) -> None:
    for n in range(7):
        write_story(tmp_path, f"s{n}.txt", f"Headline Number {n} Here", unique(n), SHARED, KICKER)
    write_briefs(tmp_path, 30)  # seven stories of 37: not a large share of the run
    got = findings(tmp_path, "duplicate-paragraph-across-files")
    assert [(name, line) for name, line, _ in got] == [(f"s{n}.txt", 7) for n in range(7)]
    first = got[0][2]
    assert first.startswith("Paragraph also published in 6 other place(s): ")
    assert first.count(str(tmp_path)) == 5 and first.endswith(" and 1 more.")


def test_near_identical_copies_meet_through_minhash_bands(tmp_path: Path) -> None:
    write_story(tmp_path, "a.txt", "First Story Headline Here", unique(1), SHARED, KICKER)
    write_story(tmp_path, "b.txt", "Second Story Headline Here", SHARED.replace("Friday", "Thursday"), unique(2))
    got = findings(tmp_path, "duplicate-paragraph-across-files")
    assert [(name, line) for name, line, _ in got] == [("a.txt", 7), ("b.txt", 5)]


def test_boilerplate_unique_paragraphs_and_repeats_within_one_story_are_left_alone(tmp_path: Path) -> None:
    boilerplate = "This is a developing story and it will be updated as more information about the strike becomes available."
    write_story(tmp_path, "a.txt", "First Story Headline Here", unique(1), boilerplate, SHARED, SHARED)
    write_story(tmp_path, "b.txt", "Second Story Headline Here", unique(2), boilerplate)
    assert findings(tmp_path, "duplicate-paragraph-across-files") == []


def test_a_single_buffer_is_not_checked_across_files(tmp_path: Path) -> None:
    engine = Engine(Config(select=["duplicate-*"]), load_plugins())
    assert engine.lint_text(Path("a.txt"), f"Headline Here Now\n\n{SHARED}\n") == []


def test_copy_shared_by_a_large_share_of_the_run_is_standing_copy(tmp_path: Path) -> None:
    tagline = "Harbor Radio News airs on the morning show every weekday from six to nine, with the port report at eight."
    for n in range(6):
        write_story(tmp_path, f"s{n}.txt", f"Headline Number {n} Here", unique(n), tagline)
    write_briefs(tmp_path, 4)  # six stories of ten carry it
    assert findings(tmp_path, "duplicate-paragraph-across-files") == []


def test_boilerplate_listed_in_the_config_may_repeat(tmp_path: Path) -> None:
    tagline = "Harbor Radio News airs on the morning show every weekday from six to nine, with the port report at eight."
    write_story(tmp_path, "a.txt", "First Story Headline Here", unique(1), tagline, KICKER)
    write_story(tmp_path, "b.txt", "Second Story Headline Here", unique(2), tagline, KICKER)
    assert len(findings(tmp_path, "duplicate-paragraph-across-files")) == 2
    assert findings(tmp_path, "duplicate-paragraph-across-files", boilerplate=["Harbor Radio News airs"]) == []


def test_links_in_title_case_and_editors_notes_are_not_copy(tmp_path: Path) -> None:
    link = "Port Workers Vote To Strike Again As Talks With The Shipping Lines Break Down Over Pay"
    note = "Editor's note: The port authority is a sponsor of this newsletter, and had no say in what it covers."
    write_story(tmp_path, "a.txt", "First Story Headline Here", unique(1), link, note)
    write_story(tmp_path, "b.txt", "Second Story Headline Here", unique(2), link, note)
    assert findings(tmp_path, "duplicate-paragraph-across-files") == []


def test_a_story_filed_twice_is_one_finding_in_each(tmp_path: Path) -> None:
    write_story(tmp_path, "a.txt", "First Story Headline Here", unique(1), unique(2), SHARED, KICKER)
    write_story(tmp_path, "b.txt", "Second Story Headline Here", unique(1), unique(2), SHARED, KICKER)
    got = findings(tmp_path, "duplicate-paragraph-across-files")
    assert [(name, line) for name, line, _ in got] == [("a.txt", 5), ("b.txt", 5)]
    assert got[0][2] == f"Paragraph also published in 1 other place(s): {tmp_path / 'b.txt'}:5. The story shares 2 more with the same stories."


def test_a_sign_off_closing_every_story_that_holds_it_is_standing_copy(tmp_path: Path) -> None:
    sign_off = "The Harbor Courier's port report airs on Radio Seven every weekday morning from six until nine o'clock."
    write_story(tmp_path, "a.txt", "First Story Headline Here", unique(1), sign_off)
    write_story(tmp_path, "b.txt", "Second Story Headline Here", unique(2), sign_off)
    assert findings(tmp_path, "duplicate-paragraph-across-files") == []
    write_story(tmp_path, "b.txt", "Second Story Headline Here", unique(2), sign_off, KICKER)
    assert len(findings(tmp_path, "duplicate-paragraph-across-files")) == 2  # not the last in b: copy


def test_a_statement_quoted_in_two_stories_is_not_recycled_copy(tmp_path: Path) -> None:
    quote = ('“We will not go back to the docks until the shipping lines pay what they promised in the spring,” '
             "the union's leader said.")
    write_story(tmp_path, "a.txt", "First Story Headline Here", unique(1), quote, KICKER)
    write_story(tmp_path, "b.txt", "Second Story Headline Here", unique(2), quote, KICKER)
    assert findings(tmp_path, "duplicate-paragraph-across-files") == []


def test_the_config_file_lists_boilerplate(tmp_path: Path) -> None:
    from linter.core.config import load_config

    config_file = tmp_path / ".copydesk.yaml"
    config_file.write_text('boilerplate: ["Harbor Radio News airs"]\n')
    assert load_config(config_file).boilerplate == ["Harbor Radio News airs"]
    config_file.write_text("boilerplate: 7\n")
    with pytest.raises(ConfigError, match="boilerplate: must be a list of strings"):
        load_config(config_file)
