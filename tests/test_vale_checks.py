"""Vale's substitution and existence fields as copydesk reads them: ``$1``
in a replacement, the longest wrong form, ``capitalize``, the replacement
quoted in the message, and Markdown's inline code and URLs left unread.
The styles and stories are written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import covered
from linter.config import Config
from linter.engine import Engine
from linter.plugins import load_plugins

RULES = {
    "Dirs.yml": 'extends: substitution\nmessage: "Use \'%s\' instead of \'%s\'."\nignorecase: true\n'
    'swap:\n  "change in(?: )?to the (\\\\w+) folder": change to the $1 folder\n',
    "Licence.yml": "extends: substitution\nmessage: Use '%s' instead of '%s'\nignorecase: true\n"
    "swap:\n  GPL: GPL\n  GPL[ -]?3(?:\\.0)?: GPL 3.0\n",
    "Kind.yml": "extends: substitution\nmessage: Write %s, not %s.\ncapitalize: true\nignorecase: true\nswap:\n  mankind: humankind\n",
    "Plain.yml": "extends: substitution\nmessage: Write '%s', not '%s'.\nswap:\n  term: Term\n",
    "Versus.yml": "extends: substitution\nmessage: Write '%s', not '%s'.\nnonword: true\nswap:\n  '\\b[Vv]s\\s': versus\n",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    style = tmp_path_factory.mktemp("styles") / "Desk"
    style.mkdir()
    for name, text in RULES.items():
        (style / name).write_text(text)
    return Engine(Config(vale=[style], select=["desk.*"]), load_plugins())


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
