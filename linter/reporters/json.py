"""Machine-readable output: a JSON array of findings (see the README for the
fields)."""

from __future__ import annotations

import json

from linter.results.run import RunResult
from linter.core.reporter import Reporter


class JsonReporter(Reporter):
    """Writes the array one finding at a time (the same text as dumping the
    whole list), so a run whose findings are spilled to disk streams."""

    def report(self, result: RunResult) -> None:
        write = self.stream.write
        first = True
        for finding in result.findings:
            item = json.dumps(finding.as_dict(), indent=2, ensure_ascii=False).replace("\n", "\n  ")
            write(("[\n  " if first else ",\n  ") + item)
            first = False
        write("[]\n" if first else "\n]\n")
