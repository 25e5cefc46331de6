"""Configuration: ``.copydesk.yaml`` or ``[tool.copydesk]`` in pyproject.toml.

The first of those found walking up from the working folder applies (or the
file given with ``--config``). Paths in it are relative to its folder.

    style: nyt                 # house style for names: nyt, ap or british
    styles_by_path:            # a house style for some files (first match)
      "sport/*": ap
    fail_on: warning           # lowest severity that makes the exit code 1
    select: [name-*]           # only these rules (ids or glob patterns)
    ignore: [missing-credit]   # never these
    severity: {vague-sourcing: error}
    packs: [newsroom]          # extra rule packs from plugins to enable
    rules: [house-rules/]      # folders of the newsroom's own YAML rules
    names: [people.yaml]       # registries layered over the shipped one
    styles: [house-style.yaml] # house styles of the newsroom's own (named by file)
    vale: [styles/House]       # Vale style folders to read as copydesk rules
    include: ["*.md", "*.txt"] # file patterns when walking folders
    exclude: [drafts/, "*.draft.md"]
    per_file_ignores:          # rules silenced for some files
      "archive/*": [missing-credit]
    max_file_size: 10485760    # bytes; larger files are reported, not read
    time_budget: 10            # seconds for all the checks of one story
    strict_files: false        # true: exit 2 when a file cannot be linted
    archive_fields:            # the fields of a JSON / JSON Lines archive's records
      body: [body, text, content]
    archive: [published/]      # stories new copy is compared with, not reported on
"""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.support import cache
from linter.support.errors import ConfigError
from linter.results.findings import SEVERITIES
from linter.article.source import DEFAULT_MAX_BYTES
from linter.support.yamlsource import LineMap, load_yaml, unknown_key_message

if TYPE_CHECKING:
    from linter.core.valeini import ValeIni

CONFIG_NAMES = (".copydesk.yaml", ".copydesk.yml")
DEFAULT_TIME_BUDGET = 10.0  # seconds for all the checks of one story


class Config:
    """The settings of a run (see the module's docstring). A plain class: a
    dataclass costs a third of a millisecond to create on every start."""

    def __init__(
        self,
        *,
        style: str = "nyt",
        fail_on: str = "warning",
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        severity: dict[str, str] | None = None,
        packs: list[str] | None = None,
        rules: list[Path] | None = None,
        names: list[Path] | None = None,
        styles: list[Path] | None = None,
        vale: list[Path] | None = None,
        per_file_ignores: dict[str, list[str]] | None = None,
        styles_by_path: dict[str, tuple[str, int | None]] | None = None,
        max_file_size: int = DEFAULT_MAX_BYTES,
        time_budget: float = DEFAULT_TIME_BUDGET,  # seconds for all the checks of one story
        strict_files: bool = False,  # exit 2 when a file cannot be linted
        docs_url: str = "",
        include: list[str] | None = None,
        exclude: list[str] | None = None,
        boilerplate: list[str] | None = None,  # standing copy the rules across files let repeat
        source: Path | None = None,
        archive_fields: dict[str, list[str]] | None = None,
        archive: list[Path] | None = None,
    ) -> None:
        self.style, self.fail_on = style, fail_on
        self.select, self.ignore = select or [], ignore or []
        self.severity = severity or {}
        self.packs = packs or []
        self.rules, self.names, self.styles, self.vale = rules or [], names or [], styles or [], vale or []
        self.archive = archive or []  # stories the rules across files compare with, not reported on
        self.per_file_ignores = per_file_ignores or {}
        # file pattern: (style name, line of the config that gives it)
        self.styles_by_path = styles_by_path or {}
        self.max_file_size, self.strict_files = max_file_size, strict_files
        self.time_budget = time_budget
        self.docs_url = docs_url  # where each rule's documentation lives ("{rule}" in it); "": nowhere
        self.include, self.exclude = include or [], exclude or []
        self.boilerplate = boilerplate or []
        self.source = source
        self.vale_ini: "ValeIni | None" = None  # Vale's configuration, when one is found (see linter.core.valeini)
        self.read_as: str | None = None  # --read-as: the input format of every file, whatever its suffix
        # story part (headline, body, byline, id): the record fields that may hold it, first found wins
        self.archive_fields = archive_fields or {}
        self.lines: dict[str, int] = {}  # the line of each setting in the source file

    def replaced(self, **settings: Any) -> "Config":
        """A copy with some settings replaced (the command line's over the
        file's): the loaded config stays as it was read."""
        unknown = [name for name in settings if name not in vars(self)]
        if unknown:
            raise TypeError(f"unknown settings: {', '.join(unknown)}")
        copy = object.__new__(Config)
        copy.__dict__.update(vars(self), **settings)
        return copy

    def __repr__(self) -> str:
        return f"Config({', '.join(f'{key}={value!r}' for key, value in vars(self).items())})"

    def _relative(self, path: Path) -> str:
        """The path as file patterns match it: relative to the config's
        folder (or as given)."""
        where = path.resolve()
        base = self.source.parent.resolve() if self.source else Path.cwd()
        return where.relative_to(base).as_posix() if where.is_relative_to(base) else path.as_posix()

    def ignored_for(self, path: Path, rule_id: str) -> bool:
        """Whether ``per_file_ignores`` silences a rule for a file."""
        if not self.per_file_ignores:
            return False
        name = self._relative(path)
        return any(
            fnmatch.fnmatch(name, pattern) and _matches(rule_id, rules) for pattern, rules in self.per_file_ignores.items()
        )

    def style_for(self, path: Path) -> str:
        """The house style of a file: the first ``styles_by_path`` pattern
        that matches it, else ``style``."""
        if self.styles_by_path:
            name = self._relative(path)
            for pattern, (style, _) in self.styles_by_path.items():
                if fnmatch.fnmatch(name, pattern):
                    return style
        return self.style

    def wants(self, rule_id: str, default: bool = True) -> bool:
        """Whether select/ignore let this rule run. A rule off by default
        (``default: false``) runs only when ``select`` names it (or a glob)."""
        if (self.select or not default) and not _matches(rule_id, self.select):
            return False
        return not _matches(rule_id, self.ignore)


def _matches(rule_id: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(rule_id, pattern) for pattern in patterns)


_LIST_KEYS = ("select", "ignore", "packs", "include", "exclude", "boilerplate")
_PATH_KEYS = ("rules", "names", "styles", "vale", "archive")
KEYS = (
    "style",
    "fail_on",
    "severity",
    "per_file_ignores",
    "styles_by_path",
    "max_file_size",
    "time_budget",
    "strict_files",
    "docs_url",
    "archive_fields",
    *_LIST_KEYS,
    *_PATH_KEYS,
)


ARCHIVE_PARTS = ("headline", "body", "byline", "dek", "id")


def _archive_fields(value: Any, fail: Any) -> dict[str, list[str]]:
    """``archive_fields``: each story part to a field name or a list of them."""
    if not isinstance(value, dict):
        raise fail("archive_fields", f"must map {', '.join(ARCHIVE_PARTS)} to field names")
    fields: dict[str, list[str]] = {}
    for part, names in value.items():
        if part not in ARCHIVE_PARTS:
            raise fail("archive_fields", unknown_key_message(str(part), ARCHIVE_PARTS, "story part"))
        names = [names] if isinstance(names, str) else names
        if not isinstance(names, list) or not names or not all(isinstance(n, str) and n for n in names):
            raise fail("archive_fields", f"{part}: must be a field name or a list of them")
        fields[part] = names
    return fields


def _line_in(mapping: dict[str, Any], key: str, default: int | None) -> int | None:
    """The line of a key of a nested mapping, where the reader kept it."""
    return mapping.line_of(key) if isinstance(mapping, LineMap) else default


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start``."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "copydesk" in _pyproject_tool(pyproject):
            return pyproject
    return None


def _pyproject_tool(path: Path) -> dict[str, Any]:
    import tomllib  # only where a pyproject.toml is found

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"cannot read: {error}", path) from None
    tool = data.get("tool", {})
    return tool if isinstance(tool, dict) else {}


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    if not path.is_file():
        raise ConfigError("config file not found", path)
    # Parsed once per change of the file: a run with a warm cache then
    # needs neither PyYAML nor tomllib.
    if path.name == "pyproject.toml":
        data = cache.cached_file(path, "pyproject-tool", _pyproject_tool).get("copydesk", {})
    else:
        data = cache.cached_file(path, "config", load_yaml)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("configuration must be a mapping of settings", path, 1)
    return _build(data, path)


def _build(data: dict[str, Any], path: Path) -> Config:
    def line(key: str) -> int | None:
        return data.line_of(key) if isinstance(data, LineMap) else None

    config = Config(source=path)
    base = path.parent
    for written, value in data.items():
        key = str(written).replace("-", "_")

        def fail(key: str, message: str, written: str = written) -> ConfigError:
            return ConfigError(f"{key}: {message}", path, line(written))

        if key not in KEYS:
            raise ConfigError(unknown_key_message(key, KEYS, "setting"), path, line(written))
        config.lines[key] = line(written) or 1
        if key in ("style", "fail_on"):
            if not isinstance(value, str):
                raise fail(key, "must be a string")
            if key == "fail_on" and value not in SEVERITIES:
                raise fail(key, unknown_key_message(value, SEVERITIES, "severity"))
            setattr(config, key, value)
        elif key == "max_file_size":
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise fail(key, "must be a positive number of bytes")
            config.max_file_size = value
        elif key == "docs_url":
            if not isinstance(value, str) or "{rule}" not in value:
                raise fail(key, "must be a URL template holding {rule}, e.g. https://desk.example.org/rules/{rule}")
            config.docs_url = value
        elif key == "time_budget":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 3600:
                raise fail(key, "must be a number of seconds, above 0 and at most 3600")
            config.time_budget = float(value)
        elif key == "strict_files":
            if not isinstance(value, bool):
                raise fail(key, "must be true or false")
            config.strict_files = value
        elif key == "archive_fields":
            config.archive_fields = _archive_fields(value, fail)
        elif key == "per_file_ignores":
            if not isinstance(value, dict) or not all(
                isinstance(v, list) and all(isinstance(r, str) for r in v) for v in value.values()
            ):
                raise fail(key, "must map file patterns to lists of rule ids")
            config.per_file_ignores = {str(k): list(v) for k, v in value.items()}
        elif key == "styles_by_path":
            if not isinstance(value, dict) or not all(isinstance(v, str) and v for v in value.values()):
                raise fail(key, "must map file patterns to house style names")
            config.styles_by_path = {str(k): (v, _line_in(value, k, line(written))) for k, v in value.items()}
        elif key == "severity":
            if not isinstance(value, dict) or not all(v in SEVERITIES for v in value.values()):
                raise fail(key, "must map rule ids to error, warning or info")
            config.severity = {str(k): v for k, v in value.items()}
        else:
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
                raise fail(key, "must be a list of strings")
            if key == "archive":
                missing = [item for item in items if not (base / item).exists()]
                if missing:
                    raise fail(key, f"no such file or folder: {', '.join(missing)}")
            if key in _PATH_KEYS:
                setattr(config, key, [base / item for item in items])
            else:
                setattr(config, key, list(items))
    return config
