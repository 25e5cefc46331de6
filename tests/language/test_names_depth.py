"""Name style in depth: rewriting between house styles, registries as an
editorial tool, house styles of a newsroom's own, and people inferred from
the story."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, covered, lint
from linter.cli import main
from linter.core.config import Config
from linter.core.engine import Engine
from linter.language.inference import PeopleFinder
from linter.language.lexicon import Lexicon
from linter.formats import text as text_format
from linter.support.shipped import shipped_rules_dir
from linter.core.plugins import load_plugins

NAMES = FIXTURES / "names"


@pytest.mark.parametrize(("source", "style", "expected"), [("nyt", "ap", "ap"), ("ap", "nyt", "nyt")])
def test_a_story_is_rewritten_between_house_styles(
    source: str, style: str, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes((NAMES / f"{source}.txt").read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--fix", "--unsafe-fixes", "--style", style, "story.txt"]) == 0
    assert story.read_bytes() == (NAMES / f"{expected}.txt").read_bytes()


def test_name_fixes_need_unsafe_fixes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes((NAMES / "nyt.txt").read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--fix", "--style", "ap", "story.txt"]) == 1
    assert story.read_bytes() == (NAMES / "nyt.txt").read_bytes()
    capsys.readouterr()
    assert main(["check", "--diff", "--unsafe-fixes", "--style", "ap", "story.txt"]) == 1
    diff = capsys.readouterr().out
    assert "-Mr. Peskov called that condition" in diff and "+Peskov called that condition" in diff


def test_names_check_validates_registries(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["names", "check", str(shipped_rules_dir() / "names" / "starter.yaml")]) == 0
    assert "9 people, valid" in capsys.readouterr().out
    bad = tmp_path / "desk.yaml"
    bad.write_text("people:\n  - name: Ana Ruiz\n    surname: Ruiz\n  - name: Joana Silva\n    surname: Silvia\n")
    assert main(["names", "check", str(bad)]) == 2
    assert capsys.readouterr().err == f"copydesk: error: {bad}:5: surname 'Silvia' is not a word of 'Joana Silva'\n"


def test_names_suggest_lists_people_not_in_the_registry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for n in range(2):
        (tmp_path / f"s{n}.txt").write_text(
            "Harbor Vote Splits Council\n\nBy Ana Ruiz\n\n"
            "Mayor Lena Ortiz said the city would appeal. Carlos Mendes, a port official, said ships were waiting"
            + (" in New Bedford." if n else ".")
            + " President Vladimir V. Putin was not mentioned.\n"
        )
    assert main(["names", "suggest", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "    2  Carlos Mendes\n    2  Lena Ortiz\n"


def test_names_suggest_reads_the_working_folder_and_writes_registry_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "s.txt").write_text(
        "Harbor Vote Splits Council\n\nBy Ana Ruiz\n\nMayor Lena Ortiz said the city would appeal. "
        "Carlos Mendes, a port official, said ships were waiting. Ms. Ortiz left early.\n"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["names", "suggest", "--format", "yaml"]) == 0
    entries = capsys.readouterr().out
    assert entries == (
        "people:\n"
        '  - name: "Carlos Mendes"  # named in 1 story\n    surname: "Mendes"\n'
        '  - name: "Lena Ortiz"  # named in 1 story\n    surname: "Ortiz"\n    honorific: "Ms."\n'
    )
    (tmp_path / "desk.yaml").write_text(entries)
    assert main(["names", "check", "desk.yaml"]) == 0  # ready to paste: a valid registry


def test_a_newsroom_registry_layers_over_the_shipped_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "desk.yaml").write_text(
        "people:\n"
        "  - name: Lena M. Ortiz\n    surname: Ortiz\n    honorific: Ms.\n    titles: [Mayor]\n"
        "  - id: Steve Witkoff\n    name: Steven C. Witkoff\n    surname: Witkoff\n    honorific: Mr.\n    variants: [Steve Witkoff]\n"
    )
    (tmp_path / ".copydesk.yaml").write_text("names: [desk.yaml]\nselect: [name-*]\n")
    monkeypatch.chdir(tmp_path)
    text = "Port Talks\n\nBy Ana Ruiz\n\nLena Ortiz met Steve Witkoff on Monday. Ms. Ortiz and Mr. Witkoff spoke.\n"
    (tmp_path / "story.txt").write_text(text)
    result = Engine(Config(names=[tmp_path / "desk.yaml"], select=["name-*"]), load_plugins()).lint_paths([tmp_path / "story.txt"])
    assert [(f.rule, covered(text, f), f.fix.edits[0].replacement) for f in result.findings] == [
        ("name-first-reference", "Lena Ortiz", "Lena M. Ortiz"),
        ("name-first-reference", "Steve Witkoff", "Steven C. Witkoff"),
    ]


def test_a_house_style_of_the_newsroom_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "gazette.yaml").write_text(
        "style: gazette\nfirst_reference: ['{title} {plain}', '{plain}']\nsubsequent_reference: ['{title} {surname}']\n"
    )
    (tmp_path / ".copydesk.yaml").write_text("styles: [gazette.yaml]\nstyle: gazette\nselect: [name-*]\n")
    (tmp_path / "story.txt").write_text(
        "Talks Resume\n\nBy Ana Ruiz\n\nPresident Vladimir Putin spoke on Monday. Mr. Putin left early.\n"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "story.txt"]) == 1
    out = capsys.readouterr().out
    assert "reads “Mr. Putin”; gazette style is “President Putin”" in out
    assert out.count("name-") == 1


def infer(text: str) -> list[str]:
    finder = PeopleFinder(Lexicon.load(shipped_rules_dir() / "lexicon" / "people.yaml"))
    return [p.name for p in finder.infer(text_format.parse(Path("s.txt"), text))]


def test_people_are_inferred_on_strong_evidence_only() -> None:
    text = (
        "Harbor Vote Splits Council\n\nBy Ana Ruiz\n\n"
        "Mayor Lena Ortiz said on Tuesday that the city would appeal. Carlos Mendes, a port official, said the "
        "terminals were idle. Joana Silva, 54, has worked the docks for decades. The union's lawyer, Pieter van der "
        "Berg, spoke later. Ruth A. Feldman attended; Ms. Feldman declined to comment.\n\n"
        "Ships waited in New Bedford and at the Harbor Authority docks. Goldman Sachs said it would review its "
        "loans. Later Tuesday, Wells Fargo declined to comment. Hurricane Delia is expected on Friday.\n"
    )
    assert infer(text) == ["Lena Ortiz", "Carlos Mendes", "Joana Silva", "Pieter van der Berg", "Ruth A. Feldman"]


def test_inferred_people_follow_the_house_style() -> None:
    text = (
        "Harbor Vote Splits Council\n\nBy Ana Ruiz\n\n"
        "Carlos Mendes, a port official, said the terminals were idle. Mendes said ships were waiting.\n\n"
        "Mr. Mendes added that the union had not called.\n"
    )
    nyt = lint(text, select=("name-*",))
    # The story gives him "Mr.": that is his courtesy title.
    assert [(covered(text, f), f.message, f.fix.edits[0].replacement) for f in nyt] == [
        ("Mendes", "Later reference to Carlos Mendes reads “Mendes”; nyt style is “Mr. Mendes”.", "Mr. Mendes")
    ]
    ap = lint(text, select=("name-*",), style="ap")
    assert [(covered(text, f), f.fix.edits[0].replacement) for f in ap] == [("Mr. Mendes", "Mendes")]


def test_a_person_the_story_never_gives_a_courtesy_title_has_none() -> None:
    # A sports or arts page: the bare surname is the person's later form.
    text = (
        "Harbor Vote Splits Council\n\nBy Ana Ruiz\n\n"
        "Carlos Mendes, the club's striker, scored twice. Mendes said the team had earned it.\n"
    )
    assert lint(text, select=("name-*",)) == []


def test_a_variant_surname_on_its_own_is_caught_in_both_styles() -> None:
    text = (
        "Grain Talks Resume\n\nBy Ana Ruiz\n\n"
        "President Volodymyr Zelensky spoke on Monday. Later, Zelenskyy said the talks would go on.\n"
    )
    ap = lint(text, select=("name-*",), style="ap")
    assert [(covered(text, f), f.fix.edits[0].replacement) for f in ap] == [("Zelenskyy", "Zelensky")]
    nyt = lint(text, select=("name-*",))
    assert [(covered(text, f), f.fix.edits[0].replacement) for f in nyt] == [("Zelenskyy", "Mr. Zelensky")]


def test_names_check_reports_every_error_of_a_registry_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "desk.yaml"
    bad.write_text(
        "people:\n"
        "  - name: Ana Ruiz\n    surname: Ruis\n"  # 3
        "  - name: Joana Silva\n    honorific: Ms.\n"  # 4: no surname
        "  - name: Tomas Reyes\n    surname: Reyes\n    colour: red\n"  # 8: unknown field
        "  - name: Lena Ortiz\n    surname: Ortiz\n"
    )
    assert main(["names", "check", str(bad)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"copydesk: error: {bad}:3: surname 'Ruis' is not a word of 'Ana Ruiz'",
        f"copydesk: error: {bad}:4: person is missing 'surname'",
        f"copydesk: error: {bad}:8: unknown field 'colour'",
    ]
