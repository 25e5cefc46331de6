"""What a reporter is: it writes a run's findings to a stream."""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Mapping, NamedTuple, TextIO

if TYPE_CHECKING:
    from linter.core.rule import Rule
    from linter.results.run import RunResult


class ReportSettings(NamedTuple):
    """What a reporter is told of the run besides its findings."""

    rules: Mapping[str, "Rule"] = {}  # the run's rules by id, for reporters that describe them
    fail_on: str | None = None  # the severity that fails the run
    docs_url: str = ""  # the config's template of where each rule's docs live ("{rule}" in it)
    show_source: bool = False  # print each finding's line under it
    unsafe_fixes: bool = False  # count and mark unsafe fixes as fixable
    template: str = ""  # the vale-template reporter's Go template (its text)


class Reporter:
    """Writes a run's findings to ``stream``, as ``settings`` say."""

    def __init__(self, stream: TextIO, settings: ReportSettings = ReportSettings()) -> None:
        self.stream = stream
        self.settings = settings
        self.rules: Mapping[str, "Rule"] = settings.rules
        self.fail_on = settings.fail_on
        self.docs_url = settings.docs_url
        self.show_source = settings.show_source
        self.unsafe_fixes = settings.unsafe_fixes

    def report(self, result: "RunResult") -> None:
        raise NotImplementedError


def build_reporter(reporter_class: type[Reporter], stream: TextIO, settings: ReportSettings) -> Reporter:
    """A reporter for ``stream`` built with ``settings``. A plugin's
    reporter written before reporters took their settings (its own
    ``__init__(self, stream)``) is given them as attributes, as it was then."""
    try:
        inspect.signature(reporter_class).bind(stream, settings)
    except TypeError:
        reporter = reporter_class(stream)  # type: ignore[call-arg]
        for name, value in settings._asdict().items():
            setattr(reporter, name, value)
        return reporter
    return reporter_class(stream, settings)
