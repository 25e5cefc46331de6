"""What a run shares with its checks: configuration, plugins, and the names
registry and house style, loaded on first use."""

from __future__ import annotations

from functools import cached_property
from typing import Callable

from linter.config import Config
from linter.errors import ConfigError
from linter.inference import Lexicon, PeopleFinder
from linter.names import HouseStyle, Person, load_registries, load_style
from linter.packs import shipped_rules_dir
from linter.plugins import Plugins
from linter.prefilter import LiteralIndex


class RunContext:
    def __init__(self, config: Config, plugins: Plugins, style_name: str = "") -> None:
        self.config = config
        self.plugins = plugins
        self.style_name = style_name or config.style
        # The words the run's rules need, set by the engine once its checks exist.
        self.literal_index: LiteralIndex | None = None
        # The run's rule ids, set by the engine once its rules are loaded:
        # those that run, those of them across files, and every id a rule
        # pack, the config or a plugin defines, enabled or not (a function:
        # finding them all loads the packs that are not enabled).
        self.active_rule_ids: frozenset[str] = frozenset()
        self.across_rule_ids: frozenset[str] = frozenset()
        self.known_rule_ids: Callable[[], frozenset[str]] = frozenset

    @cached_property
    def people(self) -> list[Person]:
        for path in self.config.names:
            if not path.is_file():
                raise ConfigError("names registry not found", path)
        return load_registries([*self.plugins.name_registries, *self.config.names])

    @cached_property
    def people_finder(self) -> PeopleFinder:
        return PeopleFinder(Lexicon.load(shipped_rules_dir() / "lexicon" / "people.yaml"))

    @cached_property
    def style(self) -> HouseStyle:
        """The chosen house style: one of the newsroom's own files (config
        ``styles``, named by file name) or one a plugin provides."""
        styles = {s.name: s.path for s in self.plugins.styles.values()}
        styles.update({path.stem: path for path in self.config.styles})
        if self.style_name not in styles:
            raise ConfigError(f"unknown house style '{self.style_name}' (known: {', '.join(sorted(styles))})")
        if not styles[self.style_name].is_file():
            raise ConfigError("house style file not found", styles[self.style_name])
        return load_style(self.style_name, styles[self.style_name])
