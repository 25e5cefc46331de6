"""Vale's ``--filter`` (copydesk's ``--vale-filter``: linter.vale_filter),
Vale's built-in Vale.Repetition, and what Vale prints for a repetition and
a capitalization finding. Styles and stories here are written for the
tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.core import vale_filter, valeini
from linter.cli import main
from linter.core.config import Config
from linter.core.engine import Engine
from linter.support.errors import ConfigError
from linter.core.plugins import load_plugins

STORY = "# harbor notes\n\nThe ferry was was late. The pier is closed, the port chief said.\n"
INI = "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Vale, Dock\n"


def _fields(**given: object) -> dict[str, object]:
    return {"Name": "Dock.Rule", "Level": "warning", "Extends": "existence", "Scope": ["text"], **given}


@pytest.mark.parametrize(
    ("expression", "fields", "chosen"),
    [
        ('.Level in ["error", "suggestion"]', _fields(Level="error"), True),
        ('.Level in ["error", "suggestion"]', _fields(), False),
        ('.Level in ["error"] and .Name != "Dock.Rule"', _fields(Level="error"), False),
        ('"heading" in .Scope', _fields(Scope=["heading"]), True),
        ('"heading" in .Scope', _fields(Scope=["heading.h1"]), False),
        ('.Extends not in ["existence"] || .Name startsWith "Dock."', _fields(), True),
        ('!(.Extends == "existence")', _fields(), False),
        ('.Name matches "^Do" && not (.Level == "error")', _fields(), True),
    ],
)
def test_an_expression_picks_rules_by_their_fields(expression: str, fields: dict[str, object], chosen: bool) -> None:
    assert vale_filter.compile_filter(expression)(fields) is chosen


@pytest.mark.parametrize("expression", ['.Level in ["error"', ".Level ==", '.Level = "error"', ".Level not == 1"])
def test_an_expression_that_cannot_be_read_is_a_config_error(expression: str) -> None:
    with pytest.raises(ConfigError, match="Vale filter"):
        vale_filter.compile_filter(expression)


def test_the_filter_is_read_from_an_expr_file_or_as_given(tmp_path: Path) -> None:
    (tmp_path / "levels.expr").write_text('.Level in ["error"]\n')
    assert vale_filter.read(str(tmp_path / "levels.expr")) == '.Level in ["error"]'
    assert vale_filter.read('.Level == "error"') == '.Level == "error"'


def _setup(root: Path) -> None:
    dock = root / "styles" / "Dock"
    dock.mkdir(parents=True)
    (dock / "Heads.yml").write_text(
        "extends: capitalization\nmessage: \"'%s' should be '%s'.\"\nlevel: error\nscope: heading\nmatch: $title\n"
    )
    (dock / "Closed.yml").write_text("extends: existence\nmessage: \"Say more than '%s'.\"\nlevel: suggestion\ntokens: [closed]\n")
    (root / ".vale.ini").write_text(INI)
    (root / "notes.md").write_text(STORY)


def _lint(root: Path, expression: str | None = None) -> list[str]:
    config = Config(select=["vale.*", "dock.*"])
    config.vale_ini = valeini.read(root / ".vale.ini")
    config.vale_ini.filter = expression
    engine = Engine(config, load_plugins())
    findings = engine.lint_paths([root / "notes.md"]).findings
    return [f"{f.span.line}:{f.span.column}:{engine.vale_names[f.rule]}:{f.message}" for f in findings]


def test_the_built_in_repetition_and_whole_heading_capitalization_print_as_in_vale(tmp_path: Path) -> None:
    _setup(tmp_path)
    assert _lint(tmp_path) == [
        "1:3:Dock.Heads:'harbor notes' should be 'Harbor Notes'.",  # the whole heading, and as it should be
        "3:11:Vale.Repetition:'was' is repeated!",  # the word, not the run
        "3:37:Dock.Closed:Say more than 'closed'.",
    ]


def test_a_filter_keeps_only_the_rules_it_picks(tmp_path: Path) -> None:
    _setup(tmp_path)
    assert _lint(tmp_path, '.Level in ["error"] and .Extends != "capitalization"') == ["3:11:Vale.Repetition:'was' is repeated!"]
    assert _lint(tmp_path, '"heading" in .Scope') == ["1:3:Dock.Heads:'harbor notes' should be 'Harbor Notes'."]


def test_check_takes_the_filter_on_its_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _setup(tmp_path)
    (tmp_path / "suggestions.expr").write_text('.Level == "suggestion"\n')
    monkeypatch.chdir(tmp_path)
    main(["check", "--vale-filter", "suggestions.expr", "notes.md"])
    out = capsys.readouterr().out
    assert "dock.closed" in out and "vale.repetition" not in out and "dock.heads" not in out


def test_copydesks_own_repetition_still_judges_slips_where_vale_does_not(tmp_path: Path) -> None:
    text = "Harbor talks\n\nWalla Walla fans cheered. The ferry was was late.\n"
    vale_ini = tmp_path / ".vale.ini"
    vale_ini.write_text("[*]\nBasedOnStyles = Vale\n")
    config = Config(select=["vale.repetition"])
    config.vale_ini = valeini.read(vale_ini)
    vale_found = [f.message for f in Engine(config, load_plugins()).lint_text(Path("s.txt"), text)]
    assert vale_found == ["'Walla' is repeated!", "'was' is repeated!"]
    own = Engine(Config(packs=["newsroom"], select=["newsroom-doubled-word"]), load_plugins())
    assert [f.rule for f in own.lint_text(Path("s.txt"), text)] == ["newsroom-doubled-word"]  # "was was" only: a name is no slip
