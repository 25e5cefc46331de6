"""The plugin manager: loads plugins from the ``copydesk`` entry-point group
and collects what their hooks provide.

Each hook implementation is called on its own, so a plugin that raises or
returns something of the wrong kind is named in ``problems`` and left out,
and the others still work.
"""

from __future__ import annotations

from functools import cached_property
import importlib
import os
from pathlib import Path
import sys
from typing import Any, Callable, Iterable

import pluggy

from linter.core import hookspecs
from linter.core.check import Check
from linter.support.hashing import blake2b
from linter.core.hookspecs import PROJECT, InputFormat, ReporterSpec, RulePack, StyleFile

# The built-in plugins, registered through entry points like any other; the
# list lets a source checkout that was never installed still run.
BUILTIN_MODULES = ("linter.formats", "linter.checks", "linter.reporters", "linter.packs")


class Plugins:
    """What the registered plugins provide, collected once per run."""

    def __init__(self, manager: pluggy.PluginManager, problems: list[str] | None = None) -> None:
        self.manager = manager
        self.problems: list[str] = problems or []

    def _collect(self, hook_name: str, valid: Callable[[Any], bool]) -> list[tuple[str, Any]]:
        items: list[tuple[str, Any]] = []
        for impl in getattr(self.manager.hook, hook_name).get_hookimpls():
            try:
                result = impl.function()
            except Exception as error:  # a plugin's own bug must not stop the run
                self.problems.append(f"plugin '{impl.plugin_name}': {hook_name} raised {error!r}; plugin skipped")
                continue
            if result is None:
                continue
            if not isinstance(result, (list, tuple)) or not all(valid(item) for item in result):
                self.problems.append(
                    f"plugin '{impl.plugin_name}': {hook_name} returned {result!r}, not a list of the expected kind"
                )
                continue
            items += [(impl.plugin_name, item) for item in result]
        return items

    @cached_property
    def check_types(self) -> dict[str, type[Check]]:
        found: dict[str, type[Check]] = {}
        owner: dict[str, str] = {}
        for plugin, check in self._collect(
            "copydesk_check_types", lambda c: isinstance(c, type) and issubclass(c, Check) and hasattr(c, "name")
        ):
            if check.name in found and found[check.name] is not check:
                self.problems.append(
                    f"plugin '{plugin}': check type '{check.name}' is already provided by '{owner[check.name]}'; ignored"
                )
                continue
            found[check.name], owner[check.name] = check, plugin
        self.check_type_owners = owner
        return found

    check_type_owners: dict[str, str] = {}  # check type name: the plugin that provides it
    format_owners: dict[str, str] = {}  # input format name: the plugin that provides it

    @cached_property
    def formats(self) -> list[InputFormat]:
        """The input formats; where two claim one suffix the first wins (a
        plugin's before a built-in's), and the run is told."""
        collected = self._collect("copydesk_input_formats", lambda f: isinstance(f, InputFormat))
        self.format_owners = {item.name: plugin for plugin, item in collected}
        claimed: dict[str, tuple[str, InputFormat]] = {}
        for plugin, item in collected:
            for suffix in item.suffixes:
                if suffix not in claimed:
                    claimed[suffix] = (plugin, item)
                elif claimed[suffix][1] is not item:
                    winner, first = claimed[suffix]
                    self.problems.append(
                        f"plugin '{plugin}': input format '{item.name}' also claims {suffix}; "
                        f"'{first.name}' (plugin '{winner}') reads those files"
                    )
        return [item for _, item in collected]

    def format_for(self, path: Path) -> InputFormat | None:
        """The format for a file's suffix; plain text for an unknown one."""
        suffix = path.suffix.lower()
        by_suffix = next((f for f in self.formats if suffix in f.suffixes), None)
        return by_suffix or next((f for f in self.formats if f.name == "text"), None)

    @cached_property
    def packs(self) -> dict[str, RulePack]:
        collected = self._collect("copydesk_rule_packs", lambda p: isinstance(p, RulePack))
        self.pack_owners = {pack.name: plugin for plugin, pack in collected}
        return {p.name: p for _, p in collected}

    pack_owners: dict[str, str] = {}  # rule pack name: the plugin that provides it

    @cached_property
    def reporters(self) -> dict[str, ReporterSpec]:
        return {r.name: r for _, r in self._collect("copydesk_reporters", lambda r: isinstance(r, ReporterSpec))}

    @cached_property
    def styles(self) -> dict[str, StyleFile]:
        return {s.name: s for _, s in self._collect("copydesk_house_styles", lambda s: isinstance(s, StyleFile))}

    @cached_property
    def name_registries(self) -> list[Path]:
        return [p for _, p in self._collect("copydesk_name_registries", lambda p: isinstance(p, Path))]


def load_plugins(extra: Iterable[object] = ()) -> Plugins:
    """Register the entry-point plugins (built-ins included) and ``extra``
    plugin objects, as a test or an embedding program may pass."""
    manager = pluggy.PluginManager(PROJECT)
    manager.add_hookspecs(hookspecs)
    problems: list[str] = []
    for name, value in entry_points():
        try:
            plugin = _load(value)
        except Exception as error:  # a broken plugin is reported, not fatal
            problems.append(f"plugin '{name}' ({value}) failed to load: {error!r}")
            continue
        _register(manager, plugin, value, problems)
    for module_name in BUILTIN_MODULES:
        module = importlib.import_module(module_name)
        if not manager.is_registered(module):
            _register(manager, module, module_name, problems)
    for plugin in extra:
        _register(manager, plugin, None, problems)
    return Plugins(manager, problems)


def entry_points() -> list[tuple[str, str]]:
    """(name, object reference) of every ``copydesk`` entry point of the
    installed distributions.

    Finding them means importing importlib.metadata and reading every
    distribution's metadata, which costs more than the rest of a one-file
    run's start-up; so they are cached under a key of where the
    distributions' metadata lies and when each entry-point file was
    written: installing, upgrading or removing a package is a new key."""
    from linter.support import cache

    return cache.cached("entry-points", _installed_stamp(), _read_entry_points)


def _read_entry_points() -> list[tuple[str, str]]:
    from importlib.metadata import entry_points as installed

    return [(entry.name, entry.value) for entry in installed(group=PROJECT)]


def _installed_stamp() -> str:
    digest = blake2b(digest_size=16)
    for folder in sys.path:
        try:
            entries = list(os.scandir(folder or "."))
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith((".dist-info", ".egg-info")):
                try:
                    stat = os.stat(os.path.join(entry.path, "entry_points.txt"))
                    stamp = f"{stat.st_mtime_ns}:{stat.st_size}"
                except OSError:
                    stamp = "none"
                digest.update(f"{entry.path}\0{stamp}\0".encode())
    return digest.hexdigest()


def _load(value: str) -> object:
    """The object an entry point names: ``module`` or ``module:attribute``
    (extras in brackets ignored), as importlib.metadata would load it."""
    module_name, _, attribute = value.split("[")[0].partition(":")
    found: object = importlib.import_module(module_name.strip())
    for part in filter(None, attribute.strip().split(".")):
        found = getattr(found, part)
    return found


def _register(manager: pluggy.PluginManager, plugin: object, name: str | None, problems: list[str]) -> None:
    if manager.is_registered(plugin):
        return
    if name is None:  # a plugin object passed in: named by its module or class, as reports show it
        label = getattr(plugin, "__name__", None) or type(plugin).__name__
        name = label if manager.get_plugin(label) is None else None
    try:
        manager.register(plugin, name=name)
    except Exception as error:  # e.g. a hook implementation with a bad signature
        problems.append(f"plugin '{name or plugin}' cannot be registered: {error}")
