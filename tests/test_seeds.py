"""The seed articles beside the project (../shared/seeds): every defect the
foundation issue lists is found, and nothing it says is right is flagged.
The seeds are read in place, never copied; without them these tests skip."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import covered, lint

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside this checkout")


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def found(text: str, style: str = "nyt") -> set[tuple[str, int, str]]:
    return {(f.rule, f.span.line, covered(text, f)) for f in lint(text, style=style)}


def test_seed_000_defects() -> None:
    text = seed("000")
    findings = lint(text)
    got = found(text)
    lines = text.splitlines()
    assert ("duplicated-headline", 4, lines[3]) in got
    repeats = {(f.span.line, f.message) for f in findings if f.rule == "repeated-paragraph"}
    assert repeats == {(10, "Paragraph repeats the paragraph on line 7."),
                       (11, "Paragraph repeats the paragraph on line 8."),
                       (12, "Paragraph repeats the paragraph on line 9.")}
    assert ("name-first-reference", 1, "Vladimir Putin") in got
    assert ("name-first-reference", 1, "Donald Trump") in got
    assert any(rule == "name-subsequent-reference" and span == "Putin" and line > 1 for rule, line, span in got)
    assert ("vague-sourcing", 1, "officials express") in got
    assert [f.span.line for f in findings if f.rule == "missing-credit"] == [2]


def test_seed_001_defects_and_what_is_right() -> None:
    text = seed("001")
    findings = lint(text)
    got = found(text)
    assert ("duplicated-headline", 4, text.splitlines()[3]) in got
    assert sorted(f.span.line for f in findings if f.rule == "repeated-paragraph") == [13, 14, 15, 16, 17, 18]
    quotes = [(f.span.line, covered(text, f)) for f in findings if f.rule == "unattributed-quote"]
    assert (7, "“We want to see if we can bring that war to an end.”") in quotes
    assert not any("right one" in quote for _, quote in quotes)
    putin_praised = [f for f in findings if f.rule == "name-subsequent-reference" and f.span.line == 9]
    assert putin_praised and (putin_praised[0].span.column, covered(text, putin_praised[0])) == (12, "Putin")
    first_refs = {span for rule, _, span in got if rule == "name-first-reference"}
    assert "Vladimir V. Putin" not in first_refs and "Dmitri S. Peskov" not in first_refs
    assert not any(f.rule == "missing-credit" for f in findings)


def test_seed_000_in_ap_style_accepts_given_name_and_bare_surname() -> None:
    text = seed("000")
    names = {(rule, span) for rule, _, span in found(text, style="ap") if rule.startswith("name-")}
    assert names == set()


@pytest.mark.parametrize(("prefix", "removed"), [("000", {4, 10, 11, 12}), ("001", {4, 13, 14, 15, 16, 17, 18})])
def test_fix_on_the_seeds_leaves_one_headline_and_no_repeats(
    prefix: str, removed: set[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linter.cli import main

    (source,) = SEEDS.glob(f"{prefix}_*.txt")
    copy = tmp_path / source.name
    copy.write_bytes(source.read_bytes())
    monkeypatch.chdir(tmp_path)
    main(["check", "--fix", copy.name])
    original = source.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for number, line in enumerate(original, 1) if number not in removed]
    expected = "".join(kept)
    if not source.read_bytes().endswith(b"\n"):
        expected = expected.rstrip("\n")  # the story had no final newline, and still has none
    assert copy.read_text(encoding="utf-8") == expected
    findings = lint(copy.read_text(encoding="utf-8"))
    assert not [f for f in findings if f.rule in ("repeated-paragraph", "duplicated-headline")]


def test_every_later_bare_surname_is_flagged_and_nothing_in_quotes_or_headlines() -> None:
    import regex

    from linter.article.document import LineIndex

    for prefix in ("000", "001"):
        text = seed(prefix)
        findings = lint(text, select=("name-first-reference", "name-subsequent-reference"))
        flagged = {f.span.start for f in findings}
        line_of = LineIndex(text).position
        headline_lines = {2, 4}  # the headline, and its repeat
        quotes = [m.span() for m in regex.finditer(r"[“\"][^”\"]*[”\"]", text)]
        checked = 0
        for match in regex.finditer(r"(?<![\p{L}-])(Putin|Trump)(?![\p{L}-])", text):
            start = match.start()
            if line_of(start)[0] in headline_lines or any(a <= start < b for a, b in quotes):
                continue
            before = text[max(0, start - 12) : start]
            if regex.search(r"(?:Mr\.|President|V\.|J\.|Vladimir|Donald)\s+$", before):
                continue  # not bare
            assert start in flagged, f"{prefix}: bare {match.group()} at offset {start} not flagged"
            checked += 1
        assert checked >= 6, "the seeds use bare surnames again and again"
        for finding in findings:
            assert finding.span.line not in headline_lines, "no finding in a headline"
            assert not any(a <= finding.span.start < b for a, b in quotes), "nothing inside quotation marks"
