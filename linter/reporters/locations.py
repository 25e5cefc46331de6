"""Where findings are, as CI tools want it: paths relative to the
repository root, and fingerprints that follow a finding across edits.
Shared by the SARIF, GitHub, GitLab and JUnit reporters."""

from __future__ import annotations

import hashlib
import posixpath
from collections import Counter
from pathlib import Path
from typing import Sequence

from linter.results.findings import Finding, printable
from linter.support.textnorm import normalize


def relative_path(path: Path, root: Path | None = None) -> tuple[str, bool]:
    """``path`` as a printable POSIX string (see ``findings.printable``),
    relative to ``root`` (default: the working folder) when it lies inside
    it, and whether the result is relative."""
    text, relative = raw_relative_path(path, root)
    return printable(text), relative


def raw_relative_path(path: Path, root: Path | None = None) -> tuple[str, bool]:
    """``relative_path`` without the escaping, for a URI of the name's bytes."""
    root = root or Path.cwd()
    if path.is_absolute():
        for candidate, base in ((path, root), (path.resolve(), root.resolve())):
            try:
                path = candidate.relative_to(base)
                break
            except ValueError:
                continue
        else:
            return path.as_posix(), False
    text = posixpath.normpath(path.as_posix())
    if text == ".." or text.startswith("../"):
        return (root / path).resolve().as_posix(), False
    return text, True


def fingerprints(findings: Sequence[Finding], root: Path | None = None) -> list[str]:
    """A stable identity per finding, for code scanning and code quality
    tools to follow it from run to run: a hash of its rule, its file (as
    reported) and what it is about (the finding's own ``fingerprint``, a
    hash of the normalised text it covers), never its line, so that it
    survives lines added or removed elsewhere in the file. The ``n``th
    finding of one rule about the same text in one file is told apart by
    ``n``. A finding without a ``fingerprint`` (from a plugin that builds
    findings by hand) is identified by its message."""
    order = sorted(range(len(findings)), key=lambda i: findings[i].sort_key())
    seen: Counter[tuple[str, str, str]] = Counter()
    result = [""] * len(findings)
    for i in order:
        finding = findings[i]
        about = finding.fingerprint or f"message:{normalize(finding.message)}"
        key = (finding.rule, relative_path(finding.path, root)[0], about)
        seen[key] += 1
        payload = "\0".join((*key, str(seen[key])))
        result[i] = hashlib.sha256(payload.encode("utf-8")).hexdigest()
    return result
