"""``copydesk init``: a commented ``.copydesk.yaml`` to start from."""

from __future__ import annotations

from pathlib import Path

from linter.core.config import CONFIG_NAMES
from linter.support.errors import ConfigError

TEMPLATE = """\
# copydesk's configuration. Every setting is optional; the README's
# Configuration section lists them all.

style: {style}                 # house style for names: nyt, ap or british
fail_on: warning           # lowest severity that fails a run: error, warning or info
packs: []                  # rule packs to add to the core one, e.g. [newsroom]
ignore: []                 # rules that never run, e.g. [missing-credit]

# select: [name-*]         # run only these rules (ids or globs)
# severity:                # give a rule another severity
#   vague-sourcing: error
# names: [people.yaml]     # your newsroom's people, over the shipped registry
#                          # (copydesk names suggest --format yaml starts one)
# styles_by_path:          # a house style for some files
#   "sport/*": ap
# per_file_ignores:        # rules silenced for some files
#   "archive/*": [missing-credit]
# exclude: [drafts/]       # files and folders never linted
# docs_url: https://desk.example.org/rules/{{rule}}   # link each rule's docs
"""


def write_config(folder: Path, style: str) -> Path:
    """Write a commented config into ``folder``; never over one that exists."""
    existing = [folder / name for name in CONFIG_NAMES if (folder / name).exists()]
    if existing:
        raise ConfigError("a configuration is already here; not overwritten", existing[0])
    path = folder / CONFIG_NAMES[0]
    with path.open("x", encoding="utf-8") as stream:  # "x": never over a file made meanwhile
        stream.write(TEMPLATE.format(style=style))
    return path
