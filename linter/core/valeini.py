"""Reading Vale's configuration (``.vale.ini``), found as Vale finds it.

    StylesPath = styles            # folder of the style folders (relative to the file)
    MinAlertLevel = warning        # suggestion, warning or error: lower ones are not printed
    Vocab = House                  # (read, not applied yet)

    [*]                            # a glob: the settings of the files it matches
    BasedOnStyles = House, demo    # every rule of these styles
    House.Hedging = NO             # one rule off (YES: on; a level: on, at that level)

A setting before the first section holds for every file. For a file, the
``BasedOnStyles`` of the last section that matches it hold (or the global
ones), and the rules turned on or off by every matching section, in order,
over the global ones: as Vale applies them.

Vale's built-in ``Vale`` style (Spelling, Terms, Avoid, Repetition) is not
read: it is reported, not silently dropped.
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
GLOBAL_KEYS = ("StylesPath", "MinAlertLevel", "Vocab")
RULE_NAME = regex.compile(r"^[\w-]+\.[\w-]+$")


@dataclass
class Section:
    """One ``[glob]`` of the file (the global settings have none)."""

    globs: tuple[str, ...]
    based_on: list[str] | None = None  # None: not set here
    rules: dict[str, str] = field(default_factory=dict)  # Style.Rule: YES, NO or a level

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
        for name in self.vocab:
            folders = [self.styles_path / "config" / "vocabularies" / name, self.styles_path / "Vocab" / name] if self.styles_path else []
            folder = next((f for f in folders if f.is_dir()), None)
            if folder is None:
                missing.append(name)
                continue
            accept = folder / "accept.txt"
            if accept.is_file():
                lines = accept.read_text(encoding="utf-8-sig", errors="replace").splitlines()
                terms += [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
        return terms, missing

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


def _expand(glob: str) -> tuple[str, ...]:
    """``*.{md,txt}`` as ``*.md`` and ``*.txt``."""
    found = regex.search(r"\{([^{}]*)\}", glob)
    if not found:
        return (glob,)
    return tuple(
        expanded
        for choice in found.group(1).split(",")
        for expanded in _expand(glob[: found.start()] + choice + glob[found.end() :])
    )


def read(path: Path) -> ValeIni:
    """The configuration in ``path``; an unreadable file is a ConfigError,
    a setting copydesk does not read is a note."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read the Vale configuration: {error}", path) from None
    ini = ValeIni(path)
    section = Section(())
    ini.sections.append(section)
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        heading = regex.fullmatch(r"\[(.*)\]", line)
        if heading:
            name = heading.group(1).strip()
            section = Section(_expand(name))
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
        elif key in GLOBAL_KEYS and not section.globs:
            _global(ini, key, value, number)
        else:
            ini.notes.append(f"{path}:{number}: setting '{key}' is not supported; ignored")
    return ini


def _global(ini: ValeIni, key: str, value: str, number: int) -> None:
    if key == "StylesPath":
        ini.styles_path = (ini.path.parent / value).resolve()
    elif key == "MinAlertLevel":
        if value not in LEVELS:
            raise ConfigError(f"MinAlertLevel must be one of {', '.join(LEVELS)}, not {value!r}", ini.path, number)
        ini.min_alert_level = value
    elif key == "Vocab":
        ini.vocab = [name.strip() for name in value.split(",") if name.strip()]


def near(start: Path, named: Path | None = None) -> ValeIni | None:
    """The configuration named, or else the one found at or above ``start``."""
    path = named or find(start)
    if named is not None and not named.is_file():
        raise ConfigError("Vale configuration not found", named)
    return read(path) if path else None
