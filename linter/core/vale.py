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

from linter.article import markup_scopes
from linter.core import vale_filter
from linter.core.check import Check
from linter.article.document import Role
from linter.support import hunspell
from linter.support.errors import ConfigError
from linter.support.shipped import shipped_rules_dir
from linter.core.rule import Rule
from linter.core.rules import rule_from_mapping
from linter.article.scopes import UNIT_DOCUMENT
from linter.core.valeini import BUILT_IN, ValeIni
from linter.support.yamlsource import LineMap, load_yaml

# Vale's spelling fields: read by _spelling, which finds the files they name
SPELLING_FIELDS = ("filters", "custom", "ignore", "dicpath", "dictionaries", "aff", "dic", "append")
DICTIONARY_FOLDER = Path("config") / "dictionaries"  # in StylesPath, where Vale 3 keeps dictionaries
SCRIPT_FOLDER = Path("config") / "scripts"  # in StylesPath, where Vale 3 keeps scripts
LEVELS = {"suggestion": "info", "warning": "warning", "error": "error"}
# check types whose scope Vale fixes, whatever the rule says
FIXED_SCOPES = {"readability": "paragraph", "metric": "paragraph", "sequence": "sentence"}
VOCAB_CHECKS = ("existence", "substitution", "spelling", "vale-capitalization")
VALE_LEVELS = {severity: level for level, severity in LEVELS.items()}
COMMON = ("extends", "message", "level", "scope", "description", "link", "code")
# Vale check type -> (copydesk check type, Vale fields it honours, the
# copydesk fields each %s of the message becomes, in order)
CHECKS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "existence": ("existence", ("tokens", "raw", "ignorecase", "nonword", "exceptions"), ("match",)),
    "substitution": ("substitution", ("swap", "ignorecase", "nonword", "exceptions", "capitalize"), ("replacement", "match")),
    "occurrence": ("occurrence", ("max", "min", "token", "ignorecase"), ("count",)),
    "repetition": ("repetition", ("tokens", "ignorecase", "exceptions", "alpha"), ("word",)),
    "consistency": ("consistency", ("either", "ignorecase", "nonword"), ("second", "first")),
    "conditional": ("conditional", ("first", "second", "exceptions"), ("term",)),
    "capitalization": ("vale-capitalization", ("match", "exceptions", "style", "indicators", "threshold", "prefix"), ("text", "expected")),
    "readability": ("readability", ("grade", "metrics"), ("grade",)),
    "metric": ("metric", ("formula", "condition"), ("value",)),
    "spelling": ("spelling", SPELLING_FIELDS, ("word",)),
    "script": ("script", ("script",), ()),
    "sequence": ("sequence", ("tokens", "ignorecase"), tuple(f"word{n}" for n in range(1, 13))),
}
# fields that change no finding: read, said to be ignored
HARMLESS = ("action",)
# Vale's defaults of fields a check type does not take: a rule that gives
# one at its default loses nothing where the field is not read
DEFAULTS = {"ignorecase": False, "nonword": False}
SCOPES = {
    "text": Role.ALL,  # in Vale, all the text there is
    "raw": (*Role.ALL, UNIT_DOCUMENT),  # a counting rule counts in the whole document
    "paragraph": ("body",),
    "sentence": ("body", "sentence"),
    "summary": ("summary", "dek"),
}
IGNORED_SCOPES = ("~code", "~pre", "code")  # copydesk reads no code anyway
# Vale's built-in style ships in rules/vale/Vale/ as Vale defines it, but for these rules
BUILT_IN_MISSING = ("Vale.Terms", "Vale.Avoid")


def load_styles(folders: list[Path], check_types: dict[str, type[Check]]) -> tuple[list[Rule], list[str]]:
    """Rules from every Vale style folder, and what could not be honoured.

    A broken rule never stops the run: a file that cannot be read, or a
    rule with a field, scope or value copydesk cannot honour, is reported
    (file, line, what is wrong) and skipped, and the others load."""
    rules: list[Rule] = []
    notes: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            raise ConfigError("Vale style folder not found", folder)
        for path in sorted(folder.glob("*.y*ml")):
            try:
                rule, rule_notes = _convert(path, folder, check_types)
            except ConfigError as error:
                rule, rule_notes = None, [f"{error}; Vale rule {folder.name}.{path.stem} skipped"]
            notes += rule_notes
            if rule is not None:
                rules.append(rule)
    return rules, notes


def _read(path: Path) -> Any:
    """The rule file's YAML. Vale's Go reader takes an escape PyYAML
    rejects, ``\\'`` in a double-quoted string, as a quote: so does this."""
    try:
        return load_yaml(path)
    except ConfigError as error:
        if "unknown escape character" not in str(error):
            raise
        return load_yaml(path, path.read_text(encoding="utf-8-sig").replace("\\'", "'"))


def _convert(path: Path, folder: Path, check_types: dict[str, type[Check]]) -> tuple[Rule | None, list[str]]:
    data = _read(path)
    style = folder.name
    rule_id = f"{style}.{path.stem}".lower().replace("_", "-")
    rule_id = regex.sub(r"[^a-z0-9.\-]+", "-", rule_id).strip("-")
    name = f"{style}.{path.stem}"

    def skipped(key: str | None, problem: str) -> tuple[None, list[str]]:
        line = data.line_of(key) if key and isinstance(data, LineMap) else 1
        return None, [f"{path}:{line}: {problem}; Vale rule {name} skipped"]

    if not isinstance(data, LineMap):
        raise ConfigError("a Vale rule must be a mapping", path, 1)
    extends = data.get("extends")
    if extends not in CHECKS:
        return skipped("extends", f"'extends: {extends}' is not supported")
    check, honoured, placeholders = CHECKS[extends]
    unknown = [key for key in data if key not in (*COMMON, *honoured, *HARMLESS) and DEFAULTS.get(key, object()) != data[key]]
    if unknown:
        return skipped(unknown[0], f"field '{unknown[0]}' is not supported")
    if extends == "sequence":
        tagged = next((token for token in data.get("tokens") or [] if isinstance(token, dict) and "tag" in token), None)
        if tagged is not None:
            where = getattr(tagged, "line", None) or data.line_of("tokens")
            return None, [f"{path}:{where}: a sequence step with a part-of-speech tag ('tag: {tagged['tag']}') is not supported (copydesk tags no words); Vale rule {name} skipped"]
    # Vale's readability and metric rules read the document's prose (its "summary"), whatever their scope;
    # a sequence reads sentences, whatever its scope
    roles, selectors, scope_problems = _scope(FIXED_SCOPES.get(extends, data.get("scope", "text")))
    if scope_problems:
        return skipped("scope", scope_problems[0])
    notes = [f"{path}:{data.line_of(key)}: field '{key}' is not supported; ignored (Vale rule {name})" for key in data if key in HARMLESS]
    entry = LineMap()
    entry.line, entry.key_lines = data.line, {}

    def put(key: str, value: Any, source: str) -> None:
        entry[key] = value
        entry.key_lines[key] = data.line_of(source)

    put("id", rule_id, "extends")
    put("check", check, "extends")
    put("severity", LEVELS.get(data.get("level", "warning"), data.get("level")), "level")
    message = str(data.get("message", rule_id))
    if extends == "substitution":
        message = _quoted_replacement(message)
    put("message", _message(message, placeholders), "message")
    if data.get("description"):
        put("summary", str(data["description"]), "description")
    if data.get("link"):
        put("docs", {"what": str(data.get("description") or data.get("message")), "fix": f"See {data['link']}"}, "link")
    put("scope", roles or [Role.HEADING], "scope")  # a role to validate; the selectors replace it below
    if extends == "existence" and "raw" in data:
        # Vale puts the raw pattern, joined, before the tokens' group
        raw = "".join(data["raw"]) if isinstance(data["raw"], list) else str(data["raw"])
        tokens = data.get("tokens") or []
        put("tokens", [raw + ("(?:" + "|".join(tokens) + ")" if tokens else "")], "raw")
        put("nonword", True, "raw")
    if "ignorecase" in honoured and "ignorecase" not in data:
        put("ignorecase", False, "extends")  # Vale's default; copydesk's is true
    raw = "raw" in _scope_names(data.get("scope", "text"))
    if extends in ("existence", "substitution") and not raw:
        put("skip_markup", True, "extends")
    if extends in ("existence", "occurrence") and raw:
        put("whole_text", True, "scope")
    if extends == "occurrence":
        put("at_first_match", True, "extends")
        put("first_outside_code", not raw, "extends")
    if extends == "repetition":
        put("slips_only", False, "extends")  # Vale flags every repeat its tokens make
        if "exceptions" not in data:
            put("exceptions", [], "extends")
    if extends == "substitution":
        put("keep_case", bool(data.get("capitalize", False)), "capitalize" if "capitalize" in data else "extends")
        put("longest_first", True, "extends")
        put("expand_groups", True, "extends")
        put("trim_match", True, "extends")
    if extends == "spelling":
        for key, value in _spelling(data, path, folder.parent).items():
            put(key, value, "extends")
    if extends == "script":
        put("script", _script(data, path, folder.parent), "script")
        put("whole_text", raw, "scope")
    for key in honoured:
        if extends in ("spelling", "script"):
            break
        if key in data and not (key == "tokens" and "tokens" in entry) and key not in ("raw", "capitalize"):
            value = data[key]
            if key == "metrics":
                others = [m for m in value if m != "Flesch-Kincaid"] if isinstance(value, list) else [value]
                if others:
                    return skipped(key, f"metrics {others} are not supported")
            elif key == "tokens" and extends == "sequence":
                put(key, [dict(token) if isinstance(token, dict) else token for token in value or []], key)
            else:
                put(key, value, key)
    rule = rule_from_mapping(entry, path, f"vale:{style}", check_types)
    if selectors:
        # Vale's headings, blockquotes and lists are the markup's (see linter.article.markup_scopes)
        rule = rule._replace(scope=(*roles, *(markup_scopes.PREFIX + s for s in selectors)))
    return rule, notes


def _spelling(data: LineMap, path: Path, styles_path: Path) -> dict[str, Any]:
    """A spelling rule's dictionaries (paths without their suffix), added
    words and filters, found where Vale finds them: ``aff`` and ``dic``
    (in StylesPath or as given), else each of ``dictionaries`` in
    ``dicpath`` (as given, in StylesPath, or in the working folder) or
    StylesPath's ``config/dictionaries``; with none, the default
    dictionary, and with ``append`` the default besides. ``ignore`` files
    are word lists, in StylesPath or as given."""

    def found(name: str, key: str) -> Path:
        for candidate in (styles_path / name, Path(name)):
            if candidate.exists():
                return candidate.resolve()
        raise ConfigError(f"{key}: '{name}' not found", path, data.line_of(key))

    dictionaries: list[str] = []
    if data.get("aff") and data.get("dic"):
        aff, dic = found(str(data["aff"]), "aff"), found(str(data["dic"]), "dic")
        if aff.with_suffix("") != dic.with_suffix(""):
            raise ConfigError("aff and dic must name one dictionary (NAME.aff and NAME.dic)", path, data.line_of("aff"))
        dictionaries.append(str(aff.with_suffix("")))
    elif data.get("dictionaries"):
        where = found(str(data["dicpath"]), "dicpath") if data.get("dicpath") else styles_path / DICTIONARY_FOLDER
        for name in _listed(data["dictionaries"]):
            if not (where / f"{name}.dic").is_file():
                raise ConfigError(f"dictionary '{name}' not found in {where}", path, data.line_of("dictionaries"))
            dictionaries.append(str(where / name))
    words = [word for name in _listed(data.get("ignore")) for word in hunspell.word_list(found(name, "ignore"))]
    params: dict[str, Any] = {"dictionaries": dictionaries, "words": words, "custom": bool(data.get("custom", False))}
    params["append"] = bool(data.get("append", False)) and bool(dictionaries)
    if data.get("filters"):
        params["filters"] = _listed(data["filters"])
    return params


def _script(data: LineMap, path: Path, styles_path: Path) -> str:
    """A script rule's Tengo source: given in the rule, or a ``.tengo``
    file in StylesPath's ``config/scripts``, as Vale keeps them."""
    script = str(data.get("script", ""))
    if not script.strip().endswith(".tengo") or "\n" in script.strip():
        return script
    where = styles_path / SCRIPT_FOLDER / script.strip()
    try:
        return where.read_text(encoding="utf-8")
    except OSError:
        raise ConfigError(f"script: '{script.strip()}' not found in {styles_path / SCRIPT_FOLDER}", path, data.line_of("script")) from None


def _listed(value: Any) -> list[str]:
    """A field Vale takes as one string or a list of them."""
    if value is None:
        return []
    return [str(value)] if isinstance(value, str) else [str(v) for v in value]


def _message(message: str, placeholders: tuple[str, ...]) -> str:
    """Vale's ``%s`` become copydesk placeholders, in order, and Go's
    ``%[N]s`` the Nth; braces are escaped."""
    message = message.replace("{", "{{").replace("}", "}}")
    message = regex.sub(r"%\[([1-9][0-9]*)\]s", lambda m: "{" + placeholders[min(int(m.group(1)), len(placeholders)) - 1] + "}", message)
    parts = message.split("%s")
    result = parts[0]
    for index, part in enumerate(parts[1:]):
        name = placeholders[min(index, len(placeholders) - 1)]
        result += "{" + name + "}" + part
    return result


def _quoted_replacement(message: str) -> str:
    """Vale prints a substitution's replacement (the first ``%s``) in
    quotes where the message does not quote it."""
    at = message.find("%s")
    if at < 0 or message[at - 1 : at] in ("'", '"') or message[at + 2 : at + 3] in ("'", '"'):
        return message
    return f"{message[:at]}'%s'{message[at + 2:]}"


def _scope_names(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value or ["text"])


def _scope(value: Any) -> tuple[list[str], list[str], list[str]]:
    """The roles a Vale scope reads, the markup selectors it reads (see
    linter.article.markup_scopes), and the scopes copydesk cannot honour (a rule
    with one is skipped: reading all text instead would widen it)."""
    roles: list[str] = []
    selectors: list[str] = []
    problems = []
    for name in _scope_names(value):
        if name in SCOPES:
            roles += [r for r in SCOPES[name] if r not in roles]
        elif markup_scopes.supported(name):
            selectors.append(" & ".join(term.strip() for term in name.split("&")))
        elif name not in IGNORED_SCOPES:
            problems.append(f"scope '{name}' is not supported")
    if not roles and not selectors:
        roles = list(SCOPES["text"])
    return roles, selectors, problems


def _filter_fields(rule: Rule, name: str, level: str) -> dict[str, Any]:
    """The fields of a rule that Vale's ``--filter`` reads, from its file."""
    data = _read(rule.source)
    return {
        "Name": name,
        "Level": level,
        "Extends": data.get("extends", ""),
        "Scope": _scope_names(data.get("scope", "text")),
        "Message": data.get("message", ""),
        "Description": data.get("description", ""),
        "Link": data.get("link", ""),
    }


def vale_name(rule: Rule) -> str:
    """The name Vale gives a rule read from a Vale style: ``Style.Rule``."""
    return f"{rule.pack.removeprefix('vale:')}.{rule.source.stem}"


def load_configured(ini: ValeIni, check_types: dict[str, type[Check]]) -> tuple[list[Rule], dict[str, str], list[str]]:
    """The rules a Vale configuration names (at the level it gives them,
    those MinAlertLevel prints), each rule's ``Style.Rule`` name by id, and
    what could not be honoured."""
    notes = list(ini.notes)
    rules: list[Rule] = []
    for style in ini.styles():
        if style == BUILT_IN:
            folder: Path | None = shipped_rules_dir() / "vale" / BUILT_IN
            notes.append(f"{ini.path}: Vale's built-in {', '.join(BUILT_IN_MISSING)} are not supported; skipped")
        else:
            folder = ini.style_folder(style)
        if folder is None or not folder.is_dir():
            notes.append(f"{ini.path}: style '{style}' not found in StylesPath; its rules skipped")
            continue
        found, style_notes = load_styles([folder], check_types)
        rules += found
        notes += style_notes
    accepted, missing = ini.accepted()
    notes += [f"{ini.path}: Vocab '{name}' not found in StylesPath; ignored" for name in missing]
    names: dict[str, str] = {}
    kept = []
    chosen = vale_filter.compile_filter(ini.filter) if ini.filter else None
    for rule in rules:
        name = vale_name(rule)
        level = ini.level(name, VALE_LEVELS[rule.severity])
        if chosen is not None and not chosen(_filter_fields(rule, name, level)):
            continue
        if ini.shown(level):
            rule = rule._replace(severity=LEVELS[level])
            if accepted and rule.check in VOCAB_CHECKS:
                # Vale's accepted terms are never an existence or substitution finding
                rule = rule._replace(params={**rule.params, "exceptions": (*rule.params.get("exceptions", ()), *accepted)})
            kept.append(rule)
            names[rule.id] = name
    return kept, names, notes
