"""Findings written through a Vale output template (``vale
--output=line.tmpl``): Go's text/template (see linter.support.gotemplate)
over Vale's data, ``.Files``, each with its ``.Path`` and its ``.Alerts``
(``.Line``, ``.Span`` (first and last column), ``.Check``, ``.Severity``,
``.Message``, ``.Match``, ``.Link``, ``.Description``). A Vale rule's
check is its ``Style.Rule`` and its severity Vale's level (``suggestion``
for copydesk's info); copydesk's own rules are given by their ids. Without
a template, Vale's ``--output=line`` form: ``path:line:column:Check:message``."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from linter.core.reporter import Reporter
from linter.core.vale import VALE_LEVELS, vale_name
from linter.results.findings import Finding
from linter.results.run import RunResult
from linter.support import gotemplate


# Vale's --output=line, the template when none is given
LINE = "{{range .Files}}{{$path := .Path}}{{range .Alerts}}{{$path}}:{{.Line}}:{{index .Span 0}}:{{.Check}}:{{.Message}}\n{{end}}{{end}}"


class ValeTemplateReporter(Reporter):
    def report(self, result: RunResult) -> None:
        findings = sorted(result.findings, key=lambda f: (str(f.path), f.span.line, f.span.column))
        files = [
            {"Path": path, "Alerts": [self._alert(f) for f in group]}
            for path, group in groupby(findings, key=lambda f: str(f.path))
        ]
        self.stream.write(gotemplate.render(self.settings.template or LINE, {"Files": files}))

    def _alert(self, finding: Finding) -> dict[str, Any]:
        rule = self.rules.get(finding.rule)
        vale = rule is not None and rule.pack.startswith("vale:")
        return {
            "Line": finding.span.line,
            "Span": [finding.span.column, max(finding.span.end_column - 1, finding.span.column)],
            "Check": vale_name(rule) if vale and rule is not None else finding.rule,
            "Severity": VALE_LEVELS.get(finding.severity, finding.severity),
            "Message": finding.message,
            "Match": "",
            "Link": "",
            "Description": rule.summary if rule is not None else "",
        }
