"""Built-in reporters. Each is imported only when chosen."""

from __future__ import annotations

from linter.hookspecs import ReporterSpec, hookimpl


def _text():  # type: ignore[no-untyped-def]
    from linter.reporters.text import TextReporter

    return TextReporter


def _json():  # type: ignore[no-untyped-def]
    from linter.reporters.json import JsonReporter

    return JsonReporter


@hookimpl
def copydesk_reporters() -> list[ReporterSpec]:
    return [
        ReporterSpec("text", "path:line:col: severity rule message, and a summary", _text),
        ReporterSpec("json", "a JSON array of findings", _json),
    ]
