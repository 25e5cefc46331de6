"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure
Pipelines and others).

A ``<testsuite>`` per file, named by its path, holds a ``<testcase>`` per
finding, named by its rule, with a ``<failure>`` whose ``message`` is the
finding's message, ``type`` its rule, and whose text says where it is and
how to fix it. A file without findings gets one passing test case. Counts
are in the ``tests``, ``failures`` and ``errors`` attributes of each suite
and of the ``<testsuites>`` root.

Set ``fail_on`` (a severity) to report findings below it
as passing test cases with the finding in ``<system-out>``, to match an
exit code that ignores them. Problems of the run (a rule or plugin that
failed) are ``<error>`` test cases in a suite named ``copydesk``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from linter.results.run import RunResult
from linter.results.findings import Finding, severity_rank
from linter.core.reporter import Reporter
from linter.reporters.locations import relative_path

PASSING_NAME = "all rules"
# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _element(parent: ET.Element, tag: str, attributes: dict[str, object], text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag, {key: xml_text(str(value)) for key, value in attributes.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


class JunitReporter(Reporter):
    root: Path | None = None

    def report(self, result: RunResult) -> None:
        tree = self.tree(result)
        ET.indent(tree, space="  ")
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(tree, encoding="unicode"))
        self.stream.write("\n")

    def failing(self, finding: Finding) -> bool:
        return self.fail_on is None or severity_rank(finding.severity) >= severity_rank(self.fail_on)

    def tree(self, result: RunResult) -> ET.Element:
        by_file: dict[str, list[Finding]] = {}
        for finding in result.findings:
            by_file.setdefault(relative_path(finding.path, self.root)[0], []).append(finding)
        clean_files = sorted({relative_path(p, self.root)[0] for p in result.files} - set(by_file))

        root = ET.Element("testsuites", {"name": "copydesk"})
        totals = {"tests": 0, "failures": 0, "errors": 0}
        for name in sorted({*by_file, *clean_files}):
            findings = by_file.get(name, [])
            suite = self._suite(root, name, len(findings) or 1, sum(map(self.failing, findings)), 0)
            for finding in findings:
                self._case(suite, name, finding)
            if not findings:
                _element(suite, "testcase", {"name": PASSING_NAME, "classname": name, "file": name, "time": "0"})
            totals["tests"] += len(findings) or 1
            totals["failures"] += sum(map(self.failing, findings))
        problems = list(dict.fromkeys(result.problems))
        if problems:
            suite = self._suite(root, "copydesk", len(problems), 0, len(problems))
            for problem in problems:
                case = _element(suite, "testcase", {"name": "run", "classname": "copydesk", "time": "0"})
                _element(case, "error", {"message": problem, "type": "problem"}, problem)
            totals["tests"] += len(problems)
            totals["errors"] += len(problems)
        for key, value in (*totals.items(), ("skipped", 0), ("time", 0)):
            root.set(key, str(value))
        return root

    def _suite(self, root: ET.Element, name: str, tests: int, failures: int, errors: int) -> ET.Element:
        attributes = {"name": name, "tests": tests, "failures": failures, "errors": errors, "skipped": 0, "time": 0}
        return _element(root, "testsuite", attributes)

    def _case(self, suite: ET.Element, name: str, finding: Finding) -> None:
        span = finding.span
        case = _element(
            suite, "testcase", {"name": finding.rule, "classname": name, "file": name, "line": span.line, "time": "0"}
        )
        details = f"{name}:{span.line}:{span.column}: {finding.severity} {finding.rule} {finding.message}"
        if finding.fix is not None:
            kind = "safe fix" if finding.fix.safe else "suggested fix"
            details += f"\n{kind}: {finding.fix.description}"
        if self.failing(finding):
            _element(case, "failure", {"message": finding.message, "type": finding.rule}, details)
        else:
            _element(case, "system-out", {}, details)
