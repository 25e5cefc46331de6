"""``python -m benchmarks.vale_conformance VALE_TESTDATA``: Vale's own
scenarios run through copydesk.

VALE_TESTDATA is Vale's ``testdata/`` folder (``../shared/vale-conformance``),
read in place. Each scenario of ``features/*.feature`` names a fixture
folder, the command Vale runs there (see ``features/steps.rb``) and the
exact output Vale gives (``file:line:col:Style.Rule:message`` lines). The
runner lints the same files with copydesk in the same folder, so copydesk
finds the configuration itself, prints copydesk's findings of Vale rules in
Vale's form and compares them line by line: a scenario *matches* (the same
lines; for a scenario that asks only that the output contain some lines,
those lines are there), is *partial* (some expected lines found) or a
*mismatch* (none, or some where none are expected).

Only scenarios on Markdown, plain text and HTML count: every expected line
is on such a file and every file named on the command line is one. A
scenario whose command copydesk has no counterpart for (``fix``, ``sync``,
no counterpart) counts, as a mismatch; one that
expects an error message instead of findings is listed but not counted.

Scenarios that write files (``Given a file named``) run in a temporary
folder standing where Vale's runs stand (``testdata/tmp/aruba``), beside
links to the testdata's folders, so nothing is written into the testdata.

It also loads every style folder of ``styles/`` on its own and says which
stop the run.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shlex
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from linter.core.engine import Engine
    from linter.results.run import RunResult

IN_SCOPE = (".md", ".markdown", ".txt", ".html", ".htm")
# step text -> (folder relative to the run's folder, vale arguments; {0}, {1} the step's values).
# A story Vale reads from standard input is given by the runner's own --stdin-file (a file piped in)
# or --stdin-text (a string Vale is given as its argument), with Vale's --ext naming its format.
STEPS: list[tuple[str, str | None, str]] = [
    (r'I run command "(.*)"', "../../fixtures/formats", "{0}"),
    (r'I sync pkg "(.*)"', "../../fixtures/pkg/{0}", "test.md"),  # copydesk reads local packages itself
    (r'I fix "(.*)"', None, ""),
    (r'I use filter "(.*)"', "../../fixtures/filters", '--filter="filter/{0}.expr" .'),
    (r'I lint simple "(.*)"', "../../fixtures/formats", "--ignore-syntax {0}"),
    (r'I lint path with exclusions', "../../fixtures/folders", "."),
    (r'I lint path "(.*)"', "../../fixtures/formats/{0}", "."),
    (r'I lint Sphinx "(.*)"', "../../fixtures/formats/Sphinx", "{0}"),
    (r'I test template "(.*)"', "../../fixtures/templates", "--output='{0}' ."),
    (r'I lint AsciiDoc "(.*)"', "../../fixtures/formats/adoc", "{0}"),
    (r'I lint reStructuredText "(.*)"', "../../fixtures/formats/rst", "{0}"),
    (r'I lint file "([^\s]+)" as "([^\s]+)"', "../../fixtures/formats", "--ext='{1}' {0}"),
    (r'I lint with config "(.*)"', "../../fixtures/formats", "--config='{0}' test.md"),
    (r'I lint "(.*)"', "../../fixtures/formats", "{0}"),
    (r'I test comments for "(.*)"', "../../fixtures/comments", "test{0}"),
    (r'I test patterns for "(.*)"', "../../fixtures/patterns", "{0}"),
    (r'I test plugins for "(.*)"', "../../fixtures/plugins", "{0}"),
    (r'I test scope "(.*)"', "../../fixtures/scopes/{0}", "."),
    (r'I apply style "(.*)"', "../../fixtures/styles/{0}", "."),
    (r'I use Vocab "(.*)"', "../../fixtures/vocab/{0}", "."),
    (r'I test glob "(.*)"', "../../fixtures/formats", "--glob='{0}' ."),
    (r'I test dir glob "(.*)"', "../../fixtures/glob", "--glob='{0}' ."),
    (r'I test "(.*)"', "../../fixtures/{0}", "."),
    (r'I inspect "(.*)"', None, ""),
    (r'I run vale "(.*)"', ".", "{0}"),
    (r'I assign minAlertLevel "([^\s]+)" "([^\s]+)"', ".", "--minAlertLevel='{0}' {1}"),
    (r'I inherit from "([^\s]+)" "([^\s]+)"', "{0}", "--mode-compat --config='{1}' test.md"),
    (r'I check inherited config "(.*)"', "../../fixtures/configs", "--mode-compat --config='{0}' dc"),
    (r'I overwrite sources "(.*)"', "../../fixtures/configs", "--sources='{0}' test.md"),
    (r'I inherit sources "(.*)"', "../../fixtures/configs", "--sources='{0}' test.md"),
    (r'I run cat "([^\s]+)" "([^\s]+)"', "../../fixtures/formats", "--stdin-file={0} --ext={1}"),
    (r'I lint string "(.*)"', "../../fixtures/formats", "--stdin-text={0} --ext=.txt"),
]
# Vale's options copydesk has a counterpart for; any other makes the scenario unsupported
SUPPORTED_OPTIONS = ("--config", "--minAlertLevel", "--filter", "--stdin-file", "--stdin-text", "--ext", "--glob", "--ignore-syntax", "--output")
FINDING_LINE = regex.compile(r"^[^:\s][^:]*:\d+:\d+:[^:]+:")


@dataclass
class Scenario:
    feature: str
    name: str
    files: dict[str, str] = field(default_factory=dict)  # written into the run's folder first
    step: str = ""
    expected: list[str] = field(default_factory=list)
    exactly: bool = False  # "should contain exactly"; a scenario that asks only for absent text sets neither
    absent: list[str] = field(default_factory=list)  # "should not contain"

    @property
    def title(self) -> str:
        return f"{self.feature}: {self.name}"


def parse_features(folder: Path) -> list[Scenario]:
    """Every scenario of the feature files, Background files included."""
    scenarios: list[Scenario] = []
    for path in sorted(folder.glob("*.feature")):
        background: dict[str, str] = {}
        current: Scenario | None = None
        lines = path.read_text(encoding="utf-8").splitlines()
        index = 0
        while index < len(lines):
            line = lines[index].strip()
            index += 1
            if line.startswith("#") or not line:
                continue
            block: list[str] | None = None
            if index < len(lines) and lines[index].strip() == '"""':
                indent = len(lines[index]) - len(lines[index].lstrip())
                end = index + 1
                while lines[end].strip() != '"""':
                    end += 1
                block = [raw[indent:] for raw in lines[index + 1 : end]]
                index = end + 1
            if line.startswith("Scenario:"):
                current = Scenario(path.stem, line.removeprefix("Scenario:").strip(), dict(background))
                scenarios.append(current)
                continue
            words = regex.match(r'(?:Given|When|Then|And|But)\s+(.*)', line)
            if not words:
                continue
            step = words.group(1)
            named = regex.match(r'a file named "(.*)" with:', step)
            if named and block is not None:
                (current.files if current else background)[named.group(1)] = "\n".join(block) + "\n"
            elif current is None:
                continue
            elif step.startswith("the output should contain") and block is not None:
                current.expected = [b for b in block if b.strip()]
                current.exactly = "exactly" in step
            elif step.startswith("the output should not contain"):
                current.absent.append(regex.search(r'"(.*)"', step).group(1))
            elif step.startswith("I "):
                current.step = step
    return scenarios


def command(scenario: Scenario) -> tuple[str | None, list[str]] | None:
    """The folder (relative to the run's folder) and Vale's arguments of a
    scenario; None for a step the runner does not know, a folder of None for
    a command copydesk has no counterpart for."""
    for pattern, folder, arguments in STEPS:
        found = regex.fullmatch(pattern, scenario.step)
        if found:
            values = found.groups()
            return (folder.format(*values) if folder else None), shlex.split(arguments.format(*values))
    return None


def in_scope(scenario: Scenario, arguments: list[str]) -> bool:
    """Whether the scenario is on Markdown, plain text or HTML."""
    targets = [a for a in arguments if not a.startswith("-") and a != "."]
    names = [line.split(":", 1)[0] for line in scenario.expected] + targets
    if not names and "." in arguments:
        return True
    return bool(names) and all(Path(name).suffix.lower() in IN_SCOPE for name in names)


def run_copydesk(folder: Path, arguments: list[str]) -> list[str]:
    """copydesk's findings of Vale rules, in Vale's ``--output=line
    --sort --relative`` form, linting in ``folder`` as Vale would."""
    from linter.core.config import find_config, load_config
    from linter.core.engine import Engine
    from linter.core.plugins import load_plugins
    from linter.core import vale_filter, valeini

    options = dict(a.split("=", 1) for a in arguments if a.startswith("--") and "=" in a)
    targets = [Path(a) for a in arguments if not a.startswith("-")]
    previous = Path.cwd()
    os.chdir(folder)
    try:
        config = load_config(find_config(Path.cwd()))
        config.vale_ini = valeini.near(Path.cwd(), Path(options["--config"]) if "--config" in options else None)
        if config.vale_ini and "--minAlertLevel" in options:
            config.vale_ini.min_alert_level = options["--minAlertLevel"]
        if "--ignore-syntax" in arguments:  # every file read as plain text: copydesk's --read-as text
            config.read_as = "text"
        if "--glob" in options:  # a negated one (see run_scenario): copydesk's --exclude
            config.exclude += valeini.expand_braces(options["--glob"].removeprefix("!"))
        if config.vale_ini and "--filter" in options:
            config.vale_ini.filter = vale_filter.read(options["--filter"])  # copydesk's --vale-filter
        engine = Engine(config, load_plugins())
        names = engine.vale_names
        if "--stdin-file" in options or "--stdin-text" in options:
            result = _lint_stdin(engine, options)
        else:
            result = engine.lint_paths(targets)
        if "--output" in options:  # a Vale output template: copydesk's --vale-output
            return _through_template(engine, result, options["--output"])
    finally:
        os.chdir(previous)
    lines = []
    for finding in result.findings:
        if finding.rule in names:
            path = os.path.relpath(finding.path, folder) if finding.path.is_absolute() else str(finding.path)
            lines.append((path, finding.span.line, finding.span.column, names[finding.rule], finding.message))
    return [f"{p}:{line}:{column}:{rule}:{message}" for p, line, column, rule, message in sorted(set(lines))]


def _through_template(engine: "Engine", result: "RunResult", name: str) -> list[str]:
    """The lines copydesk's vale-template reporter writes of the Vale
    rules' findings through the template ``name``."""
    from linter.cli.commands import _vale_template
    from linter.core.reporter import ReportSettings
    from linter.reporters.vale_template import ValeTemplateReporter

    template = _vale_template(name, engine.config.vale_ini)
    if template is None:
        raise FileNotFoundError(name)
    result.findings = [f for f in result.findings if f.rule in engine.vale_names]
    out = io.StringIO()
    ValeTemplateReporter(out, ReportSettings(rules={r.id: r for r in engine.rules}, template=template)).report(result)
    return [line for line in out.getvalue().splitlines() if line.strip()]


def _lint_stdin(engine: "Engine", options: dict[str, str]) -> "RunResult":
    """The story Vale would read from standard input, read by copydesk's
    ``check -`` with ``--stdin-filename stdin.EXT`` (Vale's name for it)."""
    from linter.cli.stdin import lint_stdin

    if "--stdin-file" in options:
        data = Path(options["--stdin-file"]).read_bytes()
    else:
        data = options["--stdin-text"].encode("utf-8")
    result, _ = lint_stdin(engine, io.BytesIO(data), Path("stdin" + options["--ext"]), fix=False, unsafe=False)
    return result


@dataclass
class Outcome:
    scenario: Scenario
    verdict: str  # match, partial, mismatch, unsupported, error-output, not-in-scope
    got: list[str] = field(default_factory=list)
    note: str = ""


def judge(scenario: Scenario, got: list[str]) -> str:
    expected = scenario.expected
    if any(text in line for text in scenario.absent for line in got):
        return "mismatch"
    if scenario.exactly:
        if got == expected:
            return "match"
    elif all(line in got for line in expected):
        return "match"
    found = [line for line in expected if line in got]
    return "partial" if found else "mismatch"


def run_scenario(testdata: Path, scenario: Scenario) -> Outcome:
    parsed = command(scenario)
    if parsed is None:
        return Outcome(scenario, "not-in-scope", note=f"unknown step: {scenario.step}")
    folder, arguments = parsed
    if any(not FINDING_LINE.match(line) for line in scenario.expected):
        return Outcome(scenario, "error-output", note="expects an error message, not findings")
    if not in_scope(scenario, arguments):
        return Outcome(scenario, "not-in-scope")
    if folder is None:
        return Outcome(scenario, "unsupported", note=f"no counterpart for: {scenario.step}")
    unsupported = [a for a in arguments if a.startswith("-") and a.split("=", 1)[0] not in SUPPORTED_OPTIONS]
    unsupported += [a for a in arguments if a.startswith("--glob=") and not a.startswith("--glob=!")]  # only a negated one
    if unsupported:
        return Outcome(scenario, "unsupported", note=f"options {unsupported}")
    with tempfile.TemporaryDirectory(prefix="vale-conformance-") as temporary:
        root = Path(temporary)
        for entry in testdata.iterdir():
            (root / entry.name).symlink_to(entry.resolve())
        run_folder = root / "tmp" / "aruba"
        run_folder.mkdir(parents=True)
        for name, text in scenario.files.items():
            (run_folder / name).parent.mkdir(parents=True, exist_ok=True)
            (run_folder / name).write_text(text, encoding="utf-8")
        where = run_folder / folder
        if not where.is_dir():
            return Outcome(scenario, "mismatch", note=f"no folder {folder}")
        try:
            with contextlib.redirect_stderr(io.StringIO()):
                got = run_copydesk(where, arguments)
        except Exception as error:  # a run that stops is the scenario's result, not the runner's end
            return Outcome(scenario, "mismatch", note=f"copydesk stopped: {error}")
    return Outcome(scenario, judge(scenario, got), got)


def aborting_styles(testdata: Path) -> list[str]:
    """The style folders of ``styles/`` that stop a run when loaded."""
    from linter.core.config import Config
    from linter.core.engine import Engine
    from linter.support.errors import ConfigError
    from linter.core.plugins import load_plugins

    aborting = []
    plugins = load_plugins()
    for folder in sorted(p for p in (testdata / "styles").iterdir() if p.is_dir()):
        try:
            Engine(Config(vale=[folder]), plugins)
        except (ConfigError, ValueError) as error:
            aborting.append(f"{folder.name}: {error}")
    return aborting


def run(testdata: Path) -> tuple[list[Outcome], list[str]]:
    outcomes = [run_scenario(testdata, s) for s in parse_features(testdata / "features")]
    return outcomes, aborting_styles(testdata)


COUNTED = ("match", "partial", "mismatch", "unsupported")


def match_rate(outcomes: list[Outcome]) -> tuple[int, int]:
    counted = [o for o in outcomes if o.verdict in COUNTED]
    return sum(o.verdict == "match" for o in counted), len(counted)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.vale_conformance", description=__doc__.split("\n\n")[0])
    parser.add_argument("testdata", type=Path, help="Vale's testdata folder (../shared/vale-conformance)")
    parser.add_argument("--show", action="store_true", help="print the lines of each scenario that does not match")
    args = parser.parse_args(argv)
    outcomes, aborting = run(args.testdata.resolve())
    for outcome in outcomes:
        print(f"{outcome.verdict:13} {outcome.scenario.title}" + (f"  ({outcome.note})" if outcome.note else ""))
        if args.show and outcome.verdict in ("partial", "mismatch"):
            for line in outcome.scenario.expected:
                print(f"    {'  ' if line in outcome.got else '- '}{line}")
            for line in outcome.got:
                if line not in outcome.scenario.expected:
                    print(f"    + {line}")
    matched, counted = match_rate(outcomes)
    verdicts = [o.verdict for o in outcomes]
    print()
    print(", ".join(f"{verdicts.count(v)} {v}" for v in (*COUNTED, "error-output", "not-in-scope")))
    print(f"Markdown, plain text and HTML scenarios matching Vale: {matched} of {counted} ({matched / max(counted, 1):.0%})")
    styles = len([p for p in (args.testdata / "styles").iterdir() if p.is_dir()])
    print(f"style folders that stop a run: {len(aborting)} of {styles}")
    for line in aborting:
        print(f"    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
