"""Safe YAML loading that remembers the line of every mapping and key, so
that a bad rule or config can be reported as ``file:line``."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, Iterable

import yaml

from linter.errors import ConfigError


class LineMap(dict):
    """A mapping from YAML that knows its own line and each key's line."""

    line: int = 1
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


MAX_EXPANDED_NODES = 100_000


def _expanded_size(node: yaml.Node, sizes: dict[int, int]) -> int:
    """How many nodes the document holds once every alias is expanded,
    computed without expanding them (each node is sized once)."""
    if id(node) in sizes:
        return sizes[id(node)]
    sizes[id(node)] = 1  # a recursive alias counts once
    if isinstance(node, yaml.SequenceNode):
        size = 1 + sum(_expanded_size(child, sizes) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size = 1 + sum(_expanded_size(k, sizes) + _expanded_size(v, sizes) for k, v in node.value)
    else:
        size = 1
    sizes[id(node)] = size
    return size


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings are LineMaps. Only the safe constructors
    are used: no Python objects can be built from a rule file. A document
    whose aliases would expand past MAX_EXPANDED_NODES (a "billion laughs"
    file) is refused before anything is built from it."""

    def construct_document(self, node: yaml.Node):  # type: ignore[no-untyped-def]
        if _expanded_size(node, {}) > MAX_EXPANDED_NODES:
            raise yaml.YAMLError(f"anchors and aliases expand to more than {MAX_EXPANDED_NODES} values")
        return super().construct_document(node)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineMap:  # type: ignore[override]
        mapping = LineMap(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {
            str(key_node.value): key_node.start_mark.line + 1 for key_node, _ in node.value
        }
        return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping)


def load_yaml(path: Path, text: str | None = None) -> Any:
    """Load one YAML file safely; any problem becomes a ConfigError."""
    try:
        if text is None:
            text = path.read_text(encoding="utf-8-sig")
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
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
    close = difflib.get_close_matches(key, list(known), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown {what} '{key}'{hint}"
