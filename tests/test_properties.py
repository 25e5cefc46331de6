"""Property tests on generated articles (plain text and Markdown, with
quotes, names, markup, odd white space and Unicode): no rule crashes,
every span lies in the file and matches its line and column, and --fix is
idempotent and removes only repeated copy."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import engine_for
from linter.core.autofix import fix_text
from linter.article.document import LineIndex
from linter.support.textnorm import normalize

WORDS = st.sampled_from(
    "the port union said officials Mr. Putin Vladimir V. Putin Ms. Ortiz Lena Ortiz according to sources "
    "reportedly strike ship café naïve São Paulo 北京 🙂 — – … 6\" it's ’90s Trump’s rock ’n’ roll".split()
)
QUOTE = st.sampled_from(['"', "“", "”", "‘", "’", "'", "„"])
SPACE = st.sampled_from([" ", " ", " ", "\t", "\u00a0", "\u200b", "  "])
MARKUP = st.sampled_from(["", "*", "_", "**", "# ", "- ", "> ", "<!-- copydesk-disable-line -->", "[copydesk-enable]"])


@st.composite
def sentence(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(2, 14))):
        parts.append(draw(WORDS))
        if draw(st.integers(0, 9)) == 0:
            parts.append(draw(QUOTE))
        parts.append(draw(SPACE))
    return draw(MARKUP) + "".join(parts).strip().capitalize() + draw(st.sampled_from([".", "?", "!", ",", ""]))


@st.composite
def article(draw: st.DrawFn) -> str:
    paragraphs = draw(st.lists(st.lists(sentence(), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=8))
    if draw(st.booleans()):  # repeats, as in scraped copy
        paragraphs += draw(st.lists(st.sampled_from(paragraphs), max_size=3))
    head = draw(st.sampled_from(["", "Port Strike Enters Second Week\n\n", "---\ntitle: Port Strike\nauthor: Ana Ruiz\n---\n"]))
    separator = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n", "\r"]))
    return head + separator.join(paragraphs) + draw(st.sampled_from(["", "\n", "\r\n"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article(), st.sampled_from(["story.txt", "story.md"]))
def test_no_crash_and_every_span_points_into_the_file(text: str, name: str) -> None:
    problems: list[str] = []
    findings = engine_for().lint_text(Path(name), text, problems)
    assert problems == []
    lines = LineIndex(text)
    for finding in findings:
        span = finding.span
        assert 0 <= span.start <= span.end <= len(text), finding
        assert lines.span(span.start, span.end) == span, finding


def content(line: str) -> str:
    """A line's words, without Markdown's heading, list and quote marks."""
    return normalize(line.lstrip("#>-* \t"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article(), st.sampled_from(["story.txt", "story.md"]))
def test_fix_is_idempotent_and_removes_only_repeats(text: str, name: str) -> None:
    engine = engine_for()
    fixed, _ = fix_text(engine, Path(name), text, [])
    assert fix_text(engine, Path(name), fixed, []) == (fixed, 0)
    before = [content(line) for line in text.splitlines() if line.strip()]
    after = [content(line) for line in fixed.splitlines() if line.strip()]
    assert set(after) <= set(before), "nothing is added"
    once = {line for line in before if before.count(line) == 1}
    assert once <= set(after), "a line that occurs once is never removed"
