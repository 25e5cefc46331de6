"""The rule packs, house styles and names registry that ship with copydesk.

They live in the top-level ``rules/`` folder of the source tree and inside
the wheel as ``linter/packs_data``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from linter.hookspecs import HouseStyle, RulePack, hookimpl


@cache
def shipped_rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "packs_data", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("copydesk's rules folder is missing from this installation")


@hookimpl
def copydesk_rule_packs() -> list[RulePack]:
    return [
        RulePack("core", shipped_rules_dir() / "core"),
        # House style of news copy: opt in with `packs: [newsroom]`.
        RulePack("newsroom", shipped_rules_dir() / "newsroom", default=False),
    ]


@hookimpl
def copydesk_house_styles() -> list[HouseStyle]:
    return [HouseStyle(path.stem, path) for path in sorted((shipped_rules_dir() / "styles").glob("*.yaml"))]


@hookimpl
def copydesk_name_registries() -> list[Path]:
    return sorted((shipped_rules_dir() / "names").glob("*.yaml"))
