"""Third-party plugins: found through the ``copydesk`` entry-point group,
exactly as the built-ins are, and isolated when they break."""

from __future__ import annotations

import ast
import json
import os
from pathlib import Path
import re
import subprocess
import sys
import textwrap

import pytest

from linter.core.config import Config
from linter.core.engine import Engine
from linter.core.plugins import load_plugins
from conftest import ROOT

PLUGIN_MODULE = '''
from pathlib import Path
from linter.api import Check, Param, RulePack, hookimpl

class Shouting(Check):
    name = "shouting"
    summary = "A word written in capitals."
    params = {"min_length": Param("int", 4)}
    fields = ("word",)

    def check(self, doc):
        for block in self.blocks(doc):
            start = 0
            for word in block.text.split():
                start = block.text.index(word, start)
                if word.isupper() and len(word) >= self.options["min_length"]:
                    begin = block.span.start + start
                    yield self.finding(doc, begin, begin + len(word), word=word)
                start += len(word)

@hookimpl
def copydesk_check_types():
    return [Shouting]

@hookimpl
def copydesk_rule_packs():
    return [RulePack("shouting", Path(__file__).parent / "shouting_rules")]
'''

PLUGIN_RULE = """\
id: no-shouting
check: shouting
severity: warning
message: "Do not shout: {word}"
min_length: 5
"""


def install_fake_distribution(root: Path, module: str, source: str, entry_name: str) -> None:
    """Write a module and the dist-info metadata that registers it under the
    copydesk entry-point group, as pip would for a real plugin package."""
    (root / f"{module}.py").write_text(textwrap.dedent(source))
    dist_info = root / f"{module}-0.1.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n")
    (dist_info / "entry_points.txt").write_text(f"[copydesk]\n{entry_name} = {module}\n")


@pytest.fixture
def shouting_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    install_fake_distribution(tmp_path, "copydesk_shouting", PLUGIN_MODULE, "shouting")
    (tmp_path / "shouting_rules").mkdir()
    (tmp_path / "shouting_rules" / "no-shouting.yaml").write_text(PLUGIN_RULE)
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


def test_entry_point_plugin_adds_a_check_type_and_a_rule_that_uses_it(shouting_plugin: Path) -> None:
    plugins = load_plugins()
    assert "shouting" in plugins.check_types
    assert "shouting" in plugins.packs
    engine = Engine(Config(), plugins)
    assert "no-shouting" in [r.id for r in engine.rules]

    text = "Council Votes on Budget\n\nThe council voted on Tuesday. It was a HISTORIC night, members said. OK.\n"
    findings = [f for f in engine.lint_text(Path("a.txt"), text) if f.rule == "no-shouting"]
    assert [(f.span.line, f.span.column, f.span.end_column, f.message) for f in findings] == [
        (3, 40, 48, "Do not shout: HISTORIC")
    ]


README = ROOT / "README.md"


def _readme_plugin() -> str:
    """The README's plugin example (the block that opens with its file name)."""
    blocks = re.findall(r"```python\n(# copydesk_shouting.py\n.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1
    return blocks[0]


def _linter_imports(source: str) -> set[str]:
    tree = ast.parse(source)
    found = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    found |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    return {name for name in found if name.split(".")[0] == "linter"}


def test_the_readme_plugin_installed_as_a_distribution_runs_from_the_command_line(tmp_path: Path) -> None:
    """A third party's package as pip would install it (a module and its
    dist-info with a copydesk entry point), importing only linter.api: the
    command finds it, loads its pack and reports with its check type."""
    source = _readme_plugin()
    assert _linter_imports(source) == {"linter.api"}
    site = tmp_path / "site"
    site.mkdir()
    install_fake_distribution(site, "copydesk_shouting", source, "shouting")
    (site / "rules").mkdir()
    (site / "rules" / "shouting.yaml").write_text(
        'id: shouting\ncheck: shouting\nseverity: warning\nmessage: "In capitals: {word}"\n'
    )
    story = tmp_path / "story.txt"
    story.write_text("Council Votes on Budget\n\nThe council voted on Tuesday. It was a HISTORIC night, members said.\n")
    environment = {**os.environ, "PYTHONPATH": str(site), "COPYDESK_CACHE": str(tmp_path / "cache")}
    proc = subprocess.run(
        [sys.executable, "-m", "linter", "check", str(story), "--select", "shouting", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
    )
    assert proc.returncode == 1, proc.stderr
    found = [(f["rule"], f["line"], f["column"], f["message"]) for f in json.loads(proc.stdout)]
    assert found == [("shouting", 3, 40, "In capitals: HISTORIC")]
    assert proc.stderr == ""


def test_the_api_module_offers_what_the_built_in_plugins_are_made_of() -> None:
    import linter.api
    from linter.core.check import Check
    from linter.core.hookspecs import hookimpl
    from linter.results.findings import Finding

    assert linter.api.Check is Check and linter.api.hookimpl is hookimpl and linter.api.Finding is Finding
    assert all(hasattr(linter.api, name) for name in linter.api.__all__)


def test_built_in_plugins_come_from_the_same_entry_point_group() -> None:
    plugins = load_plugins()
    names = {plugins.manager.get_name(p) for p in plugins.manager.get_plugins()}
    assert {"linter.checks", "linter.formats", "linter.reporters", "linter.packs"} <= names
    assert {"repeated-paragraph", "name-style", "quote-attribution"} <= set(plugins.check_types)


def test_plugin_that_fails_to_import_is_reported_and_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_distribution(tmp_path, "copydesk_broken", "raise RuntimeError('boom')\n", "broken")
    monkeypatch.syspath_prepend(str(tmp_path))
    plugins = load_plugins()
    assert any("broken" in p and "boom" in p for p in plugins.problems)
    assert "repeated-paragraph" in plugins.check_types


def test_hook_that_raises_or_returns_garbage_is_reported_and_others_still_run() -> None:
    from linter.core.hookspecs import hookimpl

    class Raising:
        @hookimpl
        def copydesk_check_types(self):  # type: ignore[no-untyped-def]
            raise ValueError("bad plugin")

    class Garbage:
        @hookimpl
        def copydesk_reporters(self):  # type: ignore[no-untyped-def]
            return "not a list"

    plugins = load_plugins(extra=[Raising(), Garbage()])
    assert "repeated-paragraph" in plugins.check_types
    assert "text" in plugins.reporters
    assert any("copydesk_check_types raised" in p and "bad plugin" in p for p in plugins.problems)
    assert any("copydesk_reporters returned" in p for p in plugins.problems)


def test_check_that_raises_is_reported_and_other_rules_still_report(tmp_path: Path) -> None:
    from linter.core.check import Check
    from linter.core.hookspecs import RulePack, hookimpl

    class Exploding(Check):
        name = "exploding"
        summary = "Always fails."

        def check(self, doc):  # type: ignore[no-untyped-def]
            raise ZeroDivisionError("oops")

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "explode.yaml").write_text("id: explode\ncheck: exploding\nseverity: error\nmessage: never\n")

    class Plugin:
        @hookimpl
        def copydesk_check_types(self):  # type: ignore[no-untyped-def]
            return [Exploding]

        @hookimpl
        def copydesk_rule_packs(self):  # type: ignore[no-untyped-def]
            return [RulePack("explode", rules)]

    engine = Engine(Config(), load_plugins(extra=[Plugin()]))
    problems: list[str] = []
    text = "A Headline Here\n\nOne paragraph that is long enough.\n\nOne paragraph that is long enough.\n"
    findings = engine.lint_text(Path("a.txt"), text, problems)
    assert any(f.rule == "repeated-paragraph" for f in findings)
    assert problems == ["rule 'explode' (plugin 'Plugin') failed on a.txt: ZeroDivisionError('oops')"]


def test_entry_points_are_read_again_when_a_distribution_is_installed_or_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linter.core.plugins import entry_points

    monkeypatch.syspath_prepend(str(tmp_path))
    before = entry_points()
    assert before == entry_points()  # from the cache, unchanged
    install_fake_distribution(tmp_path, "copydesk_later", "", "later")
    assert ("later", "copydesk_later") in entry_points()
    points = tmp_path / "copydesk_later-0.1.dist-info" / "entry_points.txt"
    points.write_text("[copydesk]\nlater = copydesk_later:plugin_object\n")
    os.utime(points, ns=(1, 1))
    assert ("later", "copydesk_later:plugin_object") in entry_points()


def test_an_entry_point_can_name_an_object_inside_a_module() -> None:
    import linter.checks
    from linter.core.plugins import _load

    assert _load("linter.checks") is linter.checks
    assert _load("linter.checks:copydesk_check_types") is linter.checks.copydesk_check_types
    assert _load("linter.checks:Check.check [extra]") is linter.checks.Check.check
