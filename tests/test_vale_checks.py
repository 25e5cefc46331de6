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
    rule = "extends: existence\nmessage: \"'%s' left\"\nscope: table.cell\ntokens: [TODO]\n"
    engine = _desk(tmp_path_factory, {"Left.yml": rule})
    assert "desk.left" not in [r.id for r in engine.rules]
    assert "scope 'table.cell' is not supported; Vale rule Desk.Left skipped" in engine.load_notes[0]
