"""``--statistics``: how many findings each rule has."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from linter.results.run import RunResult
    from linter.core.rule import Rule


def write_statistics(result: "RunResult", rules: dict[str, "Rule"], out: TextIO) -> None:
    counts = Counter(f.rule for f in result.findings)
    severity = {f.rule: f.severity for f in result.findings}
    width = max((len(rule) for rule in counts), default=0)
    for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        summary = rules[rule].summary if rule in rules else ""
        out.write(f"{count:>6}  {rule:<{width}}  {severity[rule]:<7}  {summary}\n")
    out.write(f"{sum(counts.values())} findings in {result.files_checked} files.\n")
