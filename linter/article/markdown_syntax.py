"""The Markdown line syntax the Markdown format reads and the metric check
skips (fences, ATX and setext headings): one definition for both."""

from __future__ import annotations

from linter.support import patterns

FENCE = patterns.compile(r"^\s{0,3}(`{3,}|~{3,})")
HEADING = patterns.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
SETEXT = patterns.compile(r"^\s{0,3}(=+|-+)\s*$")


def closes_fence(line: str, fence: str) -> bool:
    """Whether the line closes a fence opened by ``fence``: a run of the
    same mark at least as long, alone on its line."""
    closing = line.strip()
    return closing.startswith(fence) and closing == fence[0] * len(closing)
