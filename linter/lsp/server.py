"""The server: its state (open documents, pending runs, the engines and the
worker thread) in a CopydeskServer, and thin handlers that gather what the
conversions (linter.lsp.conversions) need and send what they give."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from linter import version
from linter.article.document import LineIndex
from linter.core.plugins import load_plugins
from linter.lsp import conversions
from linter.lsp.documents import DocState, Outcome, Target
from linter.lsp.engines import Engines, Loaded
from linter.lsp.known import KnownResults
from linter.lsp.protocol import AnsweringProtocol
from linter.support import patterns
from linter.support.errors import ConfigError

DEBOUNCE_SECONDS = 0.3
EXIT_OK, EXIT_NO_SHUTDOWN = 0, 1

# Which documents are articles, and how they are read: the file's suffix
# (any input format's, plugins' included) decides, else the client's
# language id.
FORMAT_BY_LANGUAGE = {"markdown": "markdown", "plaintext": "text", "text": "text"}  # "text": Neovim, Helix

log = logging.getLogger("copydesk.lsp")


def lint_snapshot(engines: Engines, known: KnownResults, target: Target) -> Outcome:
    """Lint one snapshot with the engine of its folder's config (in the
    worker thread), or take the findings ``known`` has for it; a failure is
    an outcome too, never an exception."""
    try:
        loaded, rebuilt = engines.for_folder(target.folder)
    except Exception as error:  # e.g. a folder that cannot be read
        log.exception("finding the configuration of %s failed", target.uri)
        loaded, rebuilt = Loaded("", (), error=ConfigError(f"cannot read the configuration: {error!r}")), True
    outcome = Outcome(loaded, rebuilt)
    if loaded.engine is not None:
        try:
            outcome.findings = known.lint(loaded, target, outcome.problems)
            patterns.persist()  # what the first runs compiled, for the next start
        except ConfigError as error:
            outcome.problems.append(str(error))
        except Exception as error:  # a bug must cost one run, not the server
            log.exception("linting %s failed", target.uri)
            outcome.problems.append(f"linting {target.path} failed: {error!r}")
    return outcome


class CopydeskServer:
    """The language server's state and handlers. pygls' LanguageServer
    (``ls``) carries the protocol; everything copydesk keeps lives here."""

    def __init__(self, config: Path | None = None, style: str | None = None) -> None:
        self.ls = LanguageServer(
            "copydesk", version(), text_document_sync_kind=types.TextDocumentSyncKind.Full, protocol_cls=AnsweringProtocol
        )
        self.engines = Engines(config, style)
        self.known = KnownResults()  # findings of texts linted before (used in the worker thread)
        self.states: dict[str, DocState] = {}  # by URI: the latest findings of each open document
        self.pending: dict[str, asyncio.Task[Any]] = {}  # by URI: a run waiting for its debounce
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copydesk-lint")
        self.said: set[str] = set()  # problems already shown or logged
        self.shut_down = False  # whether the client asked for an orderly shutdown
        formats = load_plugins().formats
        self.format_by_suffix = {suffix: f.name for f in formats for suffix in f.suffixes}
        self.suffix_by_format = {f.name: f.suffixes[0] for f in formats}
        self._register()

    # ---- what the client negotiated ----

    def encoding(self) -> str:
        value = self.ls.workspace.position_encoding
        return str(getattr(value, "value", value) or "utf-16")

    def capability(self, name: str, default: Any = None) -> Any:
        try:
            return get_capability(self.ls.client_capabilities, name, default)  # type: ignore[call-overload]
        except Exception:
            return default

    # ---- messages ----

    def show(self, kind: types.MessageType, message: str) -> None:
        self.ls.window_show_message(types.ShowMessageParams(type=kind, message=message))

    def log_once(self, message: str) -> None:
        if message not in self.said:
            self.said.add(message)
            self.ls.window_log_message(types.LogMessageParams(type=types.MessageType.Warning, message=f"copydesk: {message}"))

    def publish(self, uri: str, diagnostics: list[types.Diagnostic], version: int | None) -> None:
        self.ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    # ---- snapshots and linting ----

    def current_text(self, uri: str) -> str | None:
        doc = self.ls.workspace.text_documents.get(uri)
        return None if doc is None else doc.source

    def target_of(self, uri: str) -> Target | None:
        doc = self.ls.workspace.text_documents.get(uri)
        if doc is None:
            return None
        fs_path = to_fs_path(uri) if uri.startswith("file:") else None
        path = Path(fs_path) if fs_path else None
        fmt = self.format_by_suffix.get(path.suffix.lower()) if path else None
        fmt = fmt or FORMAT_BY_LANGUAGE.get(doc.language_id or "")
        if fmt is None:
            return None
        root = Path(self.ls.workspace.root_path) if self.ls.workspace.root_path else Path.cwd()
        folder = path.parent if path else root
        if path and path.suffix.lower() in self.format_by_suffix:
            lint_path = path
        else:
            lint_path = (path or root / "untitled").with_suffix(self.suffix_by_format[fmt])
        return Target(uri, doc.version, doc.source, fmt, lint_path, folder)

    async def lint(self, uri: str, publish_now: bool = True) -> DocState | None:
        """Lint the document as it is now; keep and (unless told not to)
        publish the result, if the document has not changed meanwhile."""
        target = self.target_of(uri)
        if target is None:
            return None
        outcome = await asyncio.get_running_loop().run_in_executor(self.worker, lint_snapshot, self.engines, self.known, target)
        if self.current_text(uri) != target.text:
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
        state.diagnostics = conversions.diagnostics(state, self.encoding())
        self.states[uri] = state
        if outcome.rebuilt:
            if loaded.error is not None:
                self.show(types.MessageType.Error, f"copydesk: {loaded.error}")
            for problem in loaded.problems:
                if problem not in self.said:
                    self.said.add(problem)
                    self.show(types.MessageType.Warning, f"copydesk: {problem}")
            for other, other_state in list(self.states.items()):  # others read the same config
                if other != uri and other_state.config_key == loaded.key:
                    self.schedule(other, 0)
        for problem in outcome.problems:
            self.log_once(problem)
        if publish_now:
            self.publish(uri, state.diagnostics, target.version)
        return state

    def schedule(self, uri: str, delay: float) -> None:
        """Lint after ``delay`` seconds, cancelling a run still pending."""
        self.cancel(uri)

        async def later() -> None:
            try:
                if delay:
                    await asyncio.sleep(delay)
                await self.lint(uri)
            except asyncio.CancelledError:
                raise
            except Exception:  # never let a run take the server down
                log.exception("linting %s failed", uri)
            finally:
                if self.pending.get(uri) is task:
                    del self.pending[uri]

        task = asyncio.ensure_future(later())
        self.pending[uri] = task

    def cancel(self, uri: str) -> None:
        task = self.pending.pop(uri, None)
        if task is not None and not task.done():
            task.cancel()

    async def fresh(self, uri: str) -> DocState | None:
        """The findings of the document's current text (linted now, without
        publishing, when a change is still waiting for its debounce)."""
        text = self.current_text(uri)
        if text is None:
            return None
        state = self.states.get(uri)
        if state is not None and state.text == text:
            return state
        return await self.lint(uri, publish_now=False)

    # ---- handlers ----
    # Bound methods taking only the params (pygls passes the server only
    # to a first parameter named ls).

    def _register(self) -> None:
        kinds = [types.CodeActionKind.QuickFix, conversions.FIX_ALL_KIND]
        for method, handler, options in (
            (types.INITIALIZED, self.initialized, None),
            (types.TEXT_DOCUMENT_DID_OPEN, self.did_open, None),
            (types.TEXT_DOCUMENT_DID_CHANGE, self.did_change, None),
            (types.TEXT_DOCUMENT_DID_SAVE, self.did_save, None),
            (types.TEXT_DOCUMENT_DID_CLOSE, self.did_close, None),
            (types.WORKSPACE_DID_CHANGE_WATCHED_FILES, self.watched_files_changed, None),
            (types.SHUTDOWN, self.shutdown, None),
            (types.TEXT_DOCUMENT_HOVER, self.hover, None),
            (types.TEXT_DOCUMENT_CODE_ACTION, self.code_action, types.CodeActionOptions(code_action_kinds=kinds, resolve_provider=False)),
        ):
            self.ls.feature(method, options)(_function(handler))

    async def initialized(self, params: types.InitializedParams) -> None:
        if not self.capability("workspace.did_change_watched_files.dynamic_registration", False):
            return
        watchers = [types.FileSystemWatcher(glob_pattern=p) for p in ("**/*.{yaml,yml}", "**/pyproject.toml")]
        registration = types.Registration(
            id="copydesk-config-files",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
        )
        try:
            await self.ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
        except Exception as error:  # the client said no: configs are still checked on every run
            log.info("cannot watch config files: %s", error)

    def did_open(self, params: types.DidOpenTextDocumentParams) -> None:
        self.schedule(params.text_document.uri, 0)

    def did_change(self, params: types.DidChangeTextDocumentParams) -> None:
        self.schedule(params.text_document.uri, DEBOUNCE_SECONDS)

    def did_save(self, params: types.DidSaveTextDocumentParams) -> None:
        self.schedule(params.text_document.uri, 0)

    def did_close(self, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        self.cancel(uri)
        self.known.forget(uri)
        if self.states.pop(uri, None) is not None:
            self.publish(uri, [], None)

    def watched_files_changed(self, params: types.DidChangeWatchedFilesParams) -> None:
        for uri in list(self.states):
            self.schedule(uri, DEBOUNCE_SECONDS)

    def shutdown(self, params: Any = None) -> None:
        self.shut_down = True
        for uri in list(self.pending):
            self.cancel(uri)
        self.worker.submit(self.known.close)  # after the run in progress, if any

    async def hover(self, params: types.HoverParams) -> types.Hover | None:
        state = await self.fresh(params.text_document.uri)
        if state is None or not state.findings:
            return None
        formats = self.capability("text_document.hover.content_format", None)
        markdown = formats is None or types.MarkupKind.Markdown in formats
        return conversions.hover(state, params.position, self.encoding(), markdown)

    async def code_action(self, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        state = await self.fresh(params.text_document.uri)
        if state is None or state.error is not None:
            return None
        only = [str(getattr(k, "value", k)) for k in params.context.only] if params.context.only else None
        encoding = self.encoding()
        chosen = conversions.findings_for(state, params.context.diagnostics, params.range, encoding)
        document_changes = bool(self.capability("workspace.workspace_edit.document_changes", False))
        return conversions.code_actions(state, chosen, only, encoding, document_changes)


def _function(handler: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A plain function calling a bound handler: pygls marks the functions
    it registers, which a bound method does not allow."""
    if asyncio.iscoroutinefunction(handler):

        async def handle_async(params: Any) -> Any:
            return await handler(params)

        return handle_async

    def handle(params: Any) -> Any:
        return handler(params)

    return handle


def create_server(config: Path | None = None, style: str | None = None) -> LanguageServer:
    """The language server (pygls' object), with every feature registered."""
    return CopydeskServer(config, style).ls


def run(args: argparse.Namespace) -> int:
    """Run the language server on standard input and output until the
    client says exit. Returns 0 after an orderly shutdown, 1 when the client
    went away without one."""
    # COPYDESK_LSP_LOG=debug (or info) shows pygls' and the server's log on
    # standard error, which editors keep in their LSP log.
    level = logging.getLevelName(os.environ.get("COPYDESK_LSP_LOG", "WARNING").upper())
    level = level if isinstance(level, int) else logging.WARNING
    logging.basicConfig(level=level, stream=sys.stderr, format="copydesk lsp: %(levelname)s %(name)s: %(message)s")
    config = getattr(args, "config", None)
    server = CopydeskServer(config=Path(config) if config else None, style=getattr(args, "style", None))
    # Standard output carries the protocol: anything else written there (by a
    # plugin's print, or straight to file descriptor 1 by a library) would
    # corrupt it, so the protocol gets a descriptor of its own and both
    # sys.stdout and descriptor 1 go to standard error.
    protocol_out, restore = _private_stdout()
    try:
        server.ls.start_io(sys.stdin.buffer, protocol_out)
    finally:
        restore()
        server.worker.shutdown(wait=False, cancel_futures=True)
    return EXIT_OK if server.shut_down else EXIT_NO_SHUTDOWN


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
