"""The committed rule reference is what `copydesk docs` generates now."""

from __future__ import annotations

import pytest

from linter.cli import main
from conftest import ROOT

PAGE = ROOT / "docs" / "rules.md"


def test_the_rule_reference_is_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["docs"]) == 0
    generated = capsys.readouterr().out
    assert PAGE.read_text(encoding="utf-8") == generated, "run: copydesk docs --output docs/rules.md"
    for rule_id in ("repeated-paragraph", "unattributed-quote", "name-first-reference"):
        assert f"\n### {rule_id}\n" in generated
    assert "**Why.**" in generated and "**Example**" in generated and "**Fix.**" in generated


def test_the_reference_documents_every_check_type_from_its_code(capsys: pytest.CaptureFixture[str]) -> None:
    from linter.core.plugins import load_plugins

    assert main(["docs"]) == 0
    page = capsys.readouterr().out.split("\n## Check types\n", 1)[1]
    for name, check_type in load_plugins().check_types.items():
        section = page.split(f"\n### Check type `{name}`\n", 1)[1].split("\n### ", 1)[0]
        assert check_type.summary in section
        assert f"Reads {', '.join(check_type.default_scope)} unless" in section
        for field in check_type.fields:
            assert f"`{{{field}}}`" in section
        for key, param in check_type.params.items():
            assert f"| `{key}` | {param.kind}" in section and " ".join(param.help.split()) in section
    assert "| `threshold` | number | `0.8` |" in page  # a default as a rule file would write it
