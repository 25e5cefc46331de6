"""The server: documents, diagnostics, code actions and hover over LSP."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from linter.support import patterns

from linter import version
from linter.article.document import LineIndex
from linter.support.errors import ConfigError
from linter.results.findings import Finding
from linter.lsp.edits import TextChange, fix_changes, safe_fix_changes, suppression_change
from linter.lsp.engines import Engines, Loaded
from linter.lsp.hover import hover_markdown, rule_docs_url
from linter.lsp.positions import to_offset, to_position
from linter.core.plugins import load_plugins

if TYPE_CHECKING:  # pragma: no cover
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

    from linter.core.rule import Rule

SOURCE = "copydesk"
DEBOUNCE_SECONDS = 0.3
EXIT_OK, EXIT_NO_SHUTDOWN, EXIT_NO_PYGLS = 0, 1, 2

# Which documents are articles, and how they are read: the file's suffix
# (any input format's, plugins' included) decides, else the client's
# language id.
FORMAT_BY_LANGUAGE = {"markdown": "markdown", "plaintext": "text", "text": "text"}  # "text": Neovim, Helix

log = logging.getLogger("copydesk.lsp")


@dataclass(frozen=True)
class Target:
    """A snapshot of an open document to lint."""

    uri: str
    version: int | None
    text: str
    format: str
    path: Path  # what the engine is told (its suffix picks the format)
    folder: Path  # where the config search starts


@dataclass
class Outcome:
    """What linting one snapshot gave, in the worker thread."""

    loaded: Loaded
    rebuilt: bool
    findings: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class DocState:
    """The latest findings of one document, with what answers code actions
    and hovers about them."""

    target: Target
    lines: LineIndex
    findings: list[Finding]
    rules: dict[str, "Rule"]
    error: ConfigError | None
    config_key: str
    diagnostics: list["types.Diagnostic"] = field(default_factory=list)
    docs_url: str = ""  # the config's template for rule documentation links

    @property
    def text(self) -> str:
        return self.target.text


def create_server(config: Path | None = None, style: str | None = None) -> "LanguageServer":
    """The language server, with every feature registered."""
    from lsprotocol import types
    from pygls.capabilities import get_capability
    from pygls.lsp.server import LanguageServer
    from pygls.uris import to_fs_path

    from linter.lsp.protocol import AnsweringProtocol

    ls = LanguageServer(
        "copydesk", version(), text_document_sync_kind=types.TextDocumentSyncKind.Full, protocol_cls=AnsweringProtocol
    )
    engines = Engines(config, style)
    states: dict[str, DocState] = {}
    pending: dict[str, asyncio.Task[Any]] = {}
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copydesk-lint")
    said: set[str] = set()
    severities = {
        "error": types.DiagnosticSeverity.Error,
        "warning": types.DiagnosticSeverity.Warning,
        "info": types.DiagnosticSeverity.Information,
    }
    ls.copydesk_worker = worker  # type: ignore[attr-defined]
    ls.copydesk_shutdown = False  # type: ignore[attr-defined]

    def encoding() -> str:
        value = ls.workspace.position_encoding
        return str(getattr(value, "value", value) or "utf-16")

    def capability(name: str, default: Any = None) -> Any:
        try:
            return get_capability(ls.client_capabilities, name, default)  # type: ignore[call-overload]
        except Exception:
            return default

    def lsp_range(lines: LineIndex, start: int, end: int) -> types.Range:
        enc = encoding()
        return types.Range(start=types.Position(*to_position(lines, start, enc)), end=types.Position(*to_position(lines, end, enc)))

    def show(kind: types.MessageType, message: str) -> None:
        ls.window_show_message(types.ShowMessageParams(type=kind, message=message))

    def log_once(message: str) -> None:
        if message not in said:
            said.add(message)
            ls.window_log_message(types.LogMessageParams(type=types.MessageType.Warning, message=f"copydesk: {message}"))

    # ---- snapshots and linting ----

    formats = load_plugins().formats
    format_by_suffix = {suffix: f.name for f in formats for suffix in f.suffixes}
    suffix_by_format = {f.name: f.suffixes[0] for f in formats}

    def target_of(uri: str) -> Target | None:
        doc = ls.workspace.text_documents.get(uri)
        if doc is None:
            return None
        fs_path = to_fs_path(uri) if uri.startswith("file:") else None
        path = Path(fs_path) if fs_path else None
        fmt = format_by_suffix.get(path.suffix.lower()) if path else None
        fmt = fmt or FORMAT_BY_LANGUAGE.get(doc.language_id or "")
        if fmt is None:
            return None
        root = Path(ls.workspace.root_path) if ls.workspace.root_path else Path.cwd()
        folder = path.parent if path else root
        if path and path.suffix.lower() in format_by_suffix:
            lint_path = path
        else:
            lint_path = (path or root / "untitled").with_suffix(suffix_by_format[fmt])
        return Target(uri, doc.version, doc.source, fmt, lint_path, folder)

    def lint_snapshot(target: Target) -> Outcome:  # runs in the worker thread
        try:
            loaded, rebuilt = engines.for_folder(target.folder)
        except Exception as error:  # e.g. a folder that cannot be read
            log.exception("finding the configuration of %s failed", target.uri)
            loaded, rebuilt = Loaded("", (), error=ConfigError(f"cannot read the configuration: {error!r}")), True
        outcome = Outcome(loaded, rebuilt)
        if loaded.engine is not None:
            try:
                outcome.findings = loaded.engine.lint_text(target.path, target.text, outcome.problems)
                patterns.persist()  # what the first runs compiled, for the next start
            except ConfigError as error:
                outcome.problems.append(str(error))
            except Exception as error:  # a bug must cost one run, not the server
                log.exception("linting %s failed", target.uri)
                outcome.problems.append(f"linting {target.path} failed: {error!r}")
        return outcome

    def diagnostics_of(state: DocState) -> list[types.Diagnostic]:
        if state.error is not None:
            first = state.lines.line_span(1)
            related = None
            if state.error.path:
                where = Path(state.error.path)
                row = max((state.error.line or 1) - 1, 0)
                location = types.Location(
                    uri=where.resolve().as_uri(),
                    range=types.Range(start=types.Position(row, 0), end=types.Position(row, 0)),
                )
                related = [types.DiagnosticRelatedInformation(location=location, message=state.error.message)]
            return [
                types.Diagnostic(
                    range=lsp_range(state.lines, *first),
                    message=f"copydesk cannot lint this document: {state.error}",
                    severity=types.DiagnosticSeverity.Error,
                    code="config-error",
                    source=SOURCE,
                    related_information=related,
                )
            ]
        return [diagnostic_of(state, f) for f in state.findings]

    def diagnostic_of(state: DocState, finding: Finding) -> types.Diagnostic:
        return types.Diagnostic(
            range=lsp_range(state.lines, finding.span.start, finding.span.end),
            message=finding.message,
            severity=severities.get(finding.severity, types.DiagnosticSeverity.Warning),
            code=finding.rule,
            code_description=types.CodeDescription(href=rule_docs_url(finding.rule, state.docs_url)) if state.docs_url else None,
            source=SOURCE,
        )

    def publish(uri: str, diagnostics: list[types.Diagnostic], version: int | None) -> None:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    def current_text(uri: str) -> str | None:
        doc = ls.workspace.text_documents.get(uri)
        return None if doc is None else doc.source

    async def lint(uri: str, publish_now: bool = True) -> DocState | None:
        """Lint the document as it is now; keep and (unless told not to)
        publish the result, if the document has not changed meanwhile."""
        target = target_of(uri)
        if target is None:
            return None
        outcome = await asyncio.get_running_loop().run_in_executor(worker, lint_snapshot, target)
        if current_text(uri) != target.text:
            return None  # changed or closed while linting: a newer run follows
        loaded = outcome.loaded
        state = DocState(
            target,
            LineIndex(target.text),
            outcome.findings,
            {r.id: r for r in loaded.engine.rules} if loaded.engine else {},
            loaded.error,
            loaded.key,
            docs_url=loaded.config.docs_url if loaded.config else "",
        )
        state.diagnostics = diagnostics_of(state)
        states[uri] = state
        if outcome.rebuilt:
            if loaded.error is not None:
                show(types.MessageType.Error, f"copydesk: {loaded.error}")
            for problem in loaded.problems:
                if problem not in said:
                    said.add(problem)
                    show(types.MessageType.Warning, f"copydesk: {problem}")
            for other, other_state in list(states.items()):  # others read the same config
                if other != uri and other_state.config_key == loaded.key:
                    schedule(other, 0)
        for problem in outcome.problems:
            log_once(problem)
        if publish_now:
            publish(uri, state.diagnostics, target.version)
        return state

    def schedule(uri: str, delay: float) -> None:
        """Lint after ``delay`` seconds, cancelling a run still pending."""
        cancel(uri)

        async def later() -> None:
            try:
                if delay:
                    await asyncio.sleep(delay)
                await lint(uri)
            except asyncio.CancelledError:
                raise
            except Exception:  # never let a run take the server down
                log.exception("linting %s failed", uri)
            finally:
                if pending.get(uri) is task:
                    del pending[uri]

        task = asyncio.ensure_future(later())
        pending[uri] = task

    def cancel(uri: str) -> None:
        task = pending.pop(uri, None)
        if task is not None and not task.done():
            task.cancel()

    async def fresh(uri: str) -> DocState | None:
        """The findings of the document's current text (linted now, without
        publishing, when a change is still waiting for its debounce)."""
        text = current_text(uri)
        if text is None:
            return None
        state = states.get(uri)
        if state is not None and state.text == text:
            return state
        return await lint(uri, publish_now=False)

    # ---- document events ----
    # The handlers are closures over the state above and take only the
    # params (pygls passes the server only to a first parameter named ls).

    @ls.feature(types.INITIALIZED)
    async def initialized(params: types.InitializedParams) -> None:
        if not capability("workspace.did_change_watched_files.dynamic_registration", False):
            return
        watchers = [types.FileSystemWatcher(glob_pattern=p) for p in ("**/*.{yaml,yml}", "**/pyproject.toml")]
        registration = types.Registration(
            id="copydesk-config-files",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
        )
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
        except Exception as error:  # the client said no: configs are still checked on every run
            log.info("cannot watch config files: %s", error)

    @ls.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        schedule(params.text_document.uri, 0)

    @ls.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        schedule(params.text_document.uri, DEBOUNCE_SECONDS)

    @ls.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        schedule(params.text_document.uri, 0)

    @ls.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        cancel(uri)
        if states.pop(uri, None) is not None:
            publish(uri, [], None)

    @ls.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(params: types.DidChangeWatchedFilesParams) -> None:
        for uri in list(states):
            schedule(uri, DEBOUNCE_SECONDS)

    @ls.feature(types.SHUTDOWN)
    def shutdown(params: Any = None) -> None:
        ls.copydesk_shutdown = True  # type: ignore[attr-defined]
        for uri in list(pending):
            cancel(uri)

    # ---- hover ----

    @ls.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(params: types.HoverParams) -> types.Hover | None:
        state = await fresh(params.text_document.uri)
        if state is None or not state.findings:
            return None
        at = to_offset(state.lines, params.position.line, params.position.character, encoding())
        under = [f for f in state.findings if f.span.start <= at < f.span.end or f.span.start == f.span.end == at]
        if not under:
            return None
        seen: list[Finding] = []
        for finding in under:
            if all(finding.rule != s.rule for s in seen):
                seen.append(finding)
        text = "\n\n---\n\n".join(hover_markdown(f, state.rules.get(f.rule), state.docs_url) for f in seen)
        formats = capability("text_document.hover.content_format", None)
        kind = types.MarkupKind.Markdown
        if formats is not None and types.MarkupKind.Markdown not in formats:
            kind = types.MarkupKind.PlainText
        narrowest = min(under, key=lambda f: f.span.end - f.span.start)
        return types.Hover(
            contents=types.MarkupContent(kind=kind, value=text),
            range=lsp_range(state.lines, narrowest.span.start, narrowest.span.end),
        )

    # ---- code actions ----

    fix_all_kind = f"{types.CodeActionKind.SourceFixAll.value}.copydesk"

    def wanted(only: list[str] | None, kind: str) -> bool:
        return only is None or any(kind == o or kind.startswith(f"{o}.") for o in only)

    def workspace_edit(state: DocState, changes: list[TextChange]) -> types.WorkspaceEdit:
        edits = [types.TextEdit(range=lsp_range(state.lines, c.start, c.end), new_text=c.replacement) for c in changes]
        uri = state.target.uri
        if capability("workspace.workspace_edit.document_changes", False):
            document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=state.target.version)
            return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document, edits=edits)])
        return types.WorkspaceEdit(changes={uri: edits})

    def findings_for(state: DocState, params: types.CodeActionParams) -> list[Finding]:
        """The findings the client's copydesk diagnostics stand for; without
        any (or when they are out of date), those the range touches."""
        by_key = {(d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character): f
                  for d, f in zip(state.diagnostics, state.findings)}
        matched: list[Finding] = []
        for diagnostic in params.context.diagnostics:
            if diagnostic.source != SOURCE:
                continue
            r = diagnostic.range
            finding = by_key.get((diagnostic.code, r.start.line, r.start.character, r.end.line, r.end.character))
            if finding is not None and finding not in matched:
                matched.append(finding)
        if matched:
            return matched
        enc = encoding()
        start = to_offset(state.lines, params.range.start.line, params.range.start.character, enc)
        end = to_offset(state.lines, params.range.end.line, params.range.end.character, enc)
        return [f for f in state.findings if f.span.start <= end and start <= f.span.end]

    @ls.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, fix_all_kind], resolve_provider=False),
    )
    async def code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
        state = await fresh(params.text_document.uri)
        if state is None or state.error is not None:
            return None
        only = [str(getattr(k, "value", k)) for k in params.context.only] if params.context.only else None
        quickfix = types.CodeActionKind.QuickFix.value
        actions: list[types.CodeAction] = []
        if wanted(only, quickfix):
            for finding in findings_for(state, params):
                diagnostic = state.diagnostics[state.findings.index(finding)]
                if finding.fix is not None and finding.fix.edits:
                    actions.append(
                        types.CodeAction(
                            title=finding.fix.description,
                            kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diagnostic],
                            edit=workspace_edit(state, fix_changes(finding.fix.edits)),
                            is_preferred=finding.fix.safe or None,
                        )
                    )
                if finding.rule not in state.rules:
                    continue  # not a rule (an unreadable file, say): nothing to silence
                silence = suppression_change(state.text, state.lines, state.target.format, finding.rule, finding.span.line)
                if silence is not None:
                    title, change = silence
                    actions.append(
                        types.CodeAction(
                            title=title,
                            kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diagnostic],
                            edit=workspace_edit(state, [change]),
                        )
                    )
        if wanted(only, fix_all_kind):
            changes = safe_fix_changes(state.findings)
            if changes:
                actions.append(
                    types.CodeAction(
                        title="Apply all safe copydesk fixes",
                        kind=fix_all_kind,
                        edit=workspace_edit(state, changes),
                    )
                )
        return actions

    return ls


def serve(args: argparse.Namespace) -> int:
    """Run the language server on standard input and output until the
    client says exit. Returns 0 after an orderly shutdown, 1 when the client
    went away without one, 2 when pygls is missing."""
    try:
        import lsprotocol.types  # noqa: F401
        import pygls.lsp.server  # noqa: F401
    except ImportError as error:
        print(
            f"copydesk: error: the language server needs pygls ({error}); "
            "install copydesk again with its dependencies (pip install copydesk, or pip install . from a clone)",
            file=sys.stderr,
        )
        return EXIT_NO_PYGLS
    # COPYDESK_LSP_LOG=debug (or info) shows pygls' and the server's log on
    # standard error, which editors keep in their LSP log.
    level = logging.getLevelName(os.environ.get("COPYDESK_LSP_LOG", "WARNING").upper())
    level = level if isinstance(level, int) else logging.WARNING
    logging.basicConfig(level=level, stream=sys.stderr, format="copydesk lsp: %(levelname)s %(name)s: %(message)s")
    config = getattr(args, "config", None)
    server = create_server(config=Path(config) if config else None, style=getattr(args, "style", None))
    # Standard output carries the protocol: anything else written there (by a
    # plugin's print, or straight to file descriptor 1 by a library) would
    # corrupt it, so the protocol gets a descriptor of its own and both
    # sys.stdout and descriptor 1 go to standard error.
    protocol_out, restore = _private_stdout()
    try:
        server.start_io(sys.stdin.buffer, protocol_out)
    finally:
        restore()
        server.copydesk_worker.shutdown(wait=False, cancel_futures=True)  # type: ignore[attr-defined]
    return EXIT_OK if server.copydesk_shutdown else EXIT_NO_SHUTDOWN  # type: ignore[attr-defined]


def _private_stdout() -> tuple[Any, Callable[[], None]]:
    """A binary stream on the real standard output for the protocol, with
    sys.stdout and file descriptor 1 sent to standard error; and a function
    that puts them back."""
    try:
        out_fd, err_fd = sys.__stdout__.fileno(), sys.__stderr__.fileno()  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):  # no real descriptors (an embedding program)
        protocol_out = sys.stdout.buffer
        sys.stdout = sys.stderr
        return protocol_out, lambda: setattr(sys, "stdout", sys.__stdout__)
    sys.__stdout__.flush()  # type: ignore[union-attr]
    saved = os.dup(out_fd)
    protocol_out = os.fdopen(os.dup(out_fd), "wb")
    os.dup2(err_fd, out_fd)
    sys.stdout = sys.stderr

    def restore() -> None:
        protocol_out.close()
        os.dup2(saved, out_fd)
        os.close(saved)
        sys.stdout = sys.__stdout__

    return protocol_out, restore
