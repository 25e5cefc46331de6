"""Built-in reporters. Each is imported only when chosen."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Callable

from linter.core.hookspecs import ReporterSpec, hookimpl

if TYPE_CHECKING:
    from linter.core.reporter import Reporter


def _lazy(module: str, name: str) -> Callable[[], type[Reporter]]:
    """A loader that imports the reporter's module only when it is chosen."""

    def load() -> type[Reporter]:
        return getattr(importlib.import_module(f"linter.reporters.{module}"), name)

    return load


@hookimpl
def copydesk_reporters() -> list[ReporterSpec]:
    return [
        ReporterSpec("text", "path:line:col: severity rule message, and a summary", _lazy("text", "TextReporter")),
        ReporterSpec("json", "a JSON array of findings", _lazy("json", "JsonReporter")),
        ReporterSpec("sarif", "a SARIF 2.1.0 log, for GitHub code scanning and SARIF viewers", _lazy("sarif", "SarifReporter")),
        ReporterSpec("github", "GitHub Actions annotations (workflow commands), one line a finding", _lazy("github", "GithubReporter")),
        ReporterSpec("junit", "JUnit XML: a test suite per file, a failing test case per finding", _lazy("junit", "JunitReporter")),
        ReporterSpec("gitlab", "a GitLab Code Quality report (JSON)", _lazy("gitlab", "GitlabReporter")),
        ReporterSpec("vale-template", "a Vale output template (Go text/template; --vale-output)", _lazy("vale_template", "ValeTemplateReporter")),
    ]
