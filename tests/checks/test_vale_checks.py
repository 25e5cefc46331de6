"""Vale's substitution and existence fields as copydesk reads them: ``$1``
in a replacement, the longest wrong form, ``capitalize``, the replacement
quoted in the message, and Markdown's inline code and URLs left unread.
The styles and stories are written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import covered
from linter.core.config import Config
from linter.core.engine import Engine
from linter.core.plugins import load_plugins

RULES = {
    "Dirs.yml": 'extends: substitution\nmessage: "Use \'%s\' instead of \'%s\'."\nignorecase: true\n'
    'swap:\n  "change in(?: )?to the (\\\\w+) folder": change to the $1 folder\n',
    "Licence.yml": "extends: substitution\nmessage: Use '%s' instead of '%s'\nignorecase: true\n"
    "swap:\n  GPL: GPL\n  GPL[ -]?3(?:\\.0)?: GPL 3.0\n",
    "Kind.yml": "extends: substitution\nmessage: Write %s, not %s.\ncapitalize: true\nignorecase: true\nswap:\n  mankind: humankind\n",
    "Plain.yml": "extends: substitution\nmessage: Write '%s', not '%s'.\nswap:\n  term: Term\n",
    "Versus.yml": "extends: substitution\nmessage: Write '%s', not '%s'.\nnonword: true\nswap:\n  '\\b[Vv]s\\s': versus\n",
}


def _desk(tmp_path_factory: pytest.TempPathFactory, rules: dict[str, str]) -> Engine:
    """An engine with the style Desk of these rule files."""
    style = tmp_path_factory.mktemp("styles") / "Desk"
    style.mkdir()
    for name, text in rules.items():
        (style / name).write_text(text)
    return Engine(Config(vale=[style], select=["desk.*"]), load_plugins())


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return _desk(tmp_path_factory, RULES)


def _found(engine: Engine, text: str, name: str = "story.md") -> list[tuple[str, str]]:
    return [(covered(text, f), f.message) for f in engine.lint_text(Path(name), text)]


def test_groups_of_the_wrong_form_fill_the_replacement(engine: Engine) -> None:
    text = "# Notes\n\nChange into the archive folder first.\n"
    assert _found(engine, text) == [
        ("Change into the archive folder", "Use 'change to the archive folder' instead of 'Change into the archive folder'.")
    ]


def test_the_longest_wrong_form_wins_and_a_right_form_is_no_finding(engine: Engine) -> None:
    text = "# Notes\n\nUnder gpl 3.0 and gpl, not GPL 3.0.\n"
    assert _found(engine, text) == [("gpl 3.0", "Use 'GPL 3.0' instead of 'gpl 3.0'"), ("gpl", "Use 'GPL' instead of 'gpl'")]


def test_capitalize_keeps_a_capital_and_the_replacement_is_quoted(engine: Engine) -> None:
    text = "# Notes\n\nMankind waited. It was good for mankind.\n"
    assert _found(engine, text) == [
        ("Mankind", "Write 'Humankind', not Mankind."),
        ("mankind", "Write 'humankind', not mankind."),
    ]


def test_without_capitalize_the_replacement_is_as_written(engine: Engine) -> None:
    text = "# Notes\n\nterm one.\n"
    assert _found(engine, text) == [("term", "Write 'Term', not 'term'.")]


def test_the_match_is_printed_without_white_space_at_its_ends(engine: Engine) -> None:
    assert _found(engine, "# Notes\n\nCats vs dogs.\n") == [("vs ", "Write 'versus', not 'vs'.")]


def test_inline_code_and_urls_are_not_read_in_markdown_but_are_in_plain_text(engine: Engine) -> None:
    text = "# Notes\n\nThe `term` value; see https://example.org/term and the term.\n"
    assert _found(engine, text) == [("term", "Write 'Term', not 'term'.")]
    assert len(_found(engine, "Notes\n\nThe `term` value and the term.\n", "story.txt")) == 2


OTHER_RULES = {
    "Intro.yml": 'extends: occurrence\nmessage: "No intro"\nscope: raw\nmin: 1\ntoken: "# Introduction"\n',
    "Short.yml": 'extends: occurrence\nmessage: "Too short."\nscope: raw\nmin: 8\ntoken: \\b(\\w+)\\b\n',
    "Html.yml": "extends: existence\nmessage: \"Link '%s' is to HTML.\"\nscope: raw\nraw:\n  - '\\[[^]]+\\]\\([\\w/.-]+\\.html\\)'\n",
    "Defined.yml": "extends: conditional\nmessage: \"'%s' has no definition\"\nignorecase: false\n"
    "first: '\\b([A-Z]{3,5})\\b'\nsecond: '([A-Z]{3,5}): (?:[A-Z][a-z]+ )+|(?:[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\n",
}


@pytest.fixture(scope="module")
def other(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return _desk(tmp_path_factory, OTHER_RULES)


def test_a_raw_counting_rule_counts_the_whole_file_with_its_markup_and_reports_at_the_first_match(other: Engine) -> None:
    text = "# Intro\n\nThe Harbour Board (HB) met.\n"
    got = [(f.rule, f.span.line, f.span.column) for f in other.lint_text(Path("a.md"), text)]
    assert ("desk.intro", 1, 1) in got  # none found: at the start
    assert ("desk.short", 1, 3) in got  # six words: at the first
    assert [f.rule for f in other.lint_text(Path("b.md"), "# Introduction\n\nThe board met on Tuesday in the hall.\n")] == []


def test_a_raw_rule_reads_markup_and_vale_comments_do_not_silence_it(other: Engine) -> None:
    text = "# Introduction\n\n<!-- vale off -->\n\nSee [the old page](old/page.html) for the rules that the board set.\n"
    assert [(f.rule, f.message) for f in other.lint_text(Path("a.md"), text)] == [
        ("desk.html", "Link '[the old page](old/page.html)' is to HTML.")
    ]


def test_a_definition_may_give_its_term_in_any_group(other: Engine) -> None:
    text = "# Introduction\n\nThe Harbour Board (HBD) and the WHO: World Health Organization met; HBD, WHO and ILO spoke at length.\n"
    assert [f.message for f in other.lint_text(Path("a.md"), text) if f.rule == "desk.defined"] == ["'ILO' has no definition"]


def test_a_heading_rule_reads_the_markups_headings_not_a_headline_read_from_plain_lines(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    heads = _desk(tmp_path_factory, {"Todo.yml": "extends: existence\nmessage: \"'%s' left\"\nscope: heading\ntokens: [TODO]\n"})
    markdown = "# TODO harbour plans\n\nTODO in the copy.\n\nCosts TODO\n----------\n\n## TODO timing\n"
    assert [f.span.line for f in heads.lint_text(Path("a.md"), markdown)] == [1, 5, 8]
    assert heads.lint_text(Path("b.md"), "TODO harbour plans\n\nThe board met.\n") == []  # a first line, not a heading
    assert heads.lint_text(Path("c.txt"), "TODO harbour plans\n\nThe board met.\n") == []


SCOPED = """# Harbour TWO THREE FOUR

> A quoted paragraph here. TODO

## Costs TWO THREE FOUR

- an item TODO

### Timing THREE FOUR

A paragraph here. TODO

#### Late FOUR TODO
"""


@pytest.mark.parametrize(
    ("scope", "token", "lines"),
    [
        ("~heading.h2", "THREE", [1, 9]),
        ("[heading.h1, heading.h3]", "FOUR", [1, 9]),
        ("~blockquote", "paragraph", [11]),
        ("blockquote", "paragraph", [3]),
        ("list", "TODO", [7]),
        ("~blockquote & ~heading", "TODO", [7, 11]),
    ],
)
def test_markup_scopes_select_by_heading_level_blockquote_and_list_with_negation_and_conjunction(
    tmp_path_factory: pytest.TempPathFactory, scope: str, token: str, lines: list[int]
) -> None:
    rule = f"extends: existence\nmessage: \"'%s' left\"\nignorecase: false\nscope: {scope}\ntokens: [{token}]\n"
    engine = _desk(tmp_path_factory, {"Left.yml": rule})
    assert [f.span.line for f in engine.lint_text(Path("a.md"), SCOPED)] == lines
    assert engine.load_notes == []


def test_an_unsupported_scope_skips_the_rule(tmp_path_factory: pytest.TempPathFactory) -> None:
    rule = "extends: existence\nmessage: \"'%s' left\"\nscope: ~table.cell\ntokens: [TODO]\n"
    engine = _desk(tmp_path_factory, {"Left.yml": rule})
    assert "desk.left" not in [r.id for r in engine.rules]
    assert "scope '~table.cell' is not supported; Vale rule Desk.Left skipped" in engine.load_notes[0]


PARTS = """# Pier TODO

The pier reopened TODO ![the TODO pier at dusk](pier.png) after [the TODO repairs](https://example.org/pier).

| Berth TODO | Boat |
| :--- | ---: |
| One | Ferry TODO |
| Two `TODO` | Tug \\| TODO |

Closing TODO line.
"""


@pytest.mark.parametrize(
    ("scope", "places"),
    [
        ("table.header", [(5, 9)]),
        ("table.cell", [(7, 15), (8, 23)]),
        ("table", [(5, 9), (7, 15), (8, 23)]),
        ("alt", [(3, 30)]),
        ("link", [(3, 70)]),
    ],
)
def test_table_alt_and_link_scopes_read_only_those_parts_of_markdown(
    tmp_path_factory: pytest.TempPathFactory, scope: str, places: list[tuple[int, int]]
) -> None:
    rule = f"extends: existence\nmessage: \"'%s' left\"\nscope: {scope}\ntokens: [TODO]\n"
    engine = _desk(tmp_path_factory, {"Left.yml": rule})
    assert engine.load_notes == []
    # inline code in a cell is not read, as everywhere; an escaped bar is no cell's edge
    assert [(f.span.line, f.span.column) for f in engine.lint_text(Path("a.md"), PARTS)] == places
    # plain text has no tables, images or links: the rule reads nothing there (never all the text)
    assert engine.lint_text(Path("a.txt"), PARTS) == []


def test_the_link_scope_reads_an_html_links_text(tmp_path_factory: pytest.TempPathFactory) -> None:
    rule = "extends: existence\nmessage: \"'%s' left\"\nscope: link\ntokens: [TODO]\n"
    engine = _desk(tmp_path_factory, {"Left.yml": rule})
    page = (
        "<html><body><article>\n<h1>Pier TODO</h1>\n"
        "<p>Repairs TODO, see <a href=\"/pier\">the <b>TODO</b> &amp; plans</a> and\n<a href=\"/x\">more</a> TODO.</p>\n"
        "</article></body></html>\n"
    )
    assert [(f.span.line, f.span.column) for f in engine.lint_text(Path("a.html"), page)] == [(3, 45)]


def test_an_occurrence_finding_stands_at_the_first_token_outside_inline_code(tmp_path_factory: pytest.TempPathFactory) -> None:
    rule = "extends: occurrence\nmessage: Too long.\nscope: heading\nmax: 30\ntoken: .\n"
    engine = _desk(tmp_path_factory, {"Long.yml": rule})
    text = "# Notes\n\n## `ferry timetable`, and the harbor rules\n\n## Short one\n"
    findings = engine.lint_text(Path("story.md"), text)
    assert [(f.span.line, f.span.column) for f in findings] == [(3, 21)]  # the comma: the code is counted, not pointed at
    plain = engine.lint_text(Path("story.txt"), "Notes\n\n`ferry timetable`, and the harbor rules\n")
    assert plain == []  # plain text has no headings


PAGE = """<html><body><article>
<h1>Pier TODO</h1>
<h2>Costs TODO</h2>
<p>A paragraph TODO.</p>
<ul><li>An item TODO</li><li><p>A wrapped item TODO</p></li></ul>
<blockquote><p>A quoted line TODO.</p></blockquote>
<h3>Timing TODO</h3>
</article></body></html>
"""


@pytest.mark.parametrize(
    ("scope", "lines"),
    [
        ("heading.h2", [3]),
        ("[heading.h1, heading.h3]", [2, 7]),
        ("list", [5, 5]),
        ("blockquote", [6]),
        ("~heading & ~list & ~blockquote", [4]),
    ],
)
def test_html_blocks_have_the_markup_kinds_their_tags_give(
    tmp_path_factory: pytest.TempPathFactory, scope: str, lines: list[int]
) -> None:
    rule = f"extends: existence\nmessage: \"'%s' left\"\nscope: {scope}\ntokens: [TODO]\n"
    engine = _desk(tmp_path_factory, {"Left.yml": rule})
    assert [f.span.line for f in engine.lint_text(Path("a.html"), PAGE)] == lines
