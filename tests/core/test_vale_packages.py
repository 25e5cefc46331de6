"""Vale's Packages (linter.core.vale_packages): a local zip file's styles
and configuration read in place, under the user's; a package named by name
or URL reported, as copydesk fetches nothing. Packages, styles and stories
are made here."""

from __future__ import annotations

import zipfile
from pathlib import Path

from linter.core import valeini
from linter.core.config import Config
from linter.core.engine import Engine
from linter.core.plugins import load_plugins

RULE = "extends: existence\nmessage: \"Drop '%s'.\"\nlevel: error\ntokens: [{word}]\n"


def _zip(path: Path, files: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)


def _lint(root: Path, story: str) -> tuple[list[str], list[str]]:
    (root / "story.md").write_text(story)
    config = Config(select=["harbor.*", "wire.*", "vale.spelling"])
    config.vale_ini = valeini.read(root / ".vale.ini")
    engine = Engine(config, load_plugins())
    findings = engine.lint_paths([root / "story.md"]).findings
    return [f"{f.span.line}:{f.span.column}:{engine.vale_names[f.rule]}:{f.message}" for f in findings], engine.load_notes


def test_a_complete_package_brings_its_styles_vocab_and_settings(tmp_path: Path) -> None:
    _zip(
        tmp_path / "harbor.zip",
        {
            "harbor/.vale.ini": "StylesPath = styles\nVocab = Docks\n\n[*]\nBasedOnStyles = Harbor\n",
            "harbor/styles/Harbor/Hype.yml": RULE.format(word="stunning"),
            "harbor/styles/config/vocabularies/Docks/accept.txt": "Quaylink\n",
            "__MACOSX/harbor/._.vale.ini": "junk",
        },
    )
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\nPackages = Docks-Online, harbor.zip\n\n[*.md]\nVale.Spelling = YES\n")
    found, notes = _lint(tmp_path, "# Harbor\n\nA stunning Quaylink ferrie.\n")
    assert found == ["3:3:Harbor.Hype:Drop 'stunning'.", "3:21:Vale.Spelling:Did you really mean 'ferrie'?"]
    assert any("package 'Docks-Online' is not read: copydesk fetches no package" in note for note in notes)


def test_a_style_package_is_a_style_and_the_users_settings_win(tmp_path: Path) -> None:
    _zip(tmp_path / "wire.zip", {"Wire/Hype.yml": RULE.format(word="stunning"), "Wire/Very.yml": RULE.format(word="very")})
    (tmp_path / ".vale.ini").write_text("Packages = wire.zip\n\n[*]\nBasedOnStyles = Wire\nWire.Very = NO\n")
    found, _ = _lint(tmp_path, "# Harbor\n\nA very stunning quay.\n")
    assert found == ["3:8:Wire.Hype:Drop 'stunning'."]


def test_a_package_that_is_no_package_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    _zip(tmp_path / "bad.zip", {"../escape.yml": "x", "Wire/Hype.yml": RULE.format(word="stunning")})
    (tmp_path / "broken.zip").write_text("not a zip")
    (tmp_path / ".vale.ini").write_text("Packages = bad.zip, broken.zip\n\n[*]\nBasedOnStyles = Vale\n")
    found, notes = _lint(tmp_path, "# Harbor\n\nA ferrie.\n")
    assert found == ["3:3:Vale.Spelling:Did you really mean 'ferrie'?"]
    assert sum("package ignored" in note for note in notes) == 2
    assert not (tmp_path.parent / "escape.yml").exists()
