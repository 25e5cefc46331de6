"""What the server knows of an open document: the snapshot it lints, what
linting it gave, and the latest findings with their diagnostics. Plain
data, shared by the server and the LSP conversions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.article.document import LineIndex
from linter.lsp.engines import Loaded
from linter.results.findings import Finding
from linter.support.errors import ConfigError

if TYPE_CHECKING:  # pragma: no cover
    from linter.core.rule import Rule


@dataclass(frozen=True)
class Target:
    """A snapshot of an open document to lint."""

    uri: str
    version: int | None
    text: str
    format: str
    path: Path  # what the engine is told (its suffix picks the format)
    folder: Path  # where the config search starts


@dataclass
class Outcome:
    """What linting one snapshot gave, in the worker thread."""

    loaded: Loaded
    rebuilt: bool
    findings: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class DocState:
    """The latest findings of one document, with what answers code actions
    and hovers about them."""

    target: Target
    lines: LineIndex
    findings: list[Finding]
    rules: dict[str, "Rule"]
    error: ConfigError | None
    config_key: str
    diagnostics: list[Any] = field(default_factory=list)  # lsprotocol Diagnostics, one per finding
    docs_url: str = ""  # the config's template for rule documentation links

    @property
    def text(self) -> str:
        return self.target.text
