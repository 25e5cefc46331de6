"""The language server, end to end: ``python -m linter lsp`` runs as a
subprocess and a pytest-lsp client drives it as an editor would.

Documents live in ``tmp_path`` and are sent with didOpen/didChange; nothing
but the config files is written to disk, so every finding comes from the
in-memory text.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs pygls (copydesk[lsp])")
pytest_lsp = pytest.importorskip("pytest_lsp")

from lsprotocol import types  # noqa: E402
from pygls.protocol import default_converter  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features  # noqa: E402

from linter import lsp  # noqa: E402
from linter.article.document import LineIndex  # noqa: E402

SERVER = [sys.executable, "-m", "linter", "lsp"]
WAIT = 10.0  # seconds before a test gives up waiting for the server

# A Markdown story with two faults: vague sourcing after an emoji (an astral
# character: one character for copydesk, two UTF-16 code units for LSP) and
# a repeated paragraph.
STORY = (
    "---\n"  # line 0 (LSP)
    "title: Port strike halts cargo as talks stall\n"
    "byline: By Tom Reyes\n"
    "---\n"
    "\n"
    "Dockworkers walked off the job at dawn on Monday, leaving container ships idling in the outer harbor.\n"  # 5
    "\n"
    "Shipping lines have diverted cargo to other ports 🚢 and officials say the strike could last for weeks.\n"  # 7
    "\n"
    "Dockworkers walked off the job at dawn on Monday, leaving container ships idling in the outer harbor.\n"  # 9
)
# "officials say": characters 56-69 of line 7, after one astral character,
# so UTF-16 columns 57-70.
VAGUE_RANGE = ((7, 57), (7, 70))
REPEAT_RANGE = ((9, 0), (9, 101))
CLEAN_STORY = STORY.replace(" and officials say", ", and the union's president said").rsplit("\n\n", 1)[0] + "\n"

# The same copy as plain text (one paragraph a line, no front matter).
TEXT_STORY = STORY.split("---\n", 2)[2].lstrip("\n")


def _recording_client() -> LanguageClient:
    """pytest-lsp's client, which also keeps every publishDiagnostics (not
    only the latest) and accepts client/registerCapability."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []  # type: ignore[attr-defined]
    client.registrations = []  # type: ignore[attr-defined]
    client.arrived = asyncio.Event()  # type: ignore[attr-defined]

    def publish(ls: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        ls.diagnostics[params.uri] = params.diagnostics
        ls.published.append(params)  # type: ignore[attr-defined]
        ls.arrived.set()  # type: ignore[attr-defined]

    def register(ls: LanguageClient, params: types.RegistrationParams) -> None:
        ls.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    features = {**DEFAULT_CLIENT_FEATURES, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish}
    features[types.CLIENT_REGISTER_CAPABILITY] = register
    register_lsp_features(client, features)
    return client


CONFIG = ClientServerConfig(server_command=SERVER, client_factory=_recording_client)

# What an editor with the features under test says it supports.
CAPABILITIES = types.ClientCapabilities(
    general=types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf16]),
    text_document=types.TextDocumentClientCapabilities(
        publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
            related_information=True, version_support=True, code_description_support=True
        ),
        hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown, types.MarkupKind.PlainText]),
        code_action=types.CodeActionClientCapabilities(
            code_action_literal_support=types.ClientCodeActionLiteralOptions(
                code_action_kind=types.ClientCodeActionKindOptions(
                    value_set=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]
                )
            ),
            is_preferred_support=True,
        ),
    ),
    window=types.WindowClientCapabilities(show_message=types.ShowMessageRequestClientCapabilities()),
)


async def _session(client: LanguageClient, capabilities: types.ClientCapabilities, root: Path):  # type: ignore[no-untyped-def]
    result = await client.initialize_session(
        types.InitializeParams(capabilities=capabilities, root_uri=root.as_uri(), workspace_folders=None)
    )
    assert result.server_info is not None and result.server_info.name == "copydesk"
    yield
    await client.shutdown_session()
    assert client._server is not None and client._server.returncode == 0  # an orderly exit


# One server per module and client kind keeps the file fast; every test
# opens its own documents (in its own tmp_path) and waits only for what is
# published after its own actions.
lsp_test = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(config=CONFIG, scope="module")
async def client(lsp_client: LanguageClient, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    async for _ in _session(lsp_client, CAPABILITIES, tmp_path_factory.mktemp("workspace")):
        yield


@pytest_lsp.fixture(config=CONFIG, scope="module")
async def vscode(lsp_client: LanguageClient, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A client with VS Code's capabilities: versioned workspace edits,
    dynamic registration of file watchers."""
    async for _ in _session(lsp_client, client_capabilities("visual-studio-code"), tmp_path_factory.mktemp("vscode")):
        yield


# -- helpers ---------------------------------------------------------------


def _open(client: LanguageClient, path: Path, text: str, language: str = "markdown", version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)
        )
    )
    return uri


def _change(client: LanguageClient, uri: str, text: str, version: int, save: bool = False) -> None:
    """Replace the document's text; with ``save``, save it too, which lints
    at once instead of after the debounce."""
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    if save:
        client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))


async def _published(client: LanguageClient, uri: str, since: int) -> types.PublishDiagnosticsParams:
    """The first diagnostics for ``uri`` published after the first
    ``since`` notifications, waiting for it when it has not come yet."""
    published = client.published  # type: ignore[attr-defined]

    async def first() -> types.PublishDiagnosticsParams:
        while True:
            for params in published[since:]:
                if params.uri == uri:
                    return params
            client.arrived.clear()  # type: ignore[attr-defined]
            await client.arrived.wait()  # type: ignore[attr-defined]

    return await asyncio.wait_for(first(), WAIT)


def _count(client: LanguageClient) -> int:
    return len(client.published)  # type: ignore[attr-defined]


def _for(client: LanguageClient, uri: str, since: int = 0) -> list[types.PublishDiagnosticsParams]:
    return [p for p in client.published[since:] if p.uri == uri]  # type: ignore[attr-defined]


async def _open_and_wait(client: LanguageClient, path: Path, text: str, language: str = "markdown"):  # type: ignore[no-untyped-def]
    since = _count(client)
    uri = _open(client, path, text, language)
    return uri, (await _published(client, uri, since)).diagnostics


def _rewrite(path: Path, text: str) -> None:
    """Write a file so that its modification time surely changes."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    stamp = before + 1_000_000_000
    os.utime(path, ns=(stamp, stamp))


def _rng(start: tuple[int, int], end: tuple[int, int]) -> types.Range:
    return types.Range(start=types.Position(*start), end=types.Position(*end))


def _span(diagnostic: types.Diagnostic) -> tuple[tuple[int, int], tuple[int, int]]:
    r = diagnostic.range
    return (r.start.line, r.start.character), (r.end.line, r.end.character)


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP text edits as an editor does (UTF-16 columns), written
    independently of the server's own conversion."""

    def offset(position: types.Position) -> int:
        lines = text.splitlines(keepends=True)
        before = sum(len(line) for line in lines[: position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units = 0
        for index, char in enumerate(line):
            if units >= position.character:
                return before + index
            units += 2 if ord(char) > 0xFFFF else 1
        return before + len(line.rstrip("\r\n"))

    spans = sorted(((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits), reverse=True)
    for start, end, new_text in spans:
        text = text[:start] + new_text + text[end:]
    return text


def _edits(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    assert action.edit is not None
    if action.edit.document_changes:
        (change,) = action.edit.document_changes
        assert isinstance(change, types.TextDocumentEdit) and change.text_document.uri == uri
        return list(change.edits)  # type: ignore[arg-type]
    assert action.edit.changes is not None and list(action.edit.changes) == [uri]
    return list(action.edit.changes[uri])


async def _actions(
    client: LanguageClient,
    uri: str,
    diagnostic: types.Diagnostic | None,
    only: list[str] | None = None,
    at: types.Range | None = None,
) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=at or diagnostic.range,  # type: ignore[union-attr]
            context=types.CodeActionContext(diagnostics=[diagnostic] if diagnostic else [], only=only),
        )
    )
    assert result is not None
    assert all(isinstance(a, types.CodeAction) for a in result)
    return result  # type: ignore[return-value]


# -- diagnostics -----------------------------------------------------------


@lsp_test
async def test_open_publishes_diagnostics_with_exact_ranges(client: LanguageClient, tmp_path: Path) -> None:
    since = _count(client)
    uri = _open(client, tmp_path / "story.md", STORY)
    params = await _published(client, uri, since)
    assert params.version == 1
    vague, repeat = params.diagnostics
    assert (vague.code, _span(vague), vague.severity) == ("vague-sourcing", VAGUE_RANGE, types.DiagnosticSeverity.Warning)
    assert vague.message == "Vague sourcing: “officials say” does not say who."
    assert (repeat.code, _span(repeat), repeat.severity) == ("repeated-paragraph", REPEAT_RANGE, types.DiagnosticSeverity.Error)
    assert repeat.message == "Paragraph repeats the paragraph on line 6."
    for diagnostic in params.diagnostics:
        assert diagnostic.source == "copydesk"
        assert diagnostic.code_description is None  # no docs_url in the config: no dead link
    # The range covers exactly the phrase, in the client's own units.
    line = STORY.splitlines()[7]
    assert line.encode("utf-16-le")[57 * 2 : 70 * 2].decode("utf-16-le") == "officials say"


@lsp_test
async def test_plain_text_severities_and_info(client: LanguageClient, tmp_path: Path) -> None:
    uri, diagnostics = await _open_and_wait(client, tmp_path / "story.txt", TEXT_STORY, "plaintext")
    found = {(d.code, d.severity) for d in diagnostics}
    assert found == {
        ("missing-credit", types.DiagnosticSeverity.Information),
        ("vague-sourcing", types.DiagnosticSeverity.Warning),
        ("repeated-paragraph", types.DiagnosticSeverity.Error),
    }
    vague = next(d for d in diagnostics if d.code == "vague-sourcing")
    assert _span(vague) == ((2, 57), (2, 70))


@lsp_test
async def test_only_articles_are_linted_and_untitled_ones_by_language(client: LanguageClient, tmp_path: Path) -> None:
    since = _count(client)
    code_uri = _open(client, tmp_path / "script.py", "print('Officials say hello')\n", "python")
    untitled = "untitled:Untitled-1"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=untitled, language_id="markdown", version=1, text=STORY)
        )
    )
    params = await _published(client, untitled, since)
    assert [d.code for d in params.diagnostics] == ["vague-sourcing", "repeated-paragraph"]
    # Runs go in order through one worker: the Python file came first and
    # published nothing.
    assert _for(client, code_uri, since) == []


@lsp_test
async def test_change_is_debounced_and_clears_diagnostics(client: LanguageClient, tmp_path: Path) -> None:
    uri, diagnostics = await _open_and_wait(client, tmp_path / "story.md", STORY)
    assert len(diagnostics) == 2
    since = _count(client)
    _change(client, uri, STORY.replace("Monday", "Tuesday"), 2)  # still faulty
    await asyncio.sleep(0.1)  # typing on: this change's pending run must be cancelled
    last_change = time.monotonic()
    _change(client, uri, CLEAN_STORY, 3)
    params = await _published(client, uri, since)
    waited = time.monotonic() - last_change
    assert params.version == 3 and list(params.diagnostics) == []
    assert len(_for(client, uri, since)) == 1
    assert waited >= lsp.DEBOUNCE_SECONDS - 0.05, f"published {waited:.3f}s after the last change"


@lsp_test
async def test_save_lints_and_close_clears(client: LanguageClient, tmp_path: Path) -> None:
    uri, _ = await _open_and_wait(client, tmp_path / "story.md", STORY)
    since = _count(client)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert len((await _published(client, uri, since)).diagnostics) == 2
    since = _count(client)
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert list((await _published(client, uri, since)).diagnostics) == []


# -- code actions ----------------------------------------------------------


@lsp_test
async def test_code_actions_fix_and_suppress(client: LanguageClient, tmp_path: Path) -> None:
    uri, diagnostics = await _open_and_wait(client, tmp_path / "story.md", STORY)
    vague, repeat = diagnostics

    fix, silence, fix_all = await _actions(client, uri, repeat)
    assert (fix.title, fix.kind, fix.is_preferred) == (
        "remove the repeat of the paragraph on line 6",
        types.CodeActionKind.QuickFix,
        True,
    )
    assert list(fix.diagnostics or []) == [repeat]
    # The story's last paragraph goes with the line breaks before it (UTF-16
    # column 103 of line 7: after its astral character).
    assert _edits(fix, uri) == [types.TextEdit(range=_rng((7, 103), (9, 101)), new_text="")]
    assert (silence.title, silence.kind) == ("Disable repeated-paragraph for this line", types.CodeActionKind.QuickFix)
    assert _edits(silence, uri) == [
        types.TextEdit(range=_rng((9, 0), (9, 0)), new_text="<!-- copydesk-disable-next-line repeated-paragraph -->\n")
    ]
    assert (fix_all.title, fix_all.kind) == ("Apply all safe copydesk fixes", "source.fixAll.copydesk")
    assert _edits(fix_all, uri) == _edits(fix, uri)

    (silence_vague, _) = await _actions(client, uri, vague)  # no fix of its own
    assert silence_vague.title == "Disable vague-sourcing for this line"
    assert _edits(silence_vague, uri) == [
        types.TextEdit(range=_rng((7, 0), (7, 0)), new_text="<!-- copydesk-disable-next-line vague-sourcing -->\n")
    ]
    assert [a.title for a in await _actions(client, uri, vague, only=[types.CodeActionKind.QuickFix])] == [
        "Disable vague-sourcing for this line"
    ]
    assert [a.kind for a in await _actions(client, uri, None, only=[types.CodeActionKind.SourceFixAll], at=_rng((0, 0), (0, 0)))] == [
        "source.fixAll.copydesk"
    ]
    # Without diagnostics in the context, the cursor's position decides.
    titles = [a.title for a in await _actions(client, uri, None, at=_rng((7, 60), (7, 60)))]
    assert titles == ["Disable vague-sourcing for this line", "Apply all safe copydesk fixes"]

    # Applied, the fix and the suppression leave nothing to report.
    fixed = _apply(STORY, _edits(fix, uri))
    assert fixed == STORY.rsplit("\n\nDockworkers", 1)[0] + "\n"
    since = _count(client)
    _change(client, uri, fixed, 2, save=True)
    assert [d.code for d in (await _published(client, uri, since)).diagnostics] == ["vague-sourcing"]
    (silence_vague,) = await _actions(client, uri, vague)  # no safe fix is left
    silenced = _apply(fixed, _edits(silence_vague, uri))
    since = _count(client)
    _change(client, uri, silenced, 3, save=True)
    assert list((await _published(client, uri, since)).diagnostics) == []


@lsp_test
async def test_suppression_in_plain_text_and_next_to_another(client: LanguageClient, tmp_path: Path) -> None:
    uri, diagnostics = await _open_and_wait(client, tmp_path / "story.txt", TEXT_STORY, "plaintext")
    vague = next(d for d in diagnostics if d.code == "vague-sourcing")
    (silence,) = [a for a in await _actions(client, uri, vague) if a.title.startswith("Disable")]
    assert _edits(silence, uri) == [
        types.TextEdit(range=_rng((2, 0), (2, 0)), new_text="[copydesk-disable-next-line vague-sourcing]\n")
    ]
    # A directive for another rule already above: the rule joins it, since
    # a second directive line would move the first off its line.
    text = TEXT_STORY.replace("Shipping", "[copydesk-disable-next-line repeated-sentence]\nShipping")
    since = _count(client)
    _change(client, uri, text, 2, save=True)
    vague = next(d for d in (await _published(client, uri, since)).diagnostics if d.code == "vague-sourcing")
    (silence,) = [a for a in await _actions(client, uri, vague) if a.title.startswith("Disable")]
    end = len("[copydesk-disable-next-line repeated-sentence")
    assert _edits(silence, uri) == [types.TextEdit(range=_rng((2, end), (2, end)), new_text=" vague-sourcing")]
    silenced = _apply(text, _edits(silence, uri))
    assert "[copydesk-disable-next-line repeated-sentence vague-sourcing]\nShipping" in silenced
    since = _count(client)
    _change(client, uri, silenced, 3, save=True)
    codes = [d.code for d in (await _published(client, uri, since)).diagnostics]
    assert "vague-sourcing" not in codes and "repeated-paragraph" in codes


@lsp_test
async def test_a_finding_in_front_matter_is_silenced_for_the_file(client: LanguageClient, tmp_path: Path) -> None:
    text = (
        "---\n"
        "title: Talks resume in Geneva\n"
        "dek: Officials say the talks could resume next week.\n"
        "byline: By Tom Reyes\n"
        "---\n"
        "\n"
        "Diplomats from both sides met on Tuesday in a hotel near the lake to set an agenda.\n"
    )
    uri, (vague,) = await _open_and_wait(client, tmp_path / "talks.md", text)
    assert (vague.code, _span(vague)) == ("vague-sourcing", ((2, 5), (2, 18)))
    (silence,) = await _actions(client, uri, vague)
    # A comment inside the YAML would break it: the directive goes below.
    assert silence.title == "Disable vague-sourcing for this file"
    assert _edits(silence, uri) == [
        types.TextEdit(range=_rng((5, 0), (5, 0)), new_text="<!-- copydesk-disable-file vague-sourcing -->\n")
    ]
    since = _count(client)
    _change(client, uri, _apply(text, _edits(silence, uri)), 2, save=True)
    assert list((await _published(client, uri, since)).diagnostics) == []


@lsp_test
async def test_code_actions_use_versioned_edits_when_the_client_can(vscode: LanguageClient, tmp_path: Path) -> None:
    uri, diagnostics = await _open_and_wait(vscode, tmp_path / "story.md", STORY)
    fix = (await _actions(vscode, uri, diagnostics[1]))[0]
    assert fix.edit is not None and fix.edit.changes is None
    (change,) = fix.edit.document_changes  # type: ignore[misc]
    assert isinstance(change, types.TextDocumentEdit)
    assert (change.text_document.uri, change.text_document.version) == (uri, 1)


@lsp_test
async def test_actions_after_an_unlinted_change_match_the_new_text(client: LanguageClient, tmp_path: Path) -> None:
    uri, _ = await _open_and_wait(client, tmp_path / "story.md", STORY)
    moved = "Updated at noon.\n\n" + STORY.split("---\n", 2)[2].lstrip("\n")
    _change(client, uri, moved, 2)  # the debounce has not run yet
    titles = {a.title: a for a in await _actions(client, uri, None, at=_rng((6, 0), (6, 0)))}
    fix = titles["remove the repeat of the paragraph on line 3"]
    assert _edits(fix, uri) == [types.TextEdit(range=_rng((4, 103), (6, 101)), new_text="")]


# -- hover -----------------------------------------------------------------


@lsp_test
async def test_hover_shows_the_rule_docs(client: LanguageClient, tmp_path: Path) -> None:
    uri, diagnostics = await _open_and_wait(client, tmp_path / "story.md", STORY)
    vague = diagnostics[0]

    async def hover(line: int, character: int) -> types.Hover | None:
        return await client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line, character))
        )

    result = await hover(*VAGUE_RANGE[0])  # the first code unit of "officials"
    assert result is not None and result.range == vague.range
    assert isinstance(result.contents, types.MarkupContent) and result.contents.kind == types.MarkupKind.Markdown
    text = result.contents.value
    assert text.startswith("**vague-sourcing** (warning): A claim is sourced to an unnamed group")
    for heading in ("**What it checks:**", "**Why:**", "**Example**", "**Fix:**"):
        assert heading in text
    assert "```text\nOfficials say the talks could resume next week." in text
    assert "Documentation of" not in text  # no docs_url in the config: no dead link
    assert await hover(7, 56) is None  # the space before it (after the emoji)
    assert await hover(7, 70) is None  # just past it
    repeat = await hover(9, 3)
    assert repeat is not None and "**repeated-paragraph** (error)" in repeat.contents.value  # type: ignore[union-attr]


# -- configuration ---------------------------------------------------------


@lsp_test
async def test_config_of_the_documents_folder_applies_and_is_reloaded(client: LanguageClient, tmp_path: Path) -> None:
    desk = tmp_path / "desk"
    (desk / "sports").mkdir(parents=True)
    config = desk / ".copydesk.yaml"
    config.write_text("ignore: [vague-sourcing]\n", encoding="utf-8")
    uri, diagnostics = await _open_and_wait(client, desk / "sports" / "story.md", STORY)
    assert [d.code for d in diagnostics] == ["repeated-paragraph"]
    _, elsewhere = await _open_and_wait(client, tmp_path / "other.md", STORY)
    assert [d.code for d in elsewhere] == ["vague-sourcing", "repeated-paragraph"]

    _rewrite(config, "ignore: [repeated-paragraph]\n")
    since = _count(client)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert [d.code for d in (await _published(client, uri, since)).diagnostics] == ["vague-sourcing"]


@lsp_test
async def test_broken_config_is_a_message_and_a_diagnostic(client: LanguageClient, tmp_path: Path) -> None:
    config = tmp_path / ".copydesk.yaml"
    config.write_text("style: nyt\nfail_no: warning\n", encoding="utf-8")
    messages = len(client.messages)
    shown = client.protocol.wait_for_notification_async(types.WINDOW_SHOW_MESSAGE)
    uri, diagnostics = await _open_and_wait(client, tmp_path / "story.md", STORY)
    message = await asyncio.wait_for(shown, WAIT)
    assert message.type == types.MessageType.Error
    assert f"{config}:2: unknown setting 'fail_no' (did you mean 'fail_on'?)" in message.message
    (diagnostic,) = diagnostics
    assert diagnostic.severity == types.DiagnosticSeverity.Error and diagnostic.source == "copydesk"
    assert diagnostic.code == "config-error"
    assert _span(diagnostic) == ((0, 0), (0, 3))
    assert "unknown setting 'fail_no'" in diagnostic.message
    assert diagnostic.related_information is not None
    assert diagnostic.related_information[0].location.uri == config.as_uri()
    assert diagnostic.related_information[0].location.range.start.line == 1

    # Still running: requests are answered, and a fixed config is picked up.
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(7, 60))
    )
    assert hover is None
    _rewrite(config, "style: nyt\nfail_on: warning\n")
    since = _count(client)
    _change(client, uri, STORY, 2, save=True)
    assert [d.code for d in (await _published(client, uri, since)).diagnostics] == ["vague-sourcing", "repeated-paragraph"]
    assert len(client.messages) == messages + 1  # shown once, not on every run


@lsp_test
async def test_config_watch_relints_open_documents(vscode: LanguageClient, tmp_path: Path) -> None:
    uri, diagnostics = await _open_and_wait(vscode, tmp_path / "story.md", STORY)
    assert len(diagnostics) == 2
    (registration,) = vscode.registrations  # type: ignore[attr-defined]
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    config = tmp_path / ".copydesk.yaml"
    config.write_text("select: [repeated-*]\n", encoding="utf-8")
    since = _count(vscode)
    vscode.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)])
    )
    assert [d.code for d in (await _published(vscode, uri, since)).diagnostics] == ["repeated-paragraph"]


# -- without a server ------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "column"),
    [("utf-16", 57), ("utf-8", 59), ("utf-32", 56)],
)
def test_positions_count_code_units_of_the_encoding(encoding: str, column: int) -> None:
    lines = LineIndex(STORY)
    offset = STORY.index("officials say")
    assert lsp.to_position(lines, offset, encoding) == (7, column)
    assert lsp.to_offset(lines, 7, column, encoding) == offset
    assert lsp.to_offset(lines, 7, 10_000, encoding) == STORY.index("weeks.") + len("weeks.")  # clamped to the line
    assert lsp.to_offset(lines, 99, 0, encoding) == len(STORY)


def test_lines_end_only_at_lsp_line_breaks() -> None:
    text = "One\u2028two\r\nThree \U0001F6A2 four\rfive"
    lines = LineIndex(text)
    assert lsp.to_position(lines, text.index("four")) == (1, 9)
    assert lsp.to_position(lines, text.index("five")) == (2, 0)
    assert lsp.to_position(lines, text.index("two")) == (0, 4)


@pytest.mark.parametrize(
    ("fmt", "text", "line", "expected"),
    [
        # first line of a file, CRLF line breaks kept, indentation copied
        ("markdown", "  Officials say so.\r\n", 1, (0, 0, "  <!-- copydesk-disable-next-line vague-sourcing -->\r\n")),
        ("text", "Headline\nOfficials say so.", 2, (9, 9, "[copydesk-disable-next-line vague-sourcing]\n")),
        # joins a directive above, in its own style of separator
        ("markdown", "<!-- copydesk-disable-next-line a, b -->\nOfficials say so.\n", 2, (36, 36, ", vague-sourcing")),
        # already listed: nothing to offer
        ("text", "[copydesk-disable-next-line vague-sourcing]\nOfficials say so.\n", 2, None),
        # a directive of another kind above is left alone
        ("markdown", "<!-- copydesk-disable-line a -->\nOfficials say so.\n", 2, (33, 33, "<!-- copydesk-disable-next-line vague-sourcing -->\n")),
        # front matter never closed: the directive goes at the end
        ("markdown", "---\ndek: Officials say so.", 2, (26, 26, "\n<!-- copydesk-disable-file vague-sourcing -->\n")),
    ],
)
def test_suppression_edits(fmt: str, text: str, line: int, expected: tuple[int, int, str] | None) -> None:
    change = lsp.suppression_change(text, LineIndex(text), fmt, "vague-sourcing", line)
    assert (None if change is None else (change[1].start, change[1].end, change[1].replacement)) == expected


def test_engines_are_cached_per_config_and_rebuilt_when_it_changes(tmp_path: Path) -> None:
    config = tmp_path / "desk.yaml"
    config.write_text("ignore: [vague-sourcing]\n", encoding="utf-8")
    engines = lsp.Engines(config=config, style="ap")  # like `copydesk lsp --config desk.yaml --style ap`
    first, built = engines.for_folder(tmp_path / "anywhere")
    assert built and first.error is None and first.engine is not None
    assert first.engine.context.style_name == "ap"
    assert "vague-sourcing" not in {r.id for r in first.engine.rules}
    assert engines.for_folder(tmp_path) == (first, False)
    _rewrite(config, "ignore: [vague-sourcing, missing-credit]\n")
    second, built = engines.for_folder(tmp_path)
    assert built and second.engine is not first.engine
    _rewrite(config, "ignore: [vague-sourcing, missing-credit\n")  # broken YAML
    broken, built = engines.for_folder(tmp_path)
    assert built and broken.engine is None and broken.error is not None and str(config) in str(broken.error)
    assert engines.for_folder(tmp_path) == (broken, False)  # reported once, until it changes


def test_rule_docs_url_follows_the_configs_template_or_is_empty() -> None:
    assert lsp.rule_docs_url("vague-sourcing", "https://desk.example.org/rules/{rule}") == (
        "https://desk.example.org/rules/vague-sourcing"
    )
    assert lsp.rule_docs_url("vague-sourcing", "") == ""


def test_without_pygls_the_command_says_what_to_install(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for name in [m for m in sys.modules if m == "pygls" or m.startswith("pygls.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pygls", None)  # import pygls now fails
    assert lsp.serve(argparse.Namespace(config=None, style=None)) == 2
    assert "install copydesk again with its dependencies" in capsys.readouterr().err
