"""A run's fingerprint: one hash of everything besides a story's own bytes
(and its path) that decides its findings, so that a stored result is used
only by a run that would find the same.

It covers copydesk's version and code, the installed distributions (a
plugin added, upgraded or removed), the effective configuration (the file
and the command line's overrides), the bytes of every rule file, names
registry, house style and lexicon in force, and the Vale configuration.
Settings that decide only which files are read or how a run ends
(``include``, ``exclude``, ``fail_on``, ``strict_files``, ``docs_url``) are
left out. Computed once per run from stat calls and small files.
"""

from __future__ import annotations

import inspect
import os
from pathlib import Path
import sys
from typing import Any, Iterable

from linter import version
from linter.support.hashing import blake2b
from linter.support.shipped import shipped_rules_dir

# The engine (linter.core.engine), whose run imports this module: typed by name only.
Engine = Any

SCHEMA = "2"  # of the findings and collections stored; raised when their classes change shape

# Settings that do not change what is found in a story.
_NOT_FINDINGS = frozenset(
    {"lines", "fail_on", "strict_files", "docs_url", "include", "exclude", "vale_ini", "source", "archive"}
)


def fingerprint(engine: "Engine") -> bytes:
    digest = blake2b(digest_size=16)

    def add(*parts: object) -> None:
        digest.update("\0".join(map(str, parts)).encode("utf-8", "surrogateescape") + b"\1")

    add("schema", SCHEMA, version(), sys.version)
    for stamp in _code_stamps(engine):
        add("code", stamp)
    from linter.core.plugins import _installed_stamp

    add("installed", _installed_stamp())
    config = engine.config
    for name, value in sorted(vars(config).items()):
        if name not in _NOT_FINDINGS:
            add("config", name, repr(value))
    add("config-folder", config.source.parent.resolve() if config.source else Path.cwd())
    add("vale-ini", repr(config.vale_ini))
    add("style", engine.context.style_name)
    add("rules", *(f"{rule.id}:{rule.severity}" for rule in engine.rules))
    for path in sorted(_input_files(engine)):
        add("file", path)
        try:
            digest.update(path.read_bytes())
        except OSError as error:
            add("unreadable", error.errno)
    return digest.digest()


def _input_files(engine: "Engine") -> set[Path]:
    """Every file the run's findings read besides the stories."""
    plugins, config = engine.plugins, engine.config
    files = {rule.source for rule in engine.loaded_rules if rule.source.is_file()}
    files.update(plugins.name_registries)
    files.update(config.names)
    files.update(style.path for style in plugins.styles.values())
    files.update(config.styles)
    files.update((shipped_rules_dir() / "lexicon").glob("*.y*ml"))
    if config.vale_ini is not None:
        files.add(config.vale_ini.path)
    return files


def _code_stamps(engine: "Engine") -> Iterable[str]:
    """Where copydesk's and its plugins' source files stand and when each
    was last written: a changed check is a new fingerprint even when the
    version is not (a checkout being worked on)."""
    folders = {Path(__file__).parent.parent}  # the linter package
    single: set[Path] = set()
    for plugin in engine.plugins.manager.get_plugins():
        try:
            source = Path(inspect.getfile(plugin if inspect.ismodule(plugin) else type(plugin)))
        except (TypeError, OSError):
            continue
        if source.name == "__init__.py":
            folders.add(source.parent)
        else:
            single.add(source)
    folders = {f for f in folders if not any(f != g and f.is_relative_to(g) for g in folders)}
    files = [path for path in single if not any(path.is_relative_to(folder) for folder in folders)]
    for folder in folders:
        for root, dirs, names in os.walk(folder):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            files += [Path(root, name) for name in names if name.endswith(".py")]
    for path in sorted(files):
        try:
            stat = path.stat()
        except OSError:
            continue
        yield f"{path}:{stat.st_mtime_ns}:{stat.st_size}"
