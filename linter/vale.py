"""Reading Vale styles: a folder of Vale YAML rules becomes copydesk rules.

Each rule's ``extends`` names the copydesk check type it maps to; its
fields are mapped one by one (``tokens``, ``swap``, ``ignorecase``,
``nonword``, ``exceptions``, ``level``, ``scope``, ``message`` with its
``%s``). What copydesk cannot honour (a check type it lacks, a field, a
scope) is reported by rule and name rather than silently dropped: an
unsupported check type skips the rule, an unsupported field or scope is
ignored and said so.

A rule ``Style/Rule.yml`` gets the id ``style.rule`` (lower case).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import regex

from linter.checks.base import Check
from linter.errors import ConfigError
from linter.rules import Rule, rule_from_mapping
from linter.yamlsource import LineMap, load_yaml

LEVELS = {"suggestion": "info", "warning": "warning", "error": "error"}
COMMON = ("extends", "message", "level", "scope", "description", "link", "code")
# Vale check type -> (copydesk check type, Vale fields it honours, the
# copydesk fields each %s of the message becomes, in order)
CHECKS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "existence": ("existence", ("tokens", "ignorecase", "nonword", "exceptions"), ("match",)),
    "substitution": ("substitution", ("swap", "ignorecase", "nonword", "exceptions"), ("replacement", "match")),
    "occurrence": ("occurrence", ("max", "min", "token", "ignorecase"), ("count",)),
    "repetition": ("repetition", ("tokens", "ignorecase", "exceptions"), ("match",)),
    "consistency": ("consistency", ("either", "ignorecase", "nonword"), ("second", "first")),
    "conditional": ("conditional", ("first", "second", "exceptions"), ("term",)),
    "capitalization": ("capitalization", ("match", "exceptions", "style"), ("word",)),
    "readability": ("readability", ("grade", "metrics"), ("grade",)),
}
SCOPES = {
    "text": ("summary", "headline", "dek", "body"),
    "raw": ("summary", "headline", "dek", "body"),
    "heading": ("headline", "heading"),
    "paragraph": ("body",),
    "sentence": ("body", "sentence"),
    "summary": ("summary", "dek"),
}
IGNORED_SCOPES = ("~code", "~pre", "code")  # copydesk reads no code anyway


def load_styles(folders: list[Path], check_types: dict[str, type[Check]]) -> tuple[list[Rule], list[str]]:
    """Rules from every Vale style folder, and what could not be honoured."""
    rules: list[Rule] = []
    notes: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            raise ConfigError("Vale style folder not found", folder)
        for path in sorted(folder.glob("*.y*ml")):
            rule, rule_notes = _convert(path, folder.name, check_types)
            notes += rule_notes
            if rule is not None:
                rules.append(rule)
    return rules, notes


def _convert(path: Path, style: str, check_types: dict[str, type[Check]]) -> tuple[Rule | None, list[str]]:
    data = load_yaml(path)
    rule_id = f"{style}.{path.stem}".lower().replace("_", "-")
    rule_id = regex.sub(r"[^a-z0-9.\-]+", "-", rule_id).strip("-")
    where = f"Vale rule {style}.{path.stem} ({path})"
    if not isinstance(data, LineMap):
        raise ConfigError("a Vale rule must be a mapping", path, 1)
    extends = data.get("extends")
    if extends not in CHECKS:
        return None, [f"{where}: 'extends: {extends}' is not supported; rule skipped"]
    check, honoured, placeholders = CHECKS[extends]
    notes = [f"{where}: field '{key}' is not supported; ignored" for key in data if key not in (*COMMON, *honoured)]
    entry = LineMap()
    entry.line, entry.key_lines = data.line, {}

    def put(key: str, value: Any, source: str) -> None:
        entry[key] = value
        entry.key_lines[key] = data.line_of(source)

    put("id", rule_id, "extends")
    put("check", check, "extends")
    put("severity", LEVELS.get(data.get("level", "warning"), data.get("level")), "level")
    put("message", _message(str(data.get("message", rule_id)), placeholders), "message")
    if data.get("description"):
        put("summary", str(data["description"]), "description")
    if data.get("link"):
        put("docs", {"what": str(data.get("description") or data.get("message")), "fix": f"See {data['link']}"}, "link")
    roles, scope_notes = _scope(data.get("scope", "text"))
    notes += [f"{where}: {note}" for note in scope_notes]
    put("scope", roles, "scope")
    for key in honoured:
        if key in data:
            value = data[key]
            if extends == "capitalization" and key == "match":
                style_name = {"$title": "title", "$sentence": "sentence"}.get(value)
                if style_name is None:
                    notes.append(f"{where}: 'match: {value}' is not supported; title case used")
                    style_name = "title"
                put("style", style_name, key)
            elif extends == "capitalization" and key == "style":
                continue  # AP or Chicago: both are title case here
            elif key == "metrics":
                others = [m for m in value if m != "Flesch-Kincaid"] if isinstance(value, list) else [value]
                if others:
                    notes.append(f"{where}: metrics {others} are not supported; Flesch-Kincaid grade used")
            else:
                put(key, value, key)
    return rule_from_mapping(entry, path, f"vale:{style}", check_types), notes


def _message(message: str, placeholders: tuple[str, ...]) -> str:
    """Vale's ``%s`` become copydesk placeholders, in order; braces are
    escaped."""
    parts = message.replace("{", "{{").replace("}", "}}").split("%s")
    result = parts[0]
    for index, part in enumerate(parts[1:]):
        name = placeholders[min(index, len(placeholders) - 1)]
        result += "{" + name + "}" + part
    return result


def _scope(value: Any) -> tuple[list[str], list[str]]:
    names = [value] if isinstance(value, str) else list(value or ["text"])
    roles: list[str] = []
    notes = []
    for name in names:
        if name in SCOPES:
            roles += [r for r in SCOPES[name] if r not in roles]
        elif name not in IGNORED_SCOPES:
            notes.append(f"scope '{name}' is not supported; ignored")
    return roles or list(SCOPES["text"]), notes


def vale_name(rule: Rule) -> str:
    """The name Vale gives a rule read from a Vale style: ``Style.Rule``."""
    return f"{rule.pack.removeprefix('vale:')}.{rule.source.stem}"
