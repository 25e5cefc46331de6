"""Every rule's findings on a corpus, held fixed.

Speed work changes how rules run (pattern caches, indexes of required
words, one pass instead of many), never what they find. This test lints,
with every shipped rule on (those off in their pack's defaults too), 60 articles of the benchmark corpus
(deterministic, with planted defects and copy shared between stories) and
the project's own test articles (the labelled sets, the fixtures and the
examples: real newsroom prose that most rules fire on), and compares each
finding's place, rule and message with tests/fixtures/corpus-findings.json.
A deliberate change to a rule updates that file:

    COPYDESK_REGENERATE=1 python -m pytest tests/test_corpus_findings.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path
import shutil

from benchmarks.corpus import build
from linter.core.config import Config
from linter.core.engine import Engine
from linter.core.plugins import load_plugins

TESTS = Path(__file__).parent
EXPECTED = TESTS / "fixtures" / "corpus-findings.json"
ARTICLE_FOLDERS = ("labelled/attribution", "labelled/people", "fixtures/articles", "fixtures/examples")
ARTICLES = 60


def _findings(folder: Path, jobs: int) -> list[list[object]]:
    plugins = load_plugins()
    every = sorted(Engine(Config(packs=["newsroom"]), plugins).all_rules())  # off-by-default rules too
    engine = Engine(Config(packs=["newsroom"], select=every), plugins)
    result = engine.lint_paths([folder], jobs=jobs)
    assert not result.problems, result.problems
    return [
        [
            f.path.relative_to(folder).as_posix(),
            *(f.span.line, f.span.column, f.span.end_line, f.span.end_column),
            f.rule,
            f.message.replace(f"{folder}{os.sep}", ""),
        ]
        for f in result.findings
    ]


def test_every_rule_finds_what_it_found_before(tmp_path: Path) -> None:
    folder = build(tmp_path / "corpus" / "synthetic", ARTICLES).parent
    for name in ARTICLE_FOLDERS:
        shutil.copytree(TESTS / name, folder / name, ignore=shutil.ignore_patterns("*.yaml", "*.py", "*.json"))
    found = _findings(folder, jobs=1)
    if os.environ.get("COPYDESK_REGENERATE"):
        EXPECTED.write_text(json.dumps(found, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    assert len({rule for *_, rule, _ in found}) >= 10  # the corpus plants many kinds of defect
    assert found == json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert _findings(folder, jobs=2) == found
