"""Reading Vale's configuration (linter.core.valeini): each key, found as Vale
finds it, applied per file as Vale applies it. Styles and stories here are
written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.core import valeini
from linter.cli import main
from linter.core.config import Config
from linter.core.engine import Engine
from linter.support.errors import ConfigError
from linter.core.plugins import load_plugins

STORY = "Talks end\n\nThe talks were very late and arguably over. Kiev waited.\n"


def _styles(root: Path) -> Path:
    """Two styles: Desk (a warning and a suggestion) and Wire (an error)."""
    desk, wire = root / "styles" / "Desk", root / "styles" / "Wire"
    desk.mkdir(parents=True)
    wire.mkdir(parents=True)
    (desk / "Very.yml").write_text("extends: existence\nmessage: \"Cut '%s'.\"\nlevel: warning\ntokens: [very]\n")
    (desk / "Hedge.yml").write_text("extends: existence\nmessage: \"Hedge '%s'.\"\nlevel: suggestion\ntokens: [arguably]\n")
    (wire / "Places.yml").write_text("extends: substitution\nmessage: \"Use '%s' for '%s'.\"\nlevel: error\nswap: {Kiev: Kyiv}\n")
    return root / "styles"


def _run(root: Path, ini: str, files: dict[str, str] | None = None) -> list[tuple[str, str, str]]:
    _styles(root)
    (root / ".vale.ini").write_text(ini)
    for name, text in (files or {"story.md": STORY}).items():
        (root / name).write_text(text)
    config = Config(select=["desk.*", "wire.*"])
    config.vale_ini = valeini.read(root / ".vale.ini")
    engine = Engine(config, load_plugins())
    result = engine.lint_paths(sorted(root.glob("*.md")) + sorted(root.glob("*.txt")))
    return [(f.path.name, engine.vale_names[f.rule], f.severity) for f in result.findings]


def test_based_on_styles_runs_every_rule_of_the_styles_from_styles_path(tmp_path: Path) -> None:
    got = _run(tmp_path, "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = Desk, Wire\n")
    assert got == [("story.md", "Desk.Very", "warning"), ("story.md", "Desk.Hedge", "info"), ("story.md", "Wire.Places", "error")]


def test_a_rule_is_turned_off_on_or_given_a_level(tmp_path: Path) -> None:
    ini = "StylesPath = styles\n\n[*]\nBasedOnStyles = Desk\nDesk.Hedge = NO\nDesk.Very = error\nWire.Places = YES\n"
    assert _run(tmp_path, ini) == [("story.md", "Desk.Very", "error"), ("story.md", "Wire.Places", "error")]


def test_min_alert_level_decides_what_is_printed(tmp_path: Path) -> None:
    ini = "StylesPath = styles\nMinAlertLevel = error\n\n[*]\nBasedOnStyles = Desk, Wire\n"
    assert _run(tmp_path, ini) == [("story.md", "Wire.Places", "error")]


def test_without_min_alert_level_a_suggestion_is_not_printed_as_in_vales_scenarios(tmp_path: Path) -> None:
    ini = "StylesPath = styles\n\n[*]\nBasedOnStyles = Desk, Wire\n"
    assert _run(tmp_path, ini) == [("story.md", "Desk.Very", "warning"), ("story.md", "Wire.Places", "error")]


def test_vocab_accepted_terms_are_no_existence_or_substitution_finding(tmp_path: Path) -> None:
    accept = tmp_path / "styles" / "config" / "vocabularies" / "House"
    accept.mkdir(parents=True)
    (accept / "accept.txt").write_text("# words we use\nvery\nKiev\n")
    ini = "StylesPath = styles\nVocab = House, Gone\n\n[*]\nBasedOnStyles = Desk, Wire\n"
    assert _run(tmp_path, ini) == []
    notes = Engine(_with(valeini.read(tmp_path / ".vale.ini")), load_plugins()).load_notes
    assert f"{tmp_path / '.vale.ini'}: Vocab 'Gone' not found in StylesPath; ignored" in notes


def test_sections_apply_to_the_files_their_globs_match(tmp_path: Path) -> None:
    ini = (
        "StylesPath = styles\nBasedOnStyles = Wire\n\n"
        "MinAlertLevel = suggestion\n[*.{md,markdown}]\nBasedOnStyles = Desk\n\n"  # replaces the global styles for Markdown
        "[b.md]\nDesk.Very = NO\nWire.Places = YES\n"  # the rules of every matching section, in order
    )
    got = _run(tmp_path, ini, {"a.md": STORY, "b.md": STORY, "c.txt": STORY})
    assert got == [
        ("a.md", "Desk.Very", "warning"),
        ("a.md", "Desk.Hedge", "info"),
        ("b.md", "Desk.Hedge", "info"),
        ("b.md", "Wire.Places", "error"),
        ("c.txt", "Wire.Places", "error"),
    ]


def test_what_is_not_read_is_reported_with_its_line(tmp_path: Path) -> None:
    (tmp_path / ".vale.ini").write_text("StylesPath = s\nPackages = Google\nNLPEndpoint = x\n\n[*]\nBasedOnStyles = Vale\nDesk.Very = maybe\n")
    ini = valeini.read(tmp_path / ".vale.ini")
    assert ini.notes == [
        f"{tmp_path / '.vale.ini'}:3: setting 'NLPEndpoint' is not supported; ignored",
        f"{tmp_path / '.vale.ini'}:7: Desk.Very = maybe: YES, NO or a level expected; ignored",
        f"{tmp_path / '.vale.ini'}:2: package 'Google' is not read: copydesk fetches no package (`vale sync` does); ignored",
    ]
    engine = Engine(_with(ini), load_plugins())
    built_in = f"{tmp_path / '.vale.ini'}: Vale's built-in Vale.Terms, Vale.Avoid are not supported; skipped"
    assert built_in in engine.load_notes


def _with(ini: valeini.ValeIni) -> Config:
    config = Config()
    config.vale_ini = ini
    return config


def test_a_bad_min_alert_level_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / ".vale.ini").write_text("MinAlertLevel = loud\n")
    with pytest.raises(ConfigError, match="MinAlertLevel must be one of"):
        valeini.read(tmp_path / ".vale.ini")


def test_the_configuration_is_found_as_vale_finds_it(tmp_path: Path) -> None:
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    (tmp_path / "_vale.ini").write_text("")
    assert valeini.find(inner) == tmp_path / "_vale.ini"
    (tmp_path / "a" / ".vale.ini").write_text("")
    assert valeini.find(inner) == tmp_path / "a" / ".vale.ini"
    with pytest.raises(ConfigError, match="Vale configuration not found"):
        valeini.near(inner, tmp_path / "nope.ini")


def test_check_reads_the_nearest_vale_ini_or_the_one_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _styles(tmp_path)
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n[*]\nBasedOnStyles = Wire\n")
    (tmp_path / "other.ini").write_text("StylesPath = styles\n[*]\nBasedOnStyles = Desk\n")
    (tmp_path / "story.md").write_text(STORY)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "story.md", "--select", "wire.*"]) == 1
    assert "wire.places" in capsys.readouterr().out
    assert main(["check", "story.md", "--select", "desk.*", "--vale-config", "other.ini"]) == 1
    out = capsys.readouterr().out
    assert "desk.very" in out and "desk.hedge" not in out and "wire.places" not in out
    main(["check", "story.md", "--select", "desk.*", "--vale-config", "other.ini", "--min-alert-level", "suggestion"])
    assert "desk.hedge" in capsys.readouterr().out
