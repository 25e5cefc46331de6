"""The hooks a copydesk plugin can implement, and the values they return.

A plugin is a module (or object) registered under the entry-point group
``copydesk``; the built-in formats, checks, reporters and rule packs are
plugins of exactly this kind. Every hook returns a list, and the plugin
manager concatenates the lists of all plugins.

    from linter.core.hookspecs import hookimpl

    @hookimpl
    def copydesk_check_types():
        return [MyCheck]
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

import pluggy

if TYPE_CHECKING:
    from linter.core.check import Check
    from linter.article.document import Document
    from linter.core.reporter import Reporter

PROJECT = "copydesk"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


class InputFormat(NamedTuple):
    """Parses files with one of ``suffixes`` into a Document. ``fixable``:
    whether ``--fix`` may rewrite such files (not HTML, say, whose findings
    are about a rendering of the file). An ``archive`` holds many stories:
    its ``parse`` takes the run's Config as a third argument and yields a
    Document for each story, or an ArticleError for one that cannot be read
    (the others are linted)."""

    name: str
    suffixes: tuple[str, ...]
    parse: Callable[..., Any]
    fixable: bool = True
    archive: bool = False


class RulePack(NamedTuple):
    """A folder of YAML rule files. Packs that are not ``default`` run only
    when a configuration names them under ``packs``."""

    name: str
    path: Path
    default: bool = True


class ReporterSpec(NamedTuple):
    """A named output format. ``load`` imports and returns the reporter
    class only when it is chosen, to keep start-up light."""

    name: str
    description: str
    load: Callable[[], type["Reporter"]]


class StyleFile(NamedTuple):
    """A house style a plugin provides: the YAML file describing how a house
    writes people's names (loaded into a linter.language.names.HouseStyle)."""

    name: str
    path: Path


HouseStyle = StyleFile  # its name before 0.2, kept for plugins written then


@hookspec
def copydesk_input_formats() -> list[InputFormat]:
    """Return input formats this plugin parses."""


@hookspec
def copydesk_check_types() -> list[type["Check"]]:
    """Return check-type classes; a YAML rule names one in its ``check`` field."""


@hookspec
def copydesk_rule_packs() -> list[RulePack]:
    """Return folders of YAML rules."""


@hookspec
def copydesk_reporters() -> list[ReporterSpec]:
    """Return output formats for findings."""


@hookspec
def copydesk_house_styles() -> list[StyleFile]:
    """Return house styles for names (chosen with ``style``)."""


@hookspec
def copydesk_name_registries() -> list[Path]:
    """Return YAML registries of people; later registries override earlier ones."""
