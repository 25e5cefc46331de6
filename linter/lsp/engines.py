"""Engines for the documents of a workspace: one per config file, rebuilt
when the config, or a rule, names or style file it names, changes on disk."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from linter.core.config import Config, find_config, load_config
from linter.support.errors import ConfigError

if TYPE_CHECKING:  # pragma: no cover
    from linter.core.engine import Engine


@dataclass
class Loaded:
    """An engine built for one config file (``key``; "" for the defaults),
    or the error that stopped it."""

    key: str
    stamp: tuple[Any, ...]
    config: Config | None = None
    engine: "Engine | None" = None
    error: ConfigError | None = None
    problems: list[str] = field(default_factory=list)


def _stat(path: Path) -> tuple[str, int | None, int | None]:
    try:
        status = path.stat()
    except OSError:
        return (str(path), None, None)
    return (str(path), status.st_mtime_ns, status.st_size)


def _stamp(config_path: Path | None, config: Config | None, head: Any = None) -> tuple[Any, ...]:
    """What a cached engine depends on: the config file (``head``, its
    status taken before it was read, if given) and the rule, names and style
    files it names, with their modification times and sizes."""
    stamp = [head or _stat(config_path)] if config_path else []
    if config is not None:
        paths: list[Path] = []
        for folder in config.rules:
            paths += sorted(folder.glob("*.y*ml")) if folder.is_dir() else [folder]
        paths += [*config.names, *config.styles]
        stamp += [_stat(p) for p in paths]
    return tuple(stamp)


class Engines:
    """Engines by config file, rebuilt when what they were built from
    changes on disk. Not thread-safe: the server uses it from one worker."""

    def __init__(self, config: Path | None = None, style: str | None = None, plugins: Callable[[], Any] | None = None):
        self.config = config.resolve() if config else None
        self.style = style
        self._plugins = plugins
        self._cache: dict[str, Loaded] = {}

    def for_folder(self, folder: Path) -> tuple[Loaded, bool]:
        """The engine for a document in ``folder``, and whether it was
        (re)built by this call."""
        try:
            config_path = self.config or find_config(folder)
        except ConfigError as error:  # an unreadable pyproject.toml on the way up
            path = Path(error.path) if error.path else None
            return self._remember(Loaded(str(path or ""), _stamp(path, None), error=error))
        key = str(config_path or "")
        cached = self._cache.get(key)
        if cached is not None and cached.stamp == _stamp(config_path, cached.config):
            return cached, False
        return self._remember(self._build(key, config_path))

    def _remember(self, loaded: Loaded) -> tuple[Loaded, bool]:
        cached = self._cache.get(loaded.key)
        if cached is not None and cached.error is not None and loaded.error is not None and cached.stamp == loaded.stamp:
            return cached, False
        self._cache[loaded.key] = loaded
        return loaded, True

    def _build(self, key: str, config_path: Path | None) -> Loaded:
        from linter.core.engine import Engine
        from linter.core.plugins import load_plugins
        from linter.core.selection import check_rule_ids

        config = None
        head = _stat(config_path) if config_path else None  # before reading: a later change is seen next time
        try:
            config = load_config(config_path)
            plugins = (self._plugins or load_plugins)()
            engine = Engine(config, plugins, style=self.style)
            notes = check_rule_ids(engine)
        except ConfigError as error:
            return Loaded(key, _stamp(config_path, config, head), config, error=error)
        except Exception as error:  # a plugin's or rule's own bug must not stop the server
            failure = ConfigError(f"cannot load the rules: {error!r}", config_path)
            return Loaded(key, _stamp(config_path, config, head), config, error=failure)
        return Loaded(key, _stamp(config_path, config, head), config, engine, problems=[*plugins.problems, *notes])
