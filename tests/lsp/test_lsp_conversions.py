"""The LSP conversions on their own, without a server or a client: a
document's findings as diagnostics, ranges, workspace edits, code actions
and hovers."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("lsprotocol")

from lsprotocol import types  # noqa: E402

from conftest import engine_for  # noqa: E402
from linter.article.document import LineIndex  # noqa: E402
from linter.lsp import conversions  # noqa: E402
from linter.lsp.documents import DocState, Target  # noqa: E402
from linter.support.errors import ConfigError  # noqa: E402

URI = "file:///desk/story.md"
# A Markdown story with vague sourcing after an astral character (one
# character, two UTF-16 code units) and a repeated paragraph (a safe fix).
STORY = (
    "---\n"
    "title: Port strike halts cargo as talks stall\n"
    "byline: By Tom Reyes\n"
    "---\n"
    "\n"
    "Dockworkers walked off the job at dawn on Monday, leaving container ships idling in the outer harbor.\n"
    "\n"
    "Shipping lines have diverted cargo to other ports \U0001F6A2 and officials say the strike could last for weeks.\n"
    "\n"
    "Dockworkers walked off the job at dawn on Monday, leaving container ships idling in the outer harbor.\n"
)


def state_of(text: str = STORY, docs_url: str = "", encoding: str = "utf-16") -> DocState:
    engine = engine_for()
    path = Path("/desk/story.md")
    findings = engine.lint_text(path, text)
    target = Target(URI, 3, text, "markdown", path, path.parent)
    state = DocState(target, LineIndex(text), findings, {r.id: r for r in engine.rules}, None, "", docs_url=docs_url)
    state.diagnostics = conversions.diagnostics(state, encoding)
    return state


def by_rule(state: DocState, rule: str):  # type: ignore[no-untyped-def]
    return next(f for f in state.findings if f.rule == rule)


@pytest.mark.parametrize(("encoding", "start", "end"), [("utf-16", 57, 70), ("utf-32", 56, 69), ("utf-8", 59, 72)])
def test_ranges_count_the_code_units_of_the_negotiated_encoding(encoding: str, start: int, end: int) -> None:
    offset = STORY.index("officials say")
    assert conversions.to_range(LineIndex(STORY), offset, offset + len("officials say"), encoding) == types.Range(
        start=types.Position(7, start), end=types.Position(7, end)
    )


def test_a_finding_is_a_diagnostic_with_its_rule_severity_and_docs_link() -> None:
    state = state_of(docs_url="https://desk.example.org/rules/{rule}")
    vague = state.diagnostics[state.findings.index(by_rule(state, "vague-sourcing"))]
    assert vague.code == "vague-sourcing" and vague.source == "copydesk"
    assert vague.severity == types.DiagnosticSeverity.Warning
    assert vague.range == types.Range(start=types.Position(7, 57), end=types.Position(7, 70))
    assert vague.code_description == types.CodeDescription(href="https://desk.example.org/rules/vague-sourcing")
    repeat = state.diagnostics[state.findings.index(by_rule(state, "repeated-paragraph"))]
    assert repeat.severity == types.DiagnosticSeverity.Error
    assert all(d.code_description is None for d in state_of().diagnostics)  # no template, no dead link


def test_a_configuration_error_is_one_diagnostic_on_the_first_line_pointing_at_the_file() -> None:
    state = state_of()
    state.error = ConfigError("unknown setting 'fail_no'", "/desk/.copydesk.yaml", 3)
    (only,) = conversions.diagnostics(state, "utf-16")
    assert only.code == "config-error" and only.severity == types.DiagnosticSeverity.Error
    assert only.range == types.Range(start=types.Position(0, 0), end=types.Position(0, 3))
    assert only.message.startswith("copydesk cannot lint this document: ")
    (related,) = only.related_information
    assert related.location.uri == "file:///desk/.copydesk.yaml"
    assert related.location.range.start == types.Position(2, 0)
    assert related.message == "unknown setting 'fail_no'"


def test_workspace_edits_are_versioned_document_changes_only_where_the_client_takes_them() -> None:
    state = state_of()
    change = conversions.TextChange(0, 3, "+++")
    plain = conversions.workspace_edit(state, [change], "utf-16", document_changes=False)
    assert plain.document_changes is None
    assert plain.changes == {URI: [types.TextEdit(range=conversions.to_range(state.lines, 0, 3, "utf-16"), new_text="+++")]}
    versioned = conversions.workspace_edit(state, [change], "utf-16", document_changes=True)
    (document,) = versioned.document_changes
    assert versioned.changes is None
    assert document.text_document == types.OptionalVersionedTextDocumentIdentifier(uri=URI, version=3)


def test_code_actions_answer_the_diagnostics_the_client_sends() -> None:
    state = state_of()
    repeat = by_rule(state, "repeated-paragraph")
    sent = [state.diagnostics[state.findings.index(repeat)]]
    anywhere = types.Range(start=types.Position(0, 0), end=types.Position(0, 0))
    assert conversions.findings_for(state, sent, anywhere, "utf-16") == [repeat]
    foreign = [types.Diagnostic(range=sent[0].range, message="x", code="repeated-paragraph", source="other-linter")]
    assert conversions.findings_for(state, foreign, anywhere, "utf-16") == []  # nothing at 0:0 either
    # without diagnostics of its own, the range decides
    line_seven = types.Range(start=types.Position(7, 60), end=types.Position(7, 60))
    assert conversions.findings_for(state, [], line_seven, "utf-16") == [by_rule(state, "vague-sourcing")]


def test_code_actions_offer_the_fix_a_suppression_and_all_safe_fixes() -> None:
    state = state_of()
    repeat = by_rule(state, "repeated-paragraph")
    actions = conversions.code_actions(state, [repeat], None, "utf-16", document_changes=False)
    assert [(a.title, a.kind, a.is_preferred) for a in actions] == [
        (repeat.fix.description, types.CodeActionKind.QuickFix, True),
        ("Disable repeated-paragraph for this line", types.CodeActionKind.QuickFix, None),
        ("Apply all safe copydesk fixes", conversions.FIX_ALL_KIND, None),
    ]
    assert actions[0].diagnostics == [state.diagnostics[state.findings.index(repeat)]]
    (edit,) = actions[1].edit.changes[URI]
    assert edit.new_text == "<!-- copydesk-disable-next-line repeated-paragraph -->\n"
    only_fix_all = conversions.code_actions(state, [repeat], ["source.fixAll"], "utf-16", document_changes=False)
    assert [a.kind for a in only_fix_all] == [conversions.FIX_ALL_KIND]
    vague = by_rule(state, "vague-sourcing")
    assert [a.title for a in conversions.code_actions(state, [vague], ["quickfix"], "utf-16", False)] == [
        "Disable vague-sourcing for this line"  # no fix of its own
    ]


def test_a_finding_that_is_no_rule_is_not_offered_a_suppression() -> None:
    state = state_of()
    state.rules = {}
    vague = by_rule(state, "vague-sourcing")
    assert conversions.code_actions(state, [vague], ["quickfix"], "utf-16", False) == []


def test_hover_shows_each_rule_under_the_position_once_over_the_narrowest_finding() -> None:
    state = state_of()
    inside = types.Position(7, 60)
    shown = conversions.hover(state, inside, "utf-16", markdown=True)
    assert shown is not None and shown.contents.kind == types.MarkupKind.Markdown
    assert shown.contents.value.startswith("**vague-sourcing** (warning): ")
    assert shown.range == types.Range(start=types.Position(7, 57), end=types.Position(7, 70))
    plain = conversions.hover(state, inside, "utf-16", markdown=False)
    assert plain is not None and plain.contents.kind == types.MarkupKind.PlainText
    assert conversions.hover(state, types.Position(5, 3), "utf-16", markdown=True) is None  # a clean paragraph
