"""Vale's TokenIgnores and BlockIgnores: what they match is read by no Vale
rule (save one scoped ``raw``), in the files of their section only, in
Markdown and HTML (plain text has no markup to turn it into). Styles,
configurations and stories are written here."""

from __future__ import annotations

from pathlib import Path

from linter.article.document import Block, Document, LineIndex, Sentence
from linter.article.ignored import ignored_spans, without
from linter.core import valeini
from linter.core.config import Config
from linter.core.engine import Engine
from linter.core.plugins import load_plugins

STORY = (
    "Ferry news\n\n"
    "The ferry was very late {{ very-late-banner }} and Kiev waited.\n\n"
    "{% aside %}\nA very old pier\nstood in Kiev.\n{% endaside %}\n\n"
    "The very last boat left.\n"
)


def _lint(root: Path, ini: str, files: dict[str, str]) -> list[str]:
    style = root / "styles" / "Pier"
    style.mkdir(parents=True, exist_ok=True)
    (style / "Very.yml").write_text("extends: existence\nmessage: \"Cut '%s'.\"\ntokens: [very]\n")
    (style / "Places.yml").write_text("extends: substitution\nmessage: \"Use '%s' for '%s'.\"\nswap: {Kiev: Kyiv}\n")
    (style / "Braces.yml").write_text("extends: existence\nmessage: \"Raw '%s'.\"\nscope: raw\nnonword: true\ntokens: ['\\{%']\n")
    (root / ".vale.ini").write_text("StylesPath = styles\n" + ini)
    for name, text in files.items():
        (root / name).write_text(text)
    config = Config(select=["pier.*"])
    config.vale_ini = valeini.read(root / ".vale.ini")
    engine = Engine(config, load_plugins())
    result = engine.lint_paths(sorted(root / name for name in files))
    return [f"{f.path.name}:{f.span.line}:{f.span.column}:{engine.vale_names[f.rule]}" for f in result.findings]


def test_token_and_block_ignores_hold_for_every_rule_in_the_files_of_their_section(tmp_path: Path) -> None:
    ini = (
        "[*]\nBasedOnStyles = Pier\n\n"
        "[ignored.md]\nTokenIgnores = (\\{\\{[^}]*\\}\\})\nBlockIgnores = (?s) *(\\{% aside %\\}.*?\\{% endaside %\\})\n"
    )
    got = _lint(tmp_path, ini, {"ignored.md": STORY, "read.md": STORY})
    assert [f for f in got if f.startswith("ignored.md")] == [
        "ignored.md:3:15:Pier.Very",
        "ignored.md:3:52:Pier.Places",
        # the block's lines (6 and 7) are read by no rule but the raw one, which reads the file as written
        "ignored.md:5:1:Pier.Braces",
        "ignored.md:8:1:Pier.Braces",
        "ignored.md:10:5:Pier.Very",
    ]
    # the other file keeps its token and its block
    assert [f for f in got if f.startswith("read.md")] == [
        "read.md:3:15:Pier.Very",
        "read.md:3:28:Pier.Very",
        "read.md:3:52:Pier.Places",
        "read.md:5:1:Pier.Braces",
        "read.md:6:3:Pier.Very",
        "read.md:7:10:Pier.Places",
        "read.md:8:1:Pier.Braces",
        "read.md:10:5:Pier.Very",
    ]


def test_plain_text_is_read_whole_as_vale_reads_it(tmp_path: Path) -> None:
    ini = "[*]\nBasedOnStyles = Pier\nTokenIgnores = (\\{\\{[^}]*\\}\\})\n"
    got = _lint(tmp_path, ini, {"plain.txt": "The very late {{ very }} ferry.\n", "marked.md": "The very late {{ very }} ferry.\n"})
    assert got == ["marked.md:1:5:Pier.Very", "plain.txt:1:5:Pier.Very", "plain.txt:1:18:Pier.Very"]


def test_a_pattern_that_does_not_compile_is_reported_and_not_used(tmp_path: Path) -> None:
    (tmp_path / ".vale.ini").write_text("[*]\nTokenIgnores = (\\{\\{[^}]*\\}\\}), (unclosed\nBlockIgnores = ok\n")
    ini = valeini.read(tmp_path / ".vale.ini")
    assert ini.ignores(tmp_path / "a.md") == (["(\\{\\{[^}]*\\}\\})"], ["ok"])
    assert len(ini.notes) == 1 and ini.notes[0].startswith(f"{tmp_path / '.vale.ini'}:2: TokenIgnores pattern '(unclosed'")


def test_the_blanked_reading_keeps_offsets_lines_and_sentences() -> None:
    text = "Say {{ x }} now.\nNext line.\n"
    lines = LineIndex(text)
    block = Block("body", text[:27], lines.span(0, 27), 0)
    block.sentences = [Sentence(text[:16], lines.span(0, 16), block), Sentence(text[17:27], lines.span(17, 27), block)]
    doc = Document(Path("a.md"), text, "markdown", lines, [block])
    spans = ignored_spans(text, ["\\{\\{[^}]*\\}\\}"], ["(?m)^Next.*$"])
    assert spans == [(4, 11, "*"), (17, 27, " ")]
    read = without(doc, spans)
    assert read.text == "Say ******* now.\n          \n"
    assert read.blocks[0].text == read.text[:27]
    assert [s.text for s in read.blocks[0].sentences] == ["Say ******* now.", "          "]
    assert doc.text == text  # the story itself is unchanged
    assert without(Document(Path("a.txt"), text, "text", lines, [block]), spans).text == text


SCOPED = """# The very quiet harbour

The very **very bold** claim and *very shy* one, with [a very long link](https://example.org) here.

> A very quoted line.

- A very listed item.

## A very small heading

| The very | Table |
| --- | --- |
| very | cell |

Plain very end.
"""


def _lines(found: list[str]) -> list[int]:
    return [int(f.split(":")[1]) for f in found]


def test_ignored_scopes_keep_link_and_emphasis_text_from_every_rule(tmp_path: Path) -> None:
    read = _lint(tmp_path, "[*]\nBasedOnStyles = Pier\n", {"s.md": SCOPED})
    assert [f for f in read if f.startswith("s.md:3:")] == ["s.md:3:5:Pier.Very", "s.md:3:12:Pier.Very", "s.md:3:35:Pier.Very", "s.md:3:58:Pier.Very"]
    ignoring = _lint(tmp_path, "IgnoredScopes = link, strong, em\n[*]\nBasedOnStyles = Pier\n", {"s.md": SCOPED})
    assert [f for f in ignoring if f.startswith("s.md:3:")] == ["s.md:3:5:Pier.Very"]
    bold_only = _lint(tmp_path, "IgnoredScopes = b\n[*]\nBasedOnStyles = Pier\n", {"s.md": SCOPED})
    assert [f for f in bold_only if f.startswith("s.md:3:")] == ["s.md:3:5:Pier.Very", "s.md:3:35:Pier.Very", "s.md:3:58:Pier.Very"]


def test_skipped_scopes_keep_whole_blocks_from_every_rule(tmp_path: Path) -> None:
    everything = _lines(_lint(tmp_path, "[*]\nBasedOnStyles = Pier\n", {"s.md": SCOPED}))
    assert sorted(set(everything)) == [1, 3, 5, 7, 9, 11, 13, 15]
    ini = "SkippedScopes = script, blockquote, li, h2, table\n[*]\nBasedOnStyles = Pier\n"
    assert sorted(set(_lines(_lint(tmp_path, ini, {"s.md": SCOPED})))) == [1, 3, 15]
    notes = valeini.read(tmp_path / ".vale.ini").notes
    assert notes == []


def test_a_scope_copydesk_cannot_skip_is_reported(tmp_path: Path) -> None:
    (tmp_path / ".vale.ini").write_text("IgnoredScopes = code, abbr\nSkippedScopes = pre, dl\n")
    ini = valeini.read(tmp_path / ".vale.ini")
    assert ini.ignored_scopes == ("code",) and ini.skipped_scopes == ("pre",)
    assert ini.notes == [
        f"{tmp_path / '.vale.ini'}:1: IgnoredScopes abbr not supported; ignored",
        f"{tmp_path / '.vale.ini'}:2: SkippedScopes dl not supported; ignored",
    ]


def test_ignored_link_text_in_html(tmp_path: Path) -> None:
    page = '<html><body><article>\n<h1>Pier</h1>\n<p>The very <a href="/x">very late</a> ferry.</p>\n</article></body></html>\n'
    assert _lint(tmp_path, "[*]\nBasedOnStyles = Pier\n", {"p.html": page}) == ["p.html:3:8:Pier.Very", "p.html:3:26:Pier.Very"]
    assert _lint(tmp_path, "IgnoredScopes = link\n[*]\nBasedOnStyles = Pier\n", {"p.html": page}) == ["p.html:3:8:Pier.Very"]


def test_skipped_scopes_in_html(tmp_path: Path) -> None:
    page = (
        "<html><body><article>\n<h1>Pier</h1>\n<p>The very first.</p>\n"
        "<blockquote><p>A very quoted line.</p></blockquote>\n<ul><li>A very listed item.</li></ul>\n"
        "<h2>A very small heading</h2>\n</article></body></html>\n"
    )
    everything = _lint(tmp_path, "[*]\nBasedOnStyles = Pier\n", {"p.html": page})
    assert sorted(set(_lines(everything))) == [3, 4, 5, 6]
    ini = "SkippedScopes = blockquote, li, h2\n[*]\nBasedOnStyles = Pier\n"
    assert _lines(_lint(tmp_path, ini, {"p.html": page})) == [3]
