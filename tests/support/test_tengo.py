"""The Tengo subset Vale's script rules are written in (linter.support.tengo)
and the script check that runs them. Scripts, styles and stories are
written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.core.config import Config
from linter.core.engine import Engine
from linter.core.plugins import load_plugins
from linter.support import budget, tengo


@pytest.fixture(autouse=True)
def rule_time() -> None:
    """A script runs as a rule's work does, within a rule's time."""
    budget.start_rule(float("inf"))

LOOP = """
text := import("text")
found := []   // lines of the quay log that shout
for i, line in text.split(scope, "\\n") {
  if text.trim_space(line) == "" {
    continue
  } else if text.re_match(`^[A-Z ]+$`, line) && len(line) > 3 {
    start := text.index(scope, line)
    found = append(found, {begin: start, end: start + len(line), "line": i})
  } else {
    skipped += 1
  }
}
"""


def test_a_script_runs_with_its_variables() -> None:
    out = tengo.run(LOOP, {"scope": "Ferry late\n\nPIER SHUT\nok", "skipped": 0})
    assert out["found"] == [{"begin": 12, "end": 21, "line": 2}]
    assert out["skipped"] == 2


@pytest.mark.parametrize(
    ("source", "name", "value"),
    [
        ("x := 7 / 2 + 10 % 4 * 2", "x", 7),
        ("x := -3 + 1.5", "x", -1.5),
        ('x := "a" + "b"; x += "c"', "x", "abc"),
        ("x := [1, 2, 3][1:]", "x", [2, 3]),
        ('m := {a: 1}; m.b = 2; m["c"] = m.a + m.b; x := m.c', "x", 3),
        ("x := 0; for i := 0; i < 5; i += 1 { if i == 3 { break }; x += i }", "x", 3),
        ("x := 0; for x < 10 { x += 4 }", "x", 12),
        ('x := !(1 < 2) || is_undefined({}.nope)', "x", True),
        ('t := import("text"); x := t.re_replace("(\\\\w+)@(\\\\w+)", "ann@quay", "$2 at $1")', "x", "quay at ann"),
        ('t := import("text"); x := t.re_find("o(.)", "dock door", 1)[0][1].text', "x", "c"),
        ('t := import("text"); x := t.join(t.fields("  ferry   quay "), "-")', "x", "ferry-quay"),
    ],
)
def test_expressions_and_statements(source: str, name: str, value: object) -> None:
    assert tengo.run(source, {})[name] == value


@pytest.mark.parametrize(
    ("source", "error"),
    [
        ("x := y + 1", "unresolved reference 'y'"),
        ('import("os")', "module 'os' is not available"),
        ("for { }", "runs too long"),
        ("x := (1 +", "ends too soon|unexpected"),
        ("x := 1 @ 2", "cannot read"),
        ('x := 1 + "a"', "failed"),
    ],
)
def test_a_script_that_cannot_run_says_why(source: str, error: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tengo, "MAX_STEPS", 10_000)
    with pytest.raises(tengo.ScriptError, match=error):
        tengo.run(source, {})


SHOUTING = 'extends: script\nmessage: "Do not shout."\nlevel: warning\nscope: raw\nscript: |\n' + "".join(
    f"  {line}\n" for line in LOOP.strip().splitlines()
).replace("found", "matches").replace("skipped += 1", "count := 0")


def _lint(tmp_path: Path, rules: dict[str, str], story: str) -> tuple[list[str], list[str]]:
    style = tmp_path / "styles" / "Dock"
    (tmp_path / "styles" / "config" / "scripts").mkdir(parents=True)
    style.mkdir()
    for name, text in rules.items():
        (tmp_path / "styles" / name if name.endswith(".tengo") else style / name).write_text(text)
    engine = Engine(Config(vale=[style], select=["dock.*"]), load_plugins())
    return [f"{f.span.line}:{f.span.column}:{f.message}" for f in engine.lint_text(Path("log.md"), story)], engine.load_notes


def test_a_vale_script_rule_reports_its_matches(tmp_path: Path) -> None:
    rules = {
        "Shout.yml": SHOUTING,
        "Own.yml": "extends: script\nmessage: Theirs.\nscope: raw\nscript: own.tengo\n",
        "config/scripts/own.tengo": 'matches := [{begin: 0, end: 1, message: "Ours."}, {begin: 5, end: 1}, "junk"]\n',
    }
    found, notes = _lint(tmp_path, rules, "# Quay log\n\nFerry late.\n\nPIER SHUT\n")
    assert found == ["1:1:Ours.", "5:1:Do not shout."]
    assert notes == []


def test_a_script_that_cannot_be_read_or_found_skips_its_rule(tmp_path: Path) -> None:
    rules = {
        "Broken.yml": "extends: script\nmessage: x\nscript: 'x := (1 +'\n",
        "Missing.yml": "extends: script\nmessage: x\nscript: gone.tengo\n",
    }
    found, notes = _lint(tmp_path, rules, "Quay log\n\nFerry late.\n")
    assert found == []
    assert len(notes) == 2 and all("skipped" in note for note in notes)
    assert any("the script cannot be read" in note for note in notes) and any("'gone.tengo' not found" in note for note in notes)
