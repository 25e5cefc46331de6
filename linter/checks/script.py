"""script: what a Tengo script finds (Vale's ``script`` rules).

The script (see ``linter.support.tengo``) is given the text it reads as
``scope`` (with ``whole_text``, the file's whole text) and leaves its
findings in ``matches``: maps of ``begin`` and ``end`` (offsets in
``scope``) and, optionally, ``message``, which then replaces the rule's.
A script that fails is reported as the rule failing, as any check that
raises is."""

from __future__ import annotations

from typing import Any, Iterator

from linter.article.document import Document, Role
from linter.checks.markup import whole_or_segments
from linter.core.check import REQUIRED, Check, Param
from linter.results.findings import Finding


class _ScriptParam(Param):
    """Tengo source, read when the rule loads."""

    def convert(self, value: Any) -> Any:
        from linter.support import tengo  # only when a script rule loads: its patterns take milliseconds to build

        value = super().convert(value)
        try:
            tengo.parse(value)
        except tengo.ScriptError as error:
            raise ValueError(f"the script cannot be read: {error}") from None
        return value


class Script(Check):
    name = "script"
    summary = "What a Tengo script finds."
    params = {
        "script": _ScriptParam("str", REQUIRED, "Tengo source; its `matches` (begin, end, message) are the findings"),
        "whole_text": Param("bool", False, "the script reads the file's whole text, markup included (Vale's raw scope)"),
    }
    fields = ()
    default_scope = Role.ALL

    def check(self, doc: Document) -> Iterator[Finding]:
        from linter.support import tengo

        for text, start in whole_or_segments(self, doc):
            matches = tengo.run(self.options["script"], {"scope": text}).get("matches") or []
            for match in matches if isinstance(matches, list) else []:
                if not isinstance(match, dict):
                    continue
                begin, end = match.get("begin"), match.get("end")
                if not isinstance(begin, int) or not isinstance(end, int) or not 0 <= begin <= end <= len(text):
                    continue
                finding = self.finding(doc, start + begin, start + end)
                message = match.get("message")
                yield finding._replace(message=message) if isinstance(message, str) and message else finding
