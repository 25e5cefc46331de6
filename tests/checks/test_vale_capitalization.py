"""Vale's capitalization (the vale-capitalization check): a heading judged
whole by the share of its words in the wanted case. Styles and stories are
written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.core import valeini
from linter.checks.vale_capitalization import AP_SMALL, CHICAGO_SMALL, title_case
from linter.core.config import Config
from linter.core.engine import Engine
from linter.core.plugins import load_plugins


def _lint(root: Path, rule: str, story: str, name: str = "story.md", ini: str = "") -> list[str]:
    (root / "styles" / "Desk").mkdir(parents=True, exist_ok=True)
    (root / "styles" / "Desk" / "Case.yml").write_text("extends: capitalization\nlevel: error\nscope: heading\n" + rule)
    (root / ".vale.ini").write_text(f"StylesPath = styles\n{ini}[*]\nBasedOnStyles = Desk\n")
    (root / name).write_text(story)
    config = Config(select=["desk.*"])
    config.vale_ini = valeini.read(root / ".vale.ini")
    engine = Engine(config, load_plugins())
    return [f"{f.span.line}:{f.span.column}:{f.message}" for f in engine.lint_paths([root / name]).findings]


def test_title_case_follows_ap_or_chicago() -> None:
    assert title_case("walking through the old harbor at dawn", AP_SMALL) == "Walking Through the Old Harbor at Dawn"
    assert title_case("walking through the old harbor at dawn", CHICAGO_SMALL) == "Walking through the Old Harbor at Dawn"
    assert title_case("ferry-side talks with the iPhone crowd", AP_SMALL) == "Ferry-Side Talks With the iPhone Crowd"


TITLE = "message: \"'%s' should be '%s'\"\nmatch: $title\n"


def test_a_title_is_right_when_enough_of_its_words_are(tmp_path: Path) -> None:
    story = "# Ferry Crews Return to the harbor Today\n\n## ferry crews return to the harbor\n\nText.\n"
    assert _lint(tmp_path, TITLE, story) == ["3:4:'ferry crews return to the harbor' should be 'Ferry Crews Return to the Harbor'"]
    assert _lint(tmp_path, TITLE + "threshold: 0.9\n", story) == [
        "1:3:'Ferry Crews Return to the harbor Today' should be 'Ferry Crews Return to the Harbor Today'",
        "3:4:'ferry crews return to the harbor' should be 'Ferry Crews Return to the Harbor'",
    ]


def test_exceptions_and_vocab_are_right_as_written(tmp_path: Path) -> None:
    (tmp_path / "styles" / "config" / "vocabularies" / "Desk").mkdir(parents=True)
    (tmp_path / "styles" / "config" / "vocabularies" / "Desk" / "accept.txt").write_text("harbor\n")
    story = "# harbor ops and quayside crews\n\nText.\n"
    assert _lint(tmp_path, TITLE + "exceptions: [ops]\n", story, ini="Vocab = Desk\n") == [
        "1:3:'harbor ops and quayside crews' should be 'Harbor Ops and Quayside Crews'"  # three words of five
    ]
    assert _lint(tmp_path, TITLE + "exceptions: [ops, quayside, crews]\n", story, ini="Vocab = Desk\n") == []


SENTENCE = "message: \"'%s' should be sentence-cased\"\nmatch: $sentence\nindicators: [':']\nexceptions: [Harbor Board]\nprefix: '^[a-z]\\.\\s'\n"


@pytest.mark.parametrize(
    ("heading", "flagged"),
    [
        ("Ferry crews return to the quay", False),
        ("ferry crews return to the quay", True),  # the first word must be capitalised
        ("Ferry Crews Return To The Quay", True),
        ("Ferry crews return to the Quay", False),  # five words of six are right
        ("The Harbor Board meets on Friday: Ferry fares", False),  # an exception, and after an indicator
        ("b. Ferry crews return", False),  # the prefix is not judged
        ("B. Ferry Crews return", True),
        ("2. Ferry crews return", False),  # nor a section number
        ("Use `git push` with care", False),  # inline code counts as capitals
        ("Top-level talks aren't over", False),  # the first part of a hyphenated or possessive word
    ],
)
def test_a_sentence_case_heading(tmp_path: Path, heading: str, flagged: bool) -> None:
    found = _lint(tmp_path, SENTENCE, f"## {heading}\n\nText.\n")
    assert found == ([f"1:4:'{heading}' should be sentence-cased"] if flagged else [])


def test_lower_upper_and_a_pattern(tmp_path: Path) -> None:
    story = "# harbor news\n\n## HARBOR NEWS\n\n## Harbor News\n"
    assert _lint(tmp_path, "message: \"'%s'\"\nmatch: $lower\n", story) == ["3:4:'HARBOR NEWS'", "5:4:'Harbor News'"]
    assert _lint(tmp_path, "message: \"'%s'\"\nmatch: $upper\n", story) == ["1:3:'harbor news'", "5:4:'Harbor News'"]
    assert _lint(tmp_path, "message: \"'%s'\"\nmatch: '^[A-Z]'\n", story) == ["1:3:'harbor news'"]


def test_an_html_heading_is_a_heading(tmp_path: Path) -> None:
    story = "<html><body><h1>Ferry news</h1><p>the quay is busy.</p><h2>crews at work</h2></body></html>\n"
    found = _lint(tmp_path, "message: \"'%s'\"\nmatch: $sentence\n", story, name="story.html")
    assert [line.split(":", 2)[2] for line in found] == ["'crews at work'"]
