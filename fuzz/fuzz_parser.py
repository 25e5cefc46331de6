"""An atheris fuzz target for the parsers and every shipped rule, run on
demand (never in CI):

    pip install atheris
    python fuzz/fuzz_parser.py -max_total_time=120

It feeds arbitrary bytes through copydesk's own decoding, both input
formats and every rule, and fails on any exception or on a finding whose
span does not lie in the text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from linter.core.config import Config
    from linter.article.document import LineIndex
    from linter.core.engine import Engine
    from linter.core.plugins import load_plugins

ENGINE = Engine(Config(), load_plugins())


def test_one_input(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    for name in ("story.txt", "story.md"):
        problems: list[str] = []
        findings = ENGINE.lint_text(Path(name), text, problems)
        if problems:
            raise AssertionError(problems)
        lines = LineIndex(text)
        for finding in findings:
            span = finding.span
            if not (0 <= span.start <= span.end <= len(text)) or lines.span(span.start, span.end) != span:
                raise AssertionError(f"bad span {span} for {finding.rule}")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
