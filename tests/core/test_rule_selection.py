"""Every rule id or glob a run is given names a real rule: a misspelt one is
a usage error (exit 2) with the nearest real id, not a silent green gate."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.cli import main


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text("Harbor Board Backs Dredging\n\nOfficials say the work could take a year.\n")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", *args, "story.txt"])
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", "nme-*"], "--select: glob 'nme-*' matches no rule (did you mean 'name-*'?)"),
        (["--ignore", "vague-sorcing"], "--ignore: unknown rule 'vague-sorcing' (did you mean 'vague-sourcing'?)"),
        (["--select", "vague-sourcing,repeated-paragrph"], "--select: unknown rule 'repeated-paragrph' (did you mean 'repeated-paragraph'?)"),
        (["--select", "newsroom-a-lot"], "--select: 'newsroom-a-lot' names rules of pack newsroom, which is not enabled"),
    ],
)
def test_a_flag_that_names_no_rule_is_a_usage_error(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    code, err = run(capsys, *args)
    assert code == 2
    assert err.startswith(f"copydesk: error: {message}")


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("fail_on: warning\nselect: [vague-sourcing, nme-*]\n", ":2: select: glob 'nme-*' matches no rule (did you mean 'name-*'?)"),
        ("ignore:\n  - vague-sorcing\n", ":1: ignore: unknown rule 'vague-sorcing' (did you mean 'vague-sourcing'?)"),
        ("severity:\n  vague-sourcing: error\n  unattributed-quotes: error\n", ":1: severity: unknown rule 'unattributed-quotes'"),
        ("severity:\n  name-*: error\n", ":1: severity: 'name-*': give rule ids here, not globs"),
        ("per_file_ignores:\n  'archive/*': [missing-credit, vague-sorcing]\n", ":1: per_file_ignores: unknown rule 'vague-sorcing'"),
    ],
)
def test_a_setting_that_names_no_rule_is_a_configuration_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, config: str, message: str
) -> None:
    Path(".copydesk.yaml").write_text(config)
    code, err = run(capsys)
    assert code == 2
    assert err.startswith(f"copydesk: error: {tmp_path / '.copydesk.yaml'}{message}")


def test_ids_of_a_pack_not_enabled_are_named_as_such_outside_select(capsys: pytest.CaptureFixture[str]) -> None:
    Path(".copydesk.yaml").write_text("ignore: [newsroom-*]\n")
    code, err = run(capsys)
    assert code == 1  # the run goes on: ignoring a rule that does not run is harmless
    assert "warning: " in err and "ignore: 'newsroom-*' names rules of pack newsroom, which is not enabled" in err


def test_real_ids_and_globs_pass(capsys: pytest.CaptureFixture[str]) -> None:
    Path(".copydesk.yaml").write_text("packs: [newsroom]\nignore: [newsroom-*]\nseverity: {vague-sourcing: error}\n")
    code, err = run(capsys, "--select", "vague-*,name-first-reference", "--ignore", "unused-suppression")
    assert (code, err) == (1, "")


@pytest.mark.parametrize("extra", [[], ["--diff"], ["--fix"], ["--format", "json"]])
def test_a_run_that_finds_no_articles_fails(capsys: pytest.CaptureFixture[str], extra: list[str]) -> None:
    Path("empty/photos").mkdir(parents=True)
    Path("empty/photos/cover.jpg").write_bytes(b"\xff\xd8\xff")
    assert main(["check", *extra, "empty"]) == 2
    assert capsys.readouterr().err == "copydesk: error: no articles found in empty (--allow-no-files to accept that)\n"
    assert main(["check", *extra, "--allow-no-files", "empty"]) == 0


def test_a_file_named_on_the_command_line_is_always_linted(capsys: pytest.CaptureFixture[str]) -> None:
    Path("notes.log").write_text("Harbor Board Backs Dredging\n\nOfficials say the work could take a year.\n")
    assert main(["check", "notes.log"]) == 1


def test_docs_url_must_be_a_template_of_the_rule(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    Path(".copydesk.yaml").write_text("docs_url: https://desk.example.org/rules/\n")
    assert main(["check", "story.txt"]) == 2
    assert ":1: docs_url: must be a URL template holding {rule}" in capsys.readouterr().err


def test_init_writes_a_commented_config_that_loads_and_never_overwrites(capsys: pytest.CaptureFixture[str]) -> None:
    from linter.core.config import load_config

    assert main(["init", "--style", "ap"]) == 0
    written = Path(".copydesk.yaml").read_text(encoding="utf-8")
    assert written.startswith("# copydesk's configuration.") and "style: ap " in written
    config = load_config(Path(".copydesk.yaml"))
    assert (config.style, config.fail_on, config.packs, config.ignore) == ("ap", "warning", [], [])
    assert main(["check", "story.txt"]) == 1  # a run reads it
    # The settings shown commented out are valid ones, uncommented.
    settings = written.split("ignore: []", 1)[1]
    Path("uncommented.yaml").write_text("\n".join(line[2:] if line.startswith("# ") else line for line in settings.splitlines()))
    example = load_config(Path("uncommented.yaml"))
    assert example.select == ["name-*"] and example.docs_url == "https://desk.example.org/rules/{rule}"
    assert example.severity == {"vague-sourcing": "error"} and example.exclude == ["drafts/"]
    capsys.readouterr()
    assert main(["init"]) == 2
    assert "a configuration is already here; not overwritten" in capsys.readouterr().err
    assert Path(".copydesk.yaml").read_text(encoding="utf-8") == written
    assert main(["init", "--style", "gazette", "elsewhere"]) == 2
