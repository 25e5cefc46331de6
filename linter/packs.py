"""The rule packs, house styles and names registry that ship with copydesk.

They live in the top-level ``rules/`` folder of the source tree and inside
the wheel as ``linter/packs_data``.
"""

from __future__ import annotations

from pathlib import Path

from linter.core.hookspecs import RulePack, StyleFile, hookimpl
from linter.support.shipped import shipped_rules_dir


@hookimpl
def copydesk_rule_packs() -> list[RulePack]:
    return [
        RulePack("core", shipped_rules_dir() / "core"),
        # House style of news copy: opt in with `packs: [newsroom]`.
        RulePack("newsroom", shipped_rules_dir() / "newsroom", default=False),
    ]


@hookimpl
def copydesk_house_styles() -> list[StyleFile]:
    return [StyleFile(path.stem, path) for path in sorted((shipped_rules_dir() / "styles").glob("*.yaml"))]


@hookimpl
def copydesk_name_registries() -> list[Path]:
    return sorted((shipped_rules_dir() / "names").glob("*.yaml"))
