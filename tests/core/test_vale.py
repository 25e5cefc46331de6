"""Reading a Vale style folder (tests/fixtures/vale/House: one rule per
supported ``extends``, and one of each thing copydesk cannot honour)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, covered
from linter.cli import main
from linter.core.config import Config
from linter.core.engine import Engine
from linter.support.errors import ConfigError
from linter.core.plugins import load_plugins

HOUSE = FIXTURES / "vale" / "House"
STORY = """# Talks in Kiev enter a new and uncertain week

By Ana Ruiz

The WFP said aid was arguably late. Talks moved from Bombay to Kiev, the the delegates said.
Dmitri Peskov spoke first; later Dmitry Peskov left. The North Atlantic Treaty Organization (NATO) watched.

Notwithstanding considerable institutional reorganization, intergovernmental coordination mechanisms demonstrated insufficient operational effectiveness, necessitating comprehensive administrative restructuring initiatives throughout municipal departments and agencies.
"""
HEADING = STORY.splitlines()[0].removeprefix("# ")


@pytest.fixture
def engine() -> Engine:
    return Engine(Config(vale=[HOUSE], select=["house.*"]), load_plugins())


def test_each_supported_vale_check_gives_the_expected_findings(engine: Engine) -> None:
    findings = engine.lint_text(Path("story.md"), STORY)  # a Markdown heading: Vale's heading scope
    got = [(f.rule, f.severity, covered(STORY, f), f.message) for f in findings]
    assert got == [
        ("house.headlinelength", "info", "Talks", "Headlines should be short."),  # at the first token, as in Vale
        # Vale judges and prints the whole heading
        ("house.headings", "warning", HEADING, f"'{HEADING}' should be in title case."),
        ("house.places", "error", "Kiev", "Use 'Kyiv' instead of 'Kiev'."),
        ("house.acronyms", "warning", "WFP", "'WFP' has no definition."),
        ("house.hedging", "warning", "arguably", "Cut the hedge 'arguably'."),
        ("house.places", "error", "Bombay", "Use 'Mumbai' instead of 'Bombay'."),
        ("house.places", "error", "Kiev", "Use 'Kyiv' instead of 'Kiev'."),
        ("house.doubled", "error", "the the", "'the' is repeated!"),  # alpha: a repeat of letters
        ("house.repeats", "error", "the the", "'the' is repeated!"),  # Vale prints the word
        ("house.spelling", "warning", "Dmitry", "Inconsistent spelling of 'Dmitry'."),
        ("house.readability", "warning", STORY.splitlines()[7], findings[-1].message),
    ]
    assert findings[-1].message.startswith("Grade level (") and findings[-1].message.endswith(") too high.")


def test_a_rule_copydesk_cannot_honour_is_skipped_and_reported_by_file_and_line(engine: Engine) -> None:
    def at(name: str, line: int) -> str:
        return f"{HOUSE / name}.yml:{line}"

    assert sorted(engine.load_notes) == sorted(
        [
            f"{at('Broken', 3)}: tokens: invalid regular expression '(unclosed': missing ) at position 9; Vale rule House.Broken skipped",
            f"{at('Pattern', 4)}: scope 'comment.line' is not supported; Vale rule House.Pattern skipped",
            f"{at('Sequence', 5)}: a sequence step with a part-of-speech tag ('tag: NN') is not supported (copydesk tags no words); Vale rule House.Sequence skipped",
            f"{at('Wide', 4)}: metrics ['Coleman-Liau'] are not supported; Vale rule House.Wide skipped",
        ]
    )
    ids = [r.id for r in engine.rules]
    assert not {"house.broken", "house.pattern", "house.sequence", "house.wide"} & set(ids)
    assert "house.places" in ids  # the others load


def test_a_field_that_changes_no_finding_is_ignored_and_said_so(tmp_path: Path) -> None:
    style = tmp_path / "Desk"
    style.mkdir()
    (style / "Quiet.yml").write_text("extends: existence\nmessage: \"Cut '%s'.\"\naction:\n  name: remove\ntokens: [very]\n")
    engine = Engine(Config(vale=[style], select=["desk.*"]), load_plugins())
    assert engine.load_notes == [f"{style / 'Quiet.yml'}:3: field 'action' is not supported; ignored (Vale rule Desk.Quiet)"]
    assert [f.message for f in engine.lint_text(Path("s.txt"), "Talks end\n\nIt was very late.\n")] == ["Cut 'very'."]


def test_raw_patterns_are_joined_and_an_escaped_quote_is_read_as_vale_reads_it(engine: Engine) -> None:
    text = "Talks end\n\nNotably, the talks ended. Notably late. It was notably so.\n"
    findings = [f for f in engine.lint_text(Path("story.txt"), text) if f.rule == "house.prefixed"]
    assert [(covered(text, f), f.message) for f in findings] == [
        ("Notably", "Do not open with 'Notably'."),
        (". Notably", "Do not open with '. Notably'."),
    ]


def test_no_style_folder_of_broken_rules_stops_the_run(tmp_path: Path) -> None:
    style = tmp_path / "Desk"
    style.mkdir()
    (style / "Bad.yml").write_text("extends: existence\nmessage: [unclosed\n")
    (style / "List.yml").write_text("- not a mapping\n")
    (style / "Good.yml").write_text("extends: existence\nmessage: \"Cut '%s'.\"\ntokens: [very]\n")
    engine = Engine(Config(vale=[style]), load_plugins())
    assert len(engine.load_notes) == 2 and all("skipped" in note for note in engine.load_notes)
    assert "desk.good" in [r.id for r in engine.rules]


def test_the_config_names_vale_folders_and_notes_reach_the_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".copydesk.yaml").write_text(f"vale: [{HOUSE}]\nselect: [house.places]\n")
    (tmp_path / "story.txt").write_text(STORY)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "story.txt"]) == 1
    captured = capsys.readouterr()
    assert captured.out.count("house.places") == 3
    assert "Vale rule House.Sequence skipped" in captured.err


def test_a_missing_vale_folder_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="Vale style folder not found"):
        Engine(Config(vale=[tmp_path / "nope"]), load_plugins())
