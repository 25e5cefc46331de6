"""copydesk's findings, fixes and suppressions in the protocol's terms:
diagnostics, ranges, workspace edits, code actions and hovers. Pure
functions of a document's state and what the client supports; the server
(linter.lsp.server) only gathers their arguments."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from linter.article.document import LineIndex
from linter.lsp.documents import DocState
from linter.lsp.edits import TextChange, fix_changes, safe_fix_changes, suppression_change
from linter.lsp.hover import hover_markdown, rule_docs_url
from linter.lsp.positions import to_offset, to_position
from linter.results.findings import Finding
from linter.support.errors import ConfigError

SOURCE = "copydesk"
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.copydesk"
SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def to_range(lines: LineIndex, start: int, end: int, encoding: str) -> types.Range:
    """The LSP range of character offsets ``start`` to ``end``."""
    return types.Range(
        start=types.Position(*to_position(lines, start, encoding)), end=types.Position(*to_position(lines, end, encoding))
    )


def diagnostic(finding: Finding, lines: LineIndex, encoding: str, docs_url: str = "") -> types.Diagnostic:
    """A finding as a diagnostic, linked to its rule's docs when the config
    says where they live."""
    return types.Diagnostic(
        range=to_range(lines, finding.span.start, finding.span.end, encoding),
        message=finding.message,
        severity=SEVERITIES.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.rule,
        code_description=types.CodeDescription(href=rule_docs_url(finding.rule, docs_url)) if docs_url else None,
        source=SOURCE,
    )


def config_error_diagnostic(error: ConfigError, lines: LineIndex, encoding: str) -> types.Diagnostic:
    """The diagnostic on a document's first line that says why it cannot be
    linted, pointing at the file and line of the configuration error."""
    related = None
    if error.path:
        row = max((error.line or 1) - 1, 0)
        location = types.Location(
            uri=Path(error.path).resolve().as_uri(),
            range=types.Range(start=types.Position(row, 0), end=types.Position(row, 0)),
        )
        related = [types.DiagnosticRelatedInformation(location=location, message=error.message)]
    return types.Diagnostic(
        range=to_range(lines, *lines.line_span(1), encoding),
        message=f"copydesk cannot lint this document: {error}",
        severity=types.DiagnosticSeverity.Error,
        code="config-error",
        source=SOURCE,
        related_information=related,
    )


def diagnostics(state: DocState, encoding: str) -> list[types.Diagnostic]:
    """A document's diagnostics: one per finding, or the configuration error."""
    if state.error is not None:
        return [config_error_diagnostic(state.error, state.lines, encoding)]
    return [diagnostic(f, state.lines, encoding, state.docs_url) for f in state.findings]


def workspace_edit(state: DocState, changes: list[TextChange], encoding: str, document_changes: bool) -> types.WorkspaceEdit:
    """The edit making ``changes`` to the document: versioned document
    changes where the client takes them, else a plain map of changes."""
    edits = [types.TextEdit(range=to_range(state.lines, c.start, c.end, encoding), new_text=c.replacement) for c in changes]
    uri = state.target.uri
    if document_changes:
        document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=state.target.version)
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document, edits=edits)])
    return types.WorkspaceEdit(changes={uri: edits})


def findings_for(state: DocState, context: list[types.Diagnostic], where: types.Range, encoding: str) -> list[Finding]:
    """The findings the client's copydesk diagnostics (``context``) stand
    for; without any (or when they are out of date), those ``where`` touches."""
    by_key = {_key(d.code, d.range): f for d, f in zip(state.diagnostics, state.findings)}
    matched: list[Finding] = []
    for item in context:
        if item.source != SOURCE:
            continue
        finding = by_key.get(_key(item.code, item.range))
        if finding is not None and finding not in matched:
            matched.append(finding)
    if matched:
        return matched
    start = to_offset(state.lines, where.start.line, where.start.character, encoding)
    end = to_offset(state.lines, where.end.line, where.end.character, encoding)
    return [f for f in state.findings if f.span.start <= end and start <= f.span.end]


def _key(code: object, where: types.Range) -> tuple[object, int, int, int, int]:
    return (code, where.start.line, where.start.character, where.end.line, where.end.character)


def wanted(only: list[str] | None, kind: str) -> bool:
    """Whether the client asked for actions of ``kind`` (``only``: the kinds
    it asked for, None for all)."""
    return only is None or any(kind == o or kind.startswith(f"{o}.") for o in only)


def code_actions(
    state: DocState, chosen: list[Finding], only: list[str] | None, encoding: str, document_changes: bool
) -> list[types.CodeAction]:
    """For each finding ``chosen``, its fix and a suppression comment
    (quick fixes); and "apply all safe fixes" for the document."""
    actions: list[types.CodeAction] = []
    if wanted(only, types.CodeActionKind.QuickFix.value):
        for finding in chosen:
            actions += _quick_fixes(state, finding, encoding, document_changes)
    if wanted(only, FIX_ALL_KIND):
        changes = safe_fix_changes(state.findings)
        if changes:
            edit = workspace_edit(state, changes, encoding, document_changes)
            actions.append(types.CodeAction(title="Apply all safe copydesk fixes", kind=FIX_ALL_KIND, edit=edit))
    return actions


def _quick_fixes(state: DocState, finding: Finding, encoding: str, document_changes: bool) -> list[types.CodeAction]:
    about = [state.diagnostics[state.findings.index(finding)]]
    actions = []
    if finding.fix is not None and finding.fix.edits:
        actions.append(
            types.CodeAction(
                title=finding.fix.description,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=about,
                edit=workspace_edit(state, fix_changes(finding.fix.edits), encoding, document_changes),
                is_preferred=finding.fix.safe or None,
            )
        )
    if finding.rule not in state.rules:
        return actions  # not a rule (an unreadable file, say): nothing to silence
    silence = suppression_change(state.text, state.lines, state.target.format, finding.rule, finding.span.line)
    if silence is not None:
        title, change = silence
        actions.append(
            types.CodeAction(
                title=title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=about,
                edit=workspace_edit(state, [change], encoding, document_changes),
            )
        )
    return actions


def hover(state: DocState, position: types.Position, encoding: str, markdown: bool) -> types.Hover | None:
    """The docs of the rules of the findings under ``position`` (one
    section a rule), over the narrowest of them; None where there is none."""
    at = to_offset(state.lines, position.line, position.character, encoding)
    under = [f for f in state.findings if f.span.start <= at < f.span.end or f.span.start == f.span.end == at]
    if not under:
        return None
    seen: list[Finding] = []
    for finding in under:
        if all(finding.rule != s.rule for s in seen):
            seen.append(finding)
    text = "\n\n---\n\n".join(hover_markdown(f, state.rules.get(f.rule), state.docs_url) for f in seen)
    kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
    narrowest = min(under, key=lambda f: f.span.end - f.span.start)
    return types.Hover(
        contents=types.MarkupContent(kind=kind, value=text),
        range=to_range(state.lines, narrowest.span.start, narrowest.span.end, encoding),
    )
