"""The mapping YAML files are read into, which knows its lines, so that a
bad rule or config can be reported as ``file:line``."""

from __future__ import annotations


class LineMap(dict):
    """A mapping from YAML that knows its own line and each key's line."""

    line: int = 1
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)
