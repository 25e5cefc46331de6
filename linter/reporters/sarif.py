"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

One run, its driver ``copydesk`` with a rule descriptor for every rule that
has a finding, and a result per finding: level, message, the region it
covers, a partial fingerprint that survives edits elsewhere in the file,
and the finding's fix as artifact changes.

Rule metadata (summary, docs, severity) comes from the settings' optional
``rules``, a mapping of rule id to :class:`linter.core.rule.Rule`::

    settings = ReportSettings(rules={rule.id: rule for rule in engine.rules})
    SarifReporter(stream, settings).report(result)

Without it every descriptor still carries the rule id, help address and a
level.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from linter import version
from linter.results.run import RunResult
from linter.results.findings import Finding
from linter.core.reporter import Reporter
from linter.reporters.locations import fingerprints, raw_relative_path

if TYPE_CHECKING:
    from linter.article.document import Span

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# The key GitHub code scanning reads to match a result across runs; when it
# is missing, its upload action computes one from the line's text instead.
FINGERPRINT_KEY = "primaryLocationLineHash"
_DOC_SECTIONS = (("what", "What it checks"), ("why", "Why"), ("example", "Example"), ("fix", "Fix"))


def artifact_location(path: Path, root: Path | None = None) -> dict[str, Any]:
    text, relative = raw_relative_path(path, root)
    if relative:  # the name's own bytes, percent-encoded (a name need not be UTF-8)
        return {"uri": quote(os.fsencode(text), safe="/"), "uriBaseId": SRCROOT}
    return {"uri": Path(text).as_uri()}


def region(span: "Span") -> dict[str, int]:
    """copydesk's spans are 1-based character columns with an exclusive
    end, as SARIF's text regions are."""
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }


class SarifReporter(Reporter):
    root: Path | None = None
    docs_url = ""  # the config's template for rule documentation ("{rule}"); "": no links

    def report(self, result: RunResult) -> None:
        json.dump(self.log(result), self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")

    def log(self, result: RunResult) -> dict[str, Any]:
        findings = list(result.findings)
        severities: dict[str, str] = {}
        for finding in findings:
            severities.setdefault(finding.rule, finding.severity)
        rule_ids = sorted(severities)
        index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
        prints = fingerprints(findings, self.root)
        driver: dict[str, Any] = {
            "name": "copydesk",
            "version": version(),
            "rules": [self.descriptor(rule_id, severities[rule_id]) for rule_id in rule_ids],
        }
        invocation: dict[str, Any] = {"executionSuccessful": True}
        if result.problems:
            invocation["toolExecutionNotifications"] = [
                {"level": "warning", "message": {"text": problem}} for problem in dict.fromkeys(result.problems)
            ]
        return {
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": driver},
                    "invocations": [invocation],
                    "columnKind": "unicodeCodePoints",
                    "newlineSequences": ["\r\n", "\r", "\n"],
                    "results": [self.result(f, index[f.rule], fp) for f, fp in zip(findings, prints)],
                }
            ],
        }

    def descriptor(self, rule_id: str, severity: str) -> dict[str, Any]:
        rule = (self.rules or {}).get(rule_id)
        summary = rule.summary if rule else rule_id
        docs = rule.docs if rule else {}
        descriptor: dict[str, Any] = {"id": rule_id, "shortDescription": {"text": summary or rule_id}}
        if docs.get("what"):
            descriptor["fullDescription"] = {"text": docs["what"]}
        sections = [(heading, docs[key]) for key, heading in _DOC_SECTIONS if docs.get(key)]
        if sections:
            descriptor["help"] = {
                "text": "\n\n".join(f"{heading}:\n{body}" for heading, body in sections),
                "markdown": "\n\n".join(
                    f"**{heading}**\n\n```text\n{body}\n```" if heading == "Example" else f"**{heading}**\n\n{body}"
                    for heading, body in sections
                ),
            }
        if self.docs_url:
            descriptor["helpUri"] = self.docs_url.format(rule=quote(rule_id))
        descriptor["defaultConfiguration"] = {"level": LEVELS.get(rule.severity if rule else severity, "warning")}
        return descriptor

    def result(self, finding: Finding, rule_index: int, fingerprint: str) -> dict[str, Any]:
        location = artifact_location(finding.path, self.root)
        sarif: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": rule_index,
            "level": LEVELS.get(finding.severity, "warning"),
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": {"artifactLocation": location, "region": region(finding.span)}}],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        }
        fix = finding.fix
        if fix is not None and fix.edits:
            sarif["fixes"] = [
                {
                    "description": {"text": fix.description},
                    "artifactChanges": [
                        {
                            "artifactLocation": dict(location),
                            "replacements": [
                                {"deletedRegion": region(edit.span), "insertedContent": {"text": edit.replacement}}
                                for edit in fix.edits
                            ],
                        }
                    ],
                    "properties": {"safe": fix.safe},
                }
            ]
        return sarif
