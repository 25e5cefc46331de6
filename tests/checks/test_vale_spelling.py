"""The spelling check (Hunspell dictionaries read by spylls: linter.hunspell)
as Vale's spelling rules use it: Vale's reading of words, its filters,
dictionaries found where Vale finds them, ignore files, Vocab, IgnoredScopes
and TokenIgnores. Dictionaries, styles and stories are written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.core import valeini
from linter.support import hunspell
from linter.checks.spelling import words
from linter.cli import main
from linter.core.config import Config
from linter.core.engine import Engine
from linter.core.plugins import load_plugins

# A dictionary of our own: Latin-1 declared, UTF-8 written (as Vale's own
# are), with a PHONE line spylls would reject.
AFF = "SET ISO8859-1\nICONV 1\nICONV ’ '\nPHONE 1\nPHONE �<  E\nSFX S Y 1\nSFX S 0 s .\n"
DIC = "4\nquay/S\nferry/S\nskipper\nmöwe\n"


def _dictionary(folder: Path, name: str = "dock") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.aff").write_text(AFF, encoding="utf-8")
    (folder / f"{name}.dic").write_text(DIC, encoding="utf-8")
    return folder / name


def test_words_are_read_as_vale_reads_them() -> None:
    text = "“Quay,” said (the) skipper: U.S. ferries' $40 Mr. don’t -- ok?"
    assert [w for w, _ in words(text)] == ["Quay", "said", "the", "skipper", "U.S.", "ferries", "Mr.", "don't", "ok"]
    assert [text[start : start + 4] for w, start in words(text) if w == "Quay"] == ["Quay"]


def test_a_dictionary_of_our_own_is_read_with_its_affixes_and_case(tmp_path: Path) -> None:
    speller = hunspell.speller((_dictionary(tmp_path),))
    assert [speller.knows(w) for w in ("quay", "quays", "Quays", "QUAY", "skippers", "möwe", "barge")] == [
        True, True, True, True, False, True, False,
    ]


def test_the_default_dictionary_is_en_us() -> None:
    speller = hunspell.speller(())
    assert speller.knows("harbor") and speller.knows("Harbor") and not speller.knows("harbour")


def _style(root: Path, rule: str) -> None:
    (root / "styles" / "Dock").mkdir(parents=True)
    (root / "styles" / "Dock" / "Spell.yml").write_text(rule)


def _lint(root: Path, ini: str, story: str, name: str = "story.md") -> list[str]:
    (root / ".vale.ini").write_text(ini)
    (root / name).write_text(story)
    config = Config(select=["dock.*", "vale.spelling"])
    config.vale_ini = valeini.read(root / ".vale.ini")
    engine = Engine(config, load_plugins())
    findings = engine.lint_paths([root / name]).findings
    return [f"{f.span.line}:{f.span.column}:{engine.vale_names[f.rule]}:{f.message}" for f in findings]


RULE = "extends: spelling\nmessage: \"Spell '%s'?\"\nlevel: error\ndicpath: dicts\ndictionaries: [dock]\n"


def test_a_rule_names_its_dictionaries_in_dicpath_and_its_filters(tmp_path: Path) -> None:
    _dictionary(tmp_path / "styles" / "dicts")
    _style(tmp_path, RULE + "filters: ['^sk']\n")
    story = "# Quays\n\nThe ferry met the skipper at the quay; NATO and McBride and 2nd-rate barges waited.\n"
    assert _lint(tmp_path, "StylesPath = styles\n[*]\nBasedOnStyles = Dock\n", story) == [
        "3:1:Dock.Spell:Spell 'The'?",  # not in this small dictionary
        "3:11:Dock.Spell:Spell 'met'?",
        "3:15:Dock.Spell:Spell 'the'?",
        "3:27:Dock.Spell:Spell 'at'?",
        "3:30:Dock.Spell:Spell 'the'?",
        "3:45:Dock.Spell:Spell 'and'?",  # NATO (capitals), McBride (an inner capital), 2nd-rate: Vale's filters
        "3:57:Dock.Spell:Spell 'and'?",
        "3:70:Dock.Spell:Spell 'barges'?",
        "3:77:Dock.Spell:Spell 'waited'?",
    ]


def test_custom_drops_the_default_filters_and_ignore_files_add_words(tmp_path: Path) -> None:
    _dictionary(tmp_path / "styles" / "dicts")
    (tmp_path / "styles" / "dock-words.txt").write_text("# ours\nbarge\n")
    _style(tmp_path, RULE + "custom: true\nignore: dock-words.txt\nfilters: ['[a-z]']\n")
    story = "Quay\n\nNATO barge MOORED at the quay.\n"
    assert _lint(tmp_path, "StylesPath = styles\n[*]\nBasedOnStyles = Dock\n", story) == [
        "3:1:Dock.Spell:Spell 'NATO'?",
        "3:12:Dock.Spell:Spell 'MOORED'?",
    ]


def test_the_built_in_vale_spelling_reads_no_code_url_or_link_target_and_takes_vocab(tmp_path: Path) -> None:
    (tmp_path / "styles" / "config" / "vocabularies" / "Dock").mkdir(parents=True)
    (tmp_path / "styles" / "config" / "vocabularies" / "Dock" / "accept.txt").write_text("Quayside\n")
    story = (
        "# Harbor news\n\n"
        "The ferrry left `qwzx` at dawn, see https://example.org/qwzy and [the quaysidde map](maps/qwzv).\n\n"
        "Quayside talk is *everywher* now.\n"
    )
    ini = "StylesPath = styles\nVocab = Dock\n[*]\nBasedOnStyles = Vale\n"
    assert _lint(tmp_path, ini, story) == [
        "3:5:Vale.Spelling:Did you really mean 'ferrry'?",
        "3:71:Vale.Spelling:Did you really mean 'quaysidde'?",
        "5:19:Vale.Spelling:Did you really mean 'everywher'?",
    ]
    ignoring = ini.replace("Vocab = Dock\n", "Vocab = Dock\nIgnoredScopes = link, code\n") + "TokenIgnores = (\\*\\w+\\*), (\\{\\{.+?\\}\\})\n"
    assert _lint(tmp_path, ignoring, story) == ["3:5:Vale.Spelling:Did you really mean 'ferrry'?"]


def test_a_dictionary_that_is_not_there_skips_its_rule_and_says_so(tmp_path: Path) -> None:
    _style(tmp_path, RULE)
    (tmp_path / "styles" / "dicts").mkdir()
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n[*]\nBasedOnStyles = Dock\n")
    config = Config()
    config.vale_ini = valeini.read(tmp_path / ".vale.ini")
    engine = Engine(config, load_plugins())
    assert "dock.spell" not in [rule.id for rule in engine.rules]
    assert any("dictionary 'dock' not found" in note and "Dock.Spell skipped" in note for note in engine.load_notes)


def test_check_exclude_skips_what_a_gitignore_pattern_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "desk" / "old").mkdir(parents=True)
    for name in ("desk/a.md", "desk/old/b.md", "c.md"):
        (tmp_path / name).write_text("Harbor news\n\nThe ferrry left.\n")
    (tmp_path / ".vale.ini").write_text("[*]\nBasedOnStyles = Vale\n")
    monkeypatch.chdir(tmp_path)
    main(["check", "--select", "vale.spelling", "--exclude", "desk/old/*", "--exclude", "**/c.md", "."])
    out = capsys.readouterr().out
    assert "a.md" in out and "b.md" not in out and "c.md" not in out
