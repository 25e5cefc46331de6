"""Loading and validating YAML rules.

A rule file holds one rule (a mapping with ``id``) or a pack of them (a
mapping with ``rules:``, a list). Every field is checked on load, and each
problem is reported as ``file:line: what is wrong``.

    id: vague-sourcing             # kebab-case, unique across packs
    check: vague-sourcing          # a check type
    severity: warning              # error, warning or info
    message: "Unnamed source: {text}"
    scope: [summary, dek, body]    # roles of blocks the rule reads
    default: true                  # false: runs only when `select` names it
    summary: one line for `copydesk rules`
    docs: {what: ..., why: ..., example: ..., fix: ...}
    # ... and the check type's own parameters
"""

from __future__ import annotations

from pathlib import Path
import string
from typing import Any

from linter.support import patterns
from linter.core.check import REQUIRED, Check
from linter.core.rule import Rule
from linter.article.document import Role
from linter.support.errors import ConfigError
from linter.results.findings import SEVERITIES
from linter.article.scopes import QUOTES_ANY, QUOTES_INSIDE, QUOTES_OUTSIDE, SCOPE_WORDS, UNIT_PARAGRAPH, UNITS
from linter.support.yamlsource import LineMap, load_yaml, unknown_key_message

RULE_FIELDS = ("id", "check", "severity", "message", "scope", "summary", "docs", "examples", "default")
DOC_FIELDS = ("what", "why", "example", "fix")
_RULE_ID = patterns.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")


def load_packs(packs: list[tuple[str, Path]], check_types: dict[str, type[Check]]) -> list[Rule]:
    """Load every rule of the given (pack name, folder) pairs, in order.
    A rule id defined twice is an error naming both places. Loaded rules
    are cached under a key of every file's contents (see linter.support.cache)."""
    files: list[tuple[str, Path]] = []
    for pack_name, folder in packs:
        if not folder.is_dir():
            raise ConfigError(f"rule pack '{pack_name}' not found", folder)
        files += [(pack_name, path) for path in sorted(folder.glob("*.y*ml"))]

    def load() -> list[Rule]:
        rules: list[Rule] = []
        for pack_name, path in files:
            rules += load_rule_file(path, pack_name, check_types)
        return ensure_unique(rules)

    from linter.support import cache

    try:
        key = cache.key(packs, [path for _, path in files], [Rule, *check_types.values()])
    except OSError:
        return load()
    return cache.cached("rules", key, load)


def ensure_unique(rules: list[Rule]) -> list[Rule]:
    """The rules, or an error naming both places of an id defined twice."""
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in seen:
            first = seen[rule.id]
            raise ConfigError(f"rule id '{rule.id}' is already defined at {first.source}:{first.line}", rule.source, rule.line)
        seen[rule.id] = rule
    return rules


def load_rule_file(path: Path, pack: str, check_types: dict[str, type[Check]]) -> list[Rule]:
    data = load_yaml(path)
    if isinstance(data, LineMap) and "rules" in data and "id" not in data:
        entries = data["rules"]
        if not isinstance(entries, list):
            raise ConfigError("'rules' must be a list of rules", path, data.line_of("rules"))
    elif isinstance(data, LineMap):
        entries = [data]
    else:
        raise ConfigError("a rule file must be a mapping (one rule) or have a 'rules' list", path, 1)
    return [rule_from_mapping(entry, path, pack, check_types) for entry in entries]


def rule_from_mapping(entry: Any, path: Path, pack: str, check_types: dict[str, type[Check]]) -> Rule:
    """A validated Rule from one mapping of a rule file."""
    if not isinstance(entry, LineMap):
        raise ConfigError("each rule must be a mapping of fields", path)

    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(message, path, entry.line_of(key))

    for key in ("id", "check", "severity", "message"):
        if key not in entry:
            raise ConfigError(f"rule is missing the required field '{key}'", path, entry.line)
    rule_id, check_name = entry["id"], entry["check"]
    if not isinstance(rule_id, str) or not _RULE_ID.match(rule_id):
        raise fail("id", f"id: {rule_id!r} is not a kebab-case rule id (like 'vague-sourcing')")
    if check_name not in check_types:
        known = ", ".join(sorted(check_types))
        raise fail("check", f"check: unknown check type '{check_name}' (known: {known})")
    check_type = check_types[check_name]

    severity = entry["severity"]
    if severity not in SEVERITIES:
        raise fail("severity", "severity: " + unknown_key_message(str(severity), SEVERITIES, "severity"))
    message = entry["message"]
    if not isinstance(message, str) or not message.strip():
        raise fail("message", "message: must be a non-empty string")
    _check_placeholders(message, ("text", *check_type.fields), fail)

    default = entry.get("default", True)
    if not isinstance(default, bool):
        raise fail("default", "default: must be true or false")
    roles, unit, quotations = _scope(entry.get("scope", ()), check_type.default_scope, fail)
    examples = _examples(entry.get("examples", {}), fail)
    docs = entry.get("docs", {})
    if not isinstance(docs, dict):
        raise fail("docs", "docs: must be a mapping with what, why, example, fix")
    for key in docs:
        if key not in DOC_FIELDS:
            raise ConfigError("docs: " + unknown_key_message(key, DOC_FIELDS, "field"), path, docs.line_of(key))

    params: dict[str, Any] = {}
    for key, value in entry.items():
        if key in RULE_FIELDS:
            continue
        if key not in check_type.params:
            known = (*RULE_FIELDS, *check_type.params)
            raise fail(key, unknown_key_message(key, known, f"field for check '{check_name}'"))
        try:
            params[key] = check_type.params[key].convert(value)
        except ValueError as error:
            raise fail(key, f"{key}: {error}") from None
    for key, spec in check_type.params.items():
        if key not in params:
            if spec.default is REQUIRED:
                raise ConfigError(f"check '{check_name}' needs the field '{key}'", path, entry.line)
            params[key] = spec.convert(spec.default)
    try:
        check_type.validate(params)
    except ValueError as error:
        raise ConfigError(str(error), path, entry.line) from None

    return Rule(
        id=rule_id,
        check=check_name,
        severity=severity,
        message=message.strip(),
        scope=roles,
        unit=unit,
        quotations=quotations,
        examples=examples,
        default=default,
        params=params,
        pack=pack,
        source=path,
        line=entry.line,
        summary=str(entry.get("summary", "")).strip() or message.strip(),
        docs={key: str(value).rstrip() for key, value in docs.items()},
    )


def _check_placeholders(message: str, allowed: tuple[str, ...], fail) -> None:  # type: ignore[no-untyped-def]
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(message) if name is not None]
    except ValueError as error:
        raise fail("message", f"message: {error} (write a literal brace as '{{{{' or '}}}}')") from None
    for name in names:
        if name not in allowed:
            raise fail("message", f"message: unknown placeholder {{{name}}} (this check offers: {', '.join(allowed)})")


def _scope(value: Any, default_roles: tuple[str, ...], fail) -> tuple[tuple[str, ...], str, str]:  # type: ignore[no-untyped-def]
    """Roles, counting unit and quotation handling from a ``scope`` list:
    roles (headline, dek, body...), a unit (paragraph, sentence, document)
    and ``quotation`` (only quoted speech) or ``~quotation`` (never it)."""
    words = [value] if isinstance(value, str) else value
    if not isinstance(words, (list, tuple)):
        raise fail("scope", "scope: must be a role or a list of roles and modifiers")
    for word in words:
        if word not in SCOPE_WORDS:
            raise fail("scope", "scope: " + unknown_key_message(str(word), SCOPE_WORDS, "scope"))
    roles = tuple(w for w in words if w in Role.ALL) or tuple(default_roles)
    units = [w for w in words if w in UNITS]
    quotes = [w for w in words if w in (QUOTES_INSIDE, QUOTES_OUTSIDE)]
    if len(units) > 1 or len(quotes) > 1:
        raise fail("scope", "scope: name at most one unit (paragraph, sentence, document) and one of quotation, ~quotation")
    return roles, (units or [UNIT_PARAGRAPH])[0], (quotes or [QUOTES_ANY])[0]


def _examples(value: Any, fail) -> dict[str, tuple[str, ...]]:  # type: ignore[no-untyped-def]
    """``examples: {bad: [...], good: [...]}``: texts the rule must and
    must not flag, used by the tests and the rule reference. How a text
    becomes the stories of a run (a body passage, a whole story, Markdown,
    several stories parted by ``=== next story ===``) is the README's
    section on rule files."""
    if not isinstance(value, dict) or set(value) - {"bad", "good"}:
        raise fail("examples", "examples: must be a mapping with 'bad' and 'good' lists of texts")
    result = {}
    for key, texts in value.items():
        if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
            raise fail("examples", f"examples: {key} must be a list of texts")
        result[key] = tuple(texts)
    return result
