"""The plugin manager: loads plugins from the ``copydesk`` entry-point group
and collects what their hooks provide.

Each hook implementation is called on its own, so a plugin that raises or
returns something of the wrong kind is named in ``problems`` and left out,
and the others still work.
"""

from __future__ import annotations

import importlib
from functools import cached_property
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Callable, Iterable

import pluggy

from linter import hookspecs
from linter.checks.base import Check
from linter.hookspecs import PROJECT, HouseStyle, InputFormat, ReporterSpec, RulePack

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
        return found

    @cached_property
    def formats(self) -> list[InputFormat]:
        return [item for _, item in self._collect("copydesk_input_formats", lambda f: isinstance(f, InputFormat))]

    def format_for(self, path: Path) -> InputFormat | None:
        """The format for a file's suffix; plain text for an unknown one."""
        suffix = path.suffix.lower()
        by_suffix = next((f for f in self.formats if suffix in f.suffixes), None)
        return by_suffix or next((f for f in self.formats if f.name == "text"), None)

    @cached_property
    def packs(self) -> dict[str, RulePack]:
        return {p.name: p for _, p in self._collect("copydesk_rule_packs", lambda p: isinstance(p, RulePack))}

    @cached_property
    def reporters(self) -> dict[str, ReporterSpec]:
        return {r.name: r for _, r in self._collect("copydesk_reporters", lambda r: isinstance(r, ReporterSpec))}

    @cached_property
    def styles(self) -> dict[str, HouseStyle]:
        return {s.name: s for _, s in self._collect("copydesk_house_styles", lambda s: isinstance(s, HouseStyle))}

    @cached_property
    def name_registries(self) -> list[Path]:
        return [p for _, p in self._collect("copydesk_name_registries", lambda p: isinstance(p, Path))]


def load_plugins(extra: Iterable[object] = ()) -> Plugins:
    """Register the entry-point plugins (built-ins included) and ``extra``
    plugin objects, as a test or an embedding program may pass."""
    manager = pluggy.PluginManager(PROJECT)
    manager.add_hookspecs(hookspecs)
    problems: list[str] = []
    for entry_point in entry_points(group=PROJECT):
        try:
            plugin = entry_point.load()
        except Exception as error:  # a broken plugin is reported, not fatal
            problems.append(f"plugin '{entry_point.name}' ({entry_point.value}) failed to load: {error!r}")
            continue
        _register(manager, plugin, entry_point.value, problems)
    for module_name in BUILTIN_MODULES:
        module = importlib.import_module(module_name)
        if not manager.is_registered(module):
            _register(manager, module, module_name, problems)
    for plugin in extra:
        _register(manager, plugin, None, problems)
    return Plugins(manager, problems)


def _register(manager: pluggy.PluginManager, plugin: object, name: str | None, problems: list[str]) -> None:
    if manager.is_registered(plugin):
        return
    try:
        manager.register(plugin, name=name)
    except Exception as error:  # e.g. a hook implementation with a bad signature
        problems.append(f"plugin '{name or plugin}' cannot be registered: {error}")
