"""Rule files are validated on load; every problem names file, line and
field, and the command exits 2 without a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.cli import main
from linter.support.errors import ConfigError
from linter.core.plugins import load_plugins
from linter.core.rules import load_packs, load_rule_file

GOOD = """\
id: officials-said
check: vague-sourcing
severity: error
message: "Name them: {text}"
groups: [officials]
verbs: [said]
"""


def load(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "rule.yaml"
    path.write_text(text)
    return load_rule_file(path, "local", load_plugins().check_types)


def error_for(tmp_path: Path, text: str) -> str:
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, text)
    return str(caught.value)


def test_a_good_rule_loads_with_its_parameters(tmp_path: Path) -> None:
    (rule,) = load(tmp_path, GOOD)
    assert (rule.id, rule.check, rule.severity, rule.scope) == ("officials-said", "vague-sourcing", "error", ("summary", "dek", "body"))
    assert rule.params["groups"] == ("officials",)
    assert rule.params["max_gap"] == 3  # the check type's default


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (GOOD.replace("check: vague-sourcing", "check: vague-sorcing"), ":2: check: unknown check type 'vague-sorcing'"),
        (GOOD.replace("severity: error", "severity: eror"), ":3: severity: unknown severity 'eror' (did you mean 'error'?)"),
        (GOOD.replace('message: "Name them: {text}"\n', ""), ":1: rule is missing the required field 'message'"),
        (GOOD.replace("{text}", "{speaker}"), ":4: message: unknown placeholder {speaker}"),
        (GOOD + "max_gpa: 2\n", ":7: unknown field for check 'vague-sourcing' 'max_gpa' (did you mean 'max_gap'?)"),
        (GOOD + "max_gap: many\n", ":7: max_gap: must be a whole number, not 'many'"),
        (GOOD.replace("groups: [officials]\n", ""), "check 'vague-sourcing' needs the field 'groups'"),
        (GOOD + "scope: [bodyy]\n", ":7: scope: unknown scope 'bodyy' (did you mean 'body'?)"),
        (GOOD.replace("id: officials-said", "id: Officials Said"), ":1: id: 'Officials Said' is not a kebab-case rule id"),
        ("id: x\ncheck: a: b\nseverity: info\n", ":2: invalid YAML: mapping values are not allowed here"),
        ("- just\n- a list\n", ":1: a rule file must be a mapping"),
    ],
)
def test_bad_rule_files_name_file_line_and_field(tmp_path: Path, text: str, expected: str) -> None:
    message = error_for(tmp_path, text)
    assert message.startswith(str(tmp_path / "rule.yaml"))
    assert expected in message


def test_a_bad_regular_expression_is_reported_with_its_line(tmp_path: Path) -> None:
    from linter.core.check import Check, Param
    from linter.core.hookspecs import hookimpl

    class Pattern(Check):
        name = "pattern"
        summary = "A pattern."
        params = {"pattern": Param("regex")}

        def check(self, doc):  # type: ignore[no-untyped-def]
            return []

    class Plugin:
        @hookimpl
        def copydesk_check_types(self):  # type: ignore[no-untyped-def]
            return [Pattern]

    path = tmp_path / "rule.yaml"
    path.write_text("id: p\ncheck: pattern\nseverity: info\nmessage: m\npattern: 'officials (say'\n")
    with pytest.raises(ConfigError) as caught:
        load_rule_file(path, "local", load_plugins(extra=[Plugin()]).check_types)
    assert str(caught.value).startswith(f"{path}:5: pattern: invalid regular expression")


def test_a_pack_file_holds_several_rules_and_duplicate_ids_are_refused(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    second = GOOD.replace("officials-said", "sources-said").replace("[officials]", "[sources]")
    (pack / "a.yaml").write_text("rules:\n" + "".join("  - " + r.replace("\n", "\n    ").rstrip() + "\n" for r in (GOOD, second)))
    rules = load_packs([("local", pack)], load_plugins().check_types)
    assert [r.id for r in rules] == ["officials-said", "sources-said"]

    (pack / "b.yaml").write_text(GOOD)
    with pytest.raises(ConfigError) as caught:
        load_packs([("local", pack)], load_plugins().check_types)
    assert str(caught.value) == f"{pack / 'b.yaml'}:1: rule id 'officials-said' is already defined at {pack / 'a.yaml'}:2"


def test_cli_reports_a_bad_rule_file_with_exit_code_2_and_no_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "house-rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text(GOOD.replace("severity: error", "severity: critical"))
    (tmp_path / ".copydesk.yaml").write_text("rules: [house-rules]\n")
    (tmp_path / "story.txt").write_text("A story.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "story.txt"]) == 2
    err = capsys.readouterr().err
    assert err == f"copydesk: error: {rules / 'bad.yaml'}:3: severity: unknown severity 'critical'\n"


def test_shipped_rules_all_load_and_are_documented() -> None:
    from linter.support.shipped import shipped_rules_dir

    rules = load_packs([("core", shipped_rules_dir() / "core")], load_plugins().check_types)
    assert {r.id for r in rules} == {
        "repeated-paragraph", "duplicated-headline", "unattributed-quote", "vague-sourcing", "unsourced-hedge",
        "missing-credit", "name-first-reference", "name-subsequent-reference",
        "near-duplicate-paragraph", "repeated-sentence", "summary-repeats-body",
        "duplicate-headline-across-files", "duplicate-paragraph-across-files",
        "anonymous-source-without-reason",
        "unreadable-file", "invalid-article", "invalid-suppression", "unused-suppression", "heading-repeats-title", "check-timeout",
    }
    for rule in rules:
        assert set(rule.docs) == {"what", "why", "example", "fix"}, rule.id
        assert rule.summary and rule.summary != rule.message, rule.id
