"""An adversarial suite: hypothesis makes hostile articles, configs, rule
files and plugin behaviours, and every run must keep copydesk's promise:
no traceback, exit code 0, 1 or 2 with its documented meaning, every other
story's findings still reported, memory bounded.

CI runs a few dozen examples of each; a longer run is

    COPYDESK_ADVERSARIAL_EXAMPLES=2000 python -m pytest tests/test_adversarial.py
"""

from __future__ import annotations

import json
import os
import resource
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.cli import main
from linter.results.findings import SEVERITIES, severity_rank

EXAMPLES = int(os.environ.get("COPYDESK_ADVERSARIAL_EXAMPLES", "25"))
RUN = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
MEMORY_LIMIT_KB = 2 * 1024 * 1024  # the whole test process, peak resident

# The story every run also lints: whatever else the run holds, its finding
# must be reported.
SENTINEL = "Harbor Board Backs Dredging\n\nOfficials say the work could take a year, the board said.\n"
SENTINEL_RULE = "vague-sourcing"

# -- hostile pieces ----------------------------------------------------------

MARKS = ["\"", "“", "”", "''", "``", "‘", "’", "«", "»", "'", "—", "-- ", "\u202e", "\x1b[2J", "\x00", "\r", "\u2028"]
NASTY_YAML = [
    "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
    "title: " + "[" * 400 + "]" * 400 + "\n",
    "title: " + "{a: " * 300 + "1" + "}" * 300 + "\n",
    "title: !!python/object/apply:os.system ['echo pwned']\n",
    "title: &x [*x]\n",
    "title: 'unclosed\n",
    "- just\n- a list\n",
    "title: 1e999999\nauthor: 0x" + "f" * 400 + "\n",
    "title:\n  - [a, b]\n  - {c: d}\nbyline: [1, 2, {x: y}]\n",
    "? [complex, key]\n: value\n",
    "title: \"\\ud800\"\n",
]
words = st.sampled_from(
    ["the", "board", "said", "Officials say", "Mr. Ortiz", "Lena Ortiz", "according to sources", "a senior official said",
     "Putin", "Vladimir Putin", "\n", "\n\n", "# ", "---\n", "<!-- copydesk-disable -->", "[copydesk-disable-next-line x]",
     "```\n", ":", ";", ".", "  ", "\t"]
)
text_piece = st.one_of(words, st.sampled_from(MARKS), st.text(max_size=12))
article_text = st.lists(text_piece, max_size=60).map("".join)


@st.composite
def hostile_article(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file name and the bytes of a hostile article."""
    suffix = draw(st.sampled_from([".md", ".txt", ".markdown", ".html", ".jsonl", ".json"]))
    name = draw(st.sampled_from(["story", "caf\udce9", "line\nbreak", "esc\x1b[31m", "sp ace", "dash-", "ünï"])) + suffix
    kind = draw(st.sampled_from(["text", "front-matter", "bytes", "bom", "long-line", "many-quotes", "markup", "records"]))
    if kind == "markup":  # tags left open, entities, scripts, nesting
        pieces = st.sampled_from(["<p>", "</p>", "<article>", "<h1>", "</h1>", "<blockquote>", "<script>", "&#8217;",
                                  "&bogus;", "&#99999999;", "<!--", "-->", "<meta name=author content=", "<", ">", "\"'"])
        data = "".join(draw(st.lists(st.one_of(pieces, text_piece), max_size=80))).encode("utf-8", "surrogatepass")
    elif kind == "records":  # JSON lines, some broken, some not objects
        record = st.one_of(
            st.builds(lambda h, b: json.dumps({"title": h, "body": b}), st.text(max_size=20), article_text),
            st.sampled_from(["{", "[]", "null", "1e999", '{"body": 7}', '{"body": "x", "title": ["a"]}', '"\\ud800"']),
        )
        data = "\n".join(draw(st.lists(record, max_size=8))).encode("utf-8", "surrogatepass")
    elif kind == "front-matter":
        body = "---\n" + draw(st.sampled_from(NASTY_YAML)) + "---\n\n" + draw(article_text)
        data = body.encode("utf-8", "surrogatepass")
    elif kind == "bytes":
        data = draw(st.binary(max_size=400))
    elif kind == "bom":
        data = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])) + draw(article_text).encode(
            draw(st.sampled_from(["utf-8", "utf-16-le", "latin-1"])), "replace"
        )
    elif kind == "long-line":
        data = (draw(article_text) * draw(st.integers(50, 400))).replace("\n", " ").encode("utf-8", "surrogatepass")
    elif kind == "many-quotes":
        data = (draw(st.sampled_from(MARKS)) * draw(st.integers(100, 3000)) + draw(article_text)).encode("utf-8", "surrogatepass")
    else:
        data = draw(article_text).encode("utf-8", "surrogatepass")
    return name, data


def _json_value(depth: int = 2) -> st.SearchStrategy[Any]:
    leaf = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**12), st.floats(allow_nan=True), st.text(max_size=20))
    return st.recursive(leaf, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)), max_leaves=6)


CONFIG_KEYS = ["style", "fail_on", "select", "ignore", "severity", "packs", "rules", "names", "include", "exclude",
               "styles", "per_file_ignores", "max_file_size", "time_budget", "strict_files", "styles_by_path", "fail_no"]
GOOD_VALUES = {
    "style": st.sampled_from(["nyt", "ap", "british", "gazette"]),
    "fail_on": st.sampled_from([*SEVERITIES, "fatal"]),
    "select": st.lists(st.sampled_from(["vague-sourcing", "name-*", "nme-*", "*", "unattributed-quote"]), max_size=3),
    "ignore": st.lists(st.sampled_from(["missing-credit", "vague-sorcing", "newsroom-*", "repeated-*"]), max_size=3),
    "severity": st.dictionaries(st.sampled_from(["vague-sourcing", "missing-credit", "bogus"]), st.sampled_from([*SEVERITIES, "loud"]), max_size=2),
    "max_file_size": st.sampled_from([1, 100, 10**7, -1, 0]),
    "time_budget": st.sampled_from([0.5, 10, 0, -3, 10**9]),
}


@st.composite
def hostile_config(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        return draw(st.sampled_from(NASTY_YAML))
    config: dict[str, Any] = {}
    for key in draw(st.lists(st.sampled_from(CONFIG_KEYS), max_size=4, unique=True)):
        config[key] = draw(GOOD_VALUES.get(key, _json_value()))
    return json.dumps(config)  # JSON is YAML


PATTERNS = ["(?:a|aa)+(?:a|aa)+(?:a|aa)+b", "(unclosed", "\\p{Bogus}", "x{99999}", "(?i)officials?", "a" * 300, "(?<=a+)b", ""]


@st.composite
def hostile_rule(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 4)) == 0:
        return draw(st.sampled_from(NASTY_YAML))
    rule: dict[str, Any] = {
        "id": draw(st.sampled_from(["house-rule", "House Rule", "vague-sourcing", ""])),
        "check": draw(st.sampled_from(["existence", "substitution", "occurrence", "repetition", "anonymous-source", "no-such-check"])),
        "severity": draw(st.sampled_from([*SEVERITIES, "loud"])),
        "message": draw(st.sampled_from(["m {match}", "{nope}", "{", "ok"])),
    }
    for key in draw(st.lists(st.sampled_from(["tokens", "swap", "token", "max", "sources", "reasons", "scope", "bogus"]), max_size=3)):
        rule[key] = draw(st.one_of(st.sampled_from(PATTERNS), st.lists(st.sampled_from(PATTERNS), max_size=3),
                                   st.dictionaries(st.sampled_from(PATTERNS), st.sampled_from(["x", ""]), max_size=2), _json_value()))
    return json.dumps(rule)


# -- the promise ---------------------------------------------------------------


def _run(folder: Path, *args: str) -> tuple[int, list[dict[str, Any]], str]:
    """Run the command in ``folder`` as a user would; return its exit code,
    its findings and its standard error."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check", "--format", "json", "--jobs", "1", *args])
    finally:
        os.chdir(cwd)
    findings = json.loads(out.getvalue()) if code in (0, 1) else []
    return code, findings, err.getvalue()


def _keeps_the_promise(code: int, findings: list[dict[str, Any]], err: str, fail_on: str = "warning") -> None:
    assert code in (0, 1, 2), code
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith("copydesk: error: "), err
        return
    failing = any(severity_rank(f["severity"]) >= severity_rank(fail_on) for f in findings)
    assert code == (1 if failing else 0)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < MEMORY_LIMIT_KB


@RUN
@given(st.lists(hostile_article(), min_size=1, max_size=4))
def test_hostile_articles_never_stop_the_run(articles: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "sentinel.txt").write_text(SENTINEL)
        for number, (name, data) in enumerate(articles):
            (root / f"{number}-{name}").write_bytes(data)
        code, findings, err = _run(root, ".")
        _keeps_the_promise(code, findings, err)
        assert code == 1
        assert any(f["path"].endswith("sentinel.txt") and f["rule"] == SENTINEL_RULE for f in findings)
        # --fix on the same files keeps the promise, and is idempotent.
        code, _, err = _run(root, "--fix", ".")
        assert code in (0, 1) and "Traceback" not in err
        before = {p.name: p.read_bytes() for p in root.iterdir() if p.is_file()}
        _run(root, "--fix", ".")
        assert {p.name: p.read_bytes() for p in root.iterdir() if p.is_file()} == before


@RUN
@given(hostile_config())
def test_hostile_configs_exit_2_or_lint_every_story(config: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / ".copydesk.yaml").write_text(config, encoding="utf-8", errors="surrogatepass")
        (root / "sentinel.txt").write_text(SENTINEL)
        code, findings, err = _run(root, "sentinel.txt")
        try:
            fail_on = json.loads(config).get("fail_on", "warning")
        except (ValueError, AttributeError):
            fail_on = "warning"
        _keeps_the_promise(code, findings, err, fail_on if fail_on in SEVERITIES else "warning")


@RUN
@given(st.lists(hostile_rule(), min_size=1, max_size=3))
def test_hostile_rule_files_exit_2_with_their_place_or_run(rules: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "house").mkdir()
        for number, rule in enumerate(rules):
            (root / "house" / f"rule-{number}.yaml").write_text(rule)
        (root / ".copydesk.yaml").write_text("rules: [house]\ntime_budget: 2\n")
        (root / "sentinel.txt").write_text(SENTINEL)
        code, findings, err = _run(root, "sentinel.txt")
        _keeps_the_promise(code, findings, err)
        if code == 2:
            assert str(root / "house") in err or ".copydesk.yaml" in err or "rule" in err
        else:
            assert any(f["rule"] == SENTINEL_RULE for f in findings) or any(r for r in rules if "vague-sourcing" in r)


BEHAVIOURS = ["raise", "exit", "garbage", "not-iterable", "bad-span", "print", "sleep", "none"]


@RUN
@given(st.lists(st.sampled_from(BEHAVIOURS), min_size=1, max_size=3), st.sampled_from(["ok", "raise", "garbage"]))
def test_misbehaving_plugins_are_contained(behaviours: list[str], parse_behaviour: str) -> None:
    import time

    from linter.core.check import Check
    from linter.core.config import Config
    from linter.article.document import Document
    from linter.core.engine import Engine
    from linter.core.hookspecs import InputFormat, RulePack, hookimpl
    from linter.core.plugins import load_plugins

    def check(self, doc):  # type: ignore[no-untyped-def]
        for behaviour in behaviours:
            if behaviour == "raise":
                raise ValueError("a plugin's bug")
            if behaviour == "exit":
                raise SystemExit(3)  # a plugin that calls sys.exit()
            if behaviour == "garbage":
                yield object()
            if behaviour == "not-iterable":
                return 42  # noqa: B901 - a generator returning a value: still nothing yielded
            if behaviour == "bad-span":
                yield self.finding(doc, 0, 1)._replace(span=doc.span(0, 0)._replace(start=5, end=1))
            if behaviour == "print":
                print("noise from a plugin")
            if behaviour == "sleep":
                time.sleep(0.05)
        yield self.finding(doc, 0, min(1, len(doc.text)))

    class Misbehaving(Check):
        name = "misbehaving"
        summary = "A plugin's check."

    Misbehaving.check = check  # type: ignore[method-assign]

    def parse(path: Path, text: str) -> Document:
        if parse_behaviour == "raise":
            raise RuntimeError("parser bug")
        if parse_behaviour == "garbage":
            return "not a document"  # type: ignore[return-value]
        from linter.formats.text import parse as plain

        return plain(path, text)

    with tempfile.TemporaryDirectory() as folder:
        rules = Path(folder)
        (rules / "house.yaml").write_text("id: house-rule\ncheck: misbehaving\nseverity: warning\nmessage: m\n")

        class Plugin:
            @hookimpl
            def copydesk_check_types(self):  # type: ignore[no-untyped-def]
                return [Misbehaving]

            @hookimpl
            def copydesk_rule_packs(self):  # type: ignore[no-untyped-def]
                return [RulePack("house", rules)]

            @hookimpl
            def copydesk_input_formats(self):  # type: ignore[no-untyped-def]
                return [InputFormat("wire", (".wire",), parse)]

        engine = Engine(Config(time_budget=1.0), load_plugins(extra=[Plugin()]))
        problems: list[str] = []
        wire = engine.lint_text(Path("story.wire"), SENTINEL, problems)
        sentinel = engine.lint_text(Path("sentinel.txt"), SENTINEL, problems)
        assert SENTINEL_RULE in {f.rule for f in sentinel}
        if parse_behaviour != "ok":
            assert [f.rule for f in wire] == ["invalid-article"]
        for finding in [*wire, *sentinel]:
            assert 0 <= finding.span.start <= finding.span.end <= len(SENTINEL)

