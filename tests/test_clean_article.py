"""Realistic clean articles give no findings with every shipped rule on; one
defect put into them gives exactly that finding."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, covered, engine_for, found, lint

ARTICLES = FIXTURES / "articles"
CLEAN = ["clean_port_strike.txt", "clean_grain_talks.md", "clean_council_wrapped.md"]
SHIPPED_RULES = {
    "repeated-paragraph",
    "duplicated-headline",
    "unattributed-quote",
    "vague-sourcing",
    "missing-credit",
    "name-first-reference",
    "name-subsequent-reference",
}


def read(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


def test_every_shipped_rule_is_on_by_default():
    assert SHIPPED_RULES <= {rule.id for rule in engine_for().rules}


@pytest.mark.parametrize("name", CLEAN)
def test_clean_article_has_no_findings(name):
    findings = lint(read(name), name=name)
    assert findings == [], [(f.rule, f.span.line, f.message) for f in findings]


def test_people_outside_the_registry_are_judged_in_ap_style_too():
    # The story names its people in full first, so it is clean in NYT style;
    # AP style drops the courtesy titles of later references.
    text = read("clean_port_strike.txt")
    findings = lint(text, name="clean_port_strike.txt", style="ap")
    assert [(f.rule, covered(text, f), f.fix.edits[0].replacement) for f in findings] == [
        ("name-subsequent-reference", "Ms. Liu", "Liu"),
        ("name-subsequent-reference", "Mr. Alvarez", "Alvarez"),
    ]


def test_the_nyt_article_is_judged_in_ap_style():
    # The same article read with AP style: only the name rules have something to say.
    text = read("clean_grain_talks.md")
    assert found(text, name="clean_grain_talks.md", style="ap") == [
        ("name-subsequent-reference", "Mr. Zelensky"),
        ("name-first-reference", "Sergey V. Lavrov"),
        ("name-subsequent-reference", "Mr. Lavrov"),
    ]


class TestOneDefectGivesOneFinding:
    """Each defect put into a clean article gives its finding and nothing else,
    so the clean results above are not clean by accident."""

    def lines(self) -> list[str]:
        return read("clean_port_strike.txt").splitlines()

    def only(self, text: str, name: str = "story.txt"):
        findings = lint(text, name=name)
        assert len(findings) == 1, [(f.rule, covered(text, f)) for f in findings]
        return findings[0]

    def test_repeated_paragraph(self):
        lines = self.lines()
        lines.insert(8, lines[4])
        text = "\n".join(lines) + "\n"
        finding = self.only(text)
        assert finding.rule == "repeated-paragraph"
        assert finding.span.line == 9
        assert "line 5" in finding.message

    def test_duplicated_headline(self):
        lines = self.lines()
        lines[2:2] = ["", lines[1]]
        text = "\n".join(lines) + "\n"
        finding = self.only(text)
        assert finding.rule == "duplicated-headline"
        assert finding.span.line == 4

    def test_missing_credit(self):
        lines = [line for line in self.lines() if not line.startswith(("By ", "Tom Reyes"))]
        text = "\n".join(lines) + "\n"
        finding = self.only(text)
        assert finding.rule == "missing-credit"
        assert covered(text, finding) == lines[1]

    def test_vague_sourcing(self):
        lines = self.lines()
        lines[7] = lines[7].replace("according to port records", "officials said")
        text = "\n".join(lines) + "\n"
        finding = self.only(text)
        assert finding.rule == "vague-sourcing"
        assert covered(text, finding) == "officials said"

    def test_unattributed_quote(self):
        lines = self.lines()
        lines[6] = lines[6].replace("Ms. Liu said", "the mood at the terminal suggested")
        text = "\n".join(lines) + "\n"
        finding = self.only(text)
        assert finding.rule == "unattributed-quote"
        assert covered(text, finding) == "“No one who works here today will lose a job because of them,”"

    def test_name_style(self):
        text = read("clean_grain_talks.md").replace("Mr. Lavrov did not", "Lavrov did not")
        finding = self.only(text, name="clean_grain_talks.md")
        assert finding.rule == "name-subsequent-reference"
        assert covered(text, finding) == "Lavrov"
