"""HTML input: the story read from a CMS export or a saved page, and every
finding at its line and column in the HTML file itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.cli import main
from linter.article.document import LineIndex, Role
from linter.formats.html import parse
from conftest import FIXTURES

HTML = FIXTURES / "html"
WORDPRESS = HTML / "wordpress-export.html"
ARC = HTML / "arc-saved-page.html"


@pytest.fixture(autouse=True)
def no_stray_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def findings(paths: list[Path], capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    main(["check", *map(str, paths), "--format", "json", *args])
    return json.loads(capsys.readouterr().out)


def source_text(path: Path, finding: dict) -> str:
    """The characters of the file a finding's line and column cover."""
    text = path.read_text(encoding="utf-8")
    starts = LineIndex(text).starts
    return text[starts[finding["line"] - 1] + finding["column"] - 1 : starts[finding["end_line"] - 1] + finding["end_column"] - 1]


def by_role(path: Path) -> dict[str, list[str]]:
    doc = parse(path, path.read_text(encoding="utf-8"))
    roles: dict[str, list[str]] = {}
    for block in doc.blocks:
        roles.setdefault(block.role, []).append(block.text)
    return roles


def test_wordpress_export_reads_as_a_story() -> None:
    roles = by_role(WORDPRESS)
    assert roles[Role.HEADLINE] == ["Harbour Board Delays Ferry Contract"]
    assert roles[Role.BYLINE] == ["By Priya Okafor"]
    assert roles[Role.DEK] == ["The board wants a second look at the bids before the summer season."]
    body = roles[Role.BODY]
    assert len(body) == 6
    # entities decoded, white space folded as a browser shows it
    assert body[1].startswith("“We owe the islanders a service that runs on time,” said Tomas Verhoeven, the board’s chairman.")
    assert "passenger route, according to officials" in body[2]
    text = " ".join(" ".join(blocks) for blocks in roles.values())
    for skipped in ("Home", "Photo: Ledger staff", "Read more", "dataLayer", "margin", "All rights reserved"):
        assert skipped not in text  # navigation, captions, asides, scripts, styles, the page footer


def test_a_blockquote_is_a_quotation() -> None:
    doc = parse(WORDPRESS, WORDPRESS.read_text(encoding="utf-8"))
    quoted = next(b for b in doc.blocks if b.text.startswith("The harbour is"))
    assert [q.text for q in quoted.quotes] == [quoted.text]
    assert not quoted.unquoted.strip()


def test_arc_saved_page_reads_only_the_article() -> None:
    roles = by_role(ARC)
    assert roles[Role.HEADLINE] == ["Council Votes to Close Elm Street Library"] * 2  # the second is the repeat
    assert roles[Role.BYLINE] == ["By Daniel Reyes"]
    assert roles[Role.HEADING] == ["Members split 5-4 after a night of public comment"]
    assert any("after school & on weekends." in text for text in roles[Role.BODY])
    text = " ".join(" ".join(blocks) for blocks in roles.values())
    for skipped in ("Politics", "renderAd", "opened in 1962", "Water rates", "Copyright", "NewsArticle"):
        assert skipped not in text


def test_findings_point_into_the_html_file(capsys) -> None:
    found = findings([WORDPRESS, ARC], capsys)
    places = {(Path(f["path"]).name, f["rule"], f["line"], f["column"]): f for f in found}
    repeat = places["wordpress-export.html", "repeated-paragraph", 30, 4]
    assert source_text(WORDPRESS, repeat).startswith("The Millbrook harbour board on Tuesday")
    assert source_text(WORDPRESS, repeat).endswith("compare the three bids.")
    assert repeat["message"] == "Paragraph repeats the paragraph on line 23."  # the file's line, not the rendering's
    vague = places["wordpress-export.html", "vague-sourcing", 28, 4]
    assert source_text(WORDPRESS, vague) == "according to officials"
    # a minified page: everything on one line, columns still exact
    headline = places["arc-saved-page.html", "duplicated-headline", 7, 287]
    assert source_text(ARC, headline) == "Council Votes to Close Elm Street Library"
    assert headline["message"] == "Headline repeated; it first appears on line 4."
    critics = places["arc-saved-page.html", "vague-sourcing", 7, 693]
    assert source_text(ARC, critics) == "Critics said"
    assert all(f["fix"] is None for f in found)


def test_a_span_over_an_entity_covers_the_entity(tmp_path, capsys) -> None:
    story = tmp_path / "story.html"
    story.write_text(
        "<html><head><title>Mayor Opens Bridge</title></head><body><article>\n"
        "<p>The mayor&#8217;s office said on Friday that the bridge would open to traffic next week.</p>\n"
        "<p>The mayor&#8217;s office said on Friday that the bridge would open to traffic next week.</p>\n"
        "</article></body></html>\n",
        encoding="utf-8",
    )
    repeat = next(f for f in findings([story], capsys) if f["rule"] == "repeated-paragraph")
    assert (repeat["line"], repeat["column"]) == (3, 4)
    assert source_text(story, repeat) == "The mayor&#8217;s office said on Friday that the bridge would open to traffic next week."


@pytest.mark.parametrize(
    "head, expected",
    [
        ('<meta property="og:title" content="Storm Closes Coast Road"><title>Other | Site</title>', "Storm Closes Coast Road"),
        ("<title>Storm Closes Coast Road | The Coast Herald</title>", "Storm Closes Coast Road"),
    ],
)
def test_headline_falls_back_to_og_title_then_title(tmp_path, head, expected) -> None:
    story = tmp_path / "s.html"
    story.write_text(f"<html><head>{head}</head><body><main><p>Rain fell all night.</p></main></body></html>")
    doc = parse(story, story.read_text())
    assert doc.headline is not None and doc.headline.text == expected
    text = story.read_text()
    assert text[doc.source_map.start(doc.headline.span.start) :].startswith(expected)


def test_byline_from_the_author_meta_when_the_page_has_none(tmp_path) -> None:
    story = tmp_path / "s.html"
    story.write_text('<html><head><meta name="author" content="Ines Barrow"></head><body><h1>Storm Closes Road</h1><p>Rain fell.</p></body></html>')
    doc = parse(story, story.read_text())
    assert [b.text for b in doc.blocks_in([Role.BYLINE])] == ["Ines Barrow"]


def test_fix_refuses_html_and_leaves_the_file_alone(capsys) -> None:
    before = WORDPRESS.read_bytes()
    code = main(["check", str(WORDPRESS), "--fix"])
    err = capsys.readouterr().err
    assert WORDPRESS.read_bytes() == before
    assert "--fix does not rewrite html files; fix them by hand" in err
    assert code == 1


def test_headline_across_two_html_files(tmp_path, capsys) -> None:
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text(
            f"<html><body>\n<article>\n<h1>Ferry Service Suspended for Winter</h1>\n<p>Story {name} was filed today.</p>\n</article></body></html>\n"
        )
    found = [f for f in findings([tmp_path], capsys) if f["rule"] == "duplicate-headline-across-files"]
    assert [(Path(f["path"]).name, f["line"], f["column"]) for f in found] == [("a.html", 3, 5), ("b.html", 3, 5)]
    assert "b.html:3" in found[0]["message"]


def test_suppression_comments_in_the_html_apply(tmp_path, capsys) -> None:
    story = tmp_path / "story.html"
    paragraph = "<p>The port will close for repairs next month, officials say, and reopen in the spring.</p>\n"
    story.write_text(
        "<html><body><article>\n<h1>Port Will Close for Repairs</h1>\n"
        + paragraph
        + "<!-- copydesk-disable-next-line vague-sourcing -->\n"
        + paragraph.replace("port", "harbour")
        + "</article></body></html>\n"
    )
    vague = [f["line"] for f in findings([story], capsys) if f["rule"] == "vague-sourcing"]
    assert vague == [3]  # line 5 is silenced by the comment above it
