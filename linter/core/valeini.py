r"""Reading Vale's configuration (``.vale.ini``), found as Vale finds it.

    StylesPath = styles            # folder of the style folders (relative to the file)
    MinAlertLevel = warning        # suggestion, warning or error: lower ones are not printed
    Vocab = House                  # accepted terms (StylesPath/config/vocabularies/House/accept.txt)

    [*.md]
    TokenIgnores = (\$[^$]+\$)    # text no Vale rule reads in these files
    BlockIgnores = (?s)(\{<.*?>\}) # blocks no Vale rule reads in these files

    [*]                            # a glob: the settings of the files it matches
    BasedOnStyles = House, demo    # every rule of these styles
    House.Hedging = NO             # one rule off (YES: on; a level: on, at that level)

A setting before the first section holds for every file. For a file, the
``BasedOnStyles`` of the last section that matches it hold (or the global
ones), and the rules turned on or off by every matching section, in order,
over the global ones: as Vale applies them.

Vale's built-in ``Vale`` style ships with copydesk (see linter.core.vale);
what of it is missing is reported, not silently dropped.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path

import regex

from linter.support.errors import ConfigError

NAMES = (".vale.ini", "_vale.ini", ".vale", "_vale")
LEVELS = ("suggestion", "warning", "error")
BUILT_IN = "Vale"
# keys copydesk reads; the others are reported as not supported
GLOBAL_KEYS = ("StylesPath", "MinAlertLevel", "Vocab", "IgnoredScopes", "SkippedScopes", "Packages")
# Vale's IgnoredScopes (inline markup not read) copydesk honours in Markdown
# (linter.article.ignored); code and tt it never reads
IGNORABLE = ("link", "code", "tt", "strong", "b", "em", "i")
# Vale's SkippedScopes (blocks not read) copydesk honours: the first five it never
# reads anyway; the others by the markup (linter.article.ignored)
SKIPPABLE = (
    "script", "style", "pre", "figure", "code",
    "blockquote", "li", "ul", "ol", "table", "thead", "tbody", "tr", "th", "td",
    *(f"h{n}" for n in range(1, 7)),
)
RULE_NAME = regex.compile(r"^[\w-]+\.[\w-]+$")


@dataclass
class Section:
    """One ``[glob]`` of the file (the global settings have none)."""

    globs: tuple[str, ...]
    based_on: list[str] | None = None  # None: not set here
    rules: dict[str, str] = field(default_factory=dict)  # Style.Rule: YES, NO or a level
    token_ignores: list[str] = field(default_factory=list)  # patterns of text no Vale rule reads
    block_ignores: list[str] = field(default_factory=list)  # patterns of blocks no Vale rule reads

    def matches(self, path: Path) -> bool:
        if not self.globs:
            return True
        names = (path.as_posix(), path.name)
        return any(fnmatch.fnmatchcase(name, glob) for glob in self.globs for name in names)


@dataclass
class ValeIni:
    path: Path
    styles_path: Path | None = None
    # Vale's scenarios print no suggestion without a MinAlertLevel (its
    # documentation says the default is suggestion; its behaviour says warning)
    min_alert_level: str = "warning"
    vocab: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)  # the global one first
    notes: list[str] = field(default_factory=list)  # what is not supported, with its line
    ignored_scopes: tuple[str, ...] = ("code", "tt")  # inline markup no Vale rule reads
    skipped_scopes: tuple[str, ...] = ("script", "style", "pre", "figure", "code")  # blocks no Vale rule reads
    filter: str | None = None  # Vale's --filter: an expression picking the rules that run (linter.vale_filter)
    style_roots: list[Path] = field(default_factory=list)  # the styles of packages, after StylesPath (linter.core.vale_packages)

    def style_folder(self, name: str) -> Path | None:
        """The folder of the style ``name``: in StylesPath, else in a package."""
        roots = [self.styles_path] if self.styles_path else []
        return next((root / name for root in [*roots, *self.style_roots] if (root / name).is_dir()), None)

    def styles(self) -> list[str]:
        """Every style a file may use: those based on, and those of rules named."""
        names: list[str] = []
        for section in self.sections:
            for style in [*(section.based_on or []), *(rule.split(".")[0] for rule in section.rules)]:
                if style not in names:
                    names.append(style)
        return names

    def level(self, rule: str, level: str) -> str:
        """A rule's level, as a ``Style.Rule = level`` setting makes it."""
        for section in self.sections:
            if section.rules.get(rule) in LEVELS:
                level = section.rules[rule]
        return level

    def applies(self, rule: str, path: Path) -> bool:
        """Whether the rule ``Style.Rule`` runs on the file."""
        based_on = self.sections[0].based_on or []
        setting = self.sections[0].rules.get(rule)
        for section in self.sections[1:]:
            if section.matches(path):
                if section.based_on is not None:
                    based_on = section.based_on
                setting = section.rules.get(rule, setting)
        if setting is not None:
            return setting != "NO"
        return rule.split(".")[0] in based_on

    def accepted(self) -> tuple[list[str], list[str]]:
        """The terms of the Vocab lists (``accept.txt``, ``reject.txt`` in
        ``StylesPath/config/vocabularies/NAME/``, or ``StylesPath/Vocab/NAME/``
        as Vale 2 kept them), and the lists not found."""
        terms: list[str] = []
        missing: list[str] = []
        roots = [self.styles_path] if self.styles_path else []
        for name in self.vocab:
            folders = [place for root in [*roots, *self.style_roots] for place in (root / "config" / "vocabularies" / name, root / "Vocab" / name)]
            folder = next((f for f in folders if f.is_dir()), None)
            if folder is None:
                missing.append(name)
                continue
            accept = folder / "accept.txt"
            if accept.is_file():
                lines = accept.read_text(encoding="utf-8-sig", errors="replace").splitlines()
                terms += [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
        return terms, missing

    def ignores(self, path: Path) -> tuple[list[str], list[str]]:
        """The TokenIgnores and the BlockIgnores of the sections matching
        the file (the global one's first), as Vale applies them."""
        matching = [section for section in self.sections if section.matches(path)]
        return [p for s in matching for p in s.token_ignores], [p for s in matching for p in s.block_ignores]

    def shown(self, level: str) -> bool:
        """Whether MinAlertLevel lets a finding of this level be printed."""
        return LEVELS.index(level) >= LEVELS.index(self.min_alert_level)


def find(start: Path) -> Path | None:
    """The Vale configuration at or above ``start``, as Vale looks for it
    (its global configuration aside)."""
    for folder in (start, *start.parents):
        for name in NAMES:
            if (folder / name).is_file():
                return folder / name
    return None


def expand_braces(glob: str) -> tuple[str, ...]:
    """``*.{md,txt}`` as ``*.md`` and ``*.txt``."""
    found = regex.search(r"\{([^{}]*)\}", glob)
    if not found:
        return (glob,)
    return tuple(
        expanded
        for choice in found.group(1).split(",")
        for expanded in expand_braces(glob[: found.start()] + choice + glob[found.end() :])
    )


def read(path: Path) -> ValeIni:
    """The configuration in ``path``; an unreadable file is a ConfigError,
    a setting copydesk does not read is a note."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read the Vale configuration: {error}", path) from None
    ini = ValeIni(path)
    packages: list[tuple[str, int]] = []
    section = Section(())
    ini.sections.append(section)
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        heading = regex.fullmatch(r"\[(.*)\]", line)
        if heading:
            name = heading.group(1).strip()
            section = Section(expand_braces(name))
            if name == "formats":
                ini.notes.append(f"{path}:{number}: section [formats] is not supported; ignored")
                section = Section(("\0",))  # matches no file
            ini.sections.append(section)
            continue
        key, equals, value = line.partition("=")
        key, value = key.strip(), value.strip()
        if not equals:
            ini.notes.append(f"{path}:{number}: not a setting: {line!r}; ignored")
        elif RULE_NAME.match(key):
            if value not in ("YES", "NO", *LEVELS):
                ini.notes.append(f"{path}:{number}: {key} = {value}: YES, NO or a level expected; ignored")
            else:
                section.rules[key] = value
        elif key == "BasedOnStyles":
            section.based_on = [style.strip() for style in value.split(",") if style.strip()]
        elif key in ("TokenIgnores", "BlockIgnores"):
            found = [pattern for pattern in (p.strip() for p in _split_patterns(value)) if pattern and _compiles(ini, pattern, key, number)]
            (section.token_ignores if key == "TokenIgnores" else section.block_ignores).extend(found)
        elif key == "Packages" and not section.globs:
            packages += [(name.strip(), number) for name in value.split(",") if name.strip()]
        elif key in GLOBAL_KEYS and not section.globs:
            _global(ini, key, value, number)
        else:
            ini.notes.append(f"{path}:{number}: setting '{key}' is not supported; ignored")
    for name, number in packages:
        _add_package(ini, name, number)
    return ini


def _add_package(ini: ValeIni, name: str, number: int) -> None:
    """A package of ``Packages``: a local zip file's styles and
    configuration (under the user's) join ``ini``; one named by name or
    URL is reported, as copydesk fetches nothing."""
    from linter.core import vale_packages

    where = ini.path.parent / name
    if not (name.endswith(".zip") and where.is_file()):
        ini.notes.append(f"{ini.path}:{number}: package '{name}' is not read: copydesk fetches no package (`vale sync` does); ignored")
        return
    try:
        package = vale_packages.unpack(where)
    except ConfigError as error:
        ini.notes.append(f"{ini.path}:{number}: {error}; package ignored")
        return
    if package.config is None:
        ini.style_roots.append(package.styles)
        return
    inner = read(package.config)
    ini.notes += inner.notes
    ini.style_roots += [*([inner.styles_path] if inner.styles_path else []), *inner.style_roots]
    ini.vocab += [v for v in inner.vocab if v not in ini.vocab]
    # the package's settings first, the user's over them
    user, theirs = ini.sections[0], inner.sections[0]
    user.based_on = user.based_on if user.based_on is not None else theirs.based_on
    user.rules = {**theirs.rules, **user.rules}
    user.token_ignores = [*theirs.token_ignores, *user.token_ignores]
    user.block_ignores = [*theirs.block_ignores, *user.block_ignores]
    ini.sections[1:1] = inner.sections[1:]


def _global(ini: ValeIni, key: str, value: str, number: int) -> None:
    if key == "StylesPath":
        ini.styles_path = (ini.path.parent / value).resolve()
    elif key == "MinAlertLevel":
        if value not in LEVELS:
            raise ConfigError(f"MinAlertLevel must be one of {', '.join(LEVELS)}, not {value!r}", ini.path, number)
        ini.min_alert_level = value
    elif key == "Vocab":
        ini.vocab = [name.strip() for name in value.split(",") if name.strip()]
    elif key in ("IgnoredScopes", "SkippedScopes"):
        names = tuple(name.strip() for name in value.split(",") if name.strip())
        known = IGNORABLE if key == "IgnoredScopes" else SKIPPABLE
        unknown = [name for name in names if name not in known]
        if unknown:
            ini.notes.append(f"{ini.path}:{number}: {key} {', '.join(unknown)} not supported; ignored")
        kept = tuple(name for name in names if name in known)
        if key == "IgnoredScopes":
            ini.ignored_scopes = kept
        else:
            ini.skipped_scopes = kept


def _compiles(ini: ValeIni, pattern: str, key: str, number: int) -> bool:
    """Whether a pattern of TokenIgnores or BlockIgnores compiles; one that
    does not is a note, and is not used."""
    try:
        regex.compile(pattern)
    except regex.error as error:
        ini.notes.append(f"{ini.path}:{number}: {key} pattern {pattern!r} does not compile ({error}); ignored")
        return False
    return True


def _split_patterns(value: str) -> list[str]:
    """TokenIgnores' patterns: separated by commas outside parentheses and
    brackets, as Vale writes them (``({%.+?%}), ({{.+?}})``)."""
    parts, depth, current = [], 0, ""
    for char in value:
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
            continue
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(char, 0)
        current += char
    return [*parts, current]


def near(start: Path, named: Path | None = None) -> ValeIni | None:
    """The configuration named, or else the one found at or above ``start``."""
    path = named or find(start)
    if named is not None and not named.is_file():
        raise ConfigError("Vale configuration not found", named)
    return read(path) if path else None
