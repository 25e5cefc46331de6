"""The committed rule reference is what `copydesk docs` generates now."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.cli import main

PAGE = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def test_the_rule_reference_is_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["docs"]) == 0
    generated = capsys.readouterr().out
    assert PAGE.read_text(encoding="utf-8") == generated, "run: copydesk docs --output docs/rules.md"
    for rule_id in ("repeated-paragraph", "unattributed-quote", "name-first-reference"):
        assert f"\n### {rule_id}\n" in generated
    assert "**Why.**" in generated and "**Example**" in generated and "**Fix.**" in generated
