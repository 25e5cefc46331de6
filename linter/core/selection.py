"""Every rule id a run is told about names a real rule.

``--select 'nme-*'`` or ``ignore: [vague-sorcing]`` that matched nothing
would let a gate pass that should fail, so an id or glob in ``select``,
``ignore``, ``severity`` or ``per_file_ignores`` (in the config or on the
command line) that names no rule is a usage error, with the nearest real
id. An id of a rule pack that is installed but not enabled is said to be
so: an error in ``select`` (the rule would not run), a note elsewhere.
"""

from __future__ import annotations

import fnmatch
from typing import TYPE_CHECKING, Iterable, Iterator

from linter.support.errors import ConfigError
from linter.support.suggest import did_you_mean

if TYPE_CHECKING:
    from linter.core.engine import Engine
    from linter.core.rule import Rule

_GLOB = "*?["


def check_rule_ids(engine: "Engine", flags: dict[str, list[str]] | None = None) -> list[str]:
    """Raise ConfigError for the first id or glob that names no rule; return
    notes for those that name only rules of packs not enabled. ``flags``
    holds the ids given on the command line (``--select``, ``--ignore``),
    which the engine's config already holds merged with its own."""
    flags = flags or {}
    config = engine.config
    loaded = {rule.id for rule in engine.loaded_rules}
    notes: list[str] = []
    for key, ids in _settings(engine):
        flag = f"--{key}"
        for rule_id in ids:
            if any(_names(rule_id, key, rule) for rule in loaded):
                continue
            where, path, line = (flag, None, None) if rule_id in flags.get(flag, ()) else (key, config.source, config.lines.get(key))
            every = engine.all_rules()
            packs = sorted({rule.pack for rule in every.values() if _names(rule_id, key, rule.id)})
            if key == "severity" and any(c in rule_id for c in _GLOB):
                raise ConfigError(f"severity: '{rule_id}': give rule ids here, not globs", path, line)
            if not packs:
                raise ConfigError(_unknown(where, rule_id, every), path, line)
            message = f"{where}: '{rule_id}' names rules of pack {', '.join(packs)}, which is not enabled (add it to `packs:`)"
            if key == "select":
                raise ConfigError(message, path, line)
            notes.append(str(ConfigError(message, path, line)))
    return notes


def _settings(engine: "Engine") -> Iterator[tuple[str, Iterable[str]]]:
    config = engine.config
    yield "select", config.select
    yield "ignore", config.ignore
    yield "severity", config.severity
    yield "per_file_ignores", [rule for rules in config.per_file_ignores.values() for rule in rules]


def _names(rule_id: str, key: str, candidate: str) -> bool:
    """Whether an entry names a rule: ``severity`` takes ids, the others globs too."""
    if key == "severity":
        return rule_id == candidate
    return fnmatch.fnmatchcase(candidate, rule_id)


def _unknown(where: str, rule_id: str, every: dict[str, "Rule"]) -> str:
    """What is wrong with an id or glob that names no rule, with the nearest
    real id (or, for a glob, the nearest glob over the ids' first words)."""
    glob = any(c in rule_id for c in _GLOB)
    candidates = {rule.split("-", 1)[0] + "-*" for rule in every} if glob else set(every)
    hint = did_you_mean(rule_id, candidates)
    what = f"glob '{rule_id}' matches no rule" if glob else f"unknown rule '{rule_id}'"
    return f"{where}: {what}{hint}; `copydesk rules --all` lists them"
