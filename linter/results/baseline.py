"""Baselines: record today's findings, then report only new ones.

A newsroom can gate CI on an archive of thousands of old stories from day
one. Findings are matched on file, rule and fingerprint (a hash of the
text they are about), never on line numbers, so edits elsewhere in a file
do not bring old findings back; each recorded finding excuses one
occurrence.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Iterable

from linter.support.errors import ConfigError
from linter.results.findings import Finding

VERSION = 1


def _key(finding: Finding, base: Path) -> tuple[str, str, str]:
    relative = Path(os.path.relpath(finding.path.resolve(), base)).as_posix()
    return relative, finding.rule, finding.fingerprint


def write(path: Path, findings: Iterable[Finding]) -> int:
    """Write the baseline; return how many findings it records."""
    counts = Counter(_key(f, path.resolve().parent) for f in findings)
    entries = [
        {"path": file, "rule": rule, "fingerprint": fingerprint, "count": count}
        for (file, rule, fingerprint), count in sorted(counts.items())
    ]
    path.write_text(json.dumps({"version": VERSION, "findings": entries}, indent=1) + "\n", encoding="utf-8")
    return sum(counts.values())


def load(path: Path) -> Counter[tuple[str, str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Counter(
            {(e["path"], e["rule"], e["fingerprint"]): int(e["count"]) for e in data["findings"]}
        )
    except OSError as error:
        raise ConfigError(f"cannot read the baseline: {error.strerror or error}", path) from None
    except (ValueError, KeyError, TypeError) as error:
        raise ConfigError(f"not a copydesk baseline: {error!r}", path) from None


def new_findings(findings: Iterable[Finding], baseline: Counter[tuple[str, str, str]], path: Path) -> list[Finding]:
    """The findings the baseline does not excuse."""
    left = Counter(baseline)
    base = path.resolve().parent
    fresh = []
    for finding in findings:
        key = _key(finding, base)
        if left[key] > 0:
            left[key] -= 1
        else:
            fresh.append(finding)
    return fresh
