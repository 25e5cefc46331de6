"""A rule off in its pack's defaults (``default: false``) runs only when
``select`` names it; the field is validated like any other."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.core.config import Config
from linter.core.engine import Engine
from linter.support.errors import ConfigError
from linter.core.plugins import load_plugins

RULE = """\
id: house-quiet
check: existence
severity: warning
message: "Cut “{match}”."
tokens: [very unique]
"""
STORY = "Port Strike Enters Second Week\n\nBy Ana Ruiz\n\nThe very unique crane stood idle.\n"


def _rules_folder(tmp_path: Path, default: str) -> Path:
    folder = tmp_path / "house"
    folder.mkdir(exist_ok=True)
    (folder / "rule.yaml").write_text(RULE + default)
    return folder


def _found(folder: Path, **config: list[str]) -> list[str]:
    engine = Engine(Config(rules=[folder], **config), load_plugins())  # type: ignore[arg-type]
    return [f.rule for f in engine.lint_text(Path("story.txt"), STORY) if f.rule.startswith("house-")]


def test_a_rule_off_by_default_runs_only_when_selected(tmp_path: Path) -> None:
    folder = _rules_folder(tmp_path, "default: false\n")
    assert _found(folder) == []
    assert _found(folder, select=["house-quiet"]) == ["house-quiet"]
    assert _found(folder, select=["house-*"]) == ["house-quiet"]  # a glob that names it selects it
    assert _found(folder, select=["house-quiet"], ignore=["house-quiet"]) == []


def test_a_rule_is_on_by_default(tmp_path: Path) -> None:
    assert _found(_rules_folder(tmp_path, "")) == ["house-quiet"]
    assert _found(_rules_folder(tmp_path, "default: true\n")) == ["house-quiet"]


def test_default_must_be_true_or_false(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        _found(_rules_folder(tmp_path, "default: sometimes\n"))
    assert "default: must be true or false" in str(caught.value) and "rule.yaml:6" in str(caught.value)


def test_newsroom_rules_off_by_default_are_listed_but_not_run() -> None:
    plugins = load_plugins()
    engine = Engine(Config(packs=["newsroom"]), plugins)
    off = {rule.id for rule in engine.loaded_rules if not rule.default}
    assert "newsroom-acronym-defined" in off
    assert not off & {rule.id for rule in engine.rules}


def test_rules_and_explain_say_a_rule_is_off_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    from linter.cli import main

    assert main(["rules", "--all"]) == 0
    listed = [line for line in capsys.readouterr().out.splitlines() if line.startswith("newsroom-acronym-defined ")]
    assert len(listed) == 1 and listed[0].endswith("(off by default)")
    assert main(["explain", "newsroom-acronym-defined"]) == 0
    assert "off by default: runs when `select` names it" in capsys.readouterr().out.splitlines()[0]
