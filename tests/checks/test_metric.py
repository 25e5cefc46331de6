"""The metric check type (Vale's ``metric``): a formula of the document's
counts, reported at its start when the condition holds; a bad formula or
condition is a rule error on load."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.checks.metric import counts
from linter.core.config import Config
from linter.core.engine import Engine
from linter.support.errors import ConfigError
from linter.formats.markdown import parse
from linter.core.plugins import load_plugins

SOURCE = """# Harbour plans

The board met on Tuesday. It voted twice.

## Costs

- dredging
- new cranes

> A quoted line.

## Timing

```text
not counted
## not a heading
```
"""


def test_the_structure_of_a_markdown_story_is_counted() -> None:
    doc = parse(Path("story.md"), SOURCE)
    values = counts(doc, [block.text for block in doc.blocks], doc.blocks)
    assert (values["heading.h1"], values["heading.h2"], values["heading.h3"]) == (1, 2, 0)
    assert (values["list"], values["blockquote"], values["pre"]) == (1, 1, 1)


def _engine(tmp_path: Path, formula: str, condition: str) -> Engine:
    rules = tmp_path / "rules"
    rules.mkdir(exist_ok=True)
    (rules / "sections.yaml").write_text(
        f"id: too-many-sections\ncheck: metric\nseverity: info\nmessage: 'This story has {{value}} sections.'\n"
        f"formula: '{formula}'\ncondition: '{condition}'\n"
    )
    return Engine(Config(rules=[rules], select=["too-many-sections"]), load_plugins())


def test_a_finding_when_the_condition_holds_at_the_start_with_two_decimals(tmp_path: Path) -> None:
    findings = _engine(tmp_path, "heading.h2 + list / 2", "> 2").lint_text(Path("story.md"), SOURCE)
    assert [(f.span.line, f.span.column, f.message) for f in findings] == [(1, 1, "This story has 2.50 sections.")]
    assert _engine(tmp_path, "heading.h2", ">= 3").lint_text(Path("story.md"), SOURCE) == []


@pytest.mark.parametrize(
    ("formula", "condition", "problem"),
    [("headings + 1", "> 1", "unknown variable 'headings'"), ("words ** 2", "> 1", "not Pow"), ("words", "big", "must compare")],
)
def test_a_bad_formula_or_condition_is_reported_on_load(tmp_path: Path, formula: str, condition: str, problem: str) -> None:
    with pytest.raises(ConfigError, match=problem):
        _engine(tmp_path, formula, condition)


def test_a_vale_metric_rule_counts_the_prose_not_its_headings(tmp_path: Path) -> None:
    style = tmp_path / "Desk"
    style.mkdir()
    (style / "Lix.yml").write_text(
        "extends: metric\nmessage: 'LIX %s'\nscope: heading\n"
        "formula: (words / sentences) + ((long_words * 100) / words)\ncondition: '> 1'\n"
    )
    story = "# Harbourmasters Everywhere\n\nThe ferry left early. Passengers waited patiently.\n\n## Afterwards\n\nIt rained.\n"
    findings = Engine(Config(vale=[style], select=["desk.*"]), load_plugins()).lint_text(Path("story.md"), story)
    # 9 words in 3 sentences, 2 of them long (passengers, patiently): 3 + 200 / 9; the headings' three
    # long words would make it 12 words in 5 sentences
    assert [f.message for f in findings] == ["LIX 25.22"]
