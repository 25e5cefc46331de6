"""The stable face of copydesk for plugin authors: everything a plugin
needs, from one module.

    from linter.api import Check, Param, RulePack, hookimpl

The names here keep their meaning across releases; the modules behind them
(the layers: linter.core, linter.article, linter.results) may move. A
plugin that imports only this module is a plugin as the built-ins are.
"""

from __future__ import annotations

from linter.article.document import ArticleError, Block, Document, LineIndex, Quote, Role, Sentence, Span
from linter.core.check import REQUIRED, Check, CorpusCheck, Param
from linter.core.grouping import BY_KEY, BY_KEY_AND_BANDS
from linter.core.context import RunContext
from linter.core.hookspecs import InputFormat, ReporterSpec, RulePack, StyleFile, hookimpl
from linter.core.reporter import ReportSettings, Reporter
from linter.core.rule import Rule
from linter.results.findings import SEVERITIES, Edit, Finding, Fix
from linter.results.fixes import remove_block_fix, replace_fix
from linter.results.run import RunResult

__all__ = [
    # hooks and what they return
    "hookimpl",
    "InputFormat",
    "ReporterSpec",
    "RulePack",
    "StyleFile",
    # check types
    "Check",
    "CorpusCheck",
    "BY_KEY",
    "BY_KEY_AND_BANDS",
    "Param",
    "REQUIRED",
    "Rule",
    "RunContext",
    # the document a check reads, and what an input format builds
    "ArticleError",
    "Block",
    "Document",
    "LineIndex",
    "Quote",
    "Role",
    "Sentence",
    "Span",
    # what a check gives
    "Edit",
    "Finding",
    "Fix",
    "SEVERITIES",
    "remove_block_fix",
    "replace_fix",
    # reporters
    "Reporter",
    "ReportSettings",
    "RunResult",
]
