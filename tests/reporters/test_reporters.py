"""Output formats for CI and code review: SARIF, GitHub Actions annotations,
JUnit XML and GitLab Code Quality, checked exactly on findings of fixture
stories linted through the real engine."""

from __future__ import annotations

import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from linter.core.config import Config
from linter.article.document import LineIndex
from linter.core.engine import Engine
from linter.results.run import RunResult
from linter.results.findings import Finding
from linter.core.plugins import load_plugins
from linter.core.reporter import ReportSettings, build_reporter
from linter.reporters.github import GithubReporter, escape_data, escape_property
from linter.reporters.gitlab import GitlabReporter
from linter.reporters.junit import JunitReporter
from linter import version
from linter.reporters.locations import relative_path
from linter.reporters.sarif import SarifReporter, artifact_location, fingerprints
from conftest import TESTS

HERE = TESTS
FIXTURES = HERE / "fixtures" / "reporters"
SCHEMA = HERE / "schemas" / "sarif-schema-2.1.0.json"
HARBOR = "stories/harbor_dredging.txt"
COUNCIL = "stories/council_budget.md"
CLEAN = "stories/clean_ferry.md"

# (path, rule, severity, line, column, end line, end column, the text covered)
EXPECTED = [
    (COUNCIL, "missing-credit", "info", 2, 8, 2, 54, "Council Passes Budget After Late-Night Session"),
    (COUNCIL, "unattributed-quote", "warning", 8, 1, 8, 56, "“Every week of delay costs <us> money, plain & simple,”"),
    (COUNCIL, "name-first-reference", "warning", 11, 27, 11, 39, "Donald Trump"),
    (HARBOR, "duplicated-headline", "error", 3, 1, 3, 42, "Harbor Board Delays Vote on Dredging Plan"),
    (HARBOR, "vague-sourcing", "warning", 6, 1, 6, 14, "Officials say"),
    (HARBOR, "repeated-paragraph", "error", 8, 1, 8, 167, None),  # the whole of line 8
]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Config(), load_plugins())


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@pytest.fixture
def stories(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture stories copied to ``stories/`` of a fresh working folder,
    so that paths are reported relative and the stories can be edited."""
    shutil.copytree(FIXTURES, tmp_path / "stories")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "stories"


@pytest.fixture
def result(engine: Engine, stories: Path) -> RunResult:
    run = engine.lint_paths([Path("stories")])
    assert not run.problems, run.problems
    return run


def rules_of(engine: Engine) -> dict:
    return {rule.id: rule for rule in engine.rules}


def render(reporter_class, result: RunResult, **settings) -> str:  # type: ignore[no-untyped-def]
    stream = io.StringIO()
    reporter_class(stream, ReportSettings(**settings)).report(result)
    return stream.getvalue()


def sarif(result: RunResult, **settings) -> dict:  # type: ignore[no-untyped-def]
    return json.loads(render(SarifReporter, result, **settings))


def schema_errors(schema: dict, log: dict) -> list[str]:
    """Validation errors against the official schema, with the validator its
    ``$schema`` names (draft 2020-12). ``check_schema`` is not run: the
    official file has a ``(?i)`` language pattern that Python's ``re``
    refuses, in a property copydesk never writes."""
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]


def test_the_fixture_stories_have_the_expected_findings(result: RunResult, stories: Path) -> None:
    found = [
        (f.path.as_posix(), f.rule, f.severity, f.span.line, f.span.column, f.span.end_line, f.span.end_column)
        for f in result.findings
    ]
    assert found == [row[:7] for row in EXPECTED]
    assert result.files_checked == 3
    for finding, row in zip(result.findings, EXPECTED):
        text = (stories.parent / finding.path).read_text(encoding="utf-8")
        covered = text[finding.span.start : finding.span.end]
        assert covered == (row[7] if row[7] is not None else text.splitlines()[7])


# SARIF


def test_the_schema_is_the_official_sarif_2_1_0_schema(schema: dict) -> None:
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert schema["$id"] == "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    assert len(schema["definitions"]) == 52
    assert len(SCHEMA.read_text(encoding="utf-8")) == 112785  # characters, as published


def test_sarif_log_validates_against_the_official_schema(result: RunResult, engine: Engine, schema: dict) -> None:
    for attributes in ({"rules": rules_of(engine)}, {}):
        log = sarif(result, **attributes)
        assert schema_errors(schema, log) == []
    assert schema_errors(schema, sarif(RunResult())) == []
    # The validator does reject what the schema forbids.
    log["runs"][0]["results"][0]["level"] = "fatal"
    log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    del log["runs"][0]["tool"]["driver"]["name"]
    assert len(schema_errors(schema, log)) == 3


def test_sarif_run_describes_the_tool_and_every_rule_with_a_finding(result: RunResult, engine: Engine) -> None:
    log = sarif(result, rules=rules_of(engine))
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "copydesk"
    assert driver["version"] == version() != ""
    assert "informationUri" not in driver  # no dead link: the project has no public page
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["newlineSequences"] == ["\r\n", "\r", "\n"]
    assert run["invocations"] == [{"executionSuccessful": True}]

    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted({row[1] for row in EXPECTED})
    by_id = rules_of(engine)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for descriptor in driver["rules"]:
        rule = by_id[descriptor["id"]]
        assert descriptor["shortDescription"] == {"text": rule.summary}
        assert descriptor["fullDescription"] == {"text": rule.docs["what"]}
        assert rule.docs["why"] in descriptor["help"]["text"] and rule.docs["fix"] in descriptor["help"]["markdown"]
        assert "helpUri" not in descriptor  # no docs_url in the config: no link
        assert descriptor["defaultConfiguration"] == {"level": levels[rule.severity]}


def test_sarif_results_have_levels_regions_and_consistent_rule_indexes(result: RunResult, engine: Engine, stories: Path) -> None:
    run = sarif(result, rules=rules_of(engine))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert len(run["results"]) == len(EXPECTED)
    for sarif_result, (path, rule, severity, line, column, end_line, end_column, _) in zip(run["results"], EXPECTED):
        assert sarif_result["ruleId"] == rule
        assert rules[sarif_result["ruleIndex"]]["id"] == rule
        assert sarif_result["level"] == levels[severity]
        (location,) = sarif_result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": path, "uriBaseId": "%SRCROOT%"}
        assert physical["region"] == {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}
    messages = [r["message"]["text"] for r in run["results"]]
    assert messages == [f.message for f in result.findings]
    assert "Vague sourcing: “Officials say” does not say who." in messages


def test_sarif_regions_are_character_columns_with_an_exclusive_end(result: RunResult, stories: Path) -> None:
    """Cut each region out of its file the way a SARIF viewer does (1-based
    columns counting code points, end column one past the last character)."""
    run = sarif(result)["runs"][0]
    for sarif_result, row in zip(run["results"], EXPECTED):
        physical = sarif_result["locations"][0]["physicalLocation"]
        region = physical["region"]
        lines = (stories.parent / physical["artifactLocation"]["uri"]).read_text(encoding="utf-8").split("\n")
        assert region["startLine"] == region["endLine"]
        text = lines[region["startLine"] - 1][region["startColumn"] - 1 : region["endColumn"] - 1]
        assert text == (row[7] if row[7] is not None else lines[7])


def test_sarif_fixes_replace_regions(result: RunResult, stories: Path) -> None:
    run = sarif(result)["runs"][0]
    fixes = {r["ruleId"]: r.get("fixes") for r in run["results"]}
    assert fixes["vague-sourcing"] is None and fixes["unattributed-quote"] is None
    assert fixes["name-first-reference"] == [
        {
            "description": {"text": "write 'Donald J. Trump'"},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": COUNCIL, "uriBaseId": "%SRCROOT%"},
                    "replacements": [
                        {
                            "deletedRegion": {"startLine": 11, "startColumn": 27, "endLine": 11, "endColumn": 39},
                            "insertedContent": {"text": "Donald J. Trump"},
                        }
                    ],
                }
            ],
            "properties": {"safe": False},
        }
    ]
    (headline_fix,) = fixes["duplicated-headline"]
    assert headline_fix["properties"] == {"safe": True}
    (change,) = headline_fix["artifactChanges"]
    assert change["replacements"] == [
        {"deletedRegion": {"startLine": 3, "startColumn": 1, "endLine": 4, "endColumn": 1}, "insertedContent": {"text": ""}}
    ]
    (paragraph_fix,) = fixes["repeated-paragraph"]
    # The story's last paragraph: removed with the line break before it.
    assert paragraph_fix["artifactChanges"][0]["replacements"][0]["deletedRegion"] == {
        "startLine": 7,
        "startColumn": 136,
        "endLine": 8,
        "endColumn": 167,
    }


def test_sarif_without_rule_metadata_falls_back_to_rule_ids(result: RunResult, schema: dict) -> None:
    log = sarif(result)
    for descriptor in log["runs"][0]["tool"]["driver"]["rules"]:
        assert descriptor["shortDescription"] == {"text": descriptor["id"]}
        assert "fullDescription" not in descriptor and "help" not in descriptor
        assert "helpUri" not in descriptor
    levels = {d["id"]: d["defaultConfiguration"]["level"] for d in log["runs"][0]["tool"]["driver"]["rules"]}
    assert levels == {
        "duplicated-headline": "error",
        "missing-credit": "note",
        "name-first-reference": "warning",
        "repeated-paragraph": "error",
        "unattributed-quote": "warning",
        "vague-sourcing": "warning",
    }


def test_sarif_fingerprints_survive_a_line_inserted_above(engine: Engine, stories: Path, result: RunResult) -> None:
    def prints(run: RunResult) -> dict[tuple[str, str], tuple[int, str]]:
        log = sarif(run)
        return {
            (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]): (
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
                r["partialFingerprints"]["primaryLocationLineHash"],
            )
            for r in log["runs"][0]["results"]
        }

    before = prints(result)
    assert len({fp for _, fp in before.values()}) == len(before)  # one identity per finding
    assert all(re.fullmatch("[0-9a-f]{64}", fp) for _, fp in before.values())

    harbor = stories / "harbor_dredging.txt"
    lines = harbor.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(4, "Shipping lines have pressed for a deeper channel for more than a decade.\n")
    harbor.write_text("".join(lines), encoding="utf-8")
    council = stories / "council_budget.md"
    text = council.read_text(encoding="utf-8")
    council.write_text(text.replace("---\n\n", "---\n\nThe vote was 7 to 2.\n\n", 1), encoding="utf-8")

    edited = engine.lint_paths([Path("stories")])
    after = prints(edited)
    assert after.keys() == before.keys()
    moved = {
        (COUNCIL, "missing-credit"): 0,  # the headline, in the front matter
        (COUNCIL, "unattributed-quote"): 2,
        (COUNCIL, "name-first-reference"): 2,
        (HARBOR, "duplicated-headline"): 0,
        (HARBOR, "vague-sourcing"): 1,
        (HARBOR, "repeated-paragraph"): 1,
    }
    assert after == {key: (line + moved[key], fp) for key, (line, fp) in before.items()}
    # The message of the repeat names the new line of the first paragraph;
    # the fingerprint does not depend on it.
    repeats = [f.message for f in edited.findings if f.rule == "repeated-paragraph"]
    assert repeats == ["Paragraph repeats the paragraph on line 6."]


def test_fingerprints_tell_repeated_findings_on_the_same_text_apart(engine: Engine, stories: Path) -> None:
    story = stories / "officials.txt"
    story.write_text(
        "Talks on the port contract resume\nBy Maria Lopez\n"
        "Officials say the union will return to the table on Monday.\n"
        "The operator has offered a 3% raise over two years.\n"
        "Officials say a deal could come within the week.\n",
        encoding="utf-8",
    )
    findings = [f for f in engine.lint_paths([story]).findings if f.rule == "vague-sourcing"]
    assert [f.span.line for f in findings] == [3, 5]
    first, second = fingerprints(findings)
    assert first != second
    # The same identities whatever order the findings come in.
    assert fingerprints(findings[::-1]) == [second, first]


def test_sarif_engine_findings_and_paths_outside_the_working_folder(
    engine: Engine, stories: Path, schema: dict, tmp_path_factory: pytest.TempPathFactory
) -> None:
    (stories / "wire.txt").write_bytes(b"\x00\x01binary wire feed\x00")
    run = engine.lint_paths([stories / "wire.txt"])
    (finding,) = run.findings
    assert finding.rule == "unreadable-file"
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "story notes.txt"
    outside = Finding(elsewhere, finding.span, "vague-sourcing", "warning", "Vague sourcing.", fingerprint="abc")
    run.findings.append(outside)
    run.problems.append("rule 'shouting' failed on story.txt: ValueError()")
    log = sarif(run, rules=rules_of(engine))
    assert schema_errors(schema, log) == []
    driver = log["runs"][0]["tool"]["driver"]
    unreadable = next(d for d in driver["rules"] if d["id"] == "unreadable-file")
    assert unreadable["shortDescription"]["text"].startswith("A file that cannot be read")
    assert unreadable["defaultConfiguration"] == {"level": "warning"}
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"]]
    assert locations == [{"uri": "stories/wire.txt", "uriBaseId": "%SRCROOT%"}, {"uri": elsewhere.as_uri()}]
    assert "%20" in locations[1]["uri"]
    assert log["runs"][0]["invocations"] == [
        {
            "executionSuccessful": True,
            "toolExecutionNotifications": [
                {"level": "warning", "message": {"text": "rule 'shouting' failed on story.txt: ValueError()"}}
            ],
        }
    ]


def test_paths_are_made_relative_posix_and_percent_encoded(tmp_path: Path) -> None:
    assert relative_path(Path("./stories/../stories/a.md"), tmp_path) == ("stories/a.md", True)
    assert relative_path(tmp_path / "desk" / "b.md", tmp_path) == ("desk/b.md", True)
    assert relative_path(Path("/elsewhere/c.md"), tmp_path) == ("/elsewhere/c.md", False)
    assert relative_path(Path("../up.md"), tmp_path / "desk") == ((tmp_path / "up.md").as_posix(), False)
    assert artifact_location(Path("desk/café news #1.md"), tmp_path) == {
        "uri": "desk/caf%C3%A9%20news%20%231.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert artifact_location(Path("/elsewhere/c d.md"), tmp_path) == {"uri": "file:///elsewhere/c%20d.md"}


# GitHub Actions


def test_github_annotations_exactly(result: RunResult) -> None:
    assert render(GithubReporter, result).splitlines() == [
        f"::notice file={COUNCIL},line=2,col=8,endLine=2,endColumn=54,title=missing-credit::"
        "No byline or credit line: who wrote this story?",
        f"::warning file={COUNCIL},line=8,col=1,endLine=8,endColumn=56,title=unattributed-quote::"
        "Quotation has no speaker: “Every week of delay costs <us> money, plain & simple,”",
        f"::warning file={COUNCIL},line=11,col=27,endLine=11,endColumn=39,title=name-first-reference::"
        "First reference to Donald J. Trump reads “Donald Trump”; nyt style is “Donald J. Trump”.",
        f"::error file={HARBOR},line=3,col=1,endLine=3,endColumn=42,title=duplicated-headline::"
        "Headline repeated; it first appears on line 2.",
        f"::warning file={HARBOR},line=6,col=1,endLine=6,endColumn=14,title=vague-sourcing::"
        "Vague sourcing: “Officials say” does not say who.",
        f"::error file={HARBOR},line=8,col=1,endLine=8,endColumn=167,title=repeated-paragraph::"
        "Paragraph repeats the paragraph on line 5.",
    ]
    assert render(GithubReporter, RunResult(files=clean_files(2))) == ""


def test_github_escapes_properties_and_messages() -> None:
    assert escape_data("50% off\r\nnow: a, b") == "50%25 off%0D%0Anow: a, b"
    assert escape_property("50% off\r\nnow: a, b") == "50%25 off%0D%0Anow%3A a%2C b"
    assert escape_data("%0A") == "%250A"  # % first, so an escape is never read twice
    span = LineIndex("x" * 20).span(3, 9)
    finding = Finding(Path("desk/budget, v2: final%.md"), span, "vague-sourcing", "warning", "Line one\nline two: 5%")
    run = RunResult(findings=[finding], files=[finding.path], problems=["rule 'x' failed:\nboom"])
    assert render(GithubReporter, run).splitlines() == [
        "::warning file=desk/budget%2C v2%3A final%25.md,line=1,col=4,endLine=1,endColumn=10,"
        "title=vague-sourcing::Line one%0Aline two: 5%25",
        "::warning title=copydesk::rule 'x' failed:%0Aboom",
    ]


# JUnit


def parse_junit(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def clean_files(count: int) -> list[Path]:
    return [Path(f"clean{i}.txt") for i in range(count)]


def counts(element: ET.Element) -> dict[str, str]:
    return {key: element.get(key) for key in ("tests", "failures", "errors", "skipped")}


def test_junit_has_a_suite_per_file_and_a_failing_case_per_finding(result: RunResult) -> None:
    root = parse_junit(render(JunitReporter, result))
    assert root.tag == "testsuites" and root.get("name") == "copydesk"
    assert counts(root) == {"tests": "7", "failures": "6", "errors": "0", "skipped": "0"}
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [CLEAN, COUNCIL, HARBOR]
    for suite in suites:
        cases = suite.findall("testcase")
        assert suite.get("tests") == str(len(cases))
        assert suite.get("failures") == str(sum(1 for c in cases if c.find("failure") is not None))
    cases = [c for s in suites[1:] for c in s.findall("testcase")]
    assert [(c.get("classname"), c.get("name"), c.get("line")) for c in cases] == [
        (path, rule, str(line)) for path, rule, _, line, *_ in EXPECTED
    ]
    for case, finding in zip(cases, result.findings):
        failure = case.find("failure")
        assert failure.get("message") == finding.message  # escaped and read back intact
        assert failure.get("type") == finding.rule
        assert failure.text.startswith(f"{finding.path.as_posix()}:{finding.span.line}:{finding.span.column}: ")
    quote = cases[1].find("failure")
    assert "<us> money, plain & simple" in quote.get("message") and "<us>" in quote.text
    assert cases[3].find("failure").text.endswith("\nsafe fix: remove the repeat of the headline on line 2")
    # A clean file is a suite of its own with one passing case.
    assert counts(suites[0]) == {"tests": "1", "failures": "0", "errors": "0", "skipped": "0"}
    (clean,) = suites[0].findall("testcase")
    assert (clean.get("name"), clean.get("classname"), clean.get("file"), list(clean)) == ("all rules", CLEAN, CLEAN, [])


def test_junit_fail_on_leaves_lesser_findings_passing(result: RunResult) -> None:
    root = parse_junit(render(JunitReporter, result, fail_on="warning"))
    assert counts(root) == {"tests": "7", "failures": "5", "errors": "0", "skipped": "0"}
    council = root.findall("testsuite")[1]
    assert counts(council) == {"tests": "3", "failures": "2", "errors": "0", "skipped": "0"}
    credit = council.find("testcase")
    assert credit.get("name") == "missing-credit" and credit.find("failure") is None
    assert "info missing-credit" in credit.find("system-out").text
    root = parse_junit(render(JunitReporter, result, fail_on="error"))
    assert root.get("failures") == "2"


def test_junit_escapes_what_xml_cannot_carry_and_reports_problems() -> None:
    span = LineIndex("abcdef").span(0, 3)
    message = 'Quote “a <b> & \'c\' "d"” \x0c\x00 end\nsecond line'
    finding = Finding(Path("desk/a&b <c>.txt"), span, "unattributed-quote", "warning", message)
    run = RunResult(findings=[finding], files=[finding.path], problems=["plugin 'x' failed: <boom> & \x1b"])
    root = parse_junit(render(JunitReporter, run))
    assert counts(root) == {"tests": "2", "failures": "1", "errors": "1", "skipped": "0"}
    suite, problems = root.findall("testsuite")
    assert suite.get("name") == "desk/a&b <c>.txt"
    failure = suite.find("testcase/failure")
    assert failure.get("message") == 'Quote “a <b> & \'c\' "d"” \ufffd\ufffd end\nsecond line'
    assert problems.get("name") == "copydesk" and problems.get("errors") == "1"
    error = problems.find("testcase/error")
    assert error.get("message") == "plugin 'x' failed: <boom> & \ufffd"


def test_junit_of_an_empty_run() -> None:
    root = parse_junit(render(JunitReporter, RunResult()))
    assert counts(root) == {"tests": "0", "failures": "0", "errors": "0", "skipped": "0"}
    assert root.findall("testsuite") == []
    root = parse_junit(render(JunitReporter, RunResult(files=clean_files(2))))
    assert [s.get("name") for s in root] == ["clean0.txt", "clean1.txt"]


# GitLab Code Quality


def test_gitlab_code_quality_report(result: RunResult) -> None:
    issues = json.loads(render(GitlabReporter, result))
    severities = {"info": "info", "warning": "minor", "error": "major"}
    assert [
        (i["check_name"], i["severity"], i["location"]["path"], i["location"]["lines"]["begin"], i["location"]["lines"]["end"])
        for i in issues
    ] == [(rule, severities[severity], path, line, end_line) for path, rule, severity, line, _, end_line, *_ in EXPECTED]
    assert [i["description"] for i in issues] == [f.message for f in result.findings]
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert set(issue["location"]) == {"path", "lines"}
    prints = [i["fingerprint"] for i in issues]
    assert len(set(prints)) == len(prints)
    # The same identities as in the SARIF log.
    log = sarif(result)
    assert prints == [r["partialFingerprints"]["primaryLocationLineHash"] for r in log["runs"][0]["results"]]
    assert json.loads(render(GitlabReporter, RunResult(files=clean_files(3)))) == []


def test_gitlab_lines_end_before_a_line_break_the_span_stops_after() -> None:
    index = LineIndex("one\ntwo\nthree\n")
    whole_line = Finding(Path("a.txt"), index.span(4, 8), "repeated-paragraph", "error", "Repeat.")
    two_lines = Finding(Path("a.txt"), index.span(0, 9), "repeated-paragraph", "error", "Repeat.")
    issues = json.loads(render(GitlabReporter, RunResult(findings=[whole_line, two_lines], files=[whole_line.path])))
    assert [i["location"]["lines"] for i in issues] == [{"begin": 2, "end": 2}, {"begin": 1, "end": 3}]


# Every registered format


def test_every_registered_format_reports_empty_and_full_runs(result: RunResult, engine: Engine) -> None:
    reporters = load_plugins().reporters
    assert {"text", "json", "sarif", "github", "junit", "gitlab"} <= set(reporters)
    with_problems = RunResult(findings=list(result.findings), files=clean_files(3), problems=["rule 'x' failed: boom"])
    for name, spec in reporters.items():
        for run in (RunResult(), RunResult(files=clean_files(4)), result, with_problems):
            for rules in (None, rules_of(engine)):
                stream = io.StringIO()
                spec.load()(stream, ReportSettings(rules=rules or {})).report(run)
                output = stream.getvalue()
                if run.findings:
                    assert output, name
                if name in ("json", "sarif", "gitlab"):
                    json.loads(output)
                elif name == "junit":
                    parse_junit(output)


def test_sarif_links_each_rule_to_the_configured_docs(result: RunResult, schema: dict) -> None:
    log = sarif(result, docs_url="https://desk.example.org/copydesk/{rule}.html")
    assert not schema_errors(schema, log)
    for descriptor in log["runs"][0]["tool"]["driver"]["rules"]:
        assert descriptor["helpUri"] == f"https://desk.example.org/copydesk/{descriptor['id']}.html"


def test_a_reporter_is_built_with_its_settings_and_an_old_style_one_is_given_them(result: RunResult) -> None:
    """Reporters take their settings when built; a plugin's reporter
    written for (stream) alone still gets them, as attributes."""
    from linter.core.reporter import Reporter

    class OldStyle(Reporter):
        def __init__(self, stream) -> None:  # type: ignore[no-untyped-def]
            self.stream = stream

        def report(self, run: RunResult) -> None:
            self.stream.write(f"{self.fail_on} {sorted(self.rules)} {self.unsafe_fixes}")

    settings = ReportSettings(rules={"a": None}, fail_on="error", unsafe_fixes=True)  # type: ignore[dict-item]
    stream = io.StringIO()
    build_reporter(OldStyle, stream, settings).report(result)
    assert stream.getvalue() == "error ['a'] True"
    built = build_reporter(JunitReporter, io.StringIO(), settings)
    assert built.settings is settings and built.fail_on == "error"
