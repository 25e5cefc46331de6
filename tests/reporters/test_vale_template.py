"""Vale's output templates: Go's text/template as far as Vale's templates
use it (linter.support.gotemplate), the vale-template reporter and
``copydesk check --vale-output``. Templates, styles and stories are written
here."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.cli import main
from linter.support import gotemplate

DATA = {
    "Files": [
        {"Path": "a.md", "Alerts": [{"Line": 3, "Span": [2, 6], "Check": "Desk.Hype", "Severity": "warning"}]},
        {"Path": "b.md", "Alerts": []},
    ]
}


@pytest.mark.parametrize(
    ("template", "text"),
    [
        ("{{range .Files}}{{.Path}} {{end}}", "a.md b.md "),
        ("{{range .Files}}\n  {{- $p := .Path -}}\n  {{range .Alerts}}{{$p}}:{{.Line}}:{{index .Span 0}}{{end}}\n{{- end}}", "a.md:3:2"),
        ("{{$n := 0}}{{range .Files}}{{$n = add1 $n}}{{end}}{{$n}} files", "2 files"),
        ('{{range .Files}}{{if eq .Path "a.md"}}A{{else if len .Alerts}}?{{else}}none{{end}};{{end}}', "A;none;"),
        ("{{with index .Files 0}}{{.Path | upper}}{{end}}{{/* a comment */}}", "A.MD"),
        ('{{range .Files}}{{range .Alerts}}{{printf "%s at %d" .Check .Line}}{{end}}{{else}}no files{{end}}', "Desk.Hype at 3"),
        ("{{range .Nothing}}x{{else}}empty{{end}}", "empty"),
    ],
)
def test_a_template_renders_as_go_renders_it(template: str, text: str) -> None:
    data = {**DATA, "Nothing": []}
    assert gotemplate.render(template, data) == text


@pytest.mark.parametrize(
    ("template", "error"),
    [("{{range .Files}}", "end}} missing"), ("{{end}}", "unexpected"), ("{{newTable true}}", "'newTable' is not available"), ("{{.Nope}}", "no field")],
)
def test_what_a_template_cannot_do_is_said(template: str, error: str) -> None:
    with pytest.raises(gotemplate.TemplateError, match=error):
        gotemplate.render(template, DATA)


def test_check_writes_findings_through_a_template_from_stylespath(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "styles" / "Desk").mkdir(parents=True)
    (tmp_path / "styles" / "config" / "templates").mkdir(parents=True)
    (tmp_path / "styles" / "Desk" / "Hype.yml").write_text("extends: existence\nmessage: \"Drop '%s'\"\nlevel: suggestion\ntokens: [stunning]\n")
    (tmp_path / "styles" / "config" / "templates" / "brief.tmpl").write_text(
        "{{range .Files}}{{$p := .Path}}{{range .Alerts}}{{$p}}|{{.Line}}|{{.Check}}|{{.Severity}}|{{.Message}}\n{{end}}{{end}}"
    )
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\nMinAlertLevel = suggestion\n[*]\nBasedOnStyles = Desk\n")
    (tmp_path / "notes.md").write_text("# Harbor\n\nA stunning catch.\n")
    monkeypatch.chdir(tmp_path)
    main(["check", "--select", "desk.*", "--vale-output", "brief.tmpl", "notes.md"])
    assert capsys.readouterr().out == "notes.md|3|Desk.Hype|suggestion|Drop 'stunning'\n"
    assert main(["check", "--vale-output", "missing.tmpl", "notes.md"]) == 2
    assert "template 'missing.tmpl' not found" in capsys.readouterr().err


def test_without_a_template_the_format_is_vales_line_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "styles" / "Desk").mkdir(parents=True)
    (tmp_path / "styles" / "Desk" / "Hype.yml").write_text("extends: existence\nmessage: \"Drop '%s'\"\nlevel: warning\ntokens: [stunning]\n")
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n[*]\nBasedOnStyles = Desk\n")
    (tmp_path / "notes.md").write_text("# Harbor\n\nA stunning catch.\n")
    monkeypatch.chdir(tmp_path)
    main(["check", "--select", "desk.*", "--format", "vale-template", "notes.md"])
    assert capsys.readouterr().out == "notes.md:3:3:Desk.Hype:Drop 'stunning'\n"
