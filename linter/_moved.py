"""The import paths of the flat layout before the layers (copydesk 0.1),
kept working for one release: importing ``linter.engine`` gives
``linter.core.engine`` with a DeprecationWarning naming the new path.

One finder at the end of ``sys.meta_path`` answers only for the names
below, and only once no real module of that name was found, so it costs a
run that uses the new paths nothing. To be removed in the next release.
"""

from __future__ import annotations

import importlib
from importlib.machinery import ModuleSpec
import sys
import warnings
from types import ModuleType

MOVED = {
    "linter.errors": "linter.support.errors",
    "linter.hashing": "linter.support.hashing",
    "linter.cache": "linter.support.cache",
    "linter.patterns": "linter.support.patterns",
    "linter.textnorm": "linter.support.textnorm",
    "linter.budget": "linter.support.budget",
    "linter.yamlloader": "linter.support.yamlloader",
    "linter.yamlsource": "linter.support.yamlsource",
    "linter.similarity": "linter.support.similarity",
    "linter.literals": "linter.support.required_words",
    "linter.document": "linter.article.document",
    "linter.markup_scopes": "linter.article.markup_scopes",
    "linter.scopes": "linter.article.scopes",
    "linter.segment": "linter.article.segment",
    "linter.quotations": "linter.article.quotations",
    "linter.source": "linter.article.source",
    "linter.discovery": "linter.article.discovery",
    "linter.suppression": "linter.article.suppression",
    "linter.outline": "linter.article.outline",
    "linter.formats.layout": "linter.article.layout",
    "linter.formats.furniture": "linter.article.furniture",
    "linter.lexicon": "linter.language.lexicon",
    "linter.names": "linter.language.names",
    "linter.surnames": "linter.language.surnames",
    "linter.inference": "linter.language.inference",
    "linter.speakers": "linter.language.speakers",
    "linter.copy_shapes": "linter.language.copy_shapes",
    "linter.findings": "linter.results.findings",
    "linter.fixes": "linter.results.fixes",
    "linter.baseline": "linter.results.baseline",
    "linter.config": "linter.core.config",
    "linter.valeini": "linter.core.valeini",
    "linter.rules": "linter.core.rules",
    "linter.hookspecs": "linter.core.hookspecs",
    "linter.plugins": "linter.core.plugins",
    "linter.context": "linter.core.context",
    "linter.engine": "linter.core.engine",
    "linter.parallel": "linter.core.parallel",
    "linter.prefilter": "linter.core.word_index",
    "linter.selection": "linter.core.selection",
    "linter.vale": "linter.core.vale",
    "linter.vale_comments": "linter.core.vale_comments",
    "linter.reference": "linter.core.reference",
    "linter.autofix": "linter.core.autofix",
    "linter.checks.base": "linter.core.check",
    "linter.reporters.base": "linter.core.reporter",
    "linter.checks.file_problem": "linter.core.file_problem",
    "linter.checks.suppression_comments": "linter.core.suppression_comments",
    "linter.stdin": "linter.cli.stdin",
    "linter.init_config": "linter.cli.init_config",
    "linter.checks.credit": "linter.checks.missing_credit",
    # named for what they hold in 0.2
    "linter.support.literals": "linter.support.required_words",
    "linter.core.prefilter": "linter.core.word_index",
}


class _Alias:
    """Loads an old name as the module at its new path (a loader: the
    protocol, not importlib.abc's class, which costs a run 18 ms to import)."""

    def __init__(self, new: str) -> None:
        self.new = new
        self.own_spec: ModuleSpec | None = None

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        warnings.warn(
            f"{spec.name} is now {self.new}; the old path goes in the next release",
            DeprecationWarning,
            stacklevel=2,  # the importer: warn() skips the import system's frames
        )
        module = importlib.import_module(self.new)
        self.own_spec = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        # The module at the new path is already executed; the import system
        # has just set its __spec__ to the old name's: give it back its own.
        module.__spec__ = self.own_spec


class MovedFinder:
    """Finds the old names (a meta path finder)."""

    def find_spec(self, name, path=None, target=None):  # type: ignore[no-untyped-def]
        new = MOVED.get(name)
        if new is None:
            return None
        return ModuleSpec(name, _Alias(new))


def install() -> None:
    if not any(isinstance(finder, MovedFinder) for finder in sys.meta_path):
        sys.meta_path.append(MovedFinder())
