"""Safe YAML loading that remembers the line of every mapping and key, so
that a bad rule or config can be reported as ``file:line``.

PyYAML (a quarter of a one-file run's imports) is imported only when a file
is parsed: a run whose rules, registries and config come from the cache
(see ``linter.support.cache``) does not need it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from linter.support.errors import ConfigError
from linter.support.linemap import LineMap
from linter.support.suggest import did_you_mean

__all__ = ["LineMap", "load_yaml", "unknown_key_message"]


def load_yaml(path: Path, text: str | None = None) -> Any:
    """Load one YAML file safely; any problem becomes a ConfigError."""
    import yaml

    from linter.support.yamlloader import LineLoader

    try:
        if text is None:
            text = path.read_text(encoding="utf-8-sig")
        return yaml.load(text, Loader=LineLoader)  # noqa: S506 - a SafeLoader subclass
    except OSError as error:
        raise ConfigError(f"cannot read: {error.strerror or error}", path) from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"not UTF-8 (byte {error.start})", path) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise ConfigError(f"invalid YAML: {problem}", path, mark.line + 1 if mark else None) from None


def unknown_key_message(key: str, known: Iterable[str], what: str) -> str:
    """'unknown field ...' with the closest known name when there is one."""
    return f"unknown {what} '{key}'{did_you_mean(key, known)}"
