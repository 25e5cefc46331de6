"""A house style per path (``styles_by_path``), and the validation of the
new style and registry fields: errors name the file and the line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli

STORY = (
    "Council Backs Budget\n\nBy Ana Ruiz\n\n"
    "Tony Blair, the prime minister, spoke on Monday. Mr Blair said the budget would pass.\n\n"
    "Blair added that the vote would come on Friday.\n"
)



@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for section in ("news", "sport"):
        (tmp_path / section).mkdir()
        (tmp_path / section / "story.txt").write_text(STORY)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_each_path_takes_its_own_style(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (desk / ".copydesk.yaml").write_text('style: british\nselect: ["name-*"]\nstyles_by_path:\n  "sport/*": ap\n')
    code, out, _ = run_cli(["check", "news", "sport", "--format", "json"], capsys)
    found = [(Path(f["path"]).parent.name, f["rule"], f["message"]) for f in json.loads(out)]
    # News in British style: the bare "Blair" is wrong. Sport in AP style:
    # "Mr Blair" is wrong, the bare surname right.
    assert [(section, rule) for section, rule, _ in found] == [
        ("news", "name-subsequent-reference"),
        ("sport", "name-subsequent-reference"),
    ]
    assert "british style is “Mr Blair”" in found[0][2] and "ap style is “Blair”" in found[1][2]


def test_the_style_given_on_the_command_line_applies_to_every_file(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (desk / ".copydesk.yaml").write_text('style: british\nselect: ["name-*"]\nstyles_by_path:\n  "sport/*": ap\n')
    _, out, _ = run_cli(["check", "news", "sport", "--style", "ap", "--format", "json"], capsys)
    assert {f["message"].split("; ")[1] for f in json.loads(out)} == {"ap style is “Blair”."}


@pytest.mark.parametrize(
    ("config", "line", "message"),
    [
        (
            'style: nyt\nstyles_by_path:\n  "sport/*": guardian\n',
            3,
            "styles_by_path: 'sport/*': unknown house style 'guardian'",
        ),
        ("style: nyt\nstyles_by_path: [ap]\n", 2, "styles_by_path: must map file patterns to house style names"),
    ],
)
def test_a_bad_style_by_path_names_the_line(
    desk: Path, capsys: pytest.CaptureFixture[str], config: str, line: int, message: str
) -> None:
    (desk / ".copydesk.yaml").write_text(config)
    code, _, err = run_cli(["check", "news"], capsys)
    assert code == 2
    assert err.startswith(f"copydesk: error: {desk / '.copydesk.yaml'}:{line}: {message}")


def test_a_style_s_full_stop_setting_is_validated(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (desk / "gazette.yaml").write_text(
        'style: gazette\nfirst_reference: ["{name}"]\nsubsequent_reference: ["{honorific} {surname}"]\n'
        "honorific_full_stop: sometimes\n"
    )
    (desk / ".copydesk.yaml").write_text("style: gazette\nstyles: [gazette.yaml]\n")
    code, _, err = run_cli(["check", "news"], capsys)
    assert code == 2
    assert err == f"copydesk: error: {desk / 'gazette.yaml'}:4: honorific_full_stop: must be true or false\n"


def test_a_registry_s_plain_form_keeps_the_surname(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    registry = tmp_path / "desk.yaml"
    registry.write_text("people:\n  - name: George W. Bush\n    surname: Bush\n    plain: George Walker\n")
    code, _, err = run_cli(["names", "check", str(registry)], capsys)
    assert code == 2
    assert err == f"copydesk: error: {registry}:4: plain: must be the name as known, with the surname 'Bush'\n"
