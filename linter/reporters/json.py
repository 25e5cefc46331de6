"""Machine-readable output: a JSON array of findings (see the README for the
fields)."""

from __future__ import annotations

import json

from linter.engine import RunResult
from linter.reporters.base import Reporter


class JsonReporter(Reporter):
    def report(self, result: RunResult) -> None:
        json.dump([f.as_dict() for f in result.findings], self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
