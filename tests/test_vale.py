"""Reading a Vale style folder (tests/fixtures/vale/House: one rule per
supported ``extends``, and one of each thing copydesk cannot honour)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, covered
from linter.cli import main
from linter.config import Config
from linter.engine import Engine
from linter.errors import ConfigError
from linter.plugins import load_plugins

HOUSE = FIXTURES / "vale" / "House"
STORY = """Talks in Kiev enter a New and Uncertain and Decisive Week

By Ana Ruiz

The WFP said aid was arguably late. Talks moved from Bombay to Kiev, the the delegates said.
Dmitri Peskov spoke first; later Dmitry Peskov left. The North Atlantic Treaty Organization (NATO) watched.

Notwithstanding considerable institutional reorganization, intergovernmental coordination mechanisms demonstrated insufficient operational effectiveness, necessitating comprehensive administrative restructuring initiatives throughout municipal departments and agencies.
"""


@pytest.fixture
def engine() -> Engine:
    return Engine(Config(vale=[HOUSE], select=["house.*"]), load_plugins())


def test_each_supported_vale_check_gives_the_expected_findings(engine: Engine) -> None:
    findings = engine.lint_text(Path("story.txt"), STORY)
    got = [(f.rule, f.severity, covered(STORY, f), f.message) for f in findings]
    assert got == [
        ("house.headlinelength", "info", STORY.splitlines()[0], "Headlines should be short."),
        ("house.places", "error", "Kiev", "Use 'Kyiv' instead of 'Kiev'."),
        ("house.headings", "warning", "enter", "'enter' should be in title case."),
        ("house.acronyms", "warning", "WFP", "'WFP' has no definition."),
        ("house.hedging", "warning", "arguably", "Cut the hedge 'arguably'."),
        ("house.places", "error", "Bombay", "Use 'Mumbai' instead of 'Bombay'."),
        ("house.places", "error", "Kiev", "Use 'Kyiv' instead of 'Kiev'."),
        ("house.repeats", "error", "the the", "'the the' is repeated!"),
        ("house.spelling", "warning", "Dmitry", "Inconsistent spelling of 'Dmitry'."),
        ("house.readability", "warning", STORY.splitlines()[7], findings[-1].message),
    ]
    assert findings[-1].message.startswith("Grade level (") and findings[-1].message.endswith(") too high.")


def test_what_cannot_be_honoured_is_reported_by_name(engine: Engine) -> None:
    notes = sorted(engine.load_notes)
    assert notes == sorted(
        [
            f"Vale rule House.Pattern ({HOUSE / 'Pattern.yml'}): field 'action' is not supported; ignored",
            f"Vale rule House.Pattern ({HOUSE / 'Pattern.yml'}): scope 'blockquote' is not supported; ignored",
            f"Vale rule House.Readability ({HOUSE / 'Readability.yml'}): metrics ['Coleman-Liau'] are not supported; Flesch-Kincaid grade used",
            f"Vale rule House.Repeats ({HOUSE / 'Repeats.yml'}): field 'alpha' is not supported; ignored",
            f"Vale rule House.Script ({HOUSE / 'Script.yml'}): 'extends: script' is not supported; rule skipped",
        ]
    )
    assert "house.script" not in [r.id for r in engine.rules]


def test_the_config_names_vale_folders_and_notes_reach_the_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".copydesk.yaml").write_text(f"vale: [{HOUSE}]\nselect: [house.places]\n")
    (tmp_path / "story.txt").write_text(STORY)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "story.txt"]) == 1
    captured = capsys.readouterr()
    assert captured.out.count("house.places") == 3
    assert "copydesk: warning: Vale rule House.Script" in captured.err


def test_a_missing_vale_folder_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="Vale style folder not found"):
        Engine(Config(vale=[tmp_path / "nope"]), load_plugins())
