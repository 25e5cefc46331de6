"""The YAML loaders behind ``linter.support.yamlsource.load_yaml`` and article
front matter: PyYAML's safe loader, refusing documents whose aliases expand
past a bound or that nest too deep, and (for rule and config files)
building LineMaps."""

from __future__ import annotations

import yaml

from linter.support.linemap import LineMap

MAX_EXPANDED_NODES = 100_000
MAX_DEPTH = 100  # levels of nesting; real files use a handful


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


class BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader with bounds, for every YAML copydesk reads
    (config, rules, registries, styles and article front matter): a
    document whose aliases would expand past MAX_EXPANDED_NODES (a "billion
    laughs" file) is refused before anything is built from it, and so is
    one nested deeper than MAX_DEPTH (which would otherwise exhaust Python's
    stack). Only the safe constructors are used: no Python objects can be
    built from a file."""

    _depth = 0

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise yaml.composer.ComposerError(None, None, f"nested deeper than {MAX_DEPTH} levels", mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_document(self, node: yaml.Node):  # type: ignore[no-untyped-def]
        if _expanded_size(node, {}) > MAX_EXPANDED_NODES:
            raise yaml.YAMLError(f"anchors and aliases expand to more than {MAX_EXPANDED_NODES} values")
        return super().construct_document(node)


class LineLoader(BoundedLoader):
    """The bounded loader whose mappings are LineMaps, for files whose
    problems are reported as ``file:line``."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineMap:  # type: ignore[override]
        mapping = LineMap(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {
            str(key_node.value): key_node.start_mark.line + 1 for key_node, _ in node.value
        }
        return mapping


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, LineLoader.construct_mapping)
