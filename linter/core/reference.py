"""The rule reference: a Markdown page listing every shipped rule with what
it checks, why, an example and the fix, generated from the rule files, and
every check type with its summary, parameters (with their help and
defaults), message placeholders and default scope, generated from the check
types' code (``copydesk docs``); a test keeps the committed page up to date."""

from __future__ import annotations

import unicodedata
from typing import Any

from linter.core.check import REQUIRED, Check
from linter.core.rule import Rule
from linter.article.scopes import QUOTES_INSIDE, QUOTES_OUTSIDE, UNIT_PARAGRAPH


def _one_line(text: str) -> str:
    """An example as one list item: its lines joined, blank lines dropped,
    shown as written: markup (``<tweet>``, a suppression comment) is not
    rendered as HTML, and a control character (a NUL) is spelt out."""
    joined = " / ".join(line.strip() for line in text.strip().splitlines() if line.strip())
    shown = "".join(f"\\x{ord(c):02x}" if unicodedata.category(c) == "Cc" else c for c in joined)
    return shown.replace("<", "&lt;")

HEADER = """# copydesk rule reference

Generated from the rule files and the check types' code by `copydesk docs
--output docs/rules.md`; do not edit by hand. The check types close the page. Packs other than `core` are off until a config names
them under `packs:`; a rule marked *off by default* runs only when `select`
names it.
"""


def reference(rules: list[Rule], check_types: dict[str, type[Check]] | None = None) -> str:
    """The page: the rules by pack, then (when given) the check types."""
    parts = [HEADER]
    for pack in dict.fromkeys(rule.pack for rule in rules):
        pack_rules = sorted((r for r in rules if r.pack == pack), key=lambda r: r.id)
        parts.append(f"\n## Pack `{pack}` ({len(pack_rules)} rules)\n\n| rule | severity | summary |\n| --- | --- | --- |")
        parts += [f"| [`{r.id}`](#{r.id.replace('.', '')}) | {r.severity} | {r.summary} |" for r in pack_rules]
        for rule in pack_rules:
            parts.append(_rule(rule))
    if check_types:
        parts.append(check_type_reference(check_types))
    return "\n".join(parts) + "\n"


def check_type_reference(check_types: dict[str, type[Check]]) -> str:
    """Every check type a rule may name in its ``check`` field, from its
    code: summary, parameters with their help and defaults, the message
    placeholders it fills and the blocks it reads unless the rule says."""
    lines = [
        "\n## Check types\n",
        "A rule names one in its `check` field and gives its parameters; its message may use `{text}`",
        "(what matched) and the placeholders listed.\n",
        "| check type | summary |\n| --- | --- |",
    ]
    names = sorted(check_types)
    lines += [f"| [`{name}`](#check-type-{name}) | {check_types[name].summary} |" for name in names]
    for name in names:
        lines.append(_check_type(name, check_types[name]))
    return "\n".join(lines)


def _check_type(name: str, check_type: type[Check]) -> str:
    placeholders = ", ".join(f"`{{{field}}}`" for field in check_type.fields) or "none"
    scope = ", ".join(check_type.default_scope)
    lines = [
        f'\n<a id="check-type-{name}"></a>\n\n### Check type `{name}`\n',
        check_type.summary,
        f"\nReads {scope} unless the rule's `scope` says otherwise; message placeholders: {placeholders}.",
    ]
    if check_type.params:
        lines.append("\n| parameter | kind | default | what |\n| --- | --- | --- | --- |")
        for key, param in check_type.params.items():
            kind = param.kind + (f" ({', '.join(param.choices)})" if param.choices else "")
            cells = (f"`{key}`", kind, _default(param.default), " ".join(param.help.split()))
            lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)


def _default(value: Any) -> str:
    if value is REQUIRED:
        return "*required*"
    if isinstance(value, (tuple, list)):
        return ", ".join(f"`{item}`" for item in value) if value else "none"
    if isinstance(value, dict):
        return ", ".join(f"`{key}`: `{item}`" for key, item in value.items()) if value else "none"
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    return f"`{value}`"


def _rule(rule: Rule) -> str:
    reads = ", ".join(rule.scope)
    if rule.unit != UNIT_PARAGRAPH:
        reads += f", by {rule.unit}"
    if rule.quotations == QUOTES_OUTSIDE:
        reads += ", never quoted speech"
    elif rule.quotations == QUOTES_INSIDE:
        reads += ", only quoted speech"
    off = "" if rule.default else ", *off by default*"
    lines = [f"\n### {rule.id}\n", f"*{rule.severity}*{off}, check type `{rule.check}`, reads {reads}.\n", rule.summary]
    for key, heading in (("what", "What it checks"), ("why", "Why"), ("example", "Example"), ("fix", "Fix")):
        text = rule.docs.get(key)
        if not text:
            continue
        if key == "example":
            lines.append(f"\n**{heading}**\n\n```text\n{text.strip()}\n```")
        else:
            lines.append(f"\n**{heading}.** {' '.join(text.split())}")
    for key, heading in (("bad", "Flagged"), ("good", "Fine")):
        texts = rule.examples.get(key, ())
        if texts:
            lines.append(f"\n**{heading}:**\n")
            lines += [f"- {_one_line(t)}" for t in texts]
    return "\n".join(lines)
