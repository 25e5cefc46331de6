"""The copydesk command: output formats, exit codes, selection, config and
walking folders."""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys
from pathlib import Path

import pytest

from linter.cli import main
from linter.core.config import load_config
from conftest import EXAMPLES, run_cli

DEFECTIVE = EXAMPLES / "defective.txt"
CLEAN = EXAMPLES / "clean.md"
LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|info) (?P<rule>[a-z-]+) (?P<message>.+)$")



@pytest.fixture(autouse=True)
def no_stray_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from an empty folder so that no config of the checkout applies."""
    monkeypatch.chdir(tmp_path)


def test_defective_example_lists_every_fault_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["check", str(DEFECTIVE)], capsys)
    assert code == 1
    *lines, fixable, summary = out.splitlines()
    assert fixable == "[*] 2 fixable with `--fix`; 3 more with `--fix --unsafe-fixes`."
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    rules = {m["rule"] for m in parsed}  # type: ignore[index]
    assert rules == {
        "duplicated-headline", "repeated-paragraph", "unattributed-quote", "vague-sourcing",
        "missing-credit", "name-first-reference", "name-subsequent-reference",
    }
    assert f"{DEFECTIVE}:4:1: error duplicated-headline [*] Headline repeated; it first appears on line 2." in lines
    assert f"{DEFECTIVE}:9:1: error repeated-paragraph [*] Paragraph repeats the paragraph on line 6." in lines
    assert summary == f"Found {len(lines)} problems (2 errors, 7 warnings, 1 info) in 1 file."


def test_clean_article_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["check", str(CLEAN)], capsys) == (0, "No problems found in 1 file.\n", "")


def test_json_output_has_the_documented_fields(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["check", str(DEFECTIVE), "--format", "json"], capsys)
    assert code == 1
    findings = json.loads(out)
    assert findings and all(
        set(f) == {"path", "line", "column", "end_line", "end_column", "rule", "severity", "message", "fix"} for f in findings
    )
    repeat = next(f for f in findings if f["rule"] == "repeated-paragraph")
    assert (repeat["line"], repeat["column"], repeat["end_line"]) == (9, 1, 9)
    assert repeat["fix"]["safe"] is True
    assert repeat["fix"]["edits"][0]["replacement"] == ""
    credit = next(f for f in findings if f["rule"] == "missing-credit")
    assert credit["fix"] is None


def test_select_ignore_and_fail_on(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["check", str(DEFECTIVE), "--select", "name-*", "--format", "json"], capsys)
    assert {f["rule"] for f in json.loads(out)} == {"name-first-reference", "name-subsequent-reference"}
    code, out, _ = run_cli(["check", str(DEFECTIVE), "--ignore", "name-*,vague-sourcing", "--format", "json"], capsys)
    assert not {f["rule"] for f in json.loads(out)} & {"name-first-reference", "vague-sourcing"}
    code, out, _ = run_cli(["check", str(DEFECTIVE), "--select", "missing-credit"], capsys)
    assert code == 0, "an info finding does not fail the run by default"
    code, out, _ = run_cli(["check", str(DEFECTIVE), "--select", "missing-credit", "--fail-on", "info"], capsys)
    assert code == 1


def test_style_ap_changes_the_name_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Talks Resume in Geneva\n\nBy Ana Ruiz\n\n"
        "Vladimir Putin said on Monday that the talks would resume. Putin did not say when.\n\n"
        "Mr. Putin spoke after a meeting in Moscow.\n"
    )
    code, out, _ = run_cli(["check", str(story), "--style", "ap", "--format", "json"], capsys)
    assert [(f["rule"], f["line"], f["column"]) for f in json.loads(out)] == [("name-subsequent-reference", 7, 1)]
    code, out, _ = run_cli(["check", str(story), "--format", "json"], capsys)
    assert {(f["rule"], f["line"]) for f in json.loads(out)} == {
        ("name-first-reference", 5), ("name-subsequent-reference", 5)
    }


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["check", str(tmp_path / "missing.txt")], capsys)
    assert code == 2 and "no such file or folder" in err
    code, _, err = run_cli(["check", str(CLEAN), "--format", "yaml"], capsys)
    assert code == 2 and "unknown format 'yaml'" in err
    code, _, err = run_cli(["check", str(CLEAN), "--style", "guardian"], capsys)
    assert code == 2 and "unknown house style 'guardian'" in err
    with pytest.raises(SystemExit) as caught:
        main(["check", "--fail-on", "fatal"])
    assert caught.value.code == 2


def test_config_is_found_walking_up_and_errors_name_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    desk = tmp_path / "desk"
    (desk / "stories").mkdir(parents=True)
    story = desk / "stories" / "story.txt"
    story.write_text(DEFECTIVE.read_text())
    (desk / ".copydesk.yaml").write_text("# house settings\nignore: [missing-credit]\nseverity:\n  vague-sourcing: error\n")
    monkeypatch.chdir(desk / "stories")
    code, out, _ = run_cli(["check", "story.txt", "--format", "json"], capsys)
    findings = json.loads(out)
    assert "missing-credit" not in {f["rule"] for f in findings}
    assert {f["severity"] for f in findings if f["rule"] == "vague-sourcing"} == {"error"}

    (desk / ".copydesk.yaml").write_text("style: nyt\nfail_no: error\n")
    code, _, err = run_cli(["check", "story.txt"], capsys)
    assert code == 2
    assert err == f"copydesk: error: {desk / '.copydesk.yaml'}:2: unknown setting 'fail_no' (did you mean 'fail_on'?)\n"
    # The parsed config is cached: a second run reports the same place.
    assert run_cli(["check", "story.txt"], capsys)[2] == err


def test_pyproject_tool_table_is_a_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.copydesk]\nstyle = "ap"\nselect = ["name-*"]\n')
    (tmp_path / "story.txt").write_text("Talks Resume\n\nVladimir Putin spoke. Later, Mr. Putin left.\n")
    code, out, _ = run_cli(["check", "story.txt", "--format", "json"], capsys)
    assert [(f["rule"], f["column"]) for f in json.loads(out)] == [("name-subsequent-reference", 30)]


def test_walking_folders_skips_hidden_ignored_and_unknown_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "archive"
    for folder in ("2026", ".drafts", "node_modules", "skipped", "2026/old"):
        (root / folder).mkdir(parents=True)
    for name in ("2026/a.md", "2026/b.txt", ".drafts/c.md", "node_modules/d.md", "skipped/e.md", "2026/old/f.txt", "2026/g.py"):
        (root / name).write_text(DEFECTIVE.read_text())
    (root / ".gitignore").write_text("skipped/\n# comment\n2026/old/f.txt\n")
    code, out, _ = run_cli(["check", str(root), "--select", "duplicated-headline", "--format", "json"], capsys)
    assert sorted(Path(f["path"]).relative_to(root).as_posix() for f in json.loads(out)) == ["2026/a.md", "2026/b.txt"]


def test_unreadable_files_are_findings_not_crashes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 opens\n".encode("latin-1"))
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nBody.\n")
    code, out, _ = run_cli(["check", str(tmp_path), "--format", "json"], capsys)
    assert code == 1
    got = {(Path(f["path"]).name, f["rule"], f["message"]) for f in json.loads(out)}
    assert ("binary.txt", "unreadable-file", "binary file, not an article; not linted") in got
    assert ("latin1.txt", "unreadable-file", "not valid UTF-8 at byte 3; file not linted") in got
    assert any(name == "bad.md" and rule == "invalid-article" and "front matter" in msg for name, rule, msg in got)


def test_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["rules"], capsys)
    assert code == 0
    assert len(out.splitlines()) == 19
    assert re.search(r"^repeated-paragraph\s+core\s+error\s+A paragraph repeats", out, re.M)
    code, out, _ = run_cli(["explain", "vague-sourcing"], capsys)
    assert code == 0
    for heading in ("What it checks:", "Why:", "Example:", "Fix:"):
        assert heading in out
    code, _, err = run_cli(["explain", "vague-sorcing"], capsys)
    assert code == 2 and "did you mean 'vague-sourcing'" in err


def test_installed_command_runs_as_a_process(tmp_path: Path) -> None:
    """The console entry point, in a real process: no traceback, exit 1."""
    proc = subprocess.run(
        [sys.executable, "-m", "linter", "check", str(DEFECTIVE)], capture_output=True, text=True, cwd=tmp_path
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stdout.rstrip().endswith("in 1 file.")


# Output buffered as it is for a user (this environment may set
# PYTHONUNBUFFERED), so that a lost flush would show.
BUFFERED = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}


def test_the_command_exits_quickly_without_losing_output(tmp_path: Path) -> None:
    """The command ends the process without Python's teardown once its
    output is flushed: a report of many pages, written to a pipe, is whole."""
    for number in range(40):
        (tmp_path / f"story{number:02d}.txt").write_text(DEFECTIVE.read_text())
    proc = subprocess.run(
        [sys.executable, "-m", "linter", "check", "."], capture_output=True, text=True, cwd=tmp_path, env=BUFFERED
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert len(proc.stdout) > 16_384  # more than the stream's buffer
    assert proc.stdout.rstrip().endswith("in 40 files.")


def test_a_run_with_warm_caches_needs_neither_pyyaml_nor_openssl(tmp_path: Path) -> None:
    """Rules, registries and the config come from the cache: PyYAML (a
    quarter of the imports a run needs) and hashlib (which loads OpenSSL)
    are not imported."""
    (tmp_path / ".copydesk.yaml").write_text("packs: [newsroom]\n")
    probe = (
        "import sys\nfrom linter.cli import main\n"
        f"code = main(['check', {str(DEFECTIVE)!r}])\n"
        "print(code, sorted(m for m in ('yaml', 'hashlib', '_hashlib', 'tomllib') if m in sys.modules), file=sys.stderr)\n"
    )
    environment = {**os.environ, "COPYDESK_CACHE": str(tmp_path / "cache")}
    runs = [
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, env=environment)
        for _ in range(2)
    ]
    assert runs[0].stderr.splitlines()[-1].startswith("1 [")  # the first run parses YAML
    assert runs[1].stderr.splitlines()[-1] == "1 []"
    assert runs[1].stdout == runs[0].stdout


def test_the_collector_is_off_for_start_up_and_on_for_linting(tmp_path: Path) -> None:
    """run_cli() turns the garbage collector off; building the engine freezes
    what start-up made and turns it back on before any article is read."""
    probe = (
        "import gc, sys\nfrom linter.cli import commands as cli\nfrom linter.core import engine\n"
        "seen = []\n"
        "lint_one = engine.Engine.lint_one\n"
        "engine.Engine.lint_one = lambda self, *a, **k: seen.append((gc.isenabled(), gc.get_freeze_count() > 0)) or lint_one(self, *a, **k)\n"
        f"sys.argv = ['copydesk', 'check', {str(DEFECTIVE)!r}]\n"
        "import atexit\natexit.register(lambda: print(seen))\n"
        "cli.run()\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, env=BUFFERED)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[-1] == "[(True, True)]"  # an exit handler's output, written to a pipe, is kept


def test_the_quick_exit_waits_for_a_thread_still_working(tmp_path: Path) -> None:
    # The thread writes once the main thread has finished, that is once
    # Python's own exit has begun: it waits on that, not on the clock, so
    # the quick exit, had it not stepped aside, would have cut it off.
    probe = (
        "import threading\nfrom linter.cli import commands as cli\n"
        "real = cli.main\n"
        "def late():\n"
        "    threading.main_thread().join()\n"
        "    print('late output', flush=True)\n"
        "def main():\n"
        "    threading.Thread(target=late).start()\n"
        f"    return real(['check', {str(DEFECTIVE)!r}])\n"
        "cli.main = main\ncli.run()\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.rstrip().endswith("late output")


def test_the_command_line_leaves_the_loaded_config_as_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--select, --ignore and a .vale.ini found make the run's settings, a
    copy: the config object the file was read into is not changed."""
    from linter.cli import commands

    (tmp_path / ".copydesk.yaml").write_text("ignore: [missing-credit]\n")
    (tmp_path / ".vale.ini").write_text("MinAlertLevel = suggestion\n")
    monkeypatch.chdir(tmp_path)
    loaded: list = []
    monkeypatch.setattr(commands, "load_config", lambda path: loaded.append(load_config(path)) or loaded[-1])
    main(["check", str(DEFECTIVE), "--select", "repeated-*", "--ignore", "repeated-sentence", "--min-alert-level", "error"])
    (config,) = loaded
    assert (config.select, config.ignore, config.vale_ini) == ([], ["missing-credit"], None)
