"""Hostile input cannot hang, crash or misdirect a run: each input is made
here by the test itself, and every other story of the run is still linted."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from linter.cli import main

STORY = "Harbor Board Backs Dredging\n\nOfficials say the work could take a year.\n"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text(STORY)


def lint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, list[tuple[str, str]]]]:
    code = main(["check", "--format", "json", *args])
    by_file: dict[str, list[tuple[str, str]]] = {}
    for finding in json.loads(capsys.readouterr().out):
        by_file.setdefault(Path(finding["path"]).name, []).append((finding["rule"], finding["message"]))
    return code, by_file


# -- special files ---------------------------------------------------------


@pytest.mark.parametrize("named", [True, False], ids=["named", "walked"])
def test_fifos_devices_and_links_to_them_are_reported_never_read(capsys: pytest.CaptureFixture[str], named: bool) -> None:
    os.mkfifo("pipe.md")  # opening it for reading would block until a writer came
    os.symlink("/dev/zero", "zero.txt")  # reading it would never end
    os.symlink("/dev/urandom", "random.md")
    code, found = lint(capsys, *(["pipe.md", "zero.txt", "random.md", "story.txt"] if named else ["."]))
    assert code == 1
    assert found["pipe.md"] == [("unreadable-file", "not a regular file (a named pipe); not read")]
    assert found["zero.txt"] == found["random.md"] == [("unreadable-file", "not a regular file (a character device); not read")]
    assert ("vague-sourcing", "Vague sourcing: “Officials say” does not say who.") in found["story.txt"]


def test_a_device_named_by_its_own_path_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, found = lint(capsys, "/dev/zero", "story.txt")
    assert found["zero"] == [("unreadable-file", "not a regular file (a character device); not read")]


def test_reading_stops_at_the_limit_whatever_the_size_said(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    Path(".copydesk.yaml").write_text("max_file_size: 1000\n")
    Path("growing.txt").write_text("Short at first.\n")
    real_read, reads = os.read, []

    def growing(handle: int, size: int) -> bytes:  # the file grows as it is read
        reads.append(size)
        return b"x" * size if len(reads) < 50 else real_read(handle, size)

    monkeypatch.setattr(os, "read", growing)
    code, found = lint(capsys, "growing.txt")
    assert found["growing.txt"] == [("unreadable-file", "file grew while it was read, above the 1,000 bytes limit (max_file_size); not linted")]
    assert sum(reads) <= 1001


def test_a_folder_that_cannot_be_listed_is_a_finding(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    Path("desk/locked").mkdir(parents=True)
    Path("desk/open.txt").write_text(STORY)
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    real_open = os.open

    def open_(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    code, found = lint(capsys, "desk")
    assert found["locked"] == [("unreadable-file", "cannot read the folder: Permission denied; its stories were not linted")]
    assert "open.txt" in found


# -- YAML anywhere is bounded ----------------------------------------------

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(8)
)
DEEP = "title: " + "[" * 500 + "]" * 500 + "\n"


@pytest.mark.parametrize(("front", "why"), [(LAUGHS, "expand to more than"), (DEEP, "nested deeper than")], ids=["laughs", "deep"])
def test_front_matter_past_a_limit_is_an_invalid_article(capsys: pytest.CaptureFixture[str], front: str, why: str) -> None:
    Path("bomb.md").write_text(f"---\n{front}---\n\nA paragraph of the story.\n")
    code, found = lint(capsys, "bomb.md", "story.txt")
    assert code == 1
    [(rule, message)] = found["bomb.md"]
    assert rule == "invalid-article" and why in message
    assert "story.txt" in found


@pytest.mark.parametrize(("text", "why"), [(LAUGHS, "expand to more than"), (DEEP, "nested deeper than")], ids=["laughs", "deep"])
def test_a_config_or_rule_file_past_a_limit_exits_2_with_its_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, why: str
) -> None:
    Path(".copydesk.yaml").write_text(text)
    assert main(["check", "story.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"copydesk: error: {tmp_path / '.copydesk.yaml'}") and why in err
    Path("house").mkdir()
    Path("house/bomb.yaml").write_text(text)
    Path(".copydesk.yaml").write_text("rules: [house]\n")
    assert main(["check", "story.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"copydesk: error: {tmp_path / 'house' / 'bomb.yaml'}") and why in err


# -- --fix stays inside the tree and within its rights ----------------------

REPEATED = "Harbor Board Backs Dredging\n\nThe board voted on Monday to dredge the north channel before the storms.\n\nThe board voted on Monday to dredge the north channel before the storms.\n"
FIXED = "Harbor Board Backs Dredging\n\nThe board voted on Monday to dredge the north channel before the storms.\n"


def test_fix_does_not_write_through_a_link_out_of_the_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(REPEATED)
    Path("desk").mkdir()
    os.symlink(outside, "desk/linked.txt")
    main(["check", "--fix", "desk"])
    assert outside.read_text() == REPEATED
    assert "desk/linked.txt: a symbolic link; --fix does not write through links" in capsys.readouterr().err


def test_a_link_swapped_in_while_the_fix_is_written_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.article.source import ChangedOnDisk, read_source, write_source

    target = tmp_path / "secret.txt"
    target.write_text("not the story\n")
    story = Path("story.txt")
    story.write_text(REPEATED)
    source = read_source(story)
    real_fsync = os.fsync

    def swap(handle: int) -> None:  # after the new text is written, before the rename
        real_fsync(handle)
        story.unlink()
        os.symlink(target, story)

    monkeypatch.setattr(os, "fsync", swap)
    with pytest.raises(ChangedOnDisk, match="replaced since it was read"):
        write_source(source, FIXED)
    assert target.read_text() == "not the story\n" and story.is_symlink()
    assert not [p for p in Path().iterdir() if p.name.endswith(".copydesk")], "no temporary file is left"


def test_fix_refuses_a_read_only_file_and_a_file_grown_past_the_limit(capsys: pytest.CaptureFixture[str]) -> None:
    from linter.article.source import NotWritten, read_source, write_source

    story = Path("story.txt")
    story.write_text(REPEATED)
    story.chmod(0o444)
    main(["check", "--fix", "story.txt"])
    assert "story.txt: read-only file; fix not written" in capsys.readouterr().err
    assert story.read_text() == REPEATED
    story.chmod(0o644)
    source = read_source(story)
    with pytest.raises(NotWritten, match="limit"):
        write_source(source, FIXED, max_bytes=50)


def test_a_second_run_never_writes_over_the_first(tmp_path: Path) -> None:
    from linter.article.source import ChangedOnDisk, read_source, write_source

    story = Path("story.txt")
    story.write_text(REPEATED)
    first, second = read_source(story), read_source(story)  # two runs read the same file
    write_source(first, FIXED)
    with pytest.raises(ChangedOnDisk):
        write_source(second, FIXED + "\nA line the second run added.\n")
    assert story.read_text() == FIXED


def test_temporary_files_of_a_killed_run_are_cleaned_unless_a_run_holds_the_story(capsys: pytest.CaptureFixture[str]) -> None:
    import fcntl

    from linter.article.source import remove_stale_temporaries

    Path("story.txt").write_text(REPEATED)
    Path(".story.txt.k1ll3d00.copydesk").write_text("half a story")
    Path(".gone.md.k1ll3d00.copydesk").write_text("its story is gone")
    with open("story.txt", "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # another run is writing story.txt now
        assert remove_stale_temporaries(Path(".")) == 1
        assert Path(".story.txt.k1ll3d00.copydesk").exists()
    main(["check", "--fix", "story.txt"])
    assert not [p for p in Path().iterdir() if p.name.endswith(".copydesk")]
    assert Path("story.txt").read_text() == FIXED


# -- output cannot be forged -------------------------------------------------


def test_the_text_report_escapes_control_characters_in_messages_and_paths(capsys: pytest.CaptureFixture[str]) -> None:
    name = "evil\n\x1b[32mok.txt"
    Path(name).write_text("Harbor Board Backs Dredging\n\nOfficials say \x1b[2J the work could take a year.\n")
    code = main(["check", "--select", "vague-sourcing", name])
    out = capsys.readouterr().out
    assert code == 1
    [line, summary] = out.splitlines()
    assert line.startswith("evil\\n\\x1b[32mok.txt:3:1: warning vague-sourcing")
    assert "\x1b" not in out


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit", "gitlab"])
def test_a_file_name_that_is_not_utf8_is_printed_escaped_in_every_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    Path(name).write_text(STORY)
    assert main(["check", "--format", fmt, name]) == 1
    expected = "caf%E9.txt" if fmt == "sarif" else "caf\\xe9.txt"
    assert expected in capsys.readouterr().out.replace("\\\\", "\\")
    assert main(["check", "--format", fmt, "--output-file", "report.out", name]) == 1
    assert expected in Path("report.out").read_text(encoding="utf-8").replace("\\\\", "\\")


# -- names registries are checked for conflicts ------------------------------

ORTIZ = "  - name: Lena M. Ortiz\n    surname: Ortiz\n    honorific: Ms.\n"
REYES = "  - name: Tomas Reyes\n    surname: Reyes\n    honorific: Mr.\n"


@pytest.mark.parametrize(
    ("registry", "message"),
    [
        ("people:\n" + ORTIZ + "    id: ortiz\n" + REYES + "    id: ortiz\n", ":6: id 'ortiz' is given twice in this registry (first on line 2)"),
        ("people:\n" + ORTIZ + ORTIZ.replace("Ms.", "Dr.") + "    id: ortiz-2\n", ":5: two people named 'Lena M. Ortiz' (the other is at"),
        ("people:\n" + ORTIZ + REYES + "    variants: [Lena M. Ortiz]\n", ":5: variant 'Lena M. Ortiz' of Tomas Reyes is the name of another person"),
    ],
    ids=["duplicate-id", "one-name-two-people", "variant-is-another-person"],
)
def test_a_registry_with_conflicts_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path, registry: str, message: str) -> None:
    Path("people.yaml").write_text(registry)
    assert main(["names", "check", "people.yaml"]) == 2
    assert capsys.readouterr().err.startswith(f"copydesk: error: people.yaml{message}")
    Path(".copydesk.yaml").write_text("names: [people.yaml]\n")
    assert main(["check", "story.txt"]) == 2
    assert capsys.readouterr().err.startswith(f"copydesk: error: {tmp_path / 'people.yaml'}{message}")


def test_a_conflict_with_a_shipped_person_is_refused_and_a_replacement_by_id_is_not(capsys: pytest.CaptureFixture[str]) -> None:
    Path("people.yaml").write_text("people:\n  - name: Vladimir V. Putin\n    surname: Putin\n    id: someone-else\n")
    assert main(["names", "check", "people.yaml"]) == 2
    assert "two people named 'Vladimir V. Putin'" in capsys.readouterr().err
    Path("people.yaml").write_text("people:\n  - name: Vladimir V. Putin\n    surname: Putin\n    honorific: Mr.\n")
    assert main(["names", "check", "people.yaml"]) == 0


# -- plugins are contained ---------------------------------------------------


def _plugin_engine(tmp_path: Path, check_body, fmt=None, packs=(), config=None):  # type: ignore[no-untyped-def]
    """An engine with a plugin whose check type runs ``check_body(self, doc)``
    (rule 'house-rule'), and optionally an input format and rule packs."""
    from linter.core.check import Check
    from linter.core.config import Config
    from linter.core.engine import Engine
    from linter.core.hookspecs import RulePack, hookimpl
    from linter.core.plugins import load_plugins

    class Misbehaving(Check):
        name = "misbehaving"
        summary = "A plugin's check."
        check = check_body

    rules = tmp_path / "plugin-rules"
    rules.mkdir(exist_ok=True)
    (rules / "house.yaml").write_text("id: house-rule\ncheck: misbehaving\nseverity: warning\nmessage: m\n")

    class HousePlugin:
        @hookimpl
        def copydesk_check_types(self):  # type: ignore[no-untyped-def]
            return [Misbehaving]

        @hookimpl
        def copydesk_rule_packs(self):  # type: ignore[no-untyped-def]
            return [RulePack("house", rules), *packs]

        @hookimpl
        def copydesk_input_formats(self):  # type: ignore[no-untyped-def]
            return [fmt] if fmt else []

    return Engine(config or Config(), load_plugins(extra=[HousePlugin()]))


def test_a_check_that_gives_what_is_not_a_finding_on_the_story_is_reported_and_left_out(tmp_path: Path) -> None:
    from linter.results.findings import Finding

    def check(self, doc):  # type: ignore[no-untyped-def]
        good = self.finding(doc, 0, 6)
        yield good
        yield "not a finding"
        yield good._replace(span=doc.span(10, 2))  # reversed
        yield Finding(doc.path, doc.span(0, 5)._replace(end=len(doc.text) + 40), "house-rule", "warning", "m")  # outside

    engine = _plugin_engine(tmp_path, check)
    problems: list[str] = []
    found = engine.lint_text(Path("story.txt"), STORY, problems)
    assert [f.rule for f in found if f.rule == "house-rule"] == ["house-rule"]
    assert "vague-sourcing" in {f.rule for f in found}
    assert problems == ["rule 'house-rule' (plugin 'HousePlugin') gave str 'not a finding' on story.txt, not a finding on it; left out"]


def test_a_format_that_raises_or_returns_garbage_spoils_only_its_story(tmp_path: Path) -> None:
    from linter.core.hookspecs import InputFormat

    def parse(path, text):  # type: ignore[no-untyped-def]
        if "raise" in text:
            raise RuntimeError("broken parser")
        return {"not": "a document"}

    engine = _plugin_engine(tmp_path, lambda self, doc: (), fmt=InputFormat("wire", (".wire",), parse))
    problems: list[str] = []
    [raised] = engine.lint_text(Path("a.wire"), "please raise", problems)
    [garbage] = engine.lint_text(Path("b.wire"), "fine", problems)
    assert raised.rule == garbage.rule == "invalid-article"
    assert raised.message == "input format 'wire' (plugin 'HousePlugin') failed: RuntimeError('broken parser')"
    assert garbage.message == "input format 'wire' (plugin 'HousePlugin') returned dict {'not': 'a document'}, not a document"
    assert "vague-sourcing" in {f.rule for f in engine.lint_text(Path("story.txt"), STORY, problems)}


def test_a_format_that_claims_a_built_in_suffix_is_reported(tmp_path: Path) -> None:
    from linter.core.hookspecs import InputFormat

    engine = _plugin_engine(tmp_path, lambda self, doc: (), fmt=InputFormat("notes", (".md",), lambda path, text: None))
    assert any("input format" in p and ".md" in p and "HousePlugin" in p for p in engine.plugins.problems)


def test_a_missing_or_broken_plugin_pack_is_left_out_and_the_run_goes_on(tmp_path: Path) -> None:
    from linter.core.hookspecs import RulePack

    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "bad.yaml").write_text("id: bad\ncheck: no-such-check\nseverity: warning\nmessage: m\n")
    packs = [RulePack("gone", tmp_path / "gone"), RulePack("broken", broken)]
    engine = _plugin_engine(tmp_path, lambda self, doc: (), packs=packs)
    notes = "\n".join(engine.load_notes)
    assert "plugin 'HousePlugin': rule pack 'gone' left out" in notes and "rule pack 'broken' left out" in notes
    assert "vague-sourcing" in {r.id for r in engine.rules} and "house-rule" in {r.id for r in engine.rules}


def test_a_python_check_caught_in_a_loop_is_stopped_by_the_story_budget(tmp_path: Path) -> None:
    from linter.core.config import Config

    def check(self, doc):  # type: ignore[no-untyped-def]
        if "loop" in doc.text:
            while True:
                pass
        return ()

    engine = _plugin_engine(tmp_path, check, config=Config(time_budget=0.3))
    problems: list[str] = []
    found = engine.lint_text(Path("slow.txt"), STORY + "\nThe loop begins.\n", problems)
    timeout = [f for f in found if f.rule == "check-timeout"]
    assert len(timeout) == 1 and "rule 'house-rule' was still running" in timeout[0].message
    assert problems == ["rule 'house-rule' ran past the time budget on slow.txt; skipped for the rest of the run"]
    assert "vague-sourcing" in {f.rule for f in engine.lint_text(Path("next.txt"), STORY + "\nThe loop again.\n", problems)}


def test_a_rules_patterns_share_one_deadline_on_a_story(monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.support import budget

    clock = [100.0]
    monkeypatch.setattr(budget, "monotonic", lambda: clock[0])
    budget.start_rule(story_deadline=1000.0)
    assert budget.time_left() == budget.RULE_SECONDS
    clock[0] += 0.75  # the rule's first patterns took 0.75 s
    assert budget.time_left() == pytest.approx(0.25)
    clock[0] += 5
    assert budget.time_left() == 0.001  # never zero: the regex module reads 0 as no timeout
    budget.start_rule(story_deadline=clock[0] + 0.2)  # the story has less left than a rule's share
    assert budget.time_left() == pytest.approx(0.2)


def test_an_archive_of_broken_records_is_indexed_once_not_once_a_record(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each broken record is a finding at its line; finding the line must not
    # index the whole file again for every record (a hang on a large file).
    from linter.core import engine

    Path("broken.jsonl").write_text("".join(f"{{broken record {n}\n" for n in range(300)))
    made = []
    real = engine.LineIndex
    monkeypatch.setattr(engine, "LineIndex", lambda text: made.append(len(text)) or real(text))
    code, found = lint(capsys, "broken.jsonl")
    assert code == 1 and len(found["broken.jsonl"]) == 300
    assert all(rule == "invalid-article" for rule, _ in found["broken.jsonl"])
    assert len(made) == 1
