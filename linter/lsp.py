"""The copydesk language server (``copydesk lsp``).

It speaks the Language Server Protocol on standard input and output and
lints Markdown and plain-text articles as they are edited:

- diagnostics when a document is opened or saved, and 300 ms after the last
  change (an earlier pending run is cancelled); each names the rule (with a
  link to its docs), its severity and the message;
- code actions: a finding's fix (safe and unsafe alike), a suppression
  comment on the line before the finding, and "apply all safe fixes";
- hover: the rule's summary and docs over a finding.

Configuration is read as the command line reads it: the nearest
``.copydesk.yaml`` (or ``pyproject.toml`` with ``[tool.copydesk]``) above the
document's folder, or ``--config``. One engine is built per config file and
rebuilt when that file, or a rule, names or style file it names, changes on
disk. A configuration or rule error is shown as a message and as a
diagnostic on the document's first line; it never stops the server.

Positions: copydesk counts 1-based lines and columns in characters; LSP
counts 0-based lines and columns in the code units of the negotiated
encoding (UTF-16 unless the client offers another), with lines ended by
``\\n``, ``\\r\\n`` or ``\\r`` only, as in copydesk's own line index. The
document is synchronised in full, not incrementally, so the server never
has to split lines the way the client does.

pygls is imported only here, and only when the server starts, so that the
rest of the command works without it (``pip install 'copydesk[lsp]'``).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from linter.config import Config, find_config, load_config
from linter.document import LineIndex
from linter.errors import ConfigError
from linter.findings import Edit, Finding

if TYPE_CHECKING:  # pragma: no cover
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

    from linter.engine import Engine
    from linter.rules import Rule

# Where a rule's documentation lives; the one place to change it.
RULE_DOCS_URL = "https://copydesk.invalid/rules/{rule}"

SOURCE = "copydesk"
DEBOUNCE_SECONDS = 0.3
EXIT_OK, EXIT_NO_SHUTDOWN, EXIT_NO_PYGLS = 0, 1, 2

# Which documents are articles, and how they are read: the file's suffix
# decides, else the client's language id.
FORMAT_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".txt": "text",
    ".text": "text",
}
FORMAT_BY_LANGUAGE = {"markdown": "markdown", "plaintext": "text", "text": "text"}  # "text": Neovim, Helix
SUFFIX_BY_FORMAT = {"markdown": ".md", "text": ".txt"}

# Suppression directives (see linter/suppression.py), as opening and closing
# around the rule ids.
DIRECTIVE_MARKS = {"markdown": ("<!-- ", " -->"), "text": ("[", "]")}
_NEXT_LINE = {
    "markdown": re.compile(r"(?P<head>[ \t]*<!--\s*copydesk-disable-next-line\b)(?P<rules>[^>]*?)(?P<tail>\s*-->[ \t]*)"),
    "text": re.compile(r"(?P<head>[ \t]*\[copydesk-disable-next-line\b)(?P<rules>[^\]\n]*?)(?P<tail>\][ \t]*)"),
}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

log = logging.getLogger("copydesk.lsp")


def rule_docs_url(rule_id: str) -> str:
    return RULE_DOCS_URL.format(rule=rule_id)


# -- positions -------------------------------------------------------------


def code_units(text: str, encoding: str = "utf-16") -> int:
    """How many code units of ``encoding`` (an LSP position encoding) the
    text takes."""
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def to_position(lines: LineIndex, offset: int, encoding: str = "utf-16") -> tuple[int, int]:
    """The LSP (line, character) of a character offset."""
    offset = max(0, min(offset, len(lines.text)))
    line, column = lines.position(offset)
    start = lines.starts[line - 1]
    return line - 1, code_units(lines.text[start : start + column - 1], encoding)


def to_offset(lines: LineIndex, line: int, character: int, encoding: str = "utf-16") -> int:
    """The character offset of an LSP position, clamped into the text (a
    column past the end of a line means its end, as the protocol says)."""
    if line < 0:
        return 0
    if line >= len(lines.starts):
        return len(lines.text)
    start, end = lines.line_span(line + 1)
    units = 0
    offset = start
    while offset < end and units < character:
        units += code_units(lines.text[offset], encoding)
        offset += 1
    return offset


# -- edits -----------------------------------------------------------------


@dataclass(frozen=True)
class TextChange:
    """Replace ``text[start:end]`` (character offsets) with ``replacement``."""

    start: int
    end: int
    replacement: str


def line_break(text: str) -> str:
    """The document's line break, or a newline for a one-line text."""
    found = _LINE_BREAK.search(text)
    return found.group() if found else "\n"


def front_matter_end(text: str, lines: LineIndex) -> int:
    """The 1-based line that closes a Markdown front matter, or 0."""
    if text[: lines.line_span(1)[1]].strip() != "---":
        return 0
    for number in range(2, len(lines.starts) + 1):
        start, end = lines.line_span(number)
        if text[start:end].strip() in ("---", "..."):
            return number
    return len(lines.starts)  # never closed: all of it


def suppression_change(text: str, lines: LineIndex, fmt: str, rule: str, line: int) -> tuple[str, TextChange] | None:
    """The title and edit of an action that silences ``rule`` on ``line``
    (1-based): a ``copydesk-disable-next-line`` directive on a line of its own
    above it, or the rule added to such a directive already there. A
    finding inside Markdown front matter, where a comment would break the
    YAML, is silenced for the file by a ``copydesk-disable-file`` directive
    below the front matter."""
    if fmt not in DIRECTIVE_MARKS:
        return None
    opening, closing = DIRECTIVE_MARKS[fmt]
    newline = line_break(text)
    if fmt == "markdown" and line <= front_matter_end(text, lines):
        after = front_matter_end(text, lines)
        directive = f"{opening}copydesk-disable-file {rule}{closing}"
        if after < len(lines.starts):
            at = lines.starts[after]
            return f"Disable {rule} for this file", TextChange(at, at, directive + newline)
        return f"Disable {rule} for this file", TextChange(len(text), len(text), newline + directive + newline)
    if line > 1:
        start, end = lines.line_span(line - 1)
        found = _NEXT_LINE[fmt].fullmatch(text[start:end])
        if found and found.group("rules").strip():
            listed = re.split(r"[\s,]+", found.group("rules").strip())
            if rule in listed:
                return None
            separator = ", " if "," in found.group("rules") else " "
            at = start + found.end("rules")
            return f"Disable {rule} for this line", TextChange(at, at, separator + rule)
    start, end = lines.line_span(line)
    indent = re.match(r"[ \t]*", text[start:end]).group()  # type: ignore[union-attr]
    directive = f"{indent}{opening}copydesk-disable-next-line {rule}{closing}{newline}"
    return f"Disable {rule} for this line", TextChange(start, start, directive)


def fix_changes(edits: Iterable[Edit]) -> list[TextChange]:
    return [TextChange(e.span.start, e.span.end, e.replacement) for e in edits]


def safe_fix_changes(findings: Iterable[Finding]) -> list[TextChange]:
    """The edits of every safe fix that does not overlap one taken before,
    in the order ``linter.fixes.apply_fixes`` takes them."""
    accepted: list[Edit] = []
    fixes = [f.fix for f in findings if f.fix is not None and f.fix.safe and f.fix.edits]
    for fix in sorted(fixes, key=lambda f: min(e.span.start for e in f.edits)):
        if any(e.span.start < o.span.end and o.span.start < e.span.end for e in fix.edits for o in accepted):
            continue
        accepted += fix.edits
    return fix_changes(sorted(accepted, key=lambda e: e.span.start))


# -- hover -----------------------------------------------------------------

_DOC_SECTIONS = (("what", "What it checks"), ("why", "Why"), ("example", "Example"), ("fix", "Fix"))


def hover_markdown(finding: Finding, rule: "Rule | None") -> str:
    """A rule's id, summary and docs, as Markdown."""
    if rule is None:
        return f"**{finding.rule}** ({finding.severity})\n\n{finding.message}"
    parts = [f"**{rule.id}** ({finding.severity}): {rule.summary}"]
    for key, heading in _DOC_SECTIONS:
        body = rule.docs.get(key, "").strip()
        if not body:
            continue
        if key == "example":
            fence = "````" if "```" in body else "```"
            parts.append(f"**{heading}**\n\n{fence}text\n{body}\n{fence}")
        else:
            parts.append(f"**{heading}:** {body}")
    parts.append(f"[Documentation of {rule.id}]({rule_docs_url(rule.id)})")
    return "\n\n".join(parts)


# -- engines, one per config file ------------------------------------------


@dataclass
class Loaded:
    """An engine built for one config file (``key``; "" for the defaults),
    or the error that stopped it."""

    key: str
    stamp: tuple[Any, ...]
    config: Config | None = None
    engine: "Engine | None" = None
    error: ConfigError | None = None
    problems: list[str] = field(default_factory=list)


def _stat(path: Path) -> tuple[str, int | None, int | None]:
    try:
        status = path.stat()
    except OSError:
        return (str(path), None, None)
    return (str(path), status.st_mtime_ns, status.st_size)


def _stamp(config_path: Path | None, config: Config | None, head: Any = None) -> tuple[Any, ...]:
    """What a cached engine depends on: the config file (``head``, its
    status taken before it was read, if given) and the rule, names and style
    files it names, with their modification times and sizes."""
    stamp = [head or _stat(config_path)] if config_path else []
    if config is not None:
        paths: list[Path] = []
        for folder in config.rules:
            paths += sorted(folder.glob("*.y*ml")) if folder.is_dir() else [folder]
        paths += [*config.names, *config.styles]
        stamp += [_stat(p) for p in paths]
    return tuple(stamp)


class Engines:
    """Engines by config file, rebuilt when what they were built from
    changes on disk. Not thread-safe: the server uses it from one worker."""

    def __init__(self, config: Path | None = None, style: str | None = None, plugins: Callable[[], Any] | None = None):
        self.config = config.resolve() if config else None
        self.style = style
        self._plugins = plugins
        self._cache: dict[str, Loaded] = {}

    def for_folder(self, folder: Path) -> tuple[Loaded, bool]:
        """The engine for a document in ``folder``, and whether it was
        (re)built by this call."""
        try:
            config_path = self.config or find_config(folder)
        except ConfigError as error:  # an unreadable pyproject.toml on the way up
            path = Path(error.path) if error.path else None
            return self._remember(Loaded(str(path or ""), _stamp(path, None), error=error))
        key = str(config_path or "")
        cached = self._cache.get(key)
        if cached is not None and cached.stamp == _stamp(config_path, cached.config):
            return cached, False
        return self._remember(self._build(key, config_path))

    def _remember(self, loaded: Loaded) -> tuple[Loaded, bool]:
        cached = self._cache.get(loaded.key)
        if cached is not None and cached.error is not None and loaded.error is not None and cached.stamp == loaded.stamp:
            return cached, False
        self._cache[loaded.key] = loaded
        return loaded, True

    def _build(self, key: str, config_path: Path | None) -> Loaded:
        from linter.engine import Engine
        from linter.plugins import load_plugins

        config = None
        head = _stat(config_path) if config_path else None  # before reading: a later change is seen next time
        try:
            config = load_config(config_path)
            plugins = (self._plugins or load_plugins)()
            engine = Engine(config, plugins, style=self.style)
        except ConfigError as error:
            return Loaded(key, _stamp(config_path, config, head), config, error=error)
        except Exception as error:  # a plugin's or rule's own bug must not stop the server
            failure = ConfigError(f"cannot load the rules: {error!r}", config_path)
            return Loaded(key, _stamp(config_path, config, head), config, error=failure)
        return Loaded(key, _stamp(config_path, config, head), config, engine, problems=list(plugins.problems))


# -- documents -------------------------------------------------------------


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

    @property
    def text(self) -> str:
        return self.target.text


def create_server(config: Path | None = None, style: str | None = None) -> "LanguageServer":
    """The language server, with every feature registered."""
    from lsprotocol import types
    from pygls.capabilities import get_capability
    from pygls.lsp.server import LanguageServer
    from pygls.uris import to_fs_path

    ls = LanguageServer("copydesk", _version(), text_document_sync_kind=types.TextDocumentSyncKind.Full)
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

    def target_of(uri: str) -> Target | None:
        doc = ls.workspace.text_documents.get(uri)
        if doc is None:
            return None
        fs_path = to_fs_path(uri) if uri.startswith("file:") else None
        path = Path(fs_path) if fs_path else None
        fmt = FORMAT_BY_SUFFIX.get(path.suffix.lower()) if path else None
        fmt = fmt or FORMAT_BY_LANGUAGE.get(doc.language_id or "")
        if fmt is None:
            return None
        root = Path(ls.workspace.root_path) if ls.workspace.root_path else Path.cwd()
        folder = path.parent if path else root
        lint_path = path if path and path.suffix.lower() in FORMAT_BY_SUFFIX else (path or root / "untitled").with_suffix(SUFFIX_BY_FORMAT[fmt])
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
            code_description=types.CodeDescription(href=rule_docs_url(finding.rule)),
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
        text = "\n\n---\n\n".join(hover_markdown(f, state.rules.get(f.rule)) for f in seen)
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


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("copydesk")
    except PackageNotFoundError:
        return "unknown"


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
            "install copydesk[lsp]: pip install 'copydesk[lsp]'",
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
    # Standard output carries the protocol: anything else printed there (by a
    # plugin, say) would corrupt it, so it goes to standard error instead.
    protocol_out = sys.stdout.buffer
    sys.stdout = sys.stderr
    try:
        server.start_io(sys.stdin.buffer, protocol_out)
    finally:
        sys.stdout = sys.__stdout__
        server.copydesk_worker.shutdown(wait=False, cancel_futures=True)  # type: ignore[attr-defined]
    return EXIT_OK if server.copydesk_shutdown else EXIT_NO_SHUTDOWN  # type: ignore[attr-defined]
