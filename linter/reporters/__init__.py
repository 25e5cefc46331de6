"""Built-in reporters. Each is imported only when chosen."""

from __future__ import annotations

from linter.hookspecs import ReporterSpec, hookimpl


def _text():  # type: ignore[no-untyped-def]
    from linter.reporters.text import TextReporter

    return TextReporter


def _json():  # type: ignore[no-untyped-def]
    from linter.reporters.json import JsonReporter

    return JsonReporter


def _sarif():  # type: ignore[no-untyped-def]
    from linter.reporters.sarif import SarifReporter

    return SarifReporter


def _github():  # type: ignore[no-untyped-def]
    from linter.reporters.github import GithubReporter

    return GithubReporter


def _junit():  # type: ignore[no-untyped-def]
    from linter.reporters.junit import JunitReporter

    return JunitReporter


def _gitlab():  # type: ignore[no-untyped-def]
    from linter.reporters.gitlab import GitlabReporter

    return GitlabReporter


@hookimpl
def copydesk_reporters() -> list[ReporterSpec]:
    return [
        ReporterSpec("text", "path:line:col: severity rule message, and a summary", _text),
        ReporterSpec("json", "a JSON array of findings", _json),
        ReporterSpec("sarif", "a SARIF 2.1.0 log, for GitHub code scanning and SARIF viewers", _sarif),
        ReporterSpec("github", "GitHub Actions annotations (workflow commands), one line a finding", _github),
        ReporterSpec("junit", "JUnit XML: a test suite per file, a failing test case per finding", _junit),
        ReporterSpec("gitlab", "a GitLab Code Quality report (JSON)", _gitlab),
    ]
