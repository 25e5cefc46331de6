"""What a run shares with its checks: configuration, and the names registry
and house style, loaded on first use.

The plugins' house styles and name registries come in as functions that
give them, so that the context knows nothing of the plugin host (and they
are collected only by a run whose rules read names)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Callable

from linter.core.config import Config
from linter.support.errors import ConfigError
from linter.language.inference import PeopleFinder
from linter.language.lexicon import Lexicon
from linter.language.names import HouseStyle, Person, load_registries, load_style
from linter.support.shipped import shipped_rules_dir


class RunContext:
    def __init__(
        self,
        config: Config,
        style_name: str = "",
        *,
        house_styles: Callable[[], dict[str, Path]] = dict,
        name_registries: Callable[[], list[Path]] = list,
        active_rule_ids: frozenset[str] = frozenset(),
        across_rule_ids: frozenset[str] = frozenset(),
        known_rule_ids: Callable[[], frozenset[str]] = frozenset,
    ) -> None:
        self.config = config
        # The plugins' house styles (by name) and name registries.
        self._house_styles = house_styles
        self._name_registries = name_registries
        # A style given on the command line applies to every file; without
        # one, the config's ``style`` and ``styles_by_path`` choose.
        self.style_name = style_name
        self._styles: dict[str, HouseStyle] = {}
        # The run's rule ids: those that run, those of them across files, and
        # every id a rule pack, the config or a plugin defines, enabled or not
        # (a function: finding them all loads the packs that are not enabled).
        self.active_rule_ids = active_rule_ids
        self.across_rule_ids = across_rule_ids
        self.known_rule_ids = known_rule_ids

    @cached_property
    def people(self) -> list[Person]:
        for path in self.config.names:
            if not path.is_file():
                raise ConfigError("names registry not found", path)
        return load_registries([*self._name_registries(), *self.config.names])

    @cached_property
    def people_finder(self) -> PeopleFinder:
        return PeopleFinder(Lexicon.load(shipped_rules_dir() / "lexicon" / "people.yaml"))

    @cached_property
    def style(self) -> HouseStyle:
        """The run's house style: the one given, or the config's ``style``."""
        return self._load_style(self.style_name or self.config.style)

    def style_for(self, path: Path | None) -> HouseStyle:
        """The house style of one file: the one given for the run, else the
        first of the config's ``styles_by_path`` whose pattern matches the
        file, else the config's ``style``. With ``None``, every style the
        config names is loaded (so that their errors stop a run at once)
        and the run's style is returned."""
        if self.style_name or not self.config.styles_by_path:
            return self.style
        if path is None:
            for pattern, (name, line) in self.config.styles_by_path.items():
                self._load_style(name, (pattern, line))
            return self.style
        return self._load_style(self.config.style_for(path))

    def _load_style(self, name: str, origin: tuple[str, int | None] | None = None) -> HouseStyle:
        """A house style by name: one of the newsroom's own files (config
        ``styles``, named by file name) or one a plugin provides. ``origin``
        is the ``styles_by_path`` entry that names it, for the error."""
        if name in self._styles:
            return self._styles[name]
        styles = dict(self._house_styles())
        styles.update({path.stem: path for path in self.config.styles})
        if name not in styles:
            message = f"unknown house style '{name}' (known: {', '.join(sorted(styles))})"
            if origin is not None:
                raise ConfigError(f"styles_by_path: '{origin[0]}': {message}", self.config.source, origin[1])
            raise ConfigError(message)
        if not styles[name].is_file():
            raise ConfigError("house style file not found", styles[name])
        self._styles[name] = load_style(name, styles[name])
        return self._styles[name]
